import { EntityManager } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AGREEMENT_TEMPLATES as T, DEMO_AGREEMENTS as G, DemoCalendar, insertNew } from '@samverkan/demo';
import { ActorKind, Visibility } from '@samverkan/federation';
import { AgreementKind, PartyRole } from '../agreement/agreement';
import { PhaseKind } from '../phases/agreement-phase';
import { ResourceKind } from '../resources/agreement-resource';
import { AgreementTemplate, TemplateStatus } from '../templates/agreement-template';

const { FUNDING, ACCOUNTABLE, EXTENDING, IMPLEMENTING } = PartyRole;
const { POLICE, MUNICIPALITY, CIVIL_SOCIETY, FAITH_COMMUNITY, BUSINESS, SCHOOL } = ActorKind;
const { NEEDS_ANALYSIS, PLANNING, EFFORT, FOLLOW_UP } = PhaseKind;

type DemoTemplate = Pick<
  AgreementTemplate,
  'id' | 'title' | 'kind' | 'description' | 'status' | 'ownerId' | 'visibility' | 'sections' | 'suggestedParties' | 'suggestedResources' | 'suggestedPhases'
>;

/** The national model for the Police and the sports movement: the NOA–RF agreement was drafted from its first version. */
const NOA_RF_MODEL: DemoTemplate = {
  id: T.noaRfModel,
  title: 'Modell för samverkan mellan polisen och idrottsrörelsen',
  kind: AgreementKind.NATIONAL_AGREEMENT,
  status: TemplateStatus.PUBLISHED,
  description:
    'Nationell modell för överenskommelser mellan Polismyndigheten och idrottsrörelsen om samverkan mot matchfixning, otillåten påverkan och kriminella aktörers inflytande i idrotten, så att idrottsföreningar förblir trygga platser för barn och unga.',
  ownerId: A.polisen,
  visibility: Visibility.PUBLIC,
  sections: [
    { heading: 'Syfte', body: 'Parterna samverkar för att idrottsföreningar ska vara trygga platser för barn och unga och för att motverka att kriminella aktörer får inflytande i idrotten.' },
    { heading: 'Parter och roller', body: 'Polismyndigheten och idrottsrörelsens nationella organisation ansvarar gemensamt för överenskommelsen. Idrottsrörelsen för arbetssätten vidare till specialidrottsförbund, distrikt och föreningar.' },
    { heading: 'Kunskapsutbyte och lägesbild', body: 'Parterna delar kunskap om matchfixning, otillåten påverkan och rekrytering till kriminalitet, och en lägesbild på nationell och regional nivå. Inga uppgifter om enskilda personer delas inom ramen för överenskommelsen.' },
    { heading: 'Kontaktvägar', body: 'Polisen utser kontaktfunktioner i varje polisregion. Idrottsrörelsen utser kontaktfunktioner i varje distrikt.' },
    { heading: 'Stöd till föreningar i särskilt utsatta områden', body: 'Föreningar i särskilt utsatta områden får stöd i hur de kan agera vid otillåten påverkan och hur de når lokalpolisområdet.' },
    { heading: 'Uppföljning', body: 'Parterna följer upp överenskommelsen minst en gång per år och reviderar den vid behov.' },
  ],
  suggestedParties: [
    { role: ACCOUNTABLE, actorKinds: [POLICE, CIVIL_SOCIETY], responsibilities: 'Står bakom överenskommelsen, utser kontaktfunktioner och följer upp den tillsammans med den andra parten.' },
    { role: EXTENDING, actorKinds: [CIVIL_SOCIETY], responsibilities: 'För kunskap och arbetssätt vidare till specialidrottsförbund, distrikt och föreningar.' },
    { role: IMPLEMENTING, actorKinds: [CIVIL_SOCIETY], responsibilities: 'Stöttar idrottsföreningar i särskilt utsatta områden och deras lokala kontakter med polisen.' },
  ],
  suggestedResources: [
    { kind: ResourceKind.COMPETENCE, role: ACCOUNTABLE, description: 'Kunskapsstöd om matchfixning och otillåten påverkan.' },
    { kind: ResourceKind.STAFF_TIME, role: ACCOUNTABLE, description: 'Kontaktfunktioner i polisregionerna och idrottsdistrikten.' },
    { kind: ResourceKind.NETWORK, role: EXTENDING, description: 'Kontakter med specialidrottsförbund, distrikt och föreningar.' },
  ],
  suggestedPhases: [
    { kind: NEEDS_ANALYSIS, description: 'Gemensam lägesbild: var och hur idrotten utsätts för otillåten påverkan.' },
    { kind: PLANNING, description: 'Kontaktvägar, utbildningsinsatser och ansvar fördelas mellan parterna.' },
    { kind: EFFORT, description: 'Utbildning, stöd till föreningar och utbyte av lägesbild.' },
    { kind: FOLLOW_UP, description: 'Årlig uppföljning och revidering av överenskommelsen.' },
  ],
};

