import { DataSource } from 'typeorm';
import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_CONTACT_FUNCTIONS, DEMO_VENUE_LOCATIONS, DEMO_VENUES, DemoCalendar, demoIds } from '@samverkan/demo';
import { ContactChannel, ContactChannelKind, ContactFunction, ContactFunctionHolder, ContactHolderRole } from '../contact-functions/contact-function';
import { Venue, VenueUse } from '../venues/venue';
import { channelKey } from '../contact-functions/public-contact';

const holder = demoIds('cf1');

/** The demo contact functions' ids live in @samverkan/demo, since crisis rosters and incidents name them. */
export { DEMO_CONTACT_FUNCTIONS };

/** The demo venues' ids live in @samverkan/demo, since the demo activities take place at them. */
export { DEMO_VENUES };

const F = DEMO_CONTACT_FUNCTIONS;
const { PHONE, EMAIL, WEB, SMS, OTHER } = ContactChannelKind;
const { HOLDER, BACKUP } = ContactHolderRole;

const channel = (kind: ContactChannelKind, value: string, note: string | null = null): ContactChannel => ({ kind, value, note });

// Telephone numbers are from the ranges PTS reserves for fiction (08-465 004 xx, 031-390 06 xx,
// 070-174 06 xx); e-mail and web addresses use example.org. Every person is fictional.
type DemoFunction = [id: string, actorId: string, areaCode: string, name: string, description: string, channels: ContactChannel[]];

const FUNCTIONS: DemoFunction[] = [
  [F.kommunpolisJarva, A.lpoRinkeby, AR.rinkebyKista, 'Kommunpolis Järva',
    'Polisens kontaktpunkt för kommunen, skolor och föreningar i Järva: medborgarlöften, trygghetsvandringar och lägesbild. Inte för akuta ärenden.',
    [channel(PHONE, '08-465 004 01', 'Vardagar 8–16. Vid akut fara: ring 112.'), channel(EMAIL, 'kommunpolis.jarva@example.org')]],
  [F.omradespolisAngered, A.lpoGoteborgNordost, AR.angered, 'Områdespolis Angered',
    'Områdespolisen i Angered: närvaro i skolor, föreningar och på fotbollsturneringar, MBU-träffar.',
    [channel(PHONE, '031-390 06 01', 'Vardagar 8–16'), channel(EMAIL, 'omradespolis.angered@example.org')]],
  [F.fritidssamordnareRinkebyKista, A.rinkebyKistaStadsdel, AR.rinkebyKista, 'Fritidssamordnare Rinkeby-Kista',
    'Samordnar fritidsgårdar, sommarlovsaktiviteter och föreningssamverkan i stadsdelen.',
    [channel(PHONE, '08-465 004 02'), channel(EMAIL, 'fritid.rinkeby-kista@example.org'), channel(WEB, 'https://example.org/rinkeby-kista/fritid')]],
  [F.ordforandeKfumGoteborg, A.kfumGoteborg, AR.goteborg, 'Ordförande KFUM Göteborg',
    'Föreningens ordförande; kontakt för samverkan, IOP och lån av hallen i Angered.',
    [channel(EMAIL, 'ordforande@kfum-goteborg.example.org'), channel(SMS, '070-174 06 05', 'Sms går fortast')]],
  [F.posomUppsala, A.uppsalaKommun, AR.uppsala, 'POSOM-samordnare Uppsala',
    'Samordnar kommunens POSOM-grupp (psykiskt och socialt omhändertagande vid kris) med kyrkan, civilsamhället och polisen.',
    [channel(PHONE, '070-174 06 06', 'Dygnet runt vid kris'), channel(EMAIL, 'posom@uppsala.example.org')]],
  [F.trygghetssamordnareGottsunda, A.uppsalaKommun, AR.gottsunda, 'Trygghetssamordnare Gottsunda',
    'Kommunens trygghetssamordnare i Gottsunda: trygghetsvandringar, medborgardialog och samverkan med föreningar.',
    [channel(PHONE, '070-174 06 07'), channel(EMAIL, 'trygghet.gottsunda@uppsala.example.org')]],
  [F.verksamhetsansvarigFryshusetJarva, A.fryshuset, AR.rinkebyKista, 'Verksamhetsansvarig Fryshuset Järva',
    'Ansvarar för Fryshusets verksamhet och lokaler i Järva.',
    [channel(PHONE, '08-465 004 03'), channel(EMAIL, 'jarva@fryshuset.example.org')]],
  [F.lokalbokningFolketsHusAngered, A.folketsHusOchParker, AR.angered, 'Lokalbokning Folkets Hus Angered',
    'Bokning av salar och mötesrum i Folkets Hus Angered.',
    [channel(PHONE, '031-390 06 02', 'Vardagar 9–15'), channel(WEB, 'https://example.org/folketshus-angered/boka')]],
  [F.lokalbokningSvenskaKyrkanUppsala, A.svenskaKyrkanUppsala, AR.uppsala, 'Lokalbokning Svenska kyrkan i Uppsala',
    'Bokning av församlingshem; kontakt för samverkan vid kris (kyrkans POSOM-representant nås via POSOM-samordnaren).',
    [channel(PHONE, '070-174 06 08'), channel(OTHER, 'Pastorsexpeditionen, öppen vardagar 10–14')]],
  [F.lokalansvarigHyresgastforeningenGottsunda, A.hyresgastforeningen, AR.gottsunda, 'Lokalansvarig Hyresgästföreningen Gottsunda',
    'Ansvarar för föreningslokalen i Gottsunda och nycklarna till den.',
    [channel(SMS, '070-174 06 09')]],
  [F.mottagningenBarnOchUngaRinkebyKista, A.rinkebyKistaStadsdel, AR.rinkebyKista, 'Mottagningen barn och unga, socialtjänsten Rinkeby-Kista',
    'Socialtjänstens mottagning för barn och unga: tar emot oro och orosanmälningar om barn i stadsdelen och leder insatsteamet.',
    [channel(PHONE, '08-465 004 04', 'Vardagar 8–17; därefter Socialjouren'), channel(EMAIL, 'mottagningen.barn.rinkeby-kista@example.org')]],
  [F.elevhalsanRinkebyskolan, A.rinkebySkolan, AR.rinkebyKista, 'Elevhälsan Rinkebyskolan',
    'Skolans elevhälsoteam (kurator, skolsköterska, specialpedagog): frånvaro, oro för elever och samverkan med socialtjänsten.',
    [channel(PHONE, '08-465 004 05', 'Skoldagar 8–16'), channel(EMAIL, 'elevhalsan.rinkebyskolan@example.org')]],
  [F.socialjourenBarnOchUngaNordost, A.goteborgsStad, AR.angered, 'Socialjouren / mottagningen barn och unga Nordost, Göteborgs Stad',
    'Socialtjänstens mottagning för barn och unga i Nordost (Angered) dagtid, Socialjouren kvällar och helger.',
    [channel(PHONE, '031-390 06 03', 'Mottagningen vardagar 8–16'), channel(PHONE, '031-390 06 04', 'Socialjouren kvällar och helger'), channel(EMAIL, 'barnochunga.nordost@goteborg.example.org')]],
];

