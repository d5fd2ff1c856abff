import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { badInput, currentRequestId, ErrorCode, logger, REQUEST_ID_HEADER, SubgraphName, urlOf } from '@samverkan/platform/dist/core';

/** Entities other subgraphs refer to: the subgraph that owns each, and its key field. */
const OWNERS = {
  Actor: { subgraph: 'actors', key: 'id', noun: 'actor' },
  Area: { subgraph: 'actors', key: 'code', noun: 'area' },
  Agreement: { subgraph: 'agreements', key: 'id', noun: 'agreement' },
  Commitment: { subgraph: 'agreements', key: 'id', noun: 'citizen-promise commitment' },
  Venue: { subgraph: 'actors', key: 'id', noun: 'venue' },
  ContactFunction: { subgraph: 'actors', key: 'id', noun: 'contact function' },
} as const satisfies Record<string, { subgraph: SubgraphName; key: string; noun: string }>;
export type ReferencedType = keyof typeof OWNERS;

/** Records asked for in one `_entities` call: the registry takes large bodies, but a figure may name thousands of actors. */
const KIND_BATCH = 1000;

/** A key as its owner stores it: ids are UUIDs, which compare without regard to case. */
const canonicalKey = (type: ReferencedType, key: string) => (OWNERS[type].key === 'id' ? key.toLowerCase() : key);

/** Why a subgraph asks another: what the caller is told if the owner cannot be reached. */
const PURPOSES = {
  write: 'to check references; nothing was written',
  read: 'to check which referenced records you may see',
  organisation: "to check the token's organisation",
  figures: "to count records by their parties' kinds",
  copy: 'to refresh the copies it keeps of their fields',
} as const;
type Purpose = keyof typeof PURPOSES;

/**
 * The records with these keys, as the subgraph that owns them resolves them through the federation's
 * own `_entities` field (null where there is none), with the fields `selection` names besides the
 * key. `authorization` is passed on, so the owner answers as it would the caller, and so is the
 * request's id, so the owner's log lines carry it too.
 */
