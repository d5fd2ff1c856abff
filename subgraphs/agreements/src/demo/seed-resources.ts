import { EntityManager } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AGREEMENTS as G, DEMO_VENUES as V, DemoCalendar, demoRandom } from '@samverkan/demo';
import { AgreementPhase, PhaseKind } from '../phases/agreement-phase';
import { AgreementResource, ResourceKind } from '../resources/agreement-resource';

type DemoResource = Omit<AgreementResource, 'id' | 'agreementId' | 'position' | 'amount' | 'currency' | 'hours' | 'venueId' | 'startsOn' | 'endsOn'> &
  Partial<Pick<AgreementResource, 'amount' | 'currency' | 'hours' | 'venueId' | 'startsOn' | 'endsOn'>>;
type DemoPhase = Omit<AgreementPhase, 'id' | 'agreementId' | 'position'>;

/**
 * What the parties of the IOP in Angered put in, within its period (it runs from 23 months ago to
 * the end of next month): the city's grant, a fritidsledare function's hours and Folkets Hus, the
 * associations' leaders, hall, NPF training and networks, the local police area's contacts.
 */
export const angeredResources = (cal: DemoCalendar): DemoResource[] => [
  { actorId: A.goteborgsStad, kind: ResourceKind.MONEY, description: 'Bidrag inom partnerskapet till mötesplatser, fotboll och föräldrastöd', amount: '1450000.00', currency: 'SEK' },
  { actorId: A.goteborgsStad, kind: ResourceKind.STAFF_TIME, description: 'Fritidsledare från stadsområdet på mötesplatsen två kvällar i veckan', hours: '1600.0' },
  { actorId: A.goteborgsStad, kind: ResourceKind.PREMISES, description: 'Stora salen i Folkets Hus Angered, som staden hyr för mötesplatsen fredagskvällar', venueId: V.folketsHusAngered },
  { actorId: A.kfumGoteborg, kind: ResourceKind.STAFF_TIME, description: 'Ideella ledare och tränare kvällar och helger', hours: '2350.5' },
  { actorId: A.kfumGoteborg, kind: ResourceKind.PREMISES, description: 'Hallen i Angered för fotboll och öppen verksamhet', venueId: V.kfumHallAngered },
  { actorId: A.kfumGoteborg, kind: ResourceKind.NETWORK, description: 'Kontakter med idrottsföreningar och moskéförsamlingar i Angered' },
  {
    actorId: A.raddaBarnenGoteborg,
    kind: ResourceKind.COMPETENCE,
    description: 'Utbildning i NPF och traumamedvetet bemötande för ledarna',
    startsOn: cal.month(-22),
    endsOn: cal.monthEnd(-20),
  },
  { actorId: A.raddaBarnenGoteborg, kind: ResourceKind.MONEY, description: 'Egen insamling till föräldrastödet', amount: '85000.50', currency: 'SEK', startsOn: cal.month(-11) },
  { actorId: A.lpoGoteborgNordost, kind: ResourceKind.NETWORK, description: 'Områdespolisernas kontakter och lägesbild på områdesnivå' },
];

const DOCUMENTS = 'https://example.org/iop-angered';

