import { DataSource } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AREAS as AR, DemoCalendar, demoIds, insertNew } from '@samverkan/demo';
import { TargetGroup } from '@samverkan/federation';
import { Service, ServiceArea, ServiceCategory } from '../services/service';
import { SupportNeed } from '../registry/support-need';

const service = demoIds('5e');

/** Fixed ids of the demo services, for tests and for other demo data. */
export const DEMO_SERVICES = {
  fryshusetExit: service(1),
  fryshusetRinkeby: service(2),
  fryshusetAngered: service(3),
  kfumGoteborgFotboll: service(4),
  kfumGoteborgLaxhjalp: service(5),
  kfumSverigeLedare: service(6),
  raddaBarnenGoteborgForaldrastod: service(7),
  raddaBarnenGoteborgMotesplats: service(8),
  raddaBarnenSamtalsstod: service(9),
  mammaUnitedTrygg: service(10),
  mammaUnitedMammagrupper: service(11),
  hyresgastforeningenTrygghetsvandringar: service(12),
  hyresgastforeningenBoendeinflytande: service(13),
  hyresgastforeningenLaxhjalp: service(14),
  rfSisuIdrott: service(15),
  rfSisuTryggIdrott: service(16),
  fralsningsarmenFamiljestod: service(17),
  fralsningsarmenBarnOchUnga: service(18),
  brottsofferjourenStod: service(19),
  brottsofferjourenUnga: service(20),
  svenskaKyrkanPosom: service(21),
  svenskaKyrkanOppenKyrka: service(22),
  familjebostaderSommarjobb: service(23),
  safeCity: service(24),
  safeFarstaLiljeholmen: service(25),
  stadsmissionenLaxhjalp: service(26),
  stadsmissionenFamiljestod: service(27),
  skyddsvarnetMentorer: service(28),
  jarvaNattvandring: service(29),
  rinkebyKistaFritidsgardar: service(30),
  rinkebyKistaFaltassistenter: service(31),
  lpoRinkebyMbu: service(32),
  uppsalaKommunPosom: service(33),
} as const;

const S = DEMO_SERVICES;
const { SPORT, OPEN_MEETING_PLACE, PARENT_SUPPORT, OUTREACH, EXIT_PROGRAMME, CRISIS_SUPPORT, SAFETY_HOSTS, HOMEWORK_HELP, SUMMER_JOBS, MENTORING, VICTIM_SUPPORT, COUNSELLING, OTHER } =
  ServiceCategory;
const { CHILDREN, YOUNG_PEOPLE, PARENTS, RELATIVES, RESIDENTS, LEADERS_AND_VOLUNTEERS, PEOPLE_WITH_NPF } = TargetGroup;

type DemoService = {
  id: string;
  actorId: string;
  name: string;
  category: ServiceCategory;
  targetGroups: TargetGroup[];
  ages: [min: number | null, max: number | null];
  areas: string[];
  description: string;
};

