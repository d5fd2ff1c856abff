import { EntityManager } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AGREEMENTS as G, DEMO_VENUES as V, DemoCalendar } from '@samverkan/demo';
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
