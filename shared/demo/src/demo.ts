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
  medborgarloftRinkebyKista: agreement(6),
  visselblasartjanstRf: agreement(7),
} as const;

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