/** What the organisations of the dialogue meeting do, and where (from the seed document and their own descriptions). */
const SERVICES: DemoService[] = [
  { id: S.fryshusetExit, actorId: A.fryshuset, name: 'Exit – avhopparverksamhet', category: EXIT_PROGRAMME, targetGroups: [YOUNG_PEOPLE, RELATIVES], ages: [15, 35], areas: [AR.sweden],
    description: 'Stöd till den som vill lämna kriminella nätverk eller våldsbejakande miljöer, och till deras anhöriga.' },
  { id: S.fryshusetRinkeby, actorId: A.fryshuset, name: 'Öppen mötesplats i Rinkeby', category: OPEN_MEETING_PLACE, targetGroups: [YOUNG_PEOPLE], ages: [13, 19], areas: [AR.rinkebyKista],
    description: 'Öppen verksamhet på kvällar och helger med musik, dans och idrott. Unga leder aktiviteter tillsammans med fritidsledare.' },
  { id: S.fryshusetAngered, actorId: A.fryshuset, name: 'Öppen mötesplats i Angered', category: OPEN_MEETING_PLACE, targetGroups: [YOUNG_PEOPLE], ages: [13, 19], areas: [AR.angered],
    description: 'Mötesplats för unga med ledare som finns på plats, samtal och aktiviteter.' },
  { id: S.kfumGoteborgFotboll, actorId: A.kfumGoteborg, name: 'Fotboll i Angered', category: SPORT, targetGroups: [CHILDREN, YOUNG_PEOPLE], ages: [8, 16], areas: [AR.angered],
    description: 'Träningar varje vecka och en årlig fotbollsturnering dit polisen bjuds in för att bygga relationer med deltagarna.' },
  { id: S.kfumGoteborgLaxhjalp, actorId: A.kfumGoteborg, name: 'Läxhjälp i Angered', category: HOMEWORK_HELP, targetGroups: [CHILDREN, YOUNG_PEOPLE, PEOPLE_WITH_NPF], ages: [10, 15], areas: [AR.angered],
    description: 'Läxhjälp med volontärer efter skolan för mellanstadiet och högstadiet.' },
  { id: S.kfumSverigeLedare, actorId: A.kfumSverige, name: 'Ledarutbildning för unga ledare', category: OTHER, targetGroups: [LEADERS_AND_VOLUNTEERS], ages: [16, 25], areas: [AR.sweden],
    description: 'Utbildning för unga ledare och volontärer i föreningarna: ledarskap, värdegrund och att möta barn med normbrytande beteende.' },
  { id: S.raddaBarnenGoteborgForaldrastod, actorId: A.raddaBarnenGoteborg, name: 'Föräldrastöd i Göteborg', category: PARENT_SUPPORT, targetGroups: [PARENTS], ages: [null, null], areas: [AR.goteborg],
    description: 'Föräldragrupper om barns rättigheter, föräldraskap och vilka fritidsaktiviteter som finns, till exempel Fritidskortet.' },
  { id: S.raddaBarnenGoteborgMotesplats, actorId: A.raddaBarnenGoteborg, name: 'Mötesplats för barn och familjer i Angered', category: OPEN_MEETING_PLACE, targetGroups: [CHILDREN, PARENTS], ages: [6, 12], areas: [AR.angered],
    description: 'Lek, läsning och aktiviteter för barn tillsammans med sina föräldrar.' },
  { id: S.raddaBarnenSamtalsstod, actorId: A.raddaBarnen, name: 'Samtalsstöd för barn och unga', category: COUNSELLING, targetGroups: [CHILDREN, YOUNG_PEOPLE], ages: [6, 18], areas: [AR.sweden],
    description: 'Samtal med barn och unga som varit med om våld eller andra svåra händelser.' },
  { id: S.mammaUnitedTrygg, actorId: A.mammaUnited, name: 'Mamma United Trygg', category: SAFETY_HOSTS, targetGroups: [PARENTS, RESIDENTS], ages: [null, null], areas: [AR.rinkebyKista, AR.spangaTensta],
    description: 'Mammor som rör sig i området kvällstid och stärker vuxennärvaron där barn och unga är.' },
  { id: S.mammaUnitedMammagrupper, actorId: A.mammaUnited, name: 'Mammagrupper', category: PARENT_SUPPORT, targetGroups: [PARENTS], ages: [null, null], areas: [AR.rinkebyKista, AR.spangaTensta],
    description: 'Mammor stärker varandra i föräldraskapet och delar kunskap om hur gängen rekryterar barn.' },
  { id: S.hyresgastforeningenTrygghetsvandringar, actorId: A.hyresgastforeningen, name: 'Trygghetsvandringar med invånare i Gottsunda', category: OTHER, targetGroups: [RESIDENTS], ages: [null, null], areas: [AR.gottsunda],
    description: 'Boende, bostadsbolag och polis går tillsammans genom området och antecknar otrygga platser.' },
  { id: S.hyresgastforeningenBoendeinflytande, actorId: A.hyresgastforeningen, name: 'Boendeinflytande i Rosengård', category: OTHER, targetGroups: [RESIDENTS, YOUNG_PEOPLE], ages: [null, null], areas: [AR.rosengard],
    description: 'Hyresgäster, också unga, organiserar sig och påverkar sitt boende och sitt område.' },
  { id: S.hyresgastforeningenLaxhjalp, actorId: A.hyresgastforeningen, name: 'Läxhjälp i Rosengård', category: HOMEWORK_HELP, targetGroups: [CHILDREN], ages: [7, 12], areas: [AR.rosengard],
    description: 'Läxhjälp i föreningslokalen med frivilliga grannar.' },
  { id: S.rfSisuIdrott, actorId: A.rfSisuStockholm, name: 'Idrott i särskilt utsatta områden', category: SPORT, targetGroups: [CHILDREN, YOUNG_PEOPLE], ages: [7, 20], areas: [AR.rinkebyKista, AR.spangaTensta],
    description: 'Stöd till idrottsföreningar i särskilt utsatta områden, med Idrottsklivet för en meningsfull fritid och lokal samverkan med polisen.' },
  { id: S.rfSisuTryggIdrott, actorId: A.rfSisuStockholm, name: 'Trygg idrott – utbildning för ledare', category: OTHER, targetGroups: [LEADERS_AND_VOLUNTEERS], ages: [null, null], areas: [AR.stockholmsLan],
    description: 'Utbildning för tränare och ledare om trygg idrott, otillåten påverkan och matchfixning.' },
  { id: S.fralsningsarmenFamiljestod, actorId: A.fralsningsarmen, name: 'Familjestöd i Gottsunda', category: PARENT_SUPPORT, targetGroups: [PARENTS, CHILDREN], ages: [0, 12], areas: [AR.gottsunda],
    description: 'Familjeverksamhet med stöd till föräldrar, gemensamma måltider och aktiviteter för barnen.' },
  { id: S.fralsningsarmenBarnOchUnga, actorId: A.fralsningsarmen, name: 'Barn- och ungdomsverksamhet i Gottsunda', category: OPEN_MEETING_PLACE, targetGroups: [CHILDREN, YOUNG_PEOPLE], ages: [7, 15], areas: [AR.gottsunda],
    description: 'Öppen verksamhet efter skolan med mellanmål, spel och musik.' },
  { id: S.brottsofferjourenStod, actorId: A.brottsofferjouren, name: 'Stöd till brottsutsatta, vittnen och anhöriga', category: VICTIM_SUPPORT, targetGroups: [RESIDENTS, RELATIVES], ages: [null, null], areas: [AR.sweden],
    description: 'Stödsamtal och hjälp genom rättsprocessen för den som utsatts för brott, vittnen och anhöriga.' },
  { id: S.brottsofferjourenUnga, actorId: A.brottsofferjouren, name: 'Stöd till unga brottsutsatta', category: VICTIM_SUPPORT, targetGroups: [YOUNG_PEOPLE], ages: [12, 25], areas: [AR.sweden],
    description: 'Stöd för unga som utsatts för rån, hot eller våld, också i skolan och på nätet.' },
  { id: S.svenskaKyrkanPosom, actorId: A.svenskaKyrkanUppsala, name: 'POSOM – krisstöd i Uppsala', category: CRISIS_SUPPORT, targetGroups: [RESIDENTS, RELATIVES, YOUNG_PEOPLE], ages: [null, null], areas: [AR.uppsala],
    description: 'Psykiskt och socialt omhändertagande vid kriser tillsammans med kommunens POSOM-grupp: öppen kyrka, samtal och stöd till drabbade.' },
  { id: S.svenskaKyrkanOppenKyrka, actorId: A.svenskaKyrkanUppsala, name: 'Ungdomsverksamhet i Gottsunda', category: OPEN_MEETING_PLACE, targetGroups: [YOUNG_PEOPLE], ages: [13, 19], areas: [AR.gottsunda],
    description: 'Kvällsöppet för unga med samtal, musik och fika.' },
  { id: S.familjebostaderSommarjobb, actorId: A.familjebostader, name: 'Sommarjobb för unga', category: SUMMER_JOBS, targetGroups: [YOUNG_PEOPLE], ages: [15, 19], areas: [AR.rinkebyKista, AR.farsta],
    description: 'Feriejobb i bostadsområdena för unga som bor där, inom Rätt kurva tillsammans med näringslivet.' },
  { id: S.safeCity, actorId: A.safeTrygghetsvardar, name: 'Trygghetsvärdar i Stockholm city', category: SAFETY_HOSTS, targetGroups: [YOUNG_PEOPLE, RESIDENTS], ages: [null, null], areas: [AR.norrmalm],
    description: 'Trygghetsvärdar som finns på plats kvällar och helger och samverkar med polisen.' },
  { id: S.safeFarstaLiljeholmen, actorId: A.safeTrygghetsvardar, name: 'Trygghetsvärdar i Farsta och Liljeholmen', category: SAFETY_HOSTS, targetGroups: [YOUNG_PEOPLE, RESIDENTS], ages: [null, null], areas: [AR.farsta, AR.hagerstenLiljeholmen],
    description: 'Trygghetsvärdar vid centrum och stationer.' },
  { id: S.stadsmissionenLaxhjalp, actorId: A.ostergotlandsStadsmission, name: 'Läxhjälp och mötesplats i Skäggetorp', category: HOMEWORK_HELP, targetGroups: [CHILDREN, YOUNG_PEOPLE], ages: [8, 16], areas: [AR.skaggetorp],
    description: 'Läxhjälp, mellanmål och aktiviteter efter skolan.' },
  { id: S.stadsmissionenFamiljestod, actorId: A.ostergotlandsStadsmission, name: 'Stöd till familjer i Linköping', category: PARENT_SUPPORT, targetGroups: [PARENTS, CHILDREN], ages: [0, 17], areas: [AR.linkoping],
    description: 'Samtal och praktiskt stöd till familjer i en svår situation.' },
  { id: S.skyddsvarnetMentorer, actorId: A.skyddsvarnet, name: 'Mentorer för unga i riskzon', category: MENTORING, targetGroups: [YOUNG_PEOPLE, PARENTS], ages: [12, 20], areas: [AR.stockholm],
    description: 'Vuxna mentorer och stöd till familjen för unga som riskerar att rekryteras till organiserad brottslighet.' },
  { id: S.jarvaNattvandring, actorId: A.jarvaISamverkan, name: 'Nattvandring på Järvafältet', category: SAFETY_HOSTS, targetGroups: [RESIDENTS, PARENTS], ages: [null, null], areas: [AR.rinkebyKista, AR.spangaTensta],
    description: 'Föräldrar och andra vuxna nattvandrar fredag och lördag kväll.' },
  { id: S.rinkebyKistaFritidsgardar, actorId: A.rinkebyKistaStadsdel, name: 'Fritidsgårdar i Rinkeby-Kista', category: OPEN_MEETING_PLACE, targetGroups: [YOUNG_PEOPLE], ages: [13, 17], areas: [AR.rinkebyKista],
    description: 'Kommunala fritidsgårdar med fritidsledare.' },
  { id: S.rinkebyKistaFaltassistenter, actorId: A.rinkebyKistaStadsdel, name: 'Fältassistenter', category: OUTREACH, targetGroups: [YOUNG_PEOPLE, PARENTS], ages: [12, 20], areas: [AR.rinkebyKista],
    description: 'Uppsökande arbete där unga finns, kvällar och helger, i samverkan med skola, socialtjänst och polis (SSPF).' },
  { id: S.lpoRinkebyMbu, actorId: A.lpoRinkeby, name: 'Människan bakom uniformen (MBU)', category: MENTORING, targetGroups: [YOUNG_PEOPLE], ages: [12, 18], areas: [AR.rinkebyKista, AR.spangaTensta],
    description: 'Poliser träffar unga i mindre grupper under flera tillfällen för att bygga relationer och förtroende.' },
  { id: S.uppsalaKommunPosom, actorId: A.uppsalaKommun, name: 'POSOM-grupp Uppsala', category: CRISIS_SUPPORT, targetGroups: [RESIDENTS, RELATIVES], ages: [null, null], areas: [AR.uppsala],
    description: 'Kommunens grupp för psykiskt och socialt omhändertagande vid kriser och större olyckor.' },
];

