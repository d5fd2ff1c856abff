import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { bearer, PEOPLE } from '@samverkan/test-support';
import { DEMO_SITUATION_REPORTS as R } from '../src/demo/seed';
import { DEMO_JOINT_PICTURE as J } from '../src/demo/seed-joint-picture';

/**
 * Who asks in these tests: the people of the access matrix (tests/support/auth.ts) and the parties
 * the demo reports are owned by or shared with. `null` is the public (no token).
 */
export const WHO = {
  public: null,
  ...PEOPLE,
  /** A police officer of Lokalpolisområde Rinkeby without the coordinator role. */
  policeMember: { organisationId: A.lpoRinkeby, roles: [Role.MEMBER] },
  goteborgPolice: { organisationId: A.lpoGoteborgNordost, roles: [Role.COORDINATOR] },
  uppsalaCoordinator: { organisationId: A.uppsalaKommun, roles: [Role.COORDINATOR] },
  uppsalaMember: { organisationId: A.uppsalaKommun, roles: [Role.MEMBER] },
  uppsalaPolice: { organisationId: A.lpoUppsala, roles: [Role.MEMBER] },
  /** Svenska kyrkan Uppsala, which the police's latest Gottsunda report is shared with. */
  uppsalaChurch: { organisationId: A.svenskaKyrkanUppsala, roles: [Role.COORDINATOR] },
  stadsmission: { organisationId: A.ostergotlandsStadsmission, roles: [Role.COORDINATOR] },
  hyresgast: { organisationId: A.hyresgastforeningen, roles: [Role.COORDINATOR] },
  stockholmsStad: { organisationId: A.stockholmsStad, roles: [Role.COORDINATOR] },
  /** The party the functional tests write their own reports as. */
  writer: { organisationId: A.safeTrygghetsvardar, roles: [Role.COORDINATOR] },
} as const;

export type Who = keyof typeof WHO;
export type Headers = Record<string, string>;

/** The token subject of each test person, so change log entries can be checked exactly. */
export const subjectOf = (who: Who) => `test-${who}`;