/** The IOP's four phases: a needs analysis with the associations before the agreement, planning, the effort, and the follow-up twice a year. */
export const angeredPhases = (cal: DemoCalendar): DemoPhase[] => [
  {
    kind: PhaseKind.NEEDS_ANALYSIS,
    description: 'Vad barn, unga och föräldrar i Angered behöver och vad som redan finns.',
    startsOn: cal.month(-28),
    endsOn: cal.monthEnd(-26),
    participantIds: [A.goteborgsStad, A.kfumGoteborg, A.raddaBarnenGoteborg, A.lpoGoteborgNordost],
    outcomes: 'Behov av trygga mötesplatser kvällar och helger, föräldrastöd på flera språk och fler vuxna som unga känner igen.',
    documents: [{ title: 'Behovsanalys Angered', url: `${DOCUMENTS}/behovsanalys.pdf` }],
  },
  {
    kind: PhaseKind.PLANNING,
    description: 'Vem gör vad, med vilka resurser, och hur det följs upp.',
    startsOn: cal.month(-25),
    endsOn: cal.monthEnd(-24),
    participantIds: [A.goteborgsStad, A.kfumGoteborg, A.raddaBarnenGoteborg],
    outcomes: 'Överenskommelse om roller, resurser och uppföljning två gånger per år.',
    documents: [{ title: 'Verksamhetsplan', url: `${DOCUMENTS}/verksamhetsplan.pdf` }],
  },
  {
    kind: PhaseKind.EFFORT,
    description: 'Öppna mötesplatser, fotboll och föräldrastöd.',
    startsOn: cal.month(-23),
    endsOn: cal.monthEnd(1),
    participantIds: [A.goteborgsStad, A.kfumGoteborg, A.raddaBarnenGoteborg, A.lpoGoteborgNordost],
    outcomes: null,
    documents: [],
  },
  {
    kind: PhaseKind.FOLLOW_UP,
    description: 'Uppföljning två gånger per år med parterna och de unga.',
    startsOn: cal.month(-17),
    endsOn: null,
    participantIds: [A.goteborgsStad, A.kfumGoteborg, A.raddaBarnenGoteborg, A.lpoGoteborgNordost],
    outcomes: 'Fler besök fredagskvällar; föräldragrupper på arabiska och somaliska startade.',
    documents: [{ title: 'Uppföljning', url: `${DOCUMENTS}/uppfoljning.pdf` }],
  },
];

/**
 * Gives the demo IOP in Angered its resources and phases while nobody has changed it (version 1) and
 * it has none: a restart adds nothing twice, never restores what a user replaced, and bumps nothing.
 */
export async function seedDemoResourcesAndPhases(manager: EntityManager, cal: DemoCalendar): Promise<void> {
  const [untouched] = await manager.query('SELECT 1 FROM agreements WHERE id = $1 AND version = 1', [G.iopGoteborgAngered]);
  if (!untouched) return;
  const agreementId = G.iopGoteborgAngered;
  if (!(await manager.getRepository(AgreementResource).existsBy({ agreementId }))) {
    await manager.insert(
      AgreementResource,
      angeredResources(cal).map((r, position) => ({ amount: null, currency: null, hours: null, venueId: null, startsOn: null, endsOn: null, ...r, agreementId, position })),
    );
  }
  if (!(await manager.getRepository(AgreementPhase).existsBy({ agreementId }))) {
    await manager.insert(AgreementPhase, angeredPhases(cal).map((p, position) => ({ ...p, agreementId, position })));
  }
}

/** What a generated IOP or collaboration may list besides money and staff time. */
const GENERATED_COMPETENCE = ['Utbildning i NPF för ledarna', 'Traumamedvetet bemötande', 'Föräldrastöd på flera språk', 'Kunskap om rekrytering till kriminella nätverk'];
const GENERATED_NETWORKS = ['Kontakter med idrottsföreningar i området', 'Kontakter med trossamfund och föräldranätverk', 'Kontakter med bostadsbolag och näringsliv'];

/**
 * The generated layer's resources and needs analyses (a stream of its own, so the agreements stay as
 * they are): for IOPs the municipality's grant in SEK and a fritidsledare function's hours, the
 * associations' volunteer hours, and now and then competence and networks; for police collaborations
 * the local police area's hours and the partner's network. About two in three have a needs analysis,
 * most of them with the civil-society partners taking part, dated before the agreement. Generated
 * agreements have no venues, so no premises.
 */
