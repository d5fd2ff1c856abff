import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_CONTACT_FUNCTIONS as CF } from '@samverkan/demo';
import { ActorKind, Role, Visibility } from '@samverkan/federation';
import { bearer, errorCode, GraphQLResponse, TestSubgraph } from '@samverkan/test-support';
import { InterventionTeam, TeamMember } from '../src/teams/intervention-team';
import { TeamFunction, TeamRole } from '../src/teams/team-vocabulary';

/** A test key for guardians' contact details (32 bytes, base64): set before the subgraph starts. */
export { TEST_CONTACT_KEY } from './support/concerns';
export const OTHER_CONTACT_KEY = Buffer.alloc(32, 9).toString('base64');

/** Who asks: the parties of Rinkeby-Kista's intervention team, the organisations guardians turn to, and outsiders. */
export const WHO = {
  /** Rinkebyskolan (a SCHOOL: an authority), where guardians turn; not in the team. */
  school: { organisationId: A.rinkebySkolan, roles: [Role.MEMBER] },
  /** Mamma United (civil society), where guardians turn; not in the team. */
  mammaUnited: { organisationId: A.mammaUnited, roles: [Role.MEMBER] },
  /** The stadsdelsförvaltning's social services: the team's LEAD. */
  socialServices: { organisationId: A.rinkebyKistaStadsdel, roles: [Role.MEMBER] },
  /** The local police: a BACKUP, with function POLICE. */
  police: { organisationId: A.lpoRinkeby, roles: [Role.MEMBER] },
  /** Fryshuset: civil society that joined the team. */
  fryshuset: { organisationId: A.fryshuset, roles: [Role.MEMBER] },
  /** Järva i samverkan: civil society on the team that has not confirmed: not activated. */
  notJoined: { organisationId: A.jarvaISamverkan, roles: [Role.COORDINATOR] },
  /** An organisation outside the team. */
  outsider: { organisationId: A.uppsalaKommun, roles: [Role.COORDINATOR] },
  nationalCoordinator: { organisationId: A.skr, roles: [Role.NATIONAL_COORDINATOR] },
  administrator: { organisationId: A.polisen, roles: [Role.ADMINISTRATOR] },
  public: null,
} as const;
export type Who = keyof typeof WHO;
export const EVERYONE = Object.keys(WHO) as Who[];

