import { DataSource } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AREAS as AR, demoCalendar, DemoCalendar, insertNew } from '@samverkan/demo';
import { Actor, ActorArea, ActorKind } from '../registry/actor';
import { Area, AreaKind } from '../areas/area';
import { seedServices } from './seed-services';
import { seedVenuesAndContacts } from './seed-venues-contacts';

const DISTRICTS: Array<[string, string, number, number]> = [
  [AR.rinkebyKista, 'Rinkeby-Kista', 59.3885, 17.9283],
  [AR.spangaTensta, 'Spånga-Tensta', 59.3917, 17.8986],
  [AR.farsta, 'Farsta', 59.2434, 18.0893],
  [AR.hagerstenLiljeholmen, 'Hägersten-Liljeholmen', 59.3069, 18.0208],
  [AR.norrmalm, 'Norrmalm', 59.3365, 18.0606],
  [AR.gottsunda, 'Gottsunda', 59.8096, 17.6201],
  [AR.skaggetorp, 'Skäggetorp', 58.4317, 15.5894],
  [AR.rosengard, 'Rosengård', 55.5855, 13.0383],
  [AR.angered, 'Angered', 57.7936, 12.0497],
  [AR.hyllie, 'Hyllie', 55.5617, 12.9753],
  [AR.biskopsgarden, 'Biskopsgården', 57.7315, 11.8861],
];

/** Named areas: code, name, aliases, the districts each spans. */
const NAMED_AREAS: Array<[string, string, string[], string[]]> = [[AR.jarva, 'Järva', ['Järvafältet'], [AR.rinkebyKista, AR.spangaTensta]]];

type DemoActor = [id: string, name: string, kind: ActorKind, areas: string[], parent: string | null, description: string];

const { POLICE, MUNICIPALITY, NATIONAL_AUTHORITY, CIVIL_SOCIETY, FAITH_COMMUNITY, BUSINESS, SCHOOL } = ActorKind;

