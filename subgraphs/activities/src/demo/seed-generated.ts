import { DataSource } from 'typeorm';
import { DEMO_GENERATED_MARK, demoCalendar, demoGeneration, demoRandom, DemoCalendar, GeneratedActorKind, seededUuid } from '@samverkan/demo';
import { TargetGroup, Visibility } from '@samverkan/federation';
import { ActivityKind, InternalClassification, PolicePurpose } from '../activity';
import { DemoActivity, insertDemoActivities } from './seed';

const K = ActivityKind;
const C = InternalClassification;
const P = PolicePurpose;
const { CHILDREN, YOUNG_PEOPLE, PARENTS, RESIDENTS, PEOPLE_WITH_NPF, RELATIVES } = TargetGroup;

/** What each kind of generated actor arranges. */
const KINDS_BY_ORGANISER: Record<GeneratedActorKind, ActivityKind[]> = {
  POLICE: [K.MBU_MEETING, K.SAFETY_WALK, K.DIALOGUE_MEETING, K.MBU_MEETING],
  MUNICIPALITY: [K.SAFETY_WALK, K.SUMMER_JOBS, K.OPEN_MEETING_PLACE, K.CRISIS_SUPPORT, K.OUTREACH],
  CIVIL_SOCIETY: [K.SPORT, K.LEISURE, K.CULTURE, K.OPEN_MEETING_PLACE, K.PARENT_SUPPORT, K.HOMEWORK_HELP, K.SAFETY_HOSTS, K.OUTREACH, K.SPORT],
  FAITH_COMMUNITY: [K.OPEN_MEETING_PLACE, K.CRISIS_SUPPORT, K.PARENT_SUPPORT, K.DIALOGUE_MEETING],
  SCHOOL: [K.HOMEWORK_HELP, K.SUMMER_JOBS, K.DIALOGUE_MEETING],
};

/** Per kind: a title, target groups, ages, the classification, the police's purpose when they take part, and whether it is one day. */
const SHAPES: Record<ActivityKind, [title: string, TargetGroup[], [number | null, number | null], InternalClassification, PolicePurpose, boolean]> = {
  [K.MBU_MEETING]: ['Människan bakom uniformen', [YOUNG_PEOPLE], [12, 17], C.SELECTIVE_PREVENTION, P.RELATIONSHIP_BUILDING, false],
  [K.SAFETY_WALK]: ['Trygghetsvandring', [RESIDENTS, PARENTS], [null, null], C.SITUATIONAL_PREVENTION, P.SAFETY, true],
  [K.SPORT]: ['Kvällsfotboll', [CHILDREN, YOUNG_PEOPLE], [9, 16], C.UNIVERSAL_PREVENTION, P.RELATIONSHIP_BUILDING, false],
  [K.LEISURE]: ['Lovaktiviteter', [CHILDREN, YOUNG_PEOPLE], [8, 15], C.UNIVERSAL_PREVENTION, P.RELATIONSHIP_BUILDING, false],
  [K.CULTURE]: ['Kulturverkstad', [CHILDREN, YOUNG_PEOPLE], [10, 16], C.UNIVERSAL_PREVENTION, P.DIALOGUE, false],
  [K.OPEN_MEETING_PLACE]: ['Öppen mötesplats', [YOUNG_PEOPLE], [13, 19], C.UNIVERSAL_PREVENTION, P.RELATIONSHIP_BUILDING, false],
  [K.PARENT_SUPPORT]: ['Föräldraträffar', [PARENTS], [null, null], C.SELECTIVE_PREVENTION, P.DIALOGUE, false],
  [K.HOMEWORK_HELP]: ['Läxhjälp', [CHILDREN, YOUNG_PEOPLE, PEOPLE_WITH_NPF], [10, 15], C.UNIVERSAL_PREVENTION, P.KNOWLEDGE_SHARING, false],
  [K.SAFETY_HOSTS]: ['Nattvandring', [YOUNG_PEOPLE, RESIDENTS], [null, null], C.SITUATIONAL_PREVENTION, P.SAFETY, false],
  [K.CRISIS_SUPPORT]: ['Krisstöd efter allvarlig händelse', [RESIDENTS, RELATIVES, YOUNG_PEOPLE], [null, null], C.CRISIS_RESPONSE, P.CRISIS_SUPPORT, true],
  [K.DIALOGUE_MEETING]: ['Dialogmöte med unga', [YOUNG_PEOPLE], [14, 20], C.NOT_CLASSIFIED, P.DIALOGUE, true],
  [K.OUTREACH]: ['Fältarbete kvällstid', [YOUNG_PEOPLE], [12, 18], C.SELECTIVE_PREVENTION, P.KNOWLEDGE_SHARING, false],
  [K.EXIT_PROGRAMME]: ['Avhopparstöd', [YOUNG_PEOPLE, RELATIVES], [15, 30], C.INDICATED_PREVENTION, P.KNOWLEDGE_SHARING, false],
  [K.SUMMER_JOBS]: ['Feriejobb för unga', [YOUNG_PEOPLE], [15, 17], C.SELECTIVE_PREVENTION, P.RELATIONSHIP_BUILDING, false],
  [K.OTHER]: ['Aktivitet för unga', [YOUNG_PEOPLE], [null, null], C.NOT_CLASSIFIED, P.DIALOGUE, true],
};