export function generatedResourcesAndPhases(agreements: Array<Pick<DemoAgreementLike, 'id' | 'kind' | 'startsOn' | 'parties'>>, cal: DemoCalendar) {
  const random = demoRandom('agreement-resources');
  const resources: Array<{ agreementId: string; actorId: string; kind: ResourceKind; description: string; amount: string | null; currency: string | null; hours: string | null }> = [];
  const phases: Array<{ agreementId: string; startsOn: string; endsOn: string; participantIds: string[] }> = [];
  for (const { id: agreementId, kind, startsOn, parties } of agreements) {
    if (kind !== 'IOP' && kind !== 'COLLABORATION_AGREEMENT') continue;
    const [lead, ...partners] = [...new Set(parties.map(([actorId]) => actorId))];
    const line = (actorId: string, kind: ResourceKind, description: string, amount: string | null = null, hours: string | null = null) =>
      resources.push({ agreementId, actorId, kind, description, amount, currency: amount === null ? null : 'SEK', hours });
    if (kind === 'IOP') {
      line(lead, ResourceKind.MONEY, 'Bidrag inom partnerskapet', `${150 + random.int(1850)}${random.pick(['000.00', '500.00', '250.50'])}`);
      line(lead, ResourceKind.STAFF_TIME, 'Fritidsledare från kommunen', null, `${200 + random.int(1400)}.${random.int(10)}`);
    } else {
      line(lead, ResourceKind.STAFF_TIME, 'Områdespoliser och kommunpolis', null, `${50 + random.int(400)}.0`);
    }
    for (const partner of partners) {
      if (random.chance(0.7)) line(partner, ResourceKind.STAFF_TIME, 'Ideella ledare', null, `${100 + random.int(2000)}.${random.int(10)}`);
      if (random.chance(0.4)) line(partner, ResourceKind.COMPETENCE, random.pick(GENERATED_COMPETENCE));
      if (random.chance(0.4)) line(partner, ResourceKind.NETWORK, random.pick(GENERATED_NETWORKS));
    }
    if (startsOn && random.chance(0.65)) {
      const participantIds = random.chance(0.75) ? [lead, ...partners] : [lead];
      phases.push({ agreementId, startsOn: cal.days(-(60 + random.int(90)), startsOn), endsOn: cal.days(-(10 + random.int(40)), startsOn), participantIds });
    }
  }
  return { resources, phases };
}

type DemoAgreementLike = { id: string; kind: string; startsOn: string | null; parties: Array<[string, ...unknown[]]> };

/**
 * Inserts the generated resources and needs analyses in two statements, for the generated agreements
 * nobody has changed (version 1) that have none yet: a restart adds nothing twice and bumps nothing.
 */
export async function insertGeneratedResourcesAndPhases(manager: EntityManager, agreements: DemoAgreementLike[], cal: DemoCalendar): Promise<void> {
  const { resources, phases } = generatedResourcesAndPhases(agreements, cal);
  const column = <T, K extends keyof T>(rows: T[], key: K) => rows.map((row) => row[key]);
  await manager.query(
    `INSERT INTO agreement_resources (agreement_id, actor_id, kind, description, amount, currency, hours, position)
     SELECT r.agreement_id, r.actor_id, r.kind, r.description, r.amount, r.currency, r.hours, r.n - min(r.n) OVER (PARTITION BY r.agreement_id)
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::text[], $7::numeric[]) WITH ORDINALITY
            AS r(agreement_id, actor_id, kind, description, amount, currency, hours, n)
       JOIN agreements g ON g.id = r.agreement_id AND g.version = 1
      WHERE NOT EXISTS (SELECT 1 FROM agreement_resources x WHERE x.agreement_id = r.agreement_id)`,
    (['agreementId', 'actorId', 'kind', 'description', 'amount', 'currency', 'hours'] as const).map((key) => column(resources, key)),
  );
  await manager.query(
    `INSERT INTO agreement_phases (agreement_id, kind, description, starts_on, ends_on, participant_ids, position)
     SELECT p.agreement_id, '${PhaseKind.NEEDS_ANALYSIS}', 'Behovsanalys inför avtalet', p.starts_on, p.ends_on, string_to_array(p.participants, ',')::uuid[], 0
       FROM unnest($1::uuid[], $2::date[], $3::date[], $4::text[]) AS p(agreement_id, starts_on, ends_on, participants)
       JOIN agreements g ON g.id = p.agreement_id AND g.version = 1
      WHERE NOT EXISTS (SELECT 1 FROM agreement_phases x WHERE x.agreement_id = p.agreement_id)`,
    [column(phases, 'agreementId'), column(phases, 'startsOn'), column(phases, 'endsOn'), phases.map((p) => p.participantIds.join(','))],
  );
}
