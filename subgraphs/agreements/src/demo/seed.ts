import { DataSource, EntityManager } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AGREEMENTS as G, DEMO_AREAS as AR, demoCalendar, DemoCalendar, insertNew } from '@samverkan/demo';
import { Visibility } from '@samverkan/federation';
import { Agreement, AgreementArea, AgreementKind, AgreementParty, AgreementStatus, PartyRole } from '../agreement/agreement';
import { standingInvitations } from '../parties/invitations';
import { PartyInvitation } from '../parties/party-invitation';
import { recordStatusChanges } from '../lifecycle/status-change';
import { seedDemoTemplates } from './seed-templates';
import { seedDemoResourcesAndPhases } from './seed-resources';
import { seedCitizenPromise } from './seed-citizen-promise';

type DemoParty = [actorId: string, role: PartyRole, responsibilities: string | null];

export interface DemoAgreement {
  id: string;
  title: string;
  kind: AgreementKind;
  status: AgreementStatus;
  startsOn: string | null;
  endsOn: string | null;
  description: string;
  parties: DemoParty[];
  areas: string[];
  /** The organisation that registered the agreement. */
  ownerId: string;
  /** Who the owner lets see it; SHARED agreements are shared with their parties. */
  visibility: Visibility;
}

const { FUNDING, ACCOUNTABLE, EXTENDING, IMPLEMENTING } = PartyRole;
const { PUBLIC, NETWORK, SHARED, OWNER } = Visibility;

/**
 * The agreements and structures named in the dialogue meeting's "Goda exempel" and "Strukturer",
 * dated relative to the seeding day: method frameworks and collaborations running for two to three
 * years, the NOA–RF agreement and the IOP in Angered running out at the end of next month, this
 * year's citizen promise in force and last year's ended, and an undated draft declaration of intent.
 */
