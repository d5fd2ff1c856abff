import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { signLocalToken, TokenRequest } from '@samverkan/dev';

export const TEST_PRIVATE_KEY_ENV = 'SAMVERKAN_TEST_PRIVATE_KEY';

/** A token from the test run's local issuer. */
export function tokenFor(organisationId: string, roles: Role[] = [Role.MEMBER], extra: Partial<TokenRequest> = {}): Promise<string> {
  const keyFile = process.env[TEST_PRIVATE_KEY_ENV];
  if (!keyFile) throw new Error(`${TEST_PRIVATE_KEY_ENV} is not set (jest's global setup sets it)`);
  return signLocalToken(keyFile, { organisationId, roles, ...extra });
}

export const bearer = async (organisationId: string, roles: Role[] = [Role.MEMBER], extra: Partial<TokenRequest> = {}) => ({
  authorization: `Bearer ${await tokenFor(organisationId, roles, extra)}`,
});

/** The people of the access matrix: who they act for and in which role. */
export const PEOPLE = {
  ngoMember: { organisationId: DEMO_ACTORS.fryshuset, roles: [Role.MEMBER] },
  ngoCoordinator: { organisationId: DEMO_ACTORS.fryshuset, roles: [Role.COORDINATOR] },
  policeOfficer: { organisationId: DEMO_ACTORS.lpoRinkeby, roles: [Role.COORDINATOR] },
  municipalityOfficial: { organisationId: DEMO_ACTORS.rinkebyKistaStadsdel, roles: [Role.COORDINATOR] },
  nationalCoordinator: { organisationId: DEMO_ACTORS.skr, roles: [Role.NATIONAL_COORDINATOR] },
  administrator: { organisationId: DEMO_ACTORS.polisen, roles: [Role.ADMINISTRATOR] },
} as const;