/**
 * The public contacts of the demo (Actor.publicContact): several organisations publish one function
 * with some of its channels, by position in its channels above; the others publish none.
 */
const PUBLIC_CONTACTS: Array<[functionId: string, channels: number[]]> = [
  [F.kommunpolisJarva, [0, 1]],
  [F.fritidssamordnareRinkebyKista, [0, 2]],
  [F.ordforandeKfumGoteborg, [0]],
  [F.verksamhetsansvarigFryshusetJarva, [1]],
  [F.lokalbokningFolketsHusAngered, [0, 1]],
  [F.trygghetssamordnareGottsunda, [1]],
];

type DemoHolder = [id: string, functionId: string, personName: string, role: ContactHolderRole, from: string | null, until: string | null];

/**
 * Holders, in order per function, with periods in whole months relative to the seeding day (the
 * earliest began ten years ago; two periods ended over two years ago). Kommunpolis Järva,
 * Ordförande KFUM Göteborg, Trygghetssamordnare Gottsunda and Lokalansvarig Hyresgästföreningen
 * Gottsunda each rest on one current person (the one-person dependencies of the demo); the others
 * have a holder and a backup.
 */
const demoHolders = (cal: DemoCalendar): DemoHolder[] => [
  [holder(1), F.kommunpolisJarva, 'Erik Johansson (demo)', HOLDER, cal.month(-86), cal.monthEnd(-27)],
  [holder(2), F.kommunpolisJarva, 'Anna Svensson (demo)', HOLDER, cal.month(-26), null],
  [holder(3), F.omradespolisAngered, 'Mohammed Ali (demo)', HOLDER, cal.month(-46), null],
  [holder(4), F.omradespolisAngered, 'Sara Lindqvist (demo)', BACKUP, cal.month(-41), null],
  [holder(5), F.fritidssamordnareRinkebyKista, 'Leila Hassan (demo)', HOLDER, cal.month(-56), null],
  [holder(6), F.fritidssamordnareRinkebyKista, 'Johan Berg (demo)', BACKUP, cal.month(-56), null],
  [holder(7), F.ordforandeKfumGoteborg, 'Maria Andersson (demo)', HOLDER, cal.month(-67), null],
  [holder(8), F.posomUppsala, 'Karin Nilsson (demo)', HOLDER, cal.month(-82), null],
  [holder(9), F.posomUppsala, 'Peter Ek (demo)', BACKUP, cal.month(-82), null],
  [holder(10), F.trygghetssamordnareGottsunda, 'Ahmed Yusuf (demo)', HOLDER, cal.month(-39, 15), null],
  [holder(11), F.verksamhetsansvarigFryshusetJarva, 'Fatima Omar (demo)', HOLDER, cal.month(-70), null],
  [holder(12), F.verksamhetsansvarigFryshusetJarva, 'David Larsson (demo)', BACKUP, cal.month(-58), null],
  [holder(13), F.lokalbokningFolketsHusAngered, 'Eva Karlsson (demo)', HOLDER, cal.month(-102), null],
  [holder(14), F.lokalbokningFolketsHusAngered, 'Ali Reza (demo)', BACKUP, cal.month(-78), null],
  [holder(15), F.lokalbokningSvenskaKyrkanUppsala, 'Birgitta Holm (demo)', HOLDER, cal.month(-118), null],
  [holder(16), F.lokalbokningSvenskaKyrkanUppsala, 'Olof Sjöberg (demo)', BACKUP, cal.month(-94), null],
  [holder(17), F.lokalansvarigHyresgastforeningenGottsunda, 'Nadia Haddad (demo)', HOLDER, cal.month(-50), null],
  [holder(18), F.lokalansvarigHyresgastforeningenGottsunda, 'Lars Persson (demo)', BACKUP, cal.month(-50), cal.monthEnd(-29)],
  [holder(19), F.mottagningenBarnOchUngaRinkebyKista, 'Amina Warsame (demo)', HOLDER, cal.month(-44), null],
  [holder(20), F.mottagningenBarnOchUngaRinkebyKista, 'Jonas Lund (demo)', BACKUP, cal.month(-20), null],
  [holder(21), F.elevhalsanRinkebyskolan, 'Helena Berglund (demo)', HOLDER, cal.month(-60), null],
  [holder(22), F.elevhalsanRinkebyskolan, 'Yasmin Karimi (demo)', BACKUP, cal.month(-30), null],
  [holder(23), F.socialjourenBarnOchUngaNordost, 'Kristina Åberg (demo)', HOLDER, cal.month(-52), null],
  [holder(24), F.socialjourenBarnOchUngaNordost, 'Hassan Mahmoud (demo)', BACKUP, cal.month(-36), null],
];