/** Which demo actors can receive young people at risk, and what they need for it (question 3 of the seed document). */
const SUPPORT: Array<[actorId: string, receives: boolean, needs: SupportNeed[], note: string | null]> = [
  [A.kfumGoteborg, true, [SupportNeed.NPF_COMPETENCE, SupportNeed.LEADER_TRAINING],
    'Vi vill inte avvisa barn på glid från fotbollen och läxhjälpen, men ledarna behöver NPF-kunskap och konkreta verktyg.'],
  [A.fryshuset, true, [SupportNeed.FUNDING], 'Långsiktig finansiering av det relationsbundna arbetet.'],
  [A.rfSisuStockholm, true, [SupportNeed.LEADER_TRAINING, SupportNeed.SAFETY_ADVICE, SupportNeed.FUNDING],
    'Föreningarna behöver externa experter och riskanalyser tillsammans med polisen.'],
  [A.raddaBarnenGoteborg, true, [SupportNeed.NPF_COMPETENCE, SupportNeed.INTERPRETERS], null],
  [A.mammaUnited, true, [SupportNeed.PREMISES, SupportNeed.FUNDING], null],
  [A.fralsningsarmen, true, [SupportNeed.NPF_COMPETENCE], null],
  [A.skyddsvarnet, true, [], null],
  [A.ostergotlandsStadsmission, true, [SupportNeed.LEADER_TRAINING], null],
  [A.hyresgastforeningen, false, [SupportNeed.LEADER_TRAINING, SupportNeed.SAFETY_ADVICE],
    'Våra ideella känner sig inte rustade att ta emot unga i kriminella miljöer.'],
];