/** A municipality's template for an IOP with civil society, with the police as a clear party. */
const IOP_MOTESPLATSER: DemoTemplate = {
  id: T.iopMotesplatser,
  title: 'Mall för IOP om trygga mötesplatser för barn och unga',
  kind: AgreementKind.IOP,
  status: TemplateStatus.PUBLISHED,
  description:
    'Mall för idéburet offentligt partnerskap mellan kommunen och idéburna organisationer om öppna mötesplatser, fritidsaktiviteter och föräldrastöd, där lokalpolisområdet är en tydlig part. Civilsamhället deltar från behovsanalys till insats och uppföljning.',
  ownerId: A.goteborgsStad,
  visibility: Visibility.PUBLIC,
  sections: [
    { heading: 'Bakgrund och syfte', body: 'Partnerskapet ska ge barn och unga i området trygga mötesplatser och meningsfull fritid, och stärka föräldrar i sin roll.' },
    { heading: 'Målgrupp', body: 'Barn och unga 8–18 år i området och deras föräldrar.' },
    { heading: 'Parternas åtaganden', body: 'Kommunen finansierar och följer upp partnerskapet. De idéburna parterna driver verksamheten. Lokalpolisområdet deltar regelbundet och delar lägesbild på områdesnivå.' },
    { heading: 'Resurser', body: 'Varje part redovisar vilka resurser den bidrar med: pengar, arbetstid, lokaler, kompetens och nätverk.' },
    { heading: 'Uppföljning', body: 'Parterna följer upp partnerskapet två gånger per år, med barns och ungas synpunkter som en del av underlaget.' },
    { heading: 'Giltighet', body: 'Partnerskapet gäller under den angivna perioden och kan förlängas efter gemensam utvärdering.' },
  ],
  suggestedParties: [
    { role: FUNDING, actorKinds: [MUNICIPALITY], responsibilities: 'Finansierar verksamheten under partnerskapets period och upplåter lokaler.' },
    { role: ACCOUNTABLE, actorKinds: [MUNICIPALITY, CIVIL_SOCIETY], responsibilities: 'Följer upp partnerskapet tillsammans med de övriga parterna två gånger per år.' },
    {
      role: IMPLEMENTING,
      actorKinds: [CIVIL_SOCIETY, FAITH_COMMUNITY, POLICE],
      responsibilities: 'Driver öppen verksamhet kvällar och helger; lokalpolisområdet deltar regelbundet för att bygga relationer.',
    },
  ],
  suggestedResources: [
    { kind: ResourceKind.MONEY, role: FUNDING, description: 'Bidrag till verksamheten under partnerskapets period.' },
    { kind: ResourceKind.PREMISES, role: FUNDING, description: 'Lokaler för mötesplatsen.' },
    { kind: ResourceKind.STAFF_TIME, role: IMPLEMENTING, description: 'Ledare och volontärer kvällar och helger.' },
    { kind: ResourceKind.COMPETENCE, role: IMPLEMENTING, description: 'Utbildning i NPF och bemötande för ledarna.' },
    { kind: ResourceKind.NETWORK, role: IMPLEMENTING, description: 'Kontakter med föreningar och föräldranätverk i området.' },
  ],
  suggestedPhases: [
    { kind: NEEDS_ANALYSIS, description: 'Behovsanalys tillsammans med barn, unga, föräldrar och föreningar i området.' },
    { kind: PLANNING, description: 'Verksamhet, resurser och uppföljning planeras gemensamt.' },
    { kind: EFFORT, description: 'Mötesplatsen drivs kvällar och helger.' },
    { kind: FOLLOW_UP, description: 'Uppföljning två gånger per år.' },
  ],
};