type DemoVenue = {
  id: string;
  actorId: string;
  areaCode: string;
  name: string;
  description: string;
  capacity: number;
  suitableFor: VenueUse[];
  address?: { street: string | null; postalCode: string | null; city: string };
  location?: [latitude: number, longitude: number];
  accessibilityNote?: string;
  contactFunctionId?: string;
};

const { MEETINGS, DIALOGUES, YOUTH_ACTIVITIES, SPORT, CRISIS_SUPPORT } = VenueUse;

/** Premises from the seed document's organisations; civil society's premises used for meetings and dialogues, not only in crises. */
const VENUES: DemoVenue[] = [
  {
    id: DEMO_VENUES.fryshusetHusby,
    actorId: A.fryshuset,
    areaCode: AR.rinkebyKista,
    name: 'Fryshuset Järva – samlingssalen',
    description: 'Samlingssal och grupprum i Fryshusets lokaler i Järva; lånas ut till MBU-träffar, föräldramöten och samverkansmöten.',
    capacity: 80,
    suitableFor: [MEETINGS, DIALOGUES, YOUTH_ACTIVITIES],
    address: { street: null, postalCode: null, city: 'Kista' },
    location: DEMO_VENUE_LOCATIONS[DEMO_VENUES.fryshusetHusby],
    accessibilityNote: 'Entré i markplan, hiss till grupprummen, hörslinga i salen.',
    contactFunctionId: F.verksamhetsansvarigFryshusetJarva,
  },
  {
    id: DEMO_VENUES.folketsHusAngered,
    actorId: A.folketsHusOchParker,
    areaCode: AR.angered,
    name: 'Folkets Hus Angered – stora salen',
    description: 'Stor sal och mötesrum mitt i Angered centrum; för dialogmöten, trygghetsråd och som samlingsplats vid kris.',
    capacity: 250,
    suitableFor: [MEETINGS, DIALOGUES, YOUTH_ACTIVITIES, CRISIS_SUPPORT],
    address: { street: 'Angereds Torg', postalCode: '424 65', city: 'Angered' },
    location: DEMO_VENUE_LOCATIONS[DEMO_VENUES.folketsHusAngered],
    accessibilityNote: 'Tillgänglig entré och toalett, hörslinga.',
    contactFunctionId: F.lokalbokningFolketsHusAngered,
  },
  {
    id: DEMO_VENUES.forsamlingshemUppsala,
    actorId: A.svenskaKyrkanUppsala,
    areaCode: AR.uppsala,
    name: 'Församlingshemmet i Uppsala',
    description: 'Församlingshem med stor sal och kök; används av POSOM vid kris och lånas ut till samtal och möten även i vardagen.',
    capacity: 120,
    suitableFor: [MEETINGS, DIALOGUES, CRISIS_SUPPORT],
    address: { street: null, postalCode: null, city: 'Uppsala' },
    location: DEMO_VENUE_LOCATIONS[DEMO_VENUES.forsamlingshemUppsala],
    contactFunctionId: F.lokalbokningSvenskaKyrkanUppsala,
  },
  {
    id: DEMO_VENUES.hyresgastlokalGottsunda,
    actorId: A.hyresgastforeningen,
    areaCode: AR.gottsunda,
    name: 'Hyresgästföreningens lokal i Gottsunda',
    description: 'Föreningslokal för boendemöten, läxhjälp och trygghetsvandringarnas samling och uppföljning.',
    capacity: 40,
    suitableFor: [MEETINGS, DIALOGUES, YOUTH_ACTIVITIES],
    address: { street: null, postalCode: null, city: 'Uppsala' },
    location: DEMO_VENUE_LOCATIONS[DEMO_VENUES.hyresgastlokalGottsunda],
    accessibilityNote: 'Två trappsteg vid entrén; ramp finns.',
    contactFunctionId: F.lokalansvarigHyresgastforeningenGottsunda,
  },
  {
    id: DEMO_VENUES.kfumHallAngered,
    actorId: A.kfumGoteborg,
    areaCode: AR.angered,
    name: 'KFUM Göteborgs idrottshall i Angered',
    description: 'Idrottshall för fotboll och öppen hall på kvällar och lov.',
    capacity: 150,
    suitableFor: [SPORT, YOUTH_ACTIVITIES],
    contactFunctionId: F.ordforandeKfumGoteborg,
  },
  {
    id: DEMO_VENUES.mammaUnitedRinkeby,
    actorId: A.mammaUnited,
    areaCode: AR.rinkebyKista,
    name: 'Mamma Uniteds mötesrum i Rinkeby',
    description: 'Litet mötesrum för föräldraträffar och samtal med mammor i området.',
    capacity: 20,
    suitableFor: [MEETINGS, DIALOGUES],
  },
];