/** The organisations of the dialogue meeting, and local units in a few real municipalities. */
const ACTORS: DemoActor[] = [
  [A.polisen, 'Polismyndigheten', POLICE, [AR.sweden], null, 'Polisen nationellt, inklusive Nationella operativa avdelningen (NOA).'],
  [A.polisregionStockholm, 'Polisregion Stockholm', POLICE, [AR.stockholmsLan], A.polisen, 'Polisregion för Stockholms och Gotlands län.'],
  [A.lpoRinkeby, 'Lokalpolisområde Rinkeby', POLICE, [AR.rinkebyKista, AR.spangaTensta], A.polisregionStockholm, 'Lokalpolisområde för Järva med kommunpolis och områdespoliser.'],
  [A.polisregionVast, 'Polisregion Väst', POLICE, ['14'], A.polisen, 'Polisregion för bland annat Västra Götalands län.'],
  [A.lpoGoteborgNordost, 'Lokalpolisområde Göteborg Nordost', POLICE, [AR.angered], A.polisregionVast, 'Lokalpolisområde för Angered och nordöstra Göteborg.'],
  [A.polisregionMitt, 'Polisregion Mitt', POLICE, ['03'], A.polisen, 'Polisregion för bland annat Uppsala län.'],
  [A.lpoUppsala, 'Lokalpolisområde Uppsala', POLICE, [AR.uppsala], A.polisregionMitt, 'Lokalpolisområde för Uppsala kommun.'],
  [A.stockholmsStad, 'Stockholms stad', MUNICIPALITY, [AR.stockholm], null, 'Stockholms kommun med socialtjänst, fritid och stadsdelsförvaltningar.'],
  [A.rinkebyKistaStadsdel, 'Rinkeby-Kista stadsdelsförvaltning', MUNICIPALITY, [AR.rinkebyKista], A.stockholmsStad, 'Stadsdelsförvaltning med socialtjänst och fritidsgårdar i Rinkeby-Kista.'],
  [A.goteborgsStad, 'Göteborgs Stad', MUNICIPALITY, [AR.goteborg], null, 'Göteborgs kommun; part i IOP med civilsamhället.'],
  [A.uppsalaKommun, 'Uppsala kommun', MUNICIPALITY, [AR.uppsala], null, 'Uppsala kommun med POSOM-grupp och SSPF-samverkan.'],
  [A.linkopingsKommun, 'Linköpings kommun', MUNICIPALITY, [AR.linkoping], null, 'Linköpings kommun.'],
  [A.skr, 'Sveriges Kommuner och Regioner (SKR)', NATIONAL_AUTHORITY, [AR.sweden], null, 'Arbetsgivar- och intresseorganisation för kommuner och regioner; stödjer lokalt brottsförebyggande arbete.'],
  [A.mucf, 'Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF)', NATIONAL_AUTHORITY, [AR.sweden], null, 'Myndighet för ungdomspolitik och civilsamhällespolitik.'],
  [A.arvsfonden, 'Allmänna Arvsfonden', NATIONAL_AUTHORITY, [AR.sweden], null, 'Finansierar idéburna projekt för barn, unga och personer med funktionsnedsättning.'],
  [A.nod, 'NOD – Nationellt organ för dialog och samråd', CIVIL_SOCIETY, [AR.sweden], null, 'Främjar dialog mellan civilsamhället och staten.'],
  [A.raddaBarnen, 'Rädda Barnen', CIVIL_SOCIETY, [AR.sweden], null, 'Barnrättsorganisation med lokalföreningar och stöd till barn och föräldrar.'],
  [A.raddaBarnenGoteborg, 'Rädda Barnen Göteborg', CIVIL_SOCIETY, [AR.goteborg], A.raddaBarnen, 'Lokalförening med föräldrastöd och mötesplatser.'],
  [A.fryshuset, 'Fryshuset', CIVIL_SOCIETY, [AR.sweden, AR.rinkebyKista, AR.angered], null, 'Ungdomsverksamhet, avhopparverksamhet (Exit) och mötesplatser.'],
  [A.kfumSverige, 'KFUM Sverige', CIVIL_SOCIETY, [AR.sweden], null, 'Ungdomsorganisation med idrott, läxhjälp och ledarskap.'],
  [A.kfumGoteborg, 'KFUM Göteborg', CIVIL_SOCIETY, [AR.angered], A.kfumSverige, 'Lokal KFUM-förening med fotboll och öppen verksamhet i Angered.'],
  [A.fralsningsarmen, 'Frälsningsarmén', FAITH_COMMUNITY, [AR.sweden, AR.gottsunda], null, 'Kristet samfund med socialt arbete och familjeverksamhet.'],
  [A.riksidrottsforbundet, 'Riksidrottsförbundet', CIVIL_SOCIETY, [AR.sweden], null, 'Idrottsrörelsens paraplyorganisation; Trygg idrott och visselblåsartjänst.'],
  [A.rfSisuStockholm, 'RF-SISU Stockholm', CIVIL_SOCIETY, [AR.stockholmsLan], A.riksidrottsforbundet, 'Idrottsdistrikt som stöttar föreningar i särskilt utsatta områden.'],
  [A.hyresgastforeningen, 'Hyresgästföreningen', CIVIL_SOCIETY, [AR.sweden, AR.gottsunda, AR.rosengard], null, 'Hyresgästernas organisation; boendeinflytande och trygghetsvandringar.'],
  [A.mammaUnited, 'Mamma United', CIVIL_SOCIETY, [AR.rinkebyKista, AR.spangaTensta], null, 'Mammor som stärker varandra och vuxennärvaron – Mamma United Trygg.'],
  [A.skyddsvarnet, 'Skyddsvärnet – anno 1910', CIVIL_SOCIETY, [AR.stockholm], null, 'Idéburen organisation inom socialt arbete, bland annat mot rekrytering till kriminalitet.'],
  [A.sverigesKristnaRad, 'Sveriges Kristna Råd', FAITH_COMMUNITY, [AR.sweden], null, 'Samarbetsorgan för kyrkor; kyrka–polis i samverkan och GVI.'],
  [A.ostergotlandsStadsmission, 'Östergötlands Stadsmission', CIVIL_SOCIETY, [AR.linkoping, AR.skaggetorp], null, 'Idéburen organisation med stöd till barn, unga och familjer i Östergötland.'],
  [A.erikshjalpen, 'Erikshjälpen', CIVIL_SOCIETY, [AR.sweden], null, 'Barnrättsorganisation med verksamhet för barn och unga i Sverige.'],
  [A.folketsHusOchParker, 'Folkets Hus och Parker', CIVIL_SOCIETY, [AR.sweden], null, 'Mötesplatser och lokaler för kultur och föreningsliv.'],
  [A.brottsofferjouren, 'Brottsofferjouren Sverige', CIVIL_SOCIETY, [AR.sweden], null, 'Stöd till brottsutsatta, vittnen och anhöriga.'],
  [A.beredskapslyftet, 'Beredskapslyftet', CIVIL_SOCIETY, [AR.sweden], null, 'Civilsamhällets samverkan för krisberedskap.'],
  [A.jarvaISamverkan, 'Gålöstiftelsen / Järva i samverkan', CIVIL_SOCIETY, [AR.rinkebyKista, AR.spangaTensta], null, 'Lokal samverkan mellan föreningar på Järvafältet.'],
  [A.safeTrygghetsvardar, 'SAFE trygghetsvärdar', CIVIL_SOCIETY, [AR.norrmalm, AR.farsta, AR.hagerstenLiljeholmen], null, 'Trygghetsvärdar i Stockholm city, Farsta och Liljeholmen.'],
  [A.svenskaKyrkanUppsala, 'Svenska kyrkan i Uppsala', FAITH_COMMUNITY, [AR.uppsala], null, 'Församlingar i Uppsala; deltar i POSOM och kyrka–polis i samverkan.'],
  [A.familjebostader, 'Familjebostäder', BUSINESS, [AR.rinkebyKista, AR.farsta], null, 'Allmännyttigt bostadsbolag; partner i Rätt kurva.'],
  [A.rinkebySkolan, 'Rinkebyskolan', SCHOOL, [AR.rinkebyKista], A.stockholmsStad, 'Grundskola i Rinkeby; part i SSPF-samverkan.'],
];

