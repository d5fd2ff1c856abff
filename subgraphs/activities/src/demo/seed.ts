import { DataSource, EntityManager } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AGREEMENTS as AG, DEMO_CITIZEN_PROMISE as CP, DEMO_AREAS as AR, DEMO_VENUE_LOCATIONS, DEMO_VENUES as V, demoCalendar, DemoCalendar, demoIds, insertNew } from '@samverkan/demo';
import { Visibility } from '@samverkan/federation';
import { Activity, ActivityKind, ActivityOrganiser, InternalClassification, PolicePurpose } from '../activity';
import { TargetGroup } from '@samverkan/federation';
import { insertOccurrenceDays, scheduleColumns } from '../schedule/schedule';
import { addressColumns } from '../place/place';
import { AccessibilityFeature, NpfAdaptation, SignUpMethod } from '../details/details.types';
import { ActivityVouchRow } from '../vouching/vouch';

const activity = demoIds('c0');

/**
 * Fixed ids of the demo activities, so other data and tests can refer to them. Their dates are
 * relative to the seeding day (see `demoActivities`): the "spring" safety walk is the earlier walk,
 * half a year ago, and the "autumn" one the next, four weeks ahead.
 */
export const DEMO_ACTIVITIES = {
  mbuRinkeby: activity(1),
  mbuAngered: activity(2),
  safetyWalkGottsundaSpring: activity(3),
  safetyWalkGottsundaAutumn: activity(4),
  safeFarsta: activity(5),
  safeLiljeholmen: activity(6),
  safeNorrmalm: activity(7),
  posomUppsala: activity(8),
  footballAngered: activity(9),
  mammaUnitedTrygg: activity(10),
  summerJobsJarva: activity(11),
  homeworkHelpAngered: activity(12),
  exitProgramme: activity(13),
  democracySchoolSkaggetorp: activity(14),
  /** The public finder's example (tests/finder.test.ts): a weekly football practice for 10–13-year-olds in Angered. */
  footballPracticeAngered: activity(21),
} as const;

export interface DemoActivity {
  id: string;
  title: string;
  kind: ActivityKind;
  /** The first is the lead organiser, who registered the activity and owns it. */
  organisers: string[];
  /** Who the owner lets see the internal fields (the activity itself is always public). */
  visibility: Visibility;
  /** With whom, when SHARED: the co-organisers. */
  sharedWith?: string[];
  /** The primary area; `areas` names any others it also takes place in. */
  area: string;
  areas?: string[];
  startsOn: string;
  endsOn: string | null;
  targetGroups: TargetGroup[];
  ages: [number | null, number | null];
  police: [PolicePurpose, string] | null;
  publicDescription: string;
  internal: InternalClassification;
  participants: number | null;
  funding: string | null;
  /** The agreement it is carried out under (e.g. a citizen promise), when any; independent of `funding`. */
  under?: string;
  /** The commitment of that agreement (a citizen promise) it is carried out under, when any. */
  commitment?: string;
  /** Times of day in Sweden and an RFC 5545 rule (null: once), with excluded days and cancellations (day, public note). */
  /** Cost, sign-up, languages and adaptations, as their columns (left out: not stated). */
  joining?: Partial<Pick<Activity, 'costFree' | 'costSek' | 'costFritidskortet' | 'costNote' | 'signUpMethod' | 'signUpNote' | 'languages' | 'accessibilityFeatures' | 'npfAdaptations' | 'accessibilityNote'>>;
  /** Where: a venue of the actors registry, or an address of its own (latitude, longitude). */
  venue?: string;
  address?: { street: string | null; postalCode: string | null; city: string; location: [number, number] | null };
  schedule?: { start: string; end: string | null; rule: string | null; excluded?: string[]; cancelled?: Array<[string, string | null]> };
  /** Organisations (not organisers) that vouch for it: who, how many days ago, the public note; a reason when the owner declined it. */
  vouches?: Array<{ by: string; daysAgo: number; note: string | null; declined?: string | null }>;
}

const { CHILDREN, YOUNG_PEOPLE, PARENTS, RELATIVES, RESIDENTS, LEADERS_AND_VOLUNTEERS } = TargetGroup;
const { RELATIONSHIP_BUILDING, SAFETY, DIALOGUE, KNOWLEDGE_SHARING, CRISIS_SUPPORT } = PolicePurpose;
const C = InternalClassification;
const K = ActivityKind;
const D = DEMO_ACTIVITIES;
const { PUBLIC, NETWORK, SHARED, OWNER } = Visibility;