/** Request headers for everyone in `WHO` (none for the public). */
export async function headersForEveryone(): Promise<Record<Who, Headers>> {
  const entries = await Promise.all(
    (Object.keys(WHO) as Who[]).map(async (who) => {
      const person = WHO[who];
      return [who, person ? await bearer(person.organisationId, [...person.roles], { subject: subjectOf(who) }) : {}] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Who, Headers>;
}

export const orgOf = (who: Who): string | null => WHO[who]?.organisationId ?? null;

/** The seeded reports by short name. */
export const REPORT = {
  rinkebySpring: R.rinkebyKistaSpring2025,
  rinkebyMiddle: R.rinkebyKistaMiddle,
  rinkebyAutumn: R.rinkebyKistaAutumn2025,
  angeredFirst: R.angeredFirst,
  angeredMiddle: R.angeredMiddle,
  angered: R.angered2025,
  gottsunda: R.gottsundaAfterCrisis,
  skaggetorp: R.skaggetorpWinter,
  rosengard: R.rosengardWinter2026,
  gottsundaPoliceQ1: J.policeQ1,
  gottsundaPoliceQ2: J.policeQ2,
  gottsundaPoliceQ3: J.policeQ3,
  gottsundaPoliceQ4: J.policeQ4,
  gottsundaMunicipality: J.municipalityLatest,
  gottsundaChurch: J.church,
  gottsundaTenantsFirst: J.tenantsFirstHalf,
  gottsundaTenantsSecond: J.tenantsSecondHalf,
} as const;
export type Key = keyof typeof REPORT;
export const KEYS = Object.keys(REPORT) as Key[];

/** What the seed means each report's owner to have chosen (the subgraph-specific notes of the issue). */
export const SEEDED: Record<Key, { owner: string; area: string; visibility: string; sharedWith: string[]; categories: string[] }> = {
  rinkebySpring: {
    owner: A.lpoRinkeby,
    area: AR.rinkebyKista,
    visibility: 'NETWORK',
    sharedWith: [],
    categories: ['RECRUITMENT_TO_CRIME', 'SOCIAL_MEDIA', 'YOUTH_GATHERINGS'],
  },
  rinkebyMiddle: {
    owner: A.lpoRinkeby,
    area: AR.rinkebyKista,
    visibility: 'NETWORK',
    sharedWith: [],
    categories: ['RECRUITMENT_TO_CRIME', 'SOCIAL_MEDIA', 'PROTECTIVE_FACTORS'],
  },
  rinkebyAutumn: {
    owner: A.lpoRinkeby,
    area: AR.rinkebyKista,
    visibility: 'SHARED',
    sharedWith: [A.rinkebyKistaStadsdel, A.fryshuset],
    categories: ['RECRUITMENT_TO_CRIME', 'PROTECTIVE_FACTORS', 'PERCEIVED_SAFETY'],
  },
  angeredFirst: {
    owner: A.lpoGoteborgNordost,
    area: AR.angered,
    visibility: 'NETWORK',
    sharedWith: [],
    categories: ['RECRUITMENT_TO_CRIME', 'SCHOOL_ABSENCE'],
  },
  angeredMiddle: {
    owner: A.lpoGoteborgNordost,
    area: AR.angered,
    visibility: 'NETWORK',
    sharedWith: [],
    categories: ['RECRUITMENT_TO_CRIME', 'PROTECTIVE_FACTORS'],
  },
  angered: {
    owner: A.lpoGoteborgNordost,
    area: AR.angered,
    visibility: 'NETWORK',
    sharedWith: [],
    categories: ['RECRUITMENT_TO_CRIME', 'SCHOOL_ABSENCE', 'PROTECTIVE_FACTORS'],
  },
  gottsunda: {
    owner: A.uppsalaKommun,
    area: AR.gottsunda,
    visibility: 'SHARED',
    sharedWith: [A.lpoUppsala],
    categories: ['CRISIS', 'VIOLENCE', 'PERCEIVED_SAFETY'],
  },
  skaggetorp: {
    owner: A.ostergotlandsStadsmission,
    area: AR.skaggetorp,
    visibility: 'OWNER',
    sharedWith: [],
    categories: ['PROTECTIVE_FACTORS', 'YOUTH_GATHERINGS', 'OTHER'],
  },
  rosengard: {
    owner: A.hyresgastforeningen,
    area: AR.rosengard,
    visibility: 'PUBLIC',
    sharedWith: [],
    categories: ['PERCEIVED_SAFETY', 'PROTECTIVE_FACTORS', 'CONFLICTS'],
  },
  // Gottsunda's joint situation picture: the police quarterly, for the network until the latest.
  gottsundaPoliceQ1: {
    owner: A.lpoUppsala,
    area: AR.gottsunda,
    visibility: 'NETWORK',
    sharedWith: [],
    categories: ['YOUTH_GATHERINGS'],
  },
  gottsundaPoliceQ2: {
    owner: A.lpoUppsala,
    area: AR.gottsunda,
    visibility: 'NETWORK',
    sharedWith: [],
    categories: ['PROTECTIVE_FACTORS'],
  },
  gottsundaPoliceQ3: {
    owner: A.lpoUppsala,
    area: AR.gottsunda,
    visibility: 'NETWORK',
    sharedWith: [],
    categories: ['CONFLICTS'],
  },
  gottsundaPoliceQ4: {
    owner: A.lpoUppsala,
    area: AR.gottsunda,
    visibility: 'SHARED',
    sharedWith: [A.uppsalaKommun, A.svenskaKyrkanUppsala],
    categories: ['CRISIS', 'PERCEIVED_SAFETY'],
  },
  gottsundaMunicipality: {
    owner: A.uppsalaKommun,
    area: AR.gottsunda,
    visibility: 'SHARED',
    sharedWith: [A.lpoUppsala],
    categories: ['PROTECTIVE_FACTORS', 'PERCEIVED_SAFETY'],
  },
  gottsundaChurch: {
    owner: A.svenskaKyrkanUppsala,
    area: AR.gottsunda,
    visibility: 'NETWORK',
    sharedWith: [],
    categories: ['CRISIS'],
  },
  gottsundaTenantsFirst: {
    owner: A.hyresgastforeningen,
    area: AR.gottsunda,
    visibility: 'PUBLIC',
    sharedWith: [],
    categories: ['PERCEIVED_SAFETY'],
  },
  gottsundaTenantsSecond: {
    owner: A.hyresgastforeningen,
    area: AR.gottsunda,
    visibility: 'PUBLIC',
    sharedWith: [],
    categories: ['PERCEIVED_SAFETY'],
  },
};

/** Published by Hyresgästföreningen: Rosengård's report and both of Gottsunda's. */
const PUBLIC: Key[] = ['rosengard', 'gottsundaTenantsFirst', 'gottsundaTenantsSecond'];
/**
 * Shown to the network: the older Rinkeby-Kista reports, all of Angered's, the Uppsala police's
 * first three Gottsunda reports and Svenska kyrkan's; and the public ones.
 */
const NETWORK_AND_PUBLIC: Key[] = [
  'rinkebySpring',
  'rinkebyMiddle',
  'angeredFirst',
  'angeredMiddle',
  'angered',
  'gottsundaPoliceQ1',
  'gottsundaPoliceQ2',
  'gottsundaPoliceQ3',
  'gottsundaChurch',
  ...PUBLIC,
];
const RINKEBY_PARTNERS: Key[] = [...NETWORK_AND_PUBLIC, 'rinkebyAutumn'];
/** The municipality's two reports are shared with the police, the police's latest with the municipality (and the church). */
const UPPSALA: Key[] = [...NETWORK_AND_PUBLIC, 'gottsunda', 'gottsundaMunicipality', 'gottsundaPoliceQ4'];

/**
 * Which seeded reports each person may see, written out by hand from the seed's intent: the public
 * sees Hyresgästföreningen's published reports (Rosengård's and Gottsunda's two); every party of
 * the network also sees the NETWORK reports (the older Rinkeby-Kista ones, Angered's, the Uppsala
 * police's first three about Gottsunda and Svenska kyrkan's); the Rinkeby police and the parties
 * it shares with see the latest Rinkeby-Kista report; Uppsala kommun and the Uppsala police see
 * each other's Gottsunda reports (the municipality's two, the police's latest); Svenska kyrkan
 * Uppsala sees the police's latest too, not the municipality's; only Östergötlands Stadsmission
 * sees Skäggetorp. The national coordinator and the administrator get nothing beyond the network.
 */
export const VISIBLE: Record<Who, Key[]> = {
  public: PUBLIC,
  ngoMember: RINKEBY_PARTNERS,
  ngoCoordinator: RINKEBY_PARTNERS,
  policeOfficer: RINKEBY_PARTNERS,
  policeMember: RINKEBY_PARTNERS,
  municipalityOfficial: RINKEBY_PARTNERS,
  nationalCoordinator: NETWORK_AND_PUBLIC,
  administrator: NETWORK_AND_PUBLIC,
  goteborgPolice: NETWORK_AND_PUBLIC,
  uppsalaCoordinator: UPPSALA,
  uppsalaMember: UPPSALA,
  uppsalaPolice: UPPSALA,
  uppsalaChurch: [...NETWORK_AND_PUBLIC, 'gottsundaPoliceQ4'],
  stadsmission: [...NETWORK_AND_PUBLIC, 'skaggetorp'],
  hyresgast: NETWORK_AND_PUBLIC,
  stockholmsStad: NETWORK_AND_PUBLIC,
  writer: NETWORK_AND_PUBLIC,
};

export const sees = (who: Who, key: Key) => VISIBLE[who].includes(key);
export const visibleIds = (who: Who, among: Key[] = KEYS) => among.filter((key) => sees(who, key)).map((key) => REPORT[key]);
export const sorted = (ids: string[]) => [...ids].sort();