export async function headersForEveryone(): Promise<Record<Who, Record<string, string>>> {
  const entries = await Promise.all(
    EVERYONE.map(async (who) => {
      const person = WHO[who];
      return [who, person ? await bearer(person.organisationId, [...person.roles], { subject: `test-${who}` }) : {}] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Who, Record<string, string>>;
}

const line = (contactFunctionId: string, actorId: string, actorKind: ActorKind, teamFunction: TeamFunction, role: TeamRole, joinedAt: Date | null) => ({
  contactFunctionId, actorId, actorKind, teamFunction, role, joinedAt,
});

/** Rinkeby-Kista's team, written directly (the teams feature is built elsewhere): lead social services, police backup, joined and unjoined civil society, a coordinator. */
export async function insertRinkebyTeam(subgraph: TestSubgraph, joined: Date): Promise<string> {
  return subgraph.dataSource.transaction(async (manager) => {
    const team = await manager.getRepository(InterventionTeam).save(
      manager.getRepository(InterventionTeam).create({ areaCode: AR.rinkebyKista, ownerId: A.stockholmsStad, visibility: Visibility.NETWORK, sharedWith: [], maintainerIds: [], note: null, externalId: null }),
    );
    await manager.getRepository(TeamMember).insert(
      [
        line(CF.mottagningenBarnOchUngaRinkebyKista, A.rinkebyKistaStadsdel, ActorKind.MUNICIPALITY, TeamFunction.SOCIAL_SERVICES, TeamRole.LEAD, joined),
        line(CF.kommunpolisJarva, A.lpoRinkeby, ActorKind.POLICE, TeamFunction.POLICE, TeamRole.BACKUP, joined),
        line(CF.verksamhetsansvarigFryshusetJarva, A.fryshuset, ActorKind.CIVIL_SOCIETY, TeamFunction.CIVIL_SOCIETY, TeamRole.MEMBER, joined),
        line('cf000000-0000-4000-8000-0000000000f1', A.jarvaISamverkan, ActorKind.CIVIL_SOCIETY, TeamFunction.CIVIL_SOCIETY, TeamRole.MEMBER, null),
        line('cf000000-0000-4000-8000-0000000000f2', A.stockholmsStad, ActorKind.MUNICIPALITY, TeamFunction.OTHER, TeamRole.COORDINATOR, joined),
      ].map((member) => ({ ...member, teamId: team.id })),
    );
    return team.id;
  });
}

export const CONCERN_FIELDS = `id version status childAge childReference worry answerChannel answerPreference guardianContact legalBasis purpose
  registeredAt acknowledgedAt firstContactAt breachedAt closedAt outcome outcomeNote dueBy answeredWithin
  area { code } team { id } receivingOrganisation { id } acknowledgedBy { id } firstContactBy { id }
  consent { given functions purpose givenAt recordedBy { id } recordedAt withdrawnAt withdrawnBy { id } }
  activatedTeam { function role actorKind actor { id } contactFunction { id } }
  actions { kind outcome note at recordedAt recordedBy { id } }
  deadlines { step dueAt firedAt skipped } notifications { kind role queuedAt sentAt actor { id } contactFunction { id } }`;

export const REGISTER = `mutation($input: RegisterConcernInput!, $key: String) { registerConcern(input: $input, idempotencyKey: $key) { ${CONCERN_FIELDS} } }`;
export const ONE = `query($id: ID!) { concern(id: $id) { ${CONCERN_FIELDS} } }`;
export const LIST = `query($filter: ConcernFilter, $first: Int, $after: String) { concerns(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${CONCERN_FIELDS} } } }`;
export const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Concern { id worry guardianContact } } }';
export const ACKNOWLEDGE = `mutation($id: ID!, $version: Int!) { acknowledgeConcern(id: $id, version: $version) { ${CONCERN_FIELDS} } }`;
export const FIRST_CONTACT = `mutation($id: ID!, $version: Int!, $at: DateTimeISO!, $note: String) { recordFirstContact(id: $id, version: $version, contactedAt: $at, note: $note) { ${CONCERN_FIELDS} } }`;
export const ADD_ACTION = `mutation($id: ID!, $version: Int!, $input: ConcernActionInput!) { addConcernAction(id: $id, version: $version, input: $input) { ${CONCERN_FIELDS} } }`;
export const WITHDRAW = `mutation($id: ID!, $version: Int!, $note: String) { withdrawConsent(id: $id, version: $version, note: $note) { ${CONCERN_FIELDS} } }`;
export const CLOSE = `mutation($id: ID!, $version: Int!, $input: CloseConcernInput!) { closeConcern(id: $id, version: $version, input: $input) { ${CONCERN_FIELDS} } }`;

/** A valid registration input for Rinkeby-Kista, with `overrides`. */
export const concernInput = (overrides: Record<string, unknown> = {}) => ({
  areaCode: AR.rinkebyKista,
  childAge: 14,
  worry: 'Min son har börjat umgås med äldre killar och kommer hem sent.',
  answerChannel: 'PHONE',
  answerPreference: 'efter 16',
  guardianContact: '070-123 45 67',
  legalBasis: 'PUBLIC_TASK',
  purpose: 'stöd till familjen genom insatsteamet',
  consent: { given: false },
  ...overrides,
});

export const consentGiven = (functions: string[], givenAt: string) => ({ given: true, functions, purpose: 'att insatsteamet hjälper familjen', givenAt });

const TABLES = ['concerns', 'concern_recipients', 'concern_actions', 'concern_deadlines', 'concern_notifications', 'concern_audit', 'idempotency_keys'];

/** Row counts of every concerns table and the audit log. */
export async function counts(subgraph: TestSubgraph): Promise<Record<string, number>> {
  const [row] = await subgraph.dataSource.query(`SELECT ${TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`);
  return row;
}

/** Expects a refusal with `code` (naming `field`, when given) that wrote nothing at all. */
export async function refused(subgraph: TestSubgraph, run: () => Promise<GraphQLResponse>, code: string, field?: string) {
  const before = await counts(subgraph);
  const response = await run();
  expect([errorCode(response), response.errors?.[0]?.message]).toEqual([code, expect.any(String)]);
  if (field) expect((response.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
  expect(await counts(subgraph)).toEqual(before);
  return response;
}

export async function ok<T = any>(response: Promise<GraphQLResponse<any>>, field: string): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const { data, errors } = await response;
  expect(errors).toBeUndefined();
  return data![field];
}