export const demoAgreements = (cal: DemoCalendar): DemoAgreement[] => [
  {
    id: G.noaRiksidrottsforbundet,
    title: 'Nationell överenskommelse mellan NOA och Riksidrottsförbundet',
    kind: AgreementKind.NATIONAL_AGREEMENT,
    status: AgreementStatus.ACTIVE,
    startsOn: cal.month(-25),
    endsOn: cal.monthEnd(1),
    description:
      'Överenskommelse mellan Polismyndighetens nationella operativa avdelning (NOA) och Riksidrottsförbundet om samverkan mot matchfixning, otillåten påverkan och kriminella aktörers inflytande i idrotten, så att idrottsföreningar förblir trygga platser för barn och unga. Omfattar kunskapsutbyte, kontaktvägar och stöd till föreningar i särskilt utsatta områden.',
    // National agreements are public commitments.
    ownerId: A.polisen,
    visibility: PUBLIC,
    parties: [
      [A.polisen, ACCOUNTABLE, 'NOA samordnar polisens del, bidrar med lägesbild och kunskapsstöd och utser kontaktpersoner i polisregionerna.'],
      [A.riksidrottsforbundet, ACCOUNTABLE, 'Förankrar överenskommelsen i idrottsrörelsen och följer upp den tillsammans med NOA.'],
      [A.riksidrottsforbundet, EXTENDING, 'För kunskap och arbetssätt vidare till specialidrottsförbund, RF-SISU-distrikt och föreningar.'],
      [A.rfSisuStockholm, IMPLEMENTING, 'Stöttar idrottsföreningar i särskilt utsatta områden och deras lokala kontakter med polisen.'],
    ],
    areas: [AR.sweden],
  },
  {
    id: G.nationalDeclarationOfIntent,
    title: 'Avsiktsförklaring om samverkan mellan Polisen och civilsamhället',
    kind: AgreementKind.DECLARATION_OF_INTENT,
    status: AgreementStatus.DRAFT,
    startsOn: null,
    endsOn: null,
    description:
      'Utkast till den nationella avsiktsförklaring som deltagarna i dialogmötet efterfrågade, så att lokal samverkan inte ska hänga på enskilda eldsjälar. Parterna avser att föra en stabil och långsiktig dialog på nationell nivå, utbyta kunskap och lägesbild, ta fram nationella riktlinjer och en mall för lokal samverkan, och verka för att civilsamhället inkluderas lokalt från behovsanalys till insats.',
    // A draft: the Police keep it to themselves until the parties have agreed on a text.
    ownerId: A.polisen,
    visibility: OWNER,
    parties: [
      [A.polisen, ACCOUNTABLE, 'Ger polisen lokalt en tydlig signal och förutsättningar att samverka med civilsamhället.'],
      [A.nod, EXTENDING, 'Håller samman dialogen mellan parterna och samlar civilsamhällets synpunkter.'],
      [A.raddaBarnen, ACCOUNTABLE, null],
      [A.fryshuset, ACCOUNTABLE, null],
      [A.kfumSverige, ACCOUNTABLE, null],
      [A.riksidrottsforbundet, ACCOUNTABLE, null],
      [A.hyresgastforeningen, ACCOUNTABLE, null],
      [A.sverigesKristnaRad, ACCOUNTABLE, null],
    ],
    areas: [AR.sweden],
  },
  {
    id: G.iopGoteborgAngered,
    title: 'IOP Trygga mötesplatser för barn och unga i Angered',
    kind: AgreementKind.IOP,
    status: AgreementStatus.ACTIVE,
    startsOn: cal.month(-23),
    endsOn: cal.monthEnd(1),
    description:
      'Idéburet offentligt partnerskap mellan Göteborgs Stad och idéburna organisationer om öppna mötesplatser, fotboll och föräldrastöd för barn och unga i Angered. Lokalpolisområde Göteborg Nordost är en tydlig part i partnerskapet.',
    // Shared with the partnership's parties.
    ownerId: A.goteborgsStad,
    visibility: SHARED,
    parties: [
      [A.goteborgsStad, FUNDING, 'Finansierar verksamheten under partnerskapets period och upplåter lokaler.'],
      [A.goteborgsStad, ACCOUNTABLE, 'Följer upp partnerskapet tillsammans med de idéburna parterna två gånger per år.'],
      [A.kfumGoteborg, IMPLEMENTING, 'Driver fotboll och öppen verksamhet kvällar och helger.'],
      [A.raddaBarnenGoteborg, IMPLEMENTING, 'Erbjuder föräldrastöd och mötesplatser för föräldrar.'],
      [A.lpoGoteborgNordost, IMPLEMENTING, 'Områdespoliser deltar regelbundet i verksamheten för att bygga relationer och delar lägesbild på områdesnivå.'],
    ],
    areas: [AR.angered],
  },
  {
    id: G.rattKurvaJarva,
    title: 'Rätt kurva Järva',
    kind: AgreementKind.METHOD_FRAMEWORK,
    status: AgreementStatus.ACTIVE,
    startsOn: cal.month(-32),
    endsOn: null,
    description:
      'Rätt kurva är en metod där polis, socialtjänst, näringsliv och civilsamhälle tillsammans fångar upp barn i åldern 8–15 år som riskerar att dras in i kriminalitet, och ger dem och deras föräldrar stöd, meningsfull fritid och förebilder. På Järva omfattar arbetet Rinkeby-Kista och Spånga-Tensta.',
    // Work around individual children: shared with the parties only.
    ownerId: A.lpoRinkeby,
    visibility: SHARED,
    parties: [
      [A.stockholmsStad, FUNDING, 'Finansierar fritidsinsatser och samordning inom stadens brottsförebyggande arbete.'],
      [A.lpoRinkeby, ACCOUNTABLE, 'Samordnar arbetet och identifierar tillsammans med socialtjänsten barn som behöver stöd.'],
      [A.rinkebyKistaStadsdel, IMPLEMENTING, 'Socialtjänsten håller kontakten med barnen och deras familjer och ansvarar för stödinsatser.'],
      [A.familjebostader, IMPLEMENTING, 'Erbjuder feriejobb och lokaler och bidrar som bostadsbolag till trygga närmiljöer.'],
      [A.jarvaISamverkan, IMPLEMENTING, 'Förmedlar kontakt med lokala föreningar och meningsfull fritid för barnen.'],
    ],
    areas: [AR.rinkebyKista, AR.spangaTensta],
  },
  {
    id: G.sspfUppsala,
    title: 'SSPF Uppsala – skola, socialtjänst, polis och fritid',
    kind: AgreementKind.METHOD_FRAMEWORK,
    status: AgreementStatus.ACTIVE,
    startsOn: cal.month(-27, 19),
    endsOn: null,
    description:
      'Samverkan enligt SSPF-modellen kring enskilda barn och unga som riskerar att dras in i kriminalitet. Arbetet bygger på skriftligt samtycke från den unge och vårdnadshavarna; civilsamhället kan delta i planeringen kring en ungdom, till exempel med föräldrastöd tillsammans med socialtjänsten och polisen.',
    // The way of working is shown to the network, so others can learn from it.
    ownerId: A.uppsalaKommun,
    visibility: NETWORK,
    parties: [
      [A.uppsalaKommun, ACCOUNTABLE, 'Samordnar SSPF-gruppen genom socialtjänsten och ansvarar för hanteringen av samtycken.'],
      [A.uppsalaKommun, IMPLEMENTING, 'Skola, socialtjänst och fritidsverksamhet deltar i ärendena.'],
      [A.lpoUppsala, IMPLEMENTING, 'Deltar med kommunpolis och ungdomsutredare i möten och insatser.'],
      [A.fralsningsarmen, IMPLEMENTING, 'Bistår med föräldrastöd och familjeverksamhet i Gottsunda när familjen samtycker.'],
    ],
    areas: [AR.uppsala],
  },
  {
    id: G.medborgarloftRinkebyKista,
    title: `Medborgarlöfte Rinkeby-Kista ${cal.yearStart(0).slice(0, 4)}`,
    kind: AgreementKind.CITIZEN_PROMISE,
    status: AgreementStatus.ACTIVE,
    startsOn: cal.yearStart(0),
    endsOn: cal.yearEnd(0),
    description:
      'Lokalpolisområde Rinkeby och Rinkeby-Kista stadsdelsförvaltning lovar invånarna mer vuxennärvaro kvällstid kring skolor och fritidsgårdar och regelbundna trygghetsvandringar med boende och föreningar. Löftet bygger på medborgardialoger där barns och ungas röster hördes särskilt, genom samtal på skolor och fritidsgårdar, och följs upp tillsammans med dem under året.',
    // A citizen promise is a public commitment to the residents.
    ownerId: A.lpoRinkeby,
    visibility: PUBLIC,
    parties: [
      [A.lpoRinkeby, ACCOUNTABLE, 'Står bakom löftet; områdespoliser deltar i trygghetsvandringar och i uppföljningen.'],
      [A.rinkebyKistaStadsdel, ACCOUNTABLE, 'Står bakom löftet och leder dialogerna med barn och unga på fritidsgårdarna.'],
      [A.mammaUnited, IMPLEMENTING, 'Mamma United Trygg bidrar med vuxennärvaro kvällstid.'],
    ],
    areas: [AR.rinkebyKista],
  },
  {
    id: G.medborgarloftRinkebyKistaPrevious,
    title: `Medborgarlöfte Rinkeby-Kista ${cal.yearStart(-1).slice(0, 4)}`,
    kind: AgreementKind.CITIZEN_PROMISE,
    status: AgreementStatus.ENDED,
    startsOn: cal.yearStart(-1),
    endsOn: cal.yearEnd(-1),
    description:
      'Lokalpolisområde Rinkeby och Rinkeby-Kista stadsdelsförvaltning lovade invånarna synlig polis och fältassistenter vid torget och tunnelbanan på fredags- och lördagskvällar, och trygghetsvandringar med boende. Uppföljningen med boende och föreningar låg till grund för nästa års löfte.',
    // Public, as every citizen promise, also once it has ended.
    ownerId: A.lpoRinkeby,
    visibility: PUBLIC,
    parties: [
      [A.lpoRinkeby, ACCOUNTABLE, 'Stod bakom löftet; områdespoliser fanns på plats kvällstid.'],
      [A.rinkebyKistaStadsdel, ACCOUNTABLE, 'Stod bakom löftet med fältassistenter och fritidsgårdarnas personal.'],
    ],
    areas: [AR.rinkebyKista],
  },
  {
    id: G.visselblasartjanstRf,
    title: 'Nationell samverkan kring Riksidrottsförbundets visselblåsartjänst',
    kind: AgreementKind.COLLABORATION_AGREEMENT,
    status: AgreementStatus.ACTIVE,
    startsOn: cal.month(-30, 15),
    endsOn: null,
    description:
      'Samverkan om hur rapporter till idrottens visselblåsartjänst som kan gälla brott – till exempel matchfixning, otillåten påverkan eller övergrepp mot barn – lämnas vidare till polisen, och hur polisen återkopplar till idrotten.',
    // National agreements are public commitments.
    ownerId: A.riksidrottsforbundet,
    visibility: PUBLIC,
    parties: [
      [A.riksidrottsforbundet, ACCOUNTABLE, 'Driver visselblåsartjänsten och bedömer inkomna rapporter.'],
      [A.polisen, IMPLEMENTING, 'Tar emot rapporter som kan gälla brott och utser nationella kontaktpersoner.'],
    ],
    areas: [AR.sweden],
  },
];