async function resolveEntities(
  typename: ReferencedType,
  keys: string[],
  purpose: Purpose,
  authorization?: string,
  selection = '',
): Promise<Array<Record<string, unknown> | null>> {
  const { subgraph, key } = OWNERS[typename];
  const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${key} ${selection} } } }`;
  const representations = keys.map((value) => ({ __typename: typename, [key]: value }));
  const requestId = currentRequestId();
  let body: { data?: { _entities: Array<Record<string, unknown> | null> } };
  try {
    const response = await fetch(urlOf(subgraph), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}) },
      body: JSON.stringify({ query, variables: { representations } }),
      signal: AbortSignal.timeout(5000),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    logger.warn({ err: error, subgraph }, 'subgraph unreachable');
    throw unavailable(subgraph, purpose);
  }
  if (!body.data?._entities) throw unavailable(subgraph, purpose);
  return body.data._entities;
}

/** Which of these keys exist (as the caller may see them). */
async function existingKeys(typename: ReferencedType, keys: string[], purpose: Purpose, authorization?: string): Promise<Set<string>> {
  return new Set((await foundRecords(typename, keys, purpose, authorization)).keys());
}

/** The records with these keys that exist (as the caller may see them), by key, with the fields `selection` names. */
async function foundRecords(
  typename: ReferencedType,
  keys: string[],
  purpose: Purpose,
  authorization?: string,
  selection = '',
): Promise<Map<string, Record<string, unknown>>> {
  const found = await resolveEntities(typename, keys, purpose, authorization, selection);
  return new Map(keys.flatMap((key, index) => (found[index] ? [[key, found[index]!] as const] : [])));
}

/**
 * What the owner answers of these records (by key, canonical as stored: ids lower-cased), with the
 * fields `selection` names; keys it does not know are left out. Asked without a token: for public
 * records, e.g. the venues whose points the activities copy. In batches of KIND_BATCH, in parallel.
 * Throws DEPENDENCY_UNAVAILABLE if the owner does not answer.
 */
export async function publicRecords(typename: ReferencedType, keys: Iterable<string>, selection: string): Promise<Map<string, Record<string, unknown>>> {
  const wanted = [...new Set([...keys].map((key) => canonicalKey(typename, key)))];
  const batches = Array.from({ length: Math.ceil(wanted.length / KIND_BATCH) }, (_, i) => wanted.slice(i * KIND_BATCH, (i + 1) * KIND_BATCH));
  const answers = await Promise.all(batches.map((batch) => foundRecords(typename, batch, 'copy', undefined, selection)));
  return new Map(answers.flatMap((answer) => [...answer]));
}

/** Keys of one input field that must name existing records of a type. */
export interface ReferenceCheck {
  type: ReferencedType;
  keys: ReadonlyArray<string | null | undefined>;
  field: string;
}

/**
 * Checks that referenced records exist (as the caller may see them), so no party writes a reference
 * to something that is not there: one `_entities` call per type, all at once. Call it before the
 * write's transaction, so no lock waits on another service. Throws BAD_USER_INPUT naming every
 * unknown key and its field, or DEPENDENCY_UNAVAILABLE if an owner is down. Returns the records
 * found, with the fields `selections` names per type (e.g. a venue's point, which the record keeps a copy of).
 */
export async function assertReferencesExist(
  checks: ReferenceCheck[],
  authorization?: string,
  selections: Partial<Record<ReferencedType, string>> = {},
): Promise<ReferencedRecords> {
  const wanted = new Map<ReferencedType, Set<string>>();
  for (const { type, keys } of checks) {
    for (const key of keys) if (key) (wanted.get(type) ?? wanted.set(type, new Set()).get(type)!).add(canonicalKey(type, key));
  }
  const found: ReferencedRecords = new Map(
    await Promise.all([...wanted].map(async ([type, keys]) => [type, await foundRecords(type, [...keys], 'write', authorization, selections[type])] as const)),
  );
  const problems = checks.flatMap(({ type, keys, field }) => {
    const missing = [...new Set(keys.filter((key): key is string => !!key && !found.get(type)!.has(canonicalKey(type, key))))];
    const { key, noun } = OWNERS[type];
    return missing.length ? [{ field, message: `unknown ${noun}`, text: `Unknown ${noun} ${key}: ${missing.join(', ')}` }] : [];
  });
  if (problems.length > 0) throw badInput(problems.map((p) => p.text).join('; '), problems.map(({ field, message }) => ({ field, message })));
  return found;
}

/** The referenced records an `assertReferencesExist` found, by type and key (ids lower-cased), with the fields its `selections` named. */
export type ReferencedRecords = Map<ReferencedType, Map<string, Record<string, unknown>>>;

/** A referenced record as `assertReferencesExist` found it, if it was asked for (the key is canonicalised as stored). */
export const referencedRecord = (found: ReferencedRecords, type: ReferencedType, key: string) => found.get(type)?.get(canonicalKey(type, key));

/**
 * Per request: whether the caller may see each referenced record, asked of its owner in one batch.
 * A subgraph that holds a reference to another party's record shows it only when this says yes,
 * so not even the id of a hidden record leaks (the gateway would not ask the owner for a bare id).
 */
export const visibleReferenceLoader = (typename: ReferencedType, authorization?: string) =>
  new DataLoader<string, boolean>(async (keys) => {
    const found = await existingKeys(typename, [...keys], 'read', authorization);
    return keys.map((key) => found.has(key));
  });

const knownOrganisations = new Map<string, number>();
const KNOWN_FOR_MS = 5 * 60 * 1000;

/**
 * Whether an organisation (an Actor id, as in a token's `org` claim) is registered and not archived.
 * Positive answers are cached for KNOWN_FOR_MS, so a service that said yes keeps accepting an
 * organisation's tokens that long after it is archived; the actors subgraph refuses them at once.
 */
export async function organisationExists(id: string): Promise<boolean> {
  if ((knownOrganisations.get(id) ?? 0) > Date.now()) return true;
  const [actor] = await resolveEntities('Actor', [id], 'organisation', undefined, 'archived');
  const exists = !!actor && actor.archived === false;
  if (exists) knownOrganisations.set(id, Date.now() + KNOWN_FOR_MS);
  return exists;
}

const knownKinds = new Map<string, { kind: string; until: number }>();

/**
 * The kind (an `ActorKind` of the actors registry: POLICE, CIVIL_SOCIETY, ...) of each of these
 * actors, by lower-cased id; ids the registry does not know are left out. Archived actors keep their
 * kind. The registry is public, so it is asked without the caller's token, for the ids not cached,
 * in batches of KIND_BATCH in parallel (never one call per record). Answers are cached for
 * KNOWN_FOR_MS, so a changed kind shows in figures within that time. Throws DEPENDENCY_UNAVAILABLE
 * if the registry does not answer.
 */
export async function actorKinds(ids: Iterable<string>): Promise<Map<string, string>> {
  const now = Date.now();
  const kinds = new Map<string, string>();
  const missing: string[] = [];
  for (const id of new Set([...ids].map((value) => value.toLowerCase()))) {
    const known = knownKinds.get(id);
    if (known && known.until > now) kinds.set(id, known.kind);
    else missing.push(id);
  }
  const batches = Array.from({ length: Math.ceil(missing.length / KIND_BATCH) }, (_, i) => missing.slice(i * KIND_BATCH, (i + 1) * KIND_BATCH));
  const answers = await Promise.all(batches.map((batch) => resolveEntities('Actor', batch, 'figures', undefined, 'kind')));
  batches.forEach((batch, b) =>
    batch.forEach((id, i) => {
      const kind = answers[b][i]?.kind;
      if (typeof kind !== 'string') return;
      kinds.set(id, kind);
      knownKinds.set(id, { kind, until: now + KNOWN_FOR_MS });
    }),
  );
  return kinds;
}

// A token that cannot be checked ends the request: 503, not Apollo's 500. A field's error leaves the rest of the answer (200).
const unavailable = (subgraph: SubgraphName, purpose: Purpose) =>
  new GraphQLError(`The ${subgraph} subgraph could not be reached ${PURPOSES[purpose]}. Try again.`, {
    extensions: { code: ErrorCode.DEPENDENCY_UNAVAILABLE, serviceName: subgraph, ...(purpose === 'organisation' ? { http: { status: 503 } } : {}) },
  });