/** The Police's template for a citizen promise, with young people's voices in the dialogue behind it. */
const MEDBORGARLOFTE: DemoTemplate = {
  id: T.medborgarlofte,
  title: 'Mall för medborgarlöfte',
  kind: AgreementKind.CITIZEN_PROMISE,
  status: TemplateStatus.PUBLISHED,
  description:
    'Mall för medborgarlöften mellan lokalpolisområdet och kommunen: löften till invånarna som bygger på medborgardialog, där barns och ungas röster hörs särskilt, och som följs upp under året.',
  ownerId: A.polisen,
  visibility: Visibility.PUBLIC,
  sections: [
    { heading: 'Lägesbild och medborgardialog', body: 'Löftet bygger på en gemensam lägesbild och på dialog med invånarna, där barn och unga hörs på skolor, fritidsgårdar och i föreningar.' },
    { heading: 'Löftet', body: 'Vad polisen och kommunen lovar invånarna att göra under året.' },
    { heading: 'Åtaganden', body: 'Varje åtagande har en ansvarig part, en indikator och ett mål.' },
    { heading: 'Uppföljning', body: 'Löftet följs upp under året tillsammans med invånarna, och unga får veta vad som blev av det de tog upp.' },
  ],
  suggestedParties: [
    { role: ACCOUNTABLE, actorKinds: [POLICE, MUNICIPALITY], responsibilities: 'Står bakom löftet, leder medborgardialogen och följer upp åtagandena.' },
    { role: IMPLEMENTING, actorKinds: [CIVIL_SOCIETY, FAITH_COMMUNITY, BUSINESS, SCHOOL], responsibilities: 'Bidrar till åtagandena, till exempel med vuxennärvaro eller mötesplatser.' },
  ],
  suggestedResources: [
    { kind: ResourceKind.STAFF_TIME, role: ACCOUNTABLE, description: 'Områdespoliser och kommunens trygghetssamordnare.' },
    { kind: ResourceKind.NETWORK, role: IMPLEMENTING, description: 'Kontakter med föreningar, trossamfund och näringsliv i området.' },
  ],
  suggestedPhases: [
    { kind: NEEDS_ANALYSIS, description: 'Medborgardialog där barns och ungas röster hörs särskilt.' },
    { kind: PLANNING, description: 'Löftet och dess åtaganden formuleras.' },
    { kind: EFFORT, description: 'Åtagandena genomförs under året.' },
    { kind: FOLLOW_UP, description: 'Uppföljning med invånarna under och efter året.' },
  ],
};

export const demoTemplates = (): DemoTemplate[] => [NOA_RF_MODEL, IOP_MOTESPLATSER, MEDBORGARLOFTE];

/**
 * Inserts the demo agreement templates that are not there yet (published a little over two years
 * ago, never changed since), and records that the NOA–RF agreement was drafted from the first
 * version of the national model, with its sections, while nobody has changed that agreement.
 */
export async function seedDemoTemplates(manager: EntityManager, calendar: DemoCalendar): Promise<void> {
  const published = calendar.moment(calendar.month(-27));
  await insertNew(
    manager,
    AgreementTemplate,
    demoTemplates().map((template) => ({ ...template, sharedWith: [], version: 1, createdAt: published, updatedAt: published })),
  );
  await manager.query(
    `UPDATE agreements SET template_id = $2, template_version = 1, sections = $3::jsonb
      WHERE id = $1 AND version = 1 AND template_id IS NULL`,
    [G.noaRiksidrottsforbundet, T.noaRfModel, JSON.stringify(NOA_RF_MODEL.sections)],
  );
}