/**
 * Activities from the dialogue meeting's examples of collaboration that works, dated relative to the
 * seeding day: a football tournament this weekend, MBU meetings in Angered from next week, a safety
 * walk and a dialogue meeting next month, series and ongoing work that span today (MBU in Rinkeby,
 * safety hosts, POSOM, Mamma United, homework help, the exit programme), and a safety walk half a
 * year ago and last summer's summer jobs in the past.
 */
export const demoActivities = (cal: DemoCalendar): DemoActivity[] => [
  {
    id: D.mbuRinkeby,
    title: 'Människan bakom uniformen – träffar i Rinkeby',
    kind: K.MBU_MEETING,
    organisers: [A.lpoRinkeby, A.fryshuset],
    visibility: SHARED,
    sharedWith: [A.fryshuset],
    area: AR.rinkebyKista,
    // A series of meetings, running now.
    startsOn: cal.month(-3),
    endsOn: cal.monthEnd(6),
    targetGroups: [YOUNG_PEOPLE],
    ages: [13, 18],
    police: [RELATIONSHIP_BUILDING, 'Poliser från lokalpolisområdet träffar ungdomarna i små grupper och berättar om sig själva och sitt yrke.'],
    publicDescription: 'Träffa poliserna bakom uniformen: samtal, aktiviteter och frågor i lugn och ro på Fryshusets mötesplats i Rinkeby.',
    internal: C.SELECTIVE_PREVENTION,
    participants: 24,
    funding: null,
    // The police's part of Rinkeby-Kista's citizen promise: meetings that build trust with young people.
    under: AG.medborgarloftRinkebyKista,
    commitment: CP.commitments.youthSafety,
    venue: V.fryshusetHusby,
    schedule: { start: '17:30', end: '19:00', rule: 'FREQ=MONTHLY;BYDAY=1TH' },
  },
  {
    id: D.mbuAngered,
    title: 'Människan bakom uniformen – Angered',
    kind: K.MBU_MEETING,
    organisers: [A.lpoGoteborgNordost, A.fryshuset],
    visibility: SHARED,
    sharedWith: [A.fryshuset],
    area: AR.angered,
    // Weekly meetings from Monday next week.
    startsOn: cal.weekday(1, 1),
    endsOn: cal.monthEnd(4),
    targetGroups: [YOUNG_PEOPLE],
    ages: [12, 16],
    police: [RELATIONSHIP_BUILDING, 'Områdespoliser deltar utan vapen och berättar om vem de är utanför jobbet.'],
    publicDescription: 'Veckoträffar där unga i Angered lär känna människorna bakom polisuniformen.',
    internal: C.SELECTIVE_PREVENTION,
    participants: null,
    funding: null,
    // Carried out under the IOP in Angered (the police are a party), though not funded by it.
    under: AG.iopGoteborgAngered,
    venue: V.folketsHusAngered,
    joining: { costFree: true, signUpMethod: SignUpMethod.NONE_NEEDED, languages: ['sv'] },
    schedule: { start: '18:00', end: '19:30', rule: 'FREQ=WEEKLY;BYDAY=MO', cancelled: [[cal.weekday(3, 1), 'Inställt denna vecka – vi ses måndagen därpå som vanligt.']] },
  },
  {
    id: D.safetyWalkGottsundaSpring,
    title: `Trygghetsvandring i Gottsunda – ${cal.season(cal.weekday(-26, 3))}`,
    kind: K.SAFETY_WALK,
    organisers: [A.uppsalaKommun, A.lpoUppsala, A.hyresgastforeningen],
    visibility: SHARED,
    sharedWith: [A.lpoUppsala, A.hyresgastforeningen],
    area: AR.gottsunda,
    // A Wednesday half a year ago.
    startsOn: cal.weekday(-26, 3),
    endsOn: cal.weekday(-26, 3),
    targetGroups: [RESIDENTS, PARENTS],
    ages: [null, null],
    police: [SAFETY, 'Polisen går med och antecknar platser som boende upplever som otrygga.'],
    publicDescription: 'Vi går tillsammans genom Gottsunda och pratar om vad som gör området tryggt och otryggt. Alla boende är välkomna.',
    internal: C.SITUATIONAL_PREVENTION,
    participants: 35,
    funding: null,
    venue: V.hyresgastlokalGottsunda,
    schedule: { start: '18:00', end: '20:00', rule: null },
  },
  {
    id: D.safetyWalkGottsundaAutumn,
    title: `Trygghetsvandring i Gottsunda – ${cal.season(cal.weekday(4, 3))}`,
    kind: K.SAFETY_WALK,
    organisers: [A.uppsalaKommun, A.lpoUppsala, A.hyresgastforeningen],
    visibility: SHARED,
    sharedWith: [A.lpoUppsala, A.hyresgastforeningen],
    area: AR.gottsunda,
    // The follow-up, a Wednesday four weeks ahead.
    startsOn: cal.weekday(4, 3),
    endsOn: cal.weekday(4, 3),
    targetGroups: [RESIDENTS, PARENTS],
    ages: [null, null],
    police: [SAFETY, 'Uppföljning av förra vandringen: polisen redovisar vad som har gjorts.'],
    publicDescription: 'Vi följer upp synpunkterna från förra trygghetsvandringen om belysning, gångvägar och mötesplatser.',
    internal: C.SITUATIONAL_PREVENTION,
    participants: 28,
    funding: null,
    venue: V.hyresgastlokalGottsunda,
    schedule: { start: '18:00', end: '20:00', rule: null },
  },
  {
    id: D.safeFarsta,
    title: 'SAFE trygghetsvärdar i Farsta',
    kind: K.SAFETY_HOSTS,
    organisers: [A.safeTrygghetsvardar],
    visibility: NETWORK,
    area: AR.farsta,
    startsOn: cal.month(-27, 10),
    endsOn: null,
    targetGroups: [RESIDENTS, YOUNG_PEOPLE],
    ages: [null, null],
    police: null,
    publicDescription: 'Trygghetsvärdar finns i Farsta centrum på kvällar och helger för att hjälpa, lyssna och skapa trygghet.',
    internal: C.SITUATIONAL_PREVENTION,
    participants: null,
    funding: null,
    schedule: { start: '21:00', end: '02:00', rule: 'FREQ=WEEKLY;BYDAY=FR,SA' },
    // A vouch the owner declined: not shown, and not added again until the owner allows it.
    vouches: [{ by: A.hyresgastforeningen, daysAgo: 25, note: null, declined: 'Vi vill själva stämma av med Hyresgästföreningen först.' }],
  },
  {
    id: D.safeLiljeholmen,
    title: 'SAFE trygghetsvärdar i Liljeholmen',
    kind: K.SAFETY_HOSTS,
    organisers: [A.safeTrygghetsvardar],
    visibility: NETWORK,
    area: AR.hagerstenLiljeholmen,
    startsOn: cal.month(-20),
    endsOn: null,
    targetGroups: [RESIDENTS, YOUNG_PEOPLE],
    ages: [null, null],
    police: null,
    publicDescription: 'Trygghetsvärdar i Liljeholmen vid tunnelbanan och i centrumet på kvällstid.',
    internal: C.SITUATIONAL_PREVENTION,
    participants: null,
    funding: null,
    schedule: { start: '21:00', end: '02:00', rule: 'FREQ=WEEKLY;BYDAY=FR,SA' },
  },
  {
    id: D.safeNorrmalm,
    title: 'SAFE trygghetsvärdar i Stockholm city',
    kind: K.SAFETY_HOSTS,
    organisers: [A.safeTrygghetsvardar],
    visibility: NETWORK,
    area: AR.norrmalm,
    // A year's engagement, half of it gone.
    startsOn: cal.month(-6),
    endsOn: cal.monthEnd(5),
    targetGroups: [YOUNG_PEOPLE, RESIDENTS],
    ages: [null, null],
    police: [KNOWLEDGE_SHARING, 'Trygghetsvärdarna och områdespolisen delar lägesbild inför helgkvällar.'],
    publicDescription: 'Trygghetsvärdar på Sergels torg och i city fredag och lördag kväll.',
    internal: C.SITUATIONAL_PREVENTION,
    participants: null,
    funding: null,
    schedule: { start: '20:00', end: '01:00', rule: 'FREQ=WEEKLY;BYDAY=TH,FR,SA' },
  },
  {
    id: D.posomUppsala,
    title: 'POSOM-gruppen i Uppsala',
    kind: K.CRISIS_SUPPORT,
    organisers: [A.uppsalaKommun, A.svenskaKyrkanUppsala],
    visibility: NETWORK,
    area: AR.uppsala,
    startsOn: cal.month(-24),
    endsOn: null,
    targetGroups: [RESIDENTS, RELATIVES, CHILDREN, YOUNG_PEOPLE],
    ages: [null, null],
    police: [CRISIS_SUPPORT, 'Polisen larmar POSOM-gruppen och samordnar informationen till drabbade vid allvarliga händelser.'],
    publicDescription: 'Psykologiskt och socialt stöd till drabbade, anhöriga och boende efter allvarliga händelser i Uppsala.',
    internal: C.CRISIS_RESPONSE,
    participants: null,
    funding: null,
  },
  {
    id: D.footballAngered,
    title: 'Fotbollsturnering i Angered',
    kind: K.SPORT,
    organisers: [A.kfumGoteborg],
    visibility: NETWORK,
    area: AR.angered,
    // This weekend.
    startsOn: cal.weekday(0, 6),
    endsOn: cal.weekday(0, 7),
    targetGroups: [CHILDREN, YOUNG_PEOPLE],
    ages: [10, 16],
    police: [RELATIONSHIP_BUILDING, 'Poliser spelar i ett eget lag och hejar på – de är där för att lära känna deltagarna, inte för att hålla ordning.'],
    publicDescription: 'Fotbollsturnering för alla mellan 10 och 16 år på Angereds konstgräsplan. Gratis, anmäl ditt lag!',
    internal: C.UNIVERSAL_PREVENTION,
    participants: 180,
    funding: AG.iopGoteborgAngered,
    address: { street: 'Angereds konstgräsplan', postalCode: null, city: 'Angered', location: [57.7965, 12.0431] },
    joining: {
      costFree: true,
      signUpMethod: SignUpMethod.CONTACT,
      signUpNote: 'Anmäl ditt lag till KFUM Göteborg senast torsdag.',
      languages: ['sv', 'ar', 'so'],
      accessibilityFeatures: [AccessibilityFeature.ACCESSIBLE_TOILET],
    },
    schedule: { start: '10:00', end: '16:00', rule: 'FREQ=DAILY' },
    // Vouched for from other municipalities: a sports district in Stockholm and Rädda Barnen in Göteborg.
    vouches: [
      { by: A.rfSisuStockholm, daysAgo: 40, note: 'Vi har samarbetat med KFUM Göteborg i flera år – tryggt och välorganiserat för barn och unga.' },
      { by: A.raddaBarnenGoteborg, daysAgo: 12, note: null },
    ],
  },
  {
    id: D.mammaUnitedTrygg,
    title: 'Mamma United Trygg',
    kind: K.PARENT_SUPPORT,
    organisers: [A.mammaUnited],
    visibility: NETWORK,
    area: AR.rinkebyKista,
    startsOn: cal.month(-15, 25),
    endsOn: null,
    targetGroups: [PARENTS],
    ages: [null, null],
    police: [DIALOGUE, 'Kommunpolisen besöker vissa träffar och svarar på mammornas frågor.'],
    publicDescription: 'Mammor i Rinkeby-Kista träffas, stärker varandra och syns tillsammans ute i området på kvällar.',
    internal: C.UNIVERSAL_PREVENTION,
    participants: 40,
    funding: null,
    // Mamma United's adult presence in the evenings, its part of the citizen promise.
    under: AG.medborgarloftRinkebyKista,
    commitment: CP.commitments.adultPresence,
    venue: V.mammaUnitedRinkeby,
    joining: { costFree: true, signUpMethod: SignUpMethod.NONE_NEEDED, languages: ['sv', 'so', 'ar'] },
    schedule: { start: '17:00', end: '19:00', rule: 'FREQ=WEEKLY;BYDAY=WE' },
    vouches: [
      { by: A.fralsningsarmen, daysAgo: 30, note: 'Mammor från våra grupper har gått här och rekommenderar det varmt.' },
      { by: A.jarvaISamverkan, daysAgo: 5, note: null },
    ],
  },
  {
    id: D.summerJobsJarva,
    title: 'Sommarjobb för unga i Järva',
    kind: K.SUMMER_JOBS,
    organisers: [A.familjebostader, A.jarvaISamverkan],
    visibility: NETWORK,
    // In Järva's districts, not all of Stockholm.
    area: AR.rinkebyKista,
    areas: [AR.spangaTensta],
    // The latest summer's.
    startsOn: cal.latestAnnual(6, 16),
    endsOn: cal.days(53, cal.latestAnnual(6, 16)),
    targetGroups: [YOUNG_PEOPLE],
    ages: [15, 17],
    police: null,
    publicDescription: 'Fyra veckors sommarjobb med lön för unga i Rinkeby, Tensta och Husby – i bostadsområdet, hos lokala företag och föreningar.',
    internal: C.SELECTIVE_PREVENTION,
    participants: 60,
    funding: AG.rattKurvaJarva,
    joining: { costFree: true, signUpMethod: SignUpMethod.CONTACT, signUpNote: 'Ansökan görs via Järva i samverkan på våren.', languages: ['sv'] },
    schedule: { start: '09:00', end: '15:00', rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' },
  },
  {
    id: D.homeworkHelpAngered,
    title: 'Läxhjälp i Angered',
    kind: K.HOMEWORK_HELP,
    organisers: [A.kfumGoteborg, A.raddaBarnenGoteborg],
    visibility: PUBLIC,
    area: AR.angered,
    startsOn: cal.month(-3, 18),
    endsOn: null,
    targetGroups: [CHILDREN, YOUNG_PEOPLE, LEADERS_AND_VOLUNTEERS],
    ages: [9, 15],
    police: null,
    publicDescription: 'Gratis läxhjälp med frivilliga läxhjälpare måndagar och onsdagar efter skolan. Fika ingår.',
    internal: C.UNIVERSAL_PREVENTION,
    participants: 45,
    funding: AG.iopGoteborgAngered,
    venue: V.kfumHallAngered,
    joining: {
      costFree: true,
      signUpMethod: SignUpMethod.ON_SITE,
      languages: ['sv', 'ar', 'so', 'ti'],
      accessibilityFeatures: [AccessibilityFeature.STEP_FREE_ACCESS, AccessibilityFeature.ACCESSIBLE_TOILET],
      npfAdaptations: [NpfAdaptation.SMALL_GROUPS, NpfAdaptation.QUIET_SPACE, NpfAdaptation.PREDICTABLE_STRUCTURE],
      accessibilityNote: 'Ett lugnt rum finns bredvid hallen. Berätta gärna i förväg om ditt barn behöver något särskilt.',
    },
    schedule: {
      start: '15:00',
      end: '17:00',
      rule: 'FREQ=WEEKLY;BYDAY=MO,WE',
      // No homework help on Wednesday next week (a study day); Monday in two weeks is cancelled, with a note.
      excluded: [cal.weekday(1, 3)],
      cancelled: [[cal.weekday(2, 1), 'Inställt: läxhjälparna är på utbildning. Välkommen på onsdag!']],
    },
    vouches: [{ by: A.folketsHusOchParker, daysAgo: 15, note: 'Läxhjälpen håller till i lokaler vi känner väl; bra stämning och vuxna på plats.' }],
  },
  {
    id: D.exitProgramme,
    title: 'Avhopparverksamhet',
    kind: K.EXIT_PROGRAMME,
    organisers: [A.fryshuset],
    visibility: OWNER,
    area: AR.sweden,
    // Since the same day as POSOM Uppsala.
    startsOn: cal.month(-24),
    endsOn: null,
    targetGroups: [YOUNG_PEOPLE, RELATIVES],
    ages: [15, 35],
    police: null,
    publicDescription: 'Stöd för dig som vill lämna ett kriminellt sammanhang, och för dina anhöriga. Vi lyssnar utan att döma.',
    internal: C.INDICATED_PREVENTION,
    participants: null,
    funding: null,
  },
  {
    id: D.democracySchoolSkaggetorp,
    title: 'Dialogmöte: demokratiskolan i Skäggetorp',
    kind: K.DIALOGUE_MEETING,
    organisers: [A.ostergotlandsStadsmission],
    visibility: NETWORK,
    area: AR.skaggetorp,
    // A Thursday next month.
    startsOn: cal.weekday(5, 4),
    endsOn: cal.weekday(5, 4),
    targetGroups: [YOUNG_PEOPLE],
    ages: [14, 20],
    police: [DIALOGUE, 'Polisen deltar som dialogpartner när demokratiskolans deltagare diskuterar inflytande i området.'],
    publicDescription: 'Demokratiskolans deltagare bjuder in till samtal om hur unga kan påverka i Skäggetorp.',
    internal: C.NOT_CLASSIFIED,
    participants: null,
    funding: null,
    address: { street: 'Skäggetorps centrum', postalCode: '582 77', city: 'Linköping', location: [58.4268, 15.5732] },
    joining: { costFree: true, signUpMethod: SignUpMethod.NONE_NEEDED, languages: ['sv', 'ar'] },
    schedule: { start: '17:00', end: '19:00', rule: null },
    // A youth centre in Stockholm and a congregation in Uppsala vouch for it in Linköping.
    vouches: [
      { by: A.fryshuset, daysAgo: 20, note: 'Vi går i god för Stadsmissionens demokratiskola – ett tryggt ställe att ställa sina frågor.' },
      { by: A.svenskaKyrkanUppsala, daysAgo: 8, note: null },
    ],
  },
  {
    id: D.footballPracticeAngered,
    title: 'Fotbollsträning för 10–13 år i Angered',
    kind: K.SPORT,
    organisers: [A.kfumGoteborg],
    visibility: NETWORK,
    area: AR.angered,
    // Every week for years, and on (the oldest start of the demo, so the paging order above stays).
    startsOn: cal.month(-30),
    endsOn: null,
    targetGroups: [CHILDREN],
    ages: [10, 13],
    police: null,
    publicDescription: 'Fotbollsträning för tjejer och killar 10–13 år, nybörjare välkomna. Ta med gympaskor och vattenflaska – bollar finns.',
    internal: C.UNIVERSAL_PREVENTION,
    participants: 22,
    funding: null,
    address: { street: 'Rannebergsvallen', postalCode: '424 38', city: 'Angered', location: [57.8063, 12.0512] },
    joining: {
      costFree: false,
      costSek: 300,
      costFritidskortet: true,
      costNote: 'per termin, syskonrabatt',
      signUpMethod: SignUpMethod.CONTACT,
      signUpNote: 'Kom och prova två gånger innan du anmäler dig. Anmälan till KFUM Göteborg.',
      languages: ['sv', 'ar', 'so'],
      npfAdaptations: [NpfAdaptation.SMALL_GROUPS, NpfAdaptation.PREDICTABLE_STRUCTURE],
      accessibilityNote: 'Samma upplägg varje gång. Tränarna berättar gärna i förväg hur träningen går till.',
    },
    schedule: { start: '17:30', end: '19:00', rule: 'FREQ=WEEKLY;BYDAY=TU,TH' },
    vouches: [{ by: A.raddaBarnenGoteborg, daysAgo: 60, note: 'Vi känner tränarna sedan länge – ett tryggt ställe för barn i Angered.' }],
  },
];

/**
 * Inserts demo activities that are not there yet, with their organisers (only for those it inserted:
 * a restart never restores replaced ones), registered four weeks before they start.
 */
export async function insertDemoActivities(manager: EntityManager, activities: DemoActivity[], calendar: DemoCalendar): Promise<void> {
  const added = await insertNew(
    manager,
    Activity,
    activities.map((a) => {
      // Registered four weeks before it starts (at the latest yesterday), and not changed since.
      const registered = calendar.moment(calendar.days(-28, a.startsOn));
      return {
        id: a.id,
        title: a.title,
        kind: a.kind,
        areaCode: a.area,
        hasOtherAreas: (a.areas ?? []).some((code) => code !== a.area),
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        targetGroups: a.targetGroups,
        ageMin: a.ages[0],
        ageMax: a.ages[1],
        policePurpose: a.police?.[0] ?? null,
        policeExplanation: a.police?.[1] ?? null,
        publicDescription: a.publicDescription,
        internalClassification: a.internal,
        participantCount: a.participants,
        fundingAgreementId: a.funding,
        agreementId: a.under ?? null,
        commitmentId: a.commitment ?? null,
        ...demoScheduleColumns(a),
        venueId: a.venue ?? null,
        // The copy of the venue's point the registry has (see place/venue-points.ts).
        venueLatitude: a.venue ? (DEMO_VENUE_LOCATIONS[a.venue]?.[0] ?? null) : null,
        venueLongitude: a.venue ? (DEMO_VENUE_LOCATIONS[a.venue]?.[1] ?? null) : null,
        ...a.joining,
        ...addressColumns(a.address ? { ...a.address, location: a.address.location && { latitude: a.address.location[0], longitude: a.address.location[1] } } : null),
        ownerId: a.organisers[0],
        visibility: a.visibility,
        sharedWith: a.sharedWith ?? [],
        version: 1,
        createdAt: registered,
        updatedAt: registered,
      };
    }),
  );
  const organisers = activities.filter((a) => added.has(a.id)).flatMap((a) => a.organisers.map((actorId) => ({ activityId: a.id, actorId })));
  if (organisers.length) await manager.insert(ActivityOrganiser, organisers);
  // Vouched for a few days after it was registered at the earliest, and not before the activity existed.
  const vouches = activities
    .filter((a) => added.has(a.id))
    .flatMap((a) =>
      (a.vouches ?? []).map((v) => {
        const since = [calendar.days(-v.daysAgo), calendar.days(-21, a.startsOn), calendar.today].sort()[1];
        return { activityId: a.id, organisationId: v.by, note: v.note, since, status: v.declined === undefined ? ('ACTIVE' as const) : ('DECLINED' as const),
          declinedOn: v.declined === undefined ? null : calendar.days(2, since) > calendar.today ? calendar.today : calendar.days(2, since), declineReason: v.declined ?? null };
      }),
    );
  if (vouches.length) await manager.insert(ActivityVouchRow, vouches);
  const areas = activities.filter((a) => added.has(a.id)).flatMap((a) => [...new Set([a.area, ...(a.areas ?? [])])].map((code) => [a.id, code] as const));
  if (areas.length) {
    // One statement however many (the generated seed inserts tens of thousands).
    await manager.query('INSERT INTO activity_areas (activity_id, area_code) SELECT unnest(CAST($1 AS uuid[])), unnest(CAST($2 AS text[])) ON CONFLICT DO NOTHING', [
      areas.map(([id]) => id),
      areas.map(([, code]) => code),
    ]);
  }
  const scheduled = activities.filter((a) => added.has(a.id) && a.schedule);
  await insertOccurrenceDays(manager, scheduled.map((a) => ({ id: a.id, startsOn: a.startsOn, endsOn: a.endsOn, ...demoScheduleColumns(a) })), calendar.today);
}

/** A demo activity's schedule as its columns (none when it has no schedule). */
function demoScheduleColumns(a: DemoActivity) {
  const schedule = a.schedule;
  return scheduleColumns(
    schedule
      ? {
          startTime: schedule.start,
          endTime: schedule.end,
          recurrence: schedule.rule,
          excludedDates: schedule.excluded ?? [],
          cancellations: (schedule.cancelled ?? []).map(([date, note]) => ({ date, note })),
        }
      : null,
  );
}

/**
 * Loads the demo activities, dated relative to the calendar's day (today unless a test names
 * another); records that exist already are left as they are, except that demo activities nobody has
 * changed since they were seeded (version 1, nothing in the change log) get the owner, visibility and
 * agreement and commitment carried out under meant for them, which a database seeded before these existed lacks.
 */
export async function seedDemoData(dataSource: DataSource, calendar: DemoCalendar = demoCalendar()): Promise<void> {
  const activities = demoActivities(calendar);
  await dataSource.transaction(async (manager) => {
    await insertDemoActivities(manager, activities, calendar);
    // Plain SQL, so neither the version nor updated_at moves: the seed stays idempotent.
    for (const a of activities) {
      await manager.query(
        `UPDATE activities SET owner_id = $2, visibility = $3, shared_with = $4::uuid[], agreement_id = $5::uuid, commitment_id = $6::uuid
          WHERE id = $1 AND version = 1 AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.entity_id = activities.id)
            AND (owner_id, visibility, shared_with, agreement_id, commitment_id) IS DISTINCT FROM ($2::uuid, $3::text, $4::uuid[], $5::uuid, $6::uuid)`,
        [a.id, a.organisers[0], a.visibility, a.sharedWith ?? [], a.under ?? null, a.commitment ?? null],
      );
    }
  });
}
