import { todayInSweden } from '@samverkan/federation';
/**
 * Fixed ids of the demo data, drawn from the 2025 dialogue meeting between the Police and civil
 * society (see README). Each subgraph seeds its own records; these ids let them refer to each other.
 */
/** Fixed, readable UUIDs for demo records: `demoIds('a0')(3)` is `a0000000-0000-4000-8000-000000000003`. */
export const demoIds = (prefix: string) => (n: number) => `${prefix.padEnd(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

const actor = demoIds('a0');
const agreement = demoIds('b0');

export const DEMO_ACTORS = {
  polisen: actor(1),
  polisregionStockholm: actor(2),
  lpoRinkeby: actor(3),
  polisregionVast: actor(4),
  lpoGoteborgNordost: actor(5),
  polisregionMitt: actor(6),
  lpoUppsala: actor(7),
  stockholmsStad: actor(10),
  rinkebyKistaStadsdel: actor(11),
  goteborgsStad: actor(12),
  uppsalaKommun: actor(13),
  linkopingsKommun: actor(14),
  skr: actor(20),
  mucf: actor(21),
  arvsfonden: actor(22),
  nod: actor(23),
  raddaBarnen: actor(30),
  raddaBarnenGoteborg: actor(31),
  fryshuset: actor(32),
  kfumSverige: actor(33),
  kfumGoteborg: actor(34),
  fralsningsarmen: actor(35),
  riksidrottsforbundet: actor(36),
  rfSisuStockholm: actor(37),
  hyresgastforeningen: actor(38),
  mammaUnited: actor(39),
  skyddsvarnet: actor(40),
  sverigesKristnaRad: actor(41),
  ostergotlandsStadsmission: actor(42),
  erikshjalpen: actor(43),
  folketsHusOchParker: actor(44),
  brottsofferjouren: actor(45),
  beredskapslyftet: actor(46),
  jarvaISamverkan: actor(47),
  safeTrygghetsvardar: actor(48),
  svenskaKyrkanUppsala: actor(49),
  familjebostader: actor(50),
  rinkebySkolan: actor(51),
} as const;

export const DEMO_AGREEMENTS = {
  noaRiksidrottsforbundet: agreement(1),
  nationalDeclarationOfIntent: agreement(2),
  iopGoteborgAngered: agreement(3),
  rattKurvaJarva: agreement(4),
  sspfUppsala: agreement(5),
  /** This year's citizen promise; the previous year's has ended. */
  medborgarloftRinkebyKista: agreement(6),
  visselblasartjanstRf: agreement(7),
  medborgarloftRinkebyKistaPrevious: agreement(8),
} as const;

const agreementTemplate = demoIds('b0a');

/** Fixed ids of the demo agreement templates (mallar) of the agreements subgraph. */
export const DEMO_AGREEMENT_TEMPLATES = {
  /** The national model for the Police and the sports movement, which the NOA–RF agreement was drafted from. */
  noaRfModel: agreementTemplate(1),
  /** An IOP template published by Göteborgs Stad. */
  iopMotesplatser: agreementTemplate(2),
  /** The Police's template for citizen promises. */
  medborgarlofte: agreementTemplate(3),
} as const;

const contactFunction = demoIds('cf');

/** Fixed ids of the demo contact functions (the actors registry's), for tests and other subgraphs' demo data (crisis rosters). */
export const DEMO_CONTACT_FUNCTIONS = {
  kommunpolisJarva: contactFunction(1),
  omradespolisAngered: contactFunction(2),
  fritidssamordnareRinkebyKista: contactFunction(3),
  ordforandeKfumGoteborg: contactFunction(4),
  posomUppsala: contactFunction(5),
  trygghetssamordnareGottsunda: contactFunction(6),
  verksamhetsansvarigFryshusetJarva: contactFunction(7),
  lokalbokningFolketsHusAngered: contactFunction(8),
  lokalbokningSvenskaKyrkanUppsala: contactFunction(9),
  lokalansvarigHyresgastforeningenGottsunda: contactFunction(10),
  /** The social services' reception for children and young people: the Rinkeby-Kista intervention team's lead. */
  mottagningenBarnOchUngaRinkebyKista: contactFunction(11),
  elevhalsanRinkebyskolan: contactFunction(12),
  /** Göteborg's social services for children and young people in the north-east (Angered). */
  socialjourenBarnOchUngaNordost: contactFunction(13),
} as const;

const interventionTeam = demoIds('c5');

/** Fixed ids of the demo intervention teams (the concerns subgraph's), for tests and other subgraphs' demo data. */
export const DEMO_INTERVENTION_TEAMS = {
  /**
   * Rinkeby-Kista: complete. The social services' reception for children and young people leads, the
   * police coordinate, Fryshuset (joined) is the backup; the district's leisure coordinator and the
   * school's pupil health are members.
   */
  rinkebyKista: interventionTeam(1),
  /** Angered: police lead, Göteborg's social services, a coordinator and a joined civil-society line, but no backup (a gap). */
  angered: interventionTeam(2),
  /** Gottsunda: in the making, its civil-society line not yet joined (gaps). */
  gottsunda: interventionTeam(3),
} as const;

const concern = demoIds('c6');

/** Fixed ids of the demo concerns (the concerns subgraph's), so a second seeding finds them. */
export const DEMO_CONCERNS = {
  rinkebyKista: [concern(1), concern(2), concern(3), concern(4), concern(5), concern(6), concern(7), concern(8)],
  angered: [concern(11), concern(12), concern(13), concern(14)],
} as const;

const venue = demoIds('fe');

/** Fixed ids of the demo venues (the actors registry's premises), which the demo activities take place at. */
export const DEMO_VENUES = {
  fryshusetHusby: venue(1),
  folketsHusAngered: venue(2),
  forsamlingshemUppsala: venue(3),
  hyresgastlokalGottsunda: venue(4),
  kfumHallAngered: venue(5),
  mammaUnitedRinkeby: venue(6),
} as const;

/**
 * Where the demo venues are (latitude, longitude), when recorded: the registry's points, which the
 * demo activities at them also copy for distance search.
 */
export const DEMO_VENUE_LOCATIONS: Partial<Record<string, [latitude: number, longitude: number]>> = {
  [DEMO_VENUES.fryshusetHusby]: [59.4105, 17.927],
  [DEMO_VENUES.folketsHusAngered]: [57.7987, 12.0485],
  [DEMO_VENUES.forsamlingshemUppsala]: [59.8581, 17.6337],
  [DEMO_VENUES.hyresgastlokalGottsunda]: [59.8093, 17.617],
};

/** Demo areas below municipality level (districts and a named area); municipalities and counties are reference data. */
export const DEMO_AREAS = {
  sweden: 'SE',
  stockholmsLan: '01',
  stockholm: '0180',
  rinkebyKista: '0180-rinkeby-kista',
  spangaTensta: '0180-spanga-tensta',
  farsta: '0180-farsta',
  hagerstenLiljeholmen: '0180-hagersten-liljeholmen',
  norrmalm: '0180-norrmalm',
  /** A named area: Rinkeby-Kista and Spånga-Tensta. */
  jarva: '0180-jarva',
  uppsala: '0380',
  gottsunda: '0380-gottsunda',
  linkoping: '0580',
  skaggetorp: '0580-skaggetorp',
  malmo: '1280',
  rosengard: '1280-rosengard',
  /** No association registered here: a gap the coverage dashboard shows. */
  hyllie: '1280-hyllie',
  goteborg: '1480',
  angered: '1480-angered',
  /** No association registered here: a gap the coverage dashboard shows. */
  biskopsgarden: '1480-biskopsgarden',
} as const;

/** A calendar day in Sweden, 'YYYY-MM-DD'. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SEASONS = ['vintern', 'vintern', 'våren', 'våren', 'våren', 'sommaren', 'sommaren', 'sommaren', 'hösten', 'hösten', 'hösten', 'vintern'] as const;

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
/** Day `day` of month `month` (0-based; overflowing into other years) of `year`; day 0 is the last day of the month before. */
const ymd = (year: number, month: number, day: number) => dayOf(new Date(Date.UTC(year, month, day)));

/**
 * The demo data's calendar. Every demo date is relative to `today`, the day the demo data is seeded,
 * so on any day the demo has activities this week and next month, agreements that run out soon and
 * a year of situation reports. Days are 'YYYY-MM-DD'; offsets are negative for the past.
 */
export interface DemoCalendar {
  /** The day the demo data is relative to. */
  readonly today: string;
  /** The day `offset` days after `from` (today by default). */
  days(offset: number, from?: string): string;
  /** Day `isoWeekday` (1 Monday … 7 Sunday) of the week `weeks` weeks after this one. */
  weekday(weeks: number, isoWeekday: number): string;
  /** Day `dayOfMonth` (the last day when the month is shorter) of the month `months` months after this one. */
  month(months: number, dayOfMonth?: number): string;
  /** The last day of the month `months` months after this one. */
  monthEnd(months: number): string;
  /** The first day of the year `years` years after this one. */
  yearStart(years: number): string;
  /** The last day of the year `years` years after this one. */
  yearEnd(years: number): string;
  /** The latest day on or before today that falls on this month (1–12) and day: for what recurs every year, such as summer jobs. */
  latestAnnual(month: number, dayOfMonth: number): string;
  /** The Swedish season a day falls in, as in "Trygghetsvandring – hösten". */
  season(day: string): (typeof SEASONS)[number];
  /** An instant on `day`, or yesterday if `day` is later: when a demo record was created, always in the past. */
  moment(day: string): Date;
}

/** The demo calendar for a day: today in Sweden unless a test or a script names another day. */
export function demoCalendar(today: string = todayInSweden()): DemoCalendar {
  if (!DAY.test(today) || dayOf(utc(today)) !== today) throw new Error(`Not a day (YYYY-MM-DD): ${today}`);
  const base = utc(today);
  const [year, month] = [base.getUTCFullYear(), base.getUTCMonth()];
  const days = (offset: number, from = today) => {
    const date = utc(from);
    date.setUTCDate(date.getUTCDate() + offset);
    return dayOf(date);
  };
  const yesterday = days(-1);
  return {
    today,
    days,
    weekday: (weeks, isoWeekday) => days(weeks * 7 - ((base.getUTCDay() + 6) % 7) + isoWeekday - 1),
    month: (months, dayOfMonth = 1) => ymd(year, month + months, Math.min(dayOfMonth, new Date(Date.UTC(year, month + months + 1, 0)).getUTCDate())),
    monthEnd: (months) => ymd(year, month + months + 1, 0),
    yearStart: (years) => ymd(year + years, 0, 1),
    yearEnd: (years) => ymd(year + years, 11, 31),
    latestAnnual: (annualMonth, dayOfMonth) => {
      const thisYear = ymd(year, annualMonth - 1, dayOfMonth);
      return thisYear <= today ? thisYear : ymd(year - 1, annualMonth - 1, dayOfMonth);
    },
    season: (day) => SEASONS[Number(day.slice(5, 7)) - 1],
    moment: (day) => new Date(`${day < yesterday ? day : yesterday}T10:00:00Z`),
  };
}

const commitment = demoIds('b14c');
const consultation = demoIds('b14d');
const followUp = demoIds('b14f');

/** Fixed ids of the demo citizen promise's commitments, consultations and follow-up reports (Rinkeby-Kista, this year). */
export const DEMO_CITIZEN_PROMISE = {
  commitments: {
    adultPresence: commitment(1),
    safetyWalks: commitment(2),
    youthSafety: commitment(3),
  },
  consultations: {
    schoolDialogue: consultation(1),
    youthCentreSurvey: consultation(2),
  },
  /** Two per commitment, after three and six months of the promise (as far as that is before today). */
  followUps: {
    adultPresence: [followUp(1), followUp(2)],
    safetyWalks: [followUp(3), followUp(4)],
    youthSafety: [followUp(5), followUp(6)],
  },
} as const;