/**
 * Loads the demo districts and actors, and their services, contact functions and venues, dated
 * relative to the calendar's day (today unless a test names another); records that exist already
 * are left as they are.
 */
export async function seedDemoData(dataSource: DataSource, calendar: DemoCalendar = demoCalendar()): Promise<void> {
  // Registered one a day from a year ago, and not changed since.
  const registered = (index: number) => calendar.moment(calendar.days(index, calendar.month(-12)));
  await dataSource.transaction(async (manager) => {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Area)
      .values(DISTRICTS.map(([code, name, latitude, longitude]) => ({ code, name, kind: AreaKind.DISTRICT, parentCode: code.slice(0, 4), latitude, longitude })))
      .orIgnore()
      .execute();
    // Members only for named areas inserted now, so a restart never restores districts someone removed.
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Area)
      .values(NAMED_AREAS.map(([code, name, aliases]) => ({ code, name, aliases, kind: AreaKind.NAMED_AREA, parentCode: code.slice(0, 4) })))
      .orIgnore()
      .returning('code')
      .execute();
    const named = new Set((inserted.raw as Array<{ code: string }>).map((row) => row.code));
    const members = NAMED_AREAS.filter(([code]) => named.has(code)).flatMap(([code, , , districts]) => districts.map((area) => ({ named: code, area })));
    if (members.length) {
      await manager.query('INSERT INTO area_members (named_area_code, area_code) SELECT * FROM unnest($1::text[], $2::text[])', [
        members.map((m) => m.named),
        members.map((m) => m.area),
      ]);
    }
    // Parents first, so each actor's parent exists when it is inserted.
    const added = await insertNew(
      manager,
      Actor,
      ACTORS.map(([id, name, kind, , parentId, description], index) => ({
        id, name, kind, parentId, description, ownerId: id, version: 1, createdAt: registered(index), updatedAt: registered(index),
      })),
    );
    const links = ACTORS.filter(([id]) => added.has(id)).flatMap(([actorId, , , areas]) => areas.map((areaCode) => ({ actorId, areaCode })));
    if (links.length) await manager.insert(ActorArea, links);
  });
  await seedServices(dataSource, calendar);
  await seedVenuesAndContacts(dataSource, calendar);
}