/**
 * Loads the demo contact functions, their holders and the demo venues, dated relative to the
 * calendar's day; records that exist already are left as they are.
 */
export async function seedVenuesAndContacts(dataSource: DataSource, calendar: DemoCalendar): Promise<void> {
  // Registered one a day from nine months ago, after their actors, and not changed since.
  const registered = (index: number) => calendar.moment(calendar.days(index, calendar.month(-9)));
  await dataSource.transaction(async (manager) => {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ContactFunction)
      .values(
        FUNCTIONS.map(([id, actorId, areaCode, name, description, channels], index) => ({
          id, actorId, areaCode, name, description, channels, version: 1, createdAt: registered(index), updatedAt: registered(index),
        })),
      )
      .orIgnore()
      .returning('id')
      .execute();
    // Holders only for functions inserted now: a function whose holders were changed since keeps them.
    const fresh = new Set((inserted.raw as Array<{ id: string }>).map((row) => row.id));
    const positions = new Map<string, number>();
    const holders = demoHolders(calendar).filter(([, functionId]) => fresh.has(functionId)).map(([id, functionId, personName, role, validFrom, validUntil]) => {
      const position = positions.get(functionId) ?? 0;
      positions.set(functionId, position + 1);
      return { id, functionId, personName, role, validFrom, validUntil, position };
    });
    if (holders.length) await manager.createQueryBuilder().insert().into(ContactFunctionHolder).values(holders).orIgnore().execute();
    // Published with the functions: an actor that has since chosen otherwise keeps its choice.
    for (const [functionId, positions] of PUBLIC_CONTACTS.filter(([functionId]) => fresh.has(functionId))) {
      const [, actorId, , , , channels] = FUNCTIONS.find(([id]) => id === functionId)!;
      await manager.query(
        'UPDATE actors SET public_contact_function_id = $1, public_contact_channels = $2 WHERE id = $3 AND public_contact_function_id IS NULL',
        [functionId, JSON.stringify(positions.map((position) => channelKey(channels[position]))), actorId],
      );
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(Venue)
      .values(
        VENUES.map(({ address, location, ...fields }, index) => ({
          ...fields,
          street: address?.street ?? null,
          postalCode: address?.postalCode ?? null,
          city: address?.city ?? null,
          latitude: location?.[0] ?? null,
          longitude: location?.[1] ?? null,
          accessibilityNote: fields.accessibilityNote ?? null,
          contactFunctionId: fields.contactFunctionId ?? null,
          version: 1,
          createdAt: registered(index),
          updatedAt: registered(index),
        })),
      )
      .orIgnore()
      .execute();
  });
}