/** Who a SHARED demo agreement is shared with: its parties, as for one registered through the API. */
const sharedWithOf = ({ visibility, parties, ownerId }: DemoAgreement) =>
  visibility === SHARED ? [...new Set(parties.map(([actorId]) => actorId))].filter((id) => id !== ownerId) : [];

/** Registered two weeks before it starts (a draft three weeks ago; at the latest yesterday), and not changed since. */
const registeredOn = (agreement: DemoAgreement, calendar: DemoCalendar) =>
  calendar.moment(agreement.startsOn ? calendar.days(-14, agreement.startsOn) : calendar.days(-21));

/**
 * Inserts demo agreements that are not there yet, with their parties and areas (only for those it
 * inserted: a restart never restores replaced ones), registered two weeks before they start.
 */
export async function insertDemoAgreements(manager: EntityManager, agreements: DemoAgreement[], calendar: DemoCalendar): Promise<void> {
  const added = await insertNew(
    manager,
    Agreement,
    agreements.map((agreement) => {
      const { parties: _parties, areas: _areas, ...fields } = agreement;
      const registered = registeredOn(agreement, calendar);
      return { ...fields, sharedWith: sharedWithOf(agreement), version: 1, createdAt: registered, updatedAt: registered };
    }),
  );
  const fresh = agreements.filter(({ id }) => added.has(id));
  // Confirmed as of registration (a draft's other parties still invited).
  const invitations = fresh.flatMap((agreement) =>
    standingInvitations(agreement, agreement.parties.map(([actorId]) => actorId), registeredOn(agreement, calendar)),
  );
  const parties = fresh.flatMap(({ id, parties }) => parties.map(([actorId, role, responsibilities]) => ({ agreementId: id, actorId, role, responsibilities })));
  if (parties.length) await manager.insert(AgreementParty, parties);
  if (invitations.length) await manager.insert(PartyInvitation, invitations);
  // Their status as of registration, by their owner.
  await recordStatusChanges(manager, fresh.map((agreement) => ({ agreementId: agreement.id, from: null, to: agreement.status, at: registeredOn(agreement, calendar), organisationId: agreement.ownerId })));
  const areas = fresh.flatMap(({ id, areas }) => areas.map((areaCode) => ({ agreementId: id, areaCode })));
  if (areas.length) await manager.insert(AgreementArea, areas);
}

/**
 * Loads the demo agreements with their parties and areas, dated relative to the calendar's day (today
 * unless a test names another); records that exist already are left as they are.
 */
export async function seedDemoData(dataSource: DataSource, calendar: DemoCalendar = demoCalendar()): Promise<void> {
  const agreements = demoAgreements(calendar);
  await dataSource.transaction(async (manager) => {
    await insertDemoAgreements(manager, agreements, calendar);
    await seedDemoTemplates(manager, calendar);
    // Demo agreements seeded before ownership existed got the migration's owner and stayed private;
    // while nobody has changed them (version 1), they get the owner's intended choice. Nothing is
    // written when they have it already, so seeding stays idempotent.
    for (const agreement of agreements) {
      await manager.query(
        `UPDATE agreements SET owner_id = $2, visibility = $3, shared_with = $4::uuid[]
          WHERE id = $1 AND version = 1 AND (owner_id, visibility, shared_with) IS DISTINCT FROM ($2::uuid, $3::text, $4::uuid[])`,
        [agreement.id, agreement.ownerId, agreement.visibility, sharedWithOf(agreement)],
      );
    }
    await seedDemoResourcesAndPhases(manager, calendar);
    await seedCitizenPromise(manager, calendar);
  });
}