/**
 * Loads the demo services and the demo actors' support needs. Services that exist already are left
 * as they are (also their areas); support information is set only on actors nobody has changed.
 */
export async function seedServices(dataSource: DataSource, calendar: DemoCalendar): Promise<void> {
  // Registered by their actors after the actors themselves, one a day from ten months ago, and not changed since.
  const registered = (index: number) => calendar.moment(calendar.days(index, calendar.month(-10)));
  await dataSource.transaction(async (manager) => {
    // Areas only for the services just added, so a service someone has changed keeps its areas.
    const added = await insertNew(
      manager,
      Service,
      SERVICES.map(({ id, actorId, name, category, targetGroups, ages: [ageMin, ageMax], description }, index) => ({
        id, actorId, name, category, targetGroups, ageMin, ageMax, description, version: 1, createdAt: registered(index), updatedAt: registered(index),
      })),
    );
    const links = SERVICES.filter(({ id }) => added.has(id)).flatMap(({ id, areas }) => areas.map((areaCode) => ({ serviceId: id, areaCode })));
    if (links.length) await manager.createQueryBuilder().insert().into(ServiceArea).values(links).orIgnore().execute();
    for (const [actorId, receives, needs, note] of SUPPORT) {
      await manager.query(
        `UPDATE actors SET receives_young_people_at_risk = $2, support_needs = $3, support_note = $4
         WHERE id = $1 AND version = 1 AND NOT receives_young_people_at_risk AND support_needs = '{}' AND support_note IS NULL`,
        [actorId, receives, needs, note],
      );
    }
  });
}
