import { FixedClock } from '@samverkan/platform';
import { startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { concernsSubgraph } from '../src';
import { consentGiven, concernInput, counts, ENTITIES, EVERYONE, headersForEveryone, insertRinkebyTeam, LIST, ok, REGISTER, refused, TEST_CONTACT_KEY, WHO, Who, WITHDRAW, ONE, ADD_ACTION, ACKNOWLEDGE } from './concern-setup';

process.env.CONCERN_CONTACT_KEY = TEST_CONTACT_KEY;
// The clock's points are clock.test.ts's: here a tick firing one as the test moves its clock would add the entries it counts.
process.env.CONCERN_CLOCK_TICK_SECONDS = '3600';

/**
 * Who reads a concern (docs/dpia-concerns.md §4), on every path: `concern(id)`, the list and its
 * count, `_entities`, and the mutations (NOT_FOUND for a concern one may not read, FORBIDDEN for one
 * one reads but may not change so); before and after the guardian withdraws consent.
 */
const NOW = new Date('2026-03-10T09:00:00Z');
const clock = new FixedClock(NOW);
let subgraph: TestSubgraph;
let as: Record<Who, Record<string, string>>;

/** The four concerns: who registered each, and with what consent. */
const CONCERNS = {
  /** From the school, consent for the police and civil society. */
  schoolConsented: { by: 'school', consent: consentGiven(['POLICE', 'CIVIL_SOCIETY'], '2026-03-10T08:30:00Z') },
  /** From the school, no consent: the school and the social services alone. */
  schoolNoConsent: { by: 'school', consent: { given: false } },
  /** From Mamma United, consent for civil society only: not the police. */
  ngoCivilOnly: { by: 'mammaUnited', consent: consentGiven(['CIVIL_SOCIETY'], '2026-03-10T08:30:00Z'), legalBasis: 'CONSENT' },
  /** From Mamma United, consent for the police, schools and civil society: withdrawn later. */
  ngoBroad: { by: 'mammaUnited', consent: consentGiven(['POLICE', 'SCHOOL', 'CIVIL_SOCIETY'], '2026-03-10T08:30:00Z'), legalBasis: 'CONSENT' },
} as const;
type Key = keyof typeof CONCERNS;
const KEYS = Object.keys(CONCERNS) as Key[];
const ids = {} as Record<Key, string>;

const BEFORE: Record<Key, Who[]> = {
  schoolConsented: ['school', 'socialServices', 'police', 'fryshuset'],
  schoolNoConsent: ['school', 'socialServices'],
  ngoCivilOnly: ['mammaUnited', 'socialServices', 'fryshuset'],
  ngoBroad: ['mammaUnited', 'socialServices', 'police', 'fryshuset'],
};
/** After the police recorded withdrawals of both consented concerns of the school and the broad one of Mamma United. */
const AFTER: Record<Key, Who[]> = {
  // The school is an authority: its own record stays readable.
  schoolConsented: ['school', 'socialServices'],
  schoolNoConsent: ['school', 'socialServices'],
  ngoCivilOnly: ['mammaUnited', 'socialServices', 'fryshuset'],
  // Mamma United is no authority: withdrawal ends its reading too.
  ngoBroad: ['socialServices'],
};

beforeAll(async () => {
  subgraph = await startTestSubgraph(concernsSubgraph, { seed: false, clock });
  as = await headersForEveryone();
  await insertRinkebyTeam(subgraph, new Date('2026-01-01T00:00:00Z'));
  for (const key of KEYS) {
    const { by, consent, ...rest } = CONCERNS[key];
    ids[key] = (await ok(subgraph.query(REGISTER, { input: concernInput({ consent, ...rest, worry: `Oro ${key}` }) }, as[by]), 'registerConcern')).id;
  }
});
afterAll(() => subgraph?.stop());

const readers = (matrix: Record<Key, Who[]>, who: Who) => KEYS.filter((key) => matrix[key].includes(who));
const sorted = (keys: Key[]) => keys.map((key) => ids[key]).sort();

async function expectReads(matrix: Record<Key, Who[]>) {
  for (const who of EVERYONE) {
    const expected = readers(matrix, who);
    // One by id.
    const one = await Promise.all(KEYS.map(async (key) => (await subgraph.query(ONE, { id: ids[key] }, as[who])).data?.concern?.id ?? null));
    expect([who, one]).toEqual([who, KEYS.map((key) => (expected.includes(key) ? ids[key] : null))]);
    // The list and its count.
    const list = await ok(subgraph.query(LIST, { first: 100 }, as[who]), 'concerns');
    expect([who, list.totalCount, list.nodes.map((n: { id: string }) => n.id).sort()]).toEqual([who, expected.length, sorted(expected)]);
    // `_entities`: null where not readable, and the contact details only for readers.
    const entities = await ok(subgraph.query(ENTITIES, { r: KEYS.map((key) => ({ __typename: 'Concern', id: ids[key] })) }, as[who]), '_entities');
    expect([who, entities.map((e: { id: string; guardianContact: string } | null) => e && [e.id, e.guardianContact])]).toEqual([
      who,
      KEYS.map((key) => (expected.includes(key) ? [ids[key], '070-123 45 67'] : null)),
    ]);
  }
}

/** Mutations with a stale version: readers get past the access rule (VERSION_CONFLICT or FORBIDDEN), others NOT_FOUND; nothing written. */
async function expectMutations(matrix: Record<Key, Who[]>) {
  for (const who of EVERYONE) {
    for (const key of KEYS) {
      const reads = matrix[key].includes(who);
      const unauthenticated = WHO[who] === null;
      await refused(
        subgraph,
        () => subgraph.query(ADD_ACTION, { id: ids[key], version: 0, input: { outcome: 'OTHER' } }, as[who]),
        unauthenticated ? 'UNAUTHENTICATED' : reads ? 'VERSION_CONFLICT' : 'NOT_FOUND',
      );
      // Only the lead (the social services) acknowledges; other readers are FORBIDDEN.
      await refused(
        subgraph,
        () => subgraph.query(ACKNOWLEDGE, { id: ids[key], version: 0 }, as[who]),
        unauthenticated ? 'UNAUTHENTICATED' : !reads ? 'NOT_FOUND' : who === 'socialServices' ? 'VERSION_CONFLICT' : 'FORBIDDEN',
      );
    }
  }
}

describe('the access matrix of concerns', () => {
  it('lets only the receiving organisation and the activated team within the consent read, on every path', async () => {
    await expectReads(BEFORE);
  });

  it('answers mutations on a concern one may not read with NOT_FOUND, and acknowledgement by a non-lead with FORBIDDEN, writing nothing', async () => {
    await expectMutations(BEFORE);
  });

  it('lets a receiving organisation outside the team not withdraw consent (FORBIDDEN), writing nothing', async () => {
    const { version } = (await subgraph.query(ONE, { id: ids.schoolConsented }, as.school)).data!.concern;
    await refused(subgraph, () => subgraph.query(WITHDRAW, { id: ids.schoolConsented, version }, as.school), 'FORBIDDEN');
  });

  it('stops reads by the organisations the consent covered at once when it is withdrawn', async () => {
    for (const key of ['schoolConsented', 'ngoBroad'] as const) {
      const { version } = (await subgraph.query(ONE, { id: ids[key] }, as.police)).data!.concern;
      const response = await subgraph.query(WITHDRAW, { id: ids[key], version, note: 'Vårdnadshavaren ringde och tog tillbaka samtycket.' }, as.police);
      expect(response.errors).toBeUndefined();
      // The police no longer read it: the answer is null, not the concern.
      expect(response.data!.withdrawConsent).toBeNull();
    }
    await expectReads(AFTER);
    await expectMutations(AFTER);
    const social = (await subgraph.query(ONE, { id: ids.ngoBroad }, as.socialServices)).data!.concern;
    expect(social.consent).toMatchObject({ given: true, withdrawnBy: { id: WHO.police!.organisationId } });
    expect(social.actions.map((a: { kind: string }) => a.kind)).toEqual(['CONSENT_WITHDRAWN']);
  });

  it('audits every concern any path returned as READ, and nothing for what it did not return', async () => {
    const before = (await counts(subgraph)).concern_audit;
    await ok(subgraph.query(LIST, { first: 100 }, as.socialServices), 'concerns');
    await ok(subgraph.query(LIST, { first: 100 }, as.outsider), 'concerns');
    await ok(subgraph.query(ENTITIES, { r: [{ __typename: 'Concern', id: ids.schoolNoConsent }] }, as.school), '_entities');
    const entries = await subgraph.dataSource.query('SELECT concern_id, action, actor_id, subject FROM concern_audit WHERE seq > $1 ORDER BY seq', [before]);
    expect(entries.map((e: { concern_id: string }) => e.concern_id).sort()).toEqual([...KEYS.map((key) => ids[key]), ids.schoolNoConsent].sort());
    expect(new Set(entries.map((e: { action: string }) => e.action))).toEqual(new Set(['READ']));
    expect(entries.at(-1)).toMatchObject({ actor_id: WHO.school!.organisationId, subject: 'test-school' });
  });
});
