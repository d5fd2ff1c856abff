import { Role } from '@samverkan/federation';
import { bearer } from './auth';
import { GraphQLResponse } from './graphql';

/** Posts one operation, as the caller given by its headers (a test subgraph's or a federation's `query`). */
export type Ask = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GraphQLResponse>;

const CREATE_DRAFT = `mutation($input: CreateAgreementInput!, $key: String) {
  createAgreement(input: $input, idempotencyKey: $key) { id version invitations { answer actor { id } } } }`;
const CONFIRM = `mutation($id: ID!, $version: Int!, $actorId: ID!) { confirmAgreementParty(agreementId: $id, version: $version, actorId: $actorId) { version } }`;

function answered<T>(response: GraphQLResponse, field: string): T {
  if (response.errors?.length || !response.data?.[field]) throw new Error(`${field} failed: ${JSON.stringify(response.errors ?? response)}`);
  return response.data[field] as T;
}

/**
 * An agreement agreed to by all its parties, as the activation rule wants it (issue 14): created as
 * a DRAFT by the owner (`headers`), confirmed by a coordinator of every other named organisation,
 * then given the status asked for (ACTIVE, ENDED…) by the owner. Returns the last mutation's
 * answer, with `select` (by default id and version) of the agreement.
 */
export async function createAgreedAgreement(
  ask: Ask,
  headers: Record<string, string>,
  input: Record<string, unknown> & { status?: string },
  { select = 'id version', idempotencyKey }: { select?: string; idempotencyKey?: string } = {},
): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const { status = 'DRAFT', ...draft } = input;
  const created = answered<{ id: string; version: number; invitations: Array<{ answer: string; actor: { id: string } }> }>(
    await ask(CREATE_DRAFT, { input: { ...draft, status: 'DRAFT' }, key: idempotencyKey }, headers),
    'createAgreement',
  );
  let version = created.version;
  for (const { actor } of created.invitations.filter((i) => i.answer === 'INVITED')) {
    const coordinator = await bearer(actor.id, [Role.COORDINATOR]);
    version = answered<{ version: number }>(await ask(CONFIRM, { id: created.id, version, actorId: actor.id }, coordinator), 'confirmAgreementParty').version;
  }
  const update = `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: $version, input: $input) { ${select} } }`;
  return answered(await ask(update, { id: created.id, version, input: { status } }, headers), 'updateAgreement');
}