/** Months back (0 = this month, 23 = two years ago), weighted so that activity grows over the two years and dips in July. */
const MONTHS_BACK = Array.from({ length: 24 }, (_, back) => [back, 24 - back / 2] as const);

/**
 * The generated layer's activities (see `demoGeneration` in `@samverkan/demo`): in each generated
 * municipality, more where it is bigger, spread over the last 24 months with a rising trend, arranged
 * by its associations, faith communities, schools, municipality and local police area, often
 * together, with every kind of visibility. Ids and choices come from the seed alone (never from the
 * calendar), so a restart on another day finds the same records.
 */
export function generatedActivities(cal: DemoCalendar): DemoActivity[] {
  const random = demoRandom('activities');
  const generation = demoGeneration();
  const activities: DemoActivity[] = [];
  for (const m of generation.municipalities) {
    const actors = generation.actorsIn(m.code);
    const [police] = generation.actorsIn(m.code, 'POLICE');
    const count = 6 + Math.round(m.size * 0.3);
    for (let i = 0; i < count; i++) {
      const id = seededUuid(random);
      const lead = random.weighted(actors.map((a) => [a, a.kind === 'CIVIL_SOCIETY' ? 3 : a.kind === 'POLICE' ? 2 : 1] as const));
      const kind = random.pick(KINDS_BY_ORGANISER[lead.kind]);
      const [title, targetGroups, ages, internal, purpose, oneDay] = SHAPES[kind];
      const partner = random.chance(0.45) ? (random.chance(0.5) ? police : random.pick(actors)) : undefined;
      const organisers = [...new Set([lead.id, ...(partner ? [partner.id] : [])])];
      const withPolice = organisers.includes(police.id);
      let visibility = random.weighted([[Visibility.PUBLIC, 3], [Visibility.NETWORK, 4], [Visibility.SHARED, 2], [Visibility.OWNER, 1]] as const);
      if (visibility === Visibility.SHARED && organisers.length === 1) visibility = Visibility.NETWORK;
      // Drawn whatever the calendar says, so the ids after it stay the same on every day.
      const [drawn, quietSummer] = [random.weighted(MONTHS_BACK), random.chance(0.5)];
      const back = quietSummer && cal.month(-drawn).slice(5, 7) === '07' ? (drawn + 1) % 24 : drawn;
      const startsOn = cal.month(-back, 1 + random.int(28));
      const weeks = 2 + random.int(14);
      const ongoing = random.chance(0.1);
      const participants = random.chance(0.7) ? 8 + random.int(110) : null;
      activities.push({
        id,
        title: `${title} – ${lead.place}`,
        kind,
        organisers,
        visibility,
        sharedWith: visibility === Visibility.SHARED ? organisers.slice(1) : [],
        area: lead.areaCodes[0],
        startsOn,
        endsOn: oneDay ? startsOn : ongoing ? null : cal.days(weeks * 7, startsOn),
        targetGroups,
        ages,
        police: withPolice ? [purpose, `Polisen deltar (${DEMO_GENERATED_MARK.toLowerCase()}).`] : null,
        publicDescription: `${DEMO_GENERATED_MARK}: ${title.toLowerCase()} i ${lead.place} med ${lead.name}, genererad för demonstrationen.`,
        internal,
        participants,
        funding: null,
        // From what is drawn already (no new draws, so the ids stay): weekly on the first day's weekday, or once.
        schedule: oneDay ? { start: '18:00', end: '20:00', rule: null } : { start: '17:00', end: '19:00', rule: `FREQ=WEEKLY;BYDAY=${weekdayOf(startsOn)}` },
      });
    }
  }
  return activities;
}

const RRULE_WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
/** The RFC 5545 weekday of a day ('YYYY-MM-DD'). */
const weekdayOf = (day: string) => RRULE_WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];

/** Loads the generated layer's activities (SEED_GENERATED_DEMO_DATA); those that exist already are left as they are. */
export async function seedGeneratedDemoData(dataSource: DataSource, calendar: DemoCalendar = demoCalendar()): Promise<void> {
  await dataSource.transaction((manager) => insertDemoActivities(manager, generatedActivities(calendar), calendar));
}
