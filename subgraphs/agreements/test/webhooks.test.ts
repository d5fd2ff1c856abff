import { Role } from '@samverkan/federation';
import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { bearer, errorCode, PEOPLE, startTestSubgraph, startWebhookReceiver, TestSubgraph, WebhookReceiver } from '@samverkan/test-support';
import { agreementsSubgraph } from '../src';

// Quick retries and an early pause, read on use by the subgraph running in this process.
const SETTINGS = { WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_RETRY_MAX_SECONDS: '1', WEBHOOK_PAUSE_AFTER_FAILURES: '3', WEBHOOK_TIMEOUT_MS: '3000' };
const saved = Object.fromEntries(Object.keys(SETTINGS).map((name) => [name, process.env[name]]));

let subgraph: TestSubgraph;
let receiver: WebhookReceiver;
const headers: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  Object.assign(process.env, SETTINGS);
  subgraph = await startTestSubgraph(agreementsSubgraph, { seed: false });
  receiver = await startWebhookReceiver();
  headers.municipality = await bearer(PEOPLE.municipalityOfficial.organisationId, [Role.COORDINATOR], { subject: 'municipality' });
  headers.municipalityMember = await bearer(PEOPLE.municipalityOfficial.organisationId, [Role.MEMBER], { subject: 'municipality-member' });
  headers.police = await bearer(PEOPLE.policeOfficer.organisationId, [Role.COORDINATOR], { subject: 'police' });
  headers.ngo = await bearer(PEOPLE.ngoCoordinator.organisationId, [Role.COORDINATOR], { subject: 'ngo' });
});
afterAll(async () => {
  await subgraph?.stop();
  await receiver?.stop();
  for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name]; else process.env[name] = value;
});

const CREATE_HOOK = `mutation($input: WebhookInput!) { createAgreementWebhook(input: $input) { secret subscription { id version status url cursor } } }`;
const HOOKS = `{ agreementWebhooks { id version status pausedReason consecutiveFailures deliveries { id status attempts entryCount lastStatusCode lastError } } }`;
const RESUME = `mutation($id: ID!, $version: Int!) { resumeAgreementWebhook(id: $id, version: $version) { id version status consecutiveFailures } }`;
const DELETE = `mutation($id: ID!, $version: Int!) { deleteAgreementWebhook(id: $id, version: $version) }`;
const CREATE_AGREEMENT = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id version } }`;

/** An agreement of the local police in Rinkeby, seen by whom `visibility` says. */
async function agreement(visibility: 'NETWORK' | 'OWNER', title = `Trygghetsvandringar ${Math.random()}`): Promise<string> {
  const response = await subgraph.query(
    CREATE_AGREEMENT,
    {
      input: {
        title,
        kind: 'COLLABORATION_AGREEMENT',
        status: 'ACTIVE',
        startsOn: '2026-03-01',
        visibility,
        parties: [{ actorId: A.lpoRinkeby, role: 'ACCOUNTABLE' }],
        areaCodes: [AR.rinkebyKista],
      },
    },
    headers.police,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.createAgreement.id;
}

/** Registers the receiver for the municipality; the receiver checks signatures with its secret from then on. */
async function subscribe(): Promise<{ id: string; version: number }> {
  const response = await subgraph.query(CREATE_HOOK, { input: { url: receiver.url, types: ['Agreement'] } }, headers.municipality);
  expect(response.errors).toBeUndefined();
  const { secret, subscription } = response.data!.createAgreementWebhook;
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  receiver.setSecret(secret);
  return subscription;
}

const hooks = async () => (await subgraph.query(HOOKS, {}, headers.municipality)).data!.agreementWebhooks as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
const deliveredIds = () => receiver.acknowledged().flatMap((r) => r.payload.data.entries.map((e) => e.id));

describe('webhooks of the agreements feed', () => {
  let hook: { id: string; version: number };

  afterEach(async () => {
    // Each test registers its own; the next starts from none.
    for (const h of await hooks()) await subgraph.query(DELETE, { id: h.id, version: h.version }, headers.municipality);
    receiver.received.length = 0;
    receiver.answerWith(() => 200);
  });

  it('delivers, signed, the changes the subscriber may see, and never one it may not', async () => {
    hook = await subscribe();
    const hidden = await agreement('OWNER');
    const shown = await agreement('NETWORK');
    await receiver.waitFor(() => deliveredIds().includes(shown));
    const request = receiver.received[0];
    expect(request.signatureValid).toBe(true);
    expect(request.payload).toMatchObject({ type: 'samverkan.changes', subgraph: 'agreements' });
    expect(request.payload.data.entries).toEqual([expect.objectContaining({ type: 'Agreement', id: shown, action: 'CREATED' })]);
    expect(request.payload.data.cursor).toEqual(expect.any(String));
    // A body changed in transit, or signed with another secret, fails the check a receiver makes.
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    expect(JSON.stringify(receiver.received)).not.toContain(hidden);
    // The subscriber sees the delivery.
    await waitUntil(async () => (await hooks())[0].deliveries[0].status === 'DELIVERED');
    const [listed] = await hooks();
    expect(listed.deliveries).toEqual([expect.objectContaining({ id: request.id, status: 'DELIVERED', attempts: 1, entryCount: 1, lastStatusCode: 200 })]);
  });

  it('retries a receiver that answers 500, with the same id and body, until it succeeds', async () => {
    hook = await subscribe();
    let failures = 2;
    receiver.answerWith(() => (failures-- > 0 ? 500 : 204));
    const id = await agreement('NETWORK');
    await receiver.waitFor(() => deliveredIds().includes(id));
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 500, 204]);
    // The answer is recorded just after it came.
    await waitUntil(async () => (await hooks())[0].deliveries[0].status === 'DELIVERED');
    const [listed] = await hooks();
    expect(listed).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 0 });
    expect(listed.deliveries[0]).toMatchObject({ status: 'DELIVERED', attempts: 3, lastStatusCode: 204 });
  });

  it('pauses a receiver that keeps failing, and a resume delivers what was held', async () => {
    hook = await subscribe();
    receiver.answerWith(() => 500);
    const first = await agreement('NETWORK');
    await receiver.waitFor((got) => got.length >= 3);
    await waitUntil(async () => (await hooks())[0].status === 'PAUSED');
    const [paused] = await hooks();
    expect(paused.pausedReason).toContain('3 failed attempts');
    expect(paused.deliveries[0]).toMatchObject({ status: 'FAILED', attempts: 3, lastStatusCode: 500, lastError: 'HTTP 500' });
    const held = await agreement('NETWORK');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received).toHaveLength(3);
    // A stale version is refused, and another organisation's subscription does not exist for it.
    expect(errorCode(await subgraph.query(RESUME, { id: paused.id, version: hook.version }, headers.municipality))).toBe('VERSION_CONFLICT');
    expect(errorCode(await subgraph.query(RESUME, { id: paused.id, version: paused.version }, headers.ngo))).toBe('NOT_FOUND');
    expect(errorCode(await subgraph.query(RESUME, { id: paused.id, version: paused.version }, headers.municipalityMember))).toBe('FORBIDDEN');
    receiver.answerWith(() => 200);
    const resumed = await subgraph.query(RESUME, { id: paused.id, version: paused.version }, headers.municipality);
    expect(resumed.data!.resumeAgreementWebhook).toMatchObject({ status: 'ACTIVE', version: paused.version + 1, consecutiveFailures: 0 });
    await receiver.waitFor(() => deliveredIds().includes(held));
    // The failed delivery first, as it was; then what came while paused.
    expect(receiver.acknowledged()[0].id).toBe(receiver.received[0].id);
    expect(deliveredIds()).toEqual([first, held]);
  });

  it("goes on delivering when the worker's database connections drop (as in a database restart)", async () => {
    hook = await subscribe();
    const [{ dropped }] = await subgraph.dataSource.query(
      "SELECT count(pg_terminate_backend(pid))::int AS dropped FROM pg_stat_activity WHERE application_name = 'agreements-webhooks' AND datname = current_database()",
    );
    expect(dropped).toBeGreaterThan(0);
    const id = await agreement('NETWORK');
    await receiver.waitFor(() => deliveredIds().includes(id));
  });

  it('reaches no private address where insecure URLs are not allowed, also through a name that resolves to one', async () => {
    const response = await subgraph.query(CREATE_HOOK, { input: { url: receiver.url.replace('127.0.0.1', 'localhost') } }, headers.municipality);
    receiver.setSecret(response.data!.createAgreementWebhook.secret);
    process.env.WEBHOOK_ALLOW_INSECURE_URLS = 'false';
    try {
      const id = await agreement('NETWORK');
      await waitUntil(async () => (await hooks())[0].deliveries[0]?.lastError === 'could not connect (EPRIVATEADDRESS)');
      expect(receiver.received).toEqual([]);
      process.env.WEBHOOK_ALLOW_INSECURE_URLS = 'true';
      await receiver.waitFor(() => deliveredIds().includes(id));
    } finally {
      process.env.WEBHOOK_ALLOW_INSECURE_URLS = 'true';
    }
  });

  it('refuses a plain-http endpoint where insecure URLs are not allowed, and bad URLs anywhere, writing nothing', async () => {
    const count = async () => (await subgraph.dataSource.query('SELECT count(*)::int AS n FROM webhook_subscriptions'))[0].n;
    const before = await count();
    process.env.WEBHOOK_ALLOW_INSECURE_URLS = 'false';
    try {
      for (const url of ['http://receiver.example.se/hooks', 'https://127.0.0.1/hooks', 'https://10.1.2.3/hooks', 'https://localhost/hooks']) {
        const response = await subgraph.query(CREATE_HOOK, { input: { url } }, headers.municipality);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(response.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'input.url' })]);
      }
    } finally {
      process.env.WEBHOOK_ALLOW_INSECURE_URLS = 'true';
    }
    for (const url of ['https://user:secret@receiver.example.se/hooks', `https://receiver.example.se/${'a'.repeat(2000)}`, 'not a url']) {
      const response = await subgraph.query(CREATE_HOOK, { input: { url } }, headers.municipality);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
    }
    const badType = await subgraph.query(CREATE_HOOK, { input: { url: receiver.url, types: ['Activity'] } }, headers.municipality);
    expect(badType.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.types' })] });
    expect(errorCode(await subgraph.query(CREATE_HOOK, { input: { url: receiver.url } }, headers.municipalityMember))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.query(CREATE_HOOK, { input: { url: receiver.url } }, {}))).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
  });

  it('registers once for an idempotency key retried, and refuses the key for another endpoint', async () => {
    const CREATE_KEYED = `mutation($input: WebhookInput!, $key: String) { createAgreementWebhook(input: $input, idempotencyKey: $key) { secret subscription { id } } }`;
    const input = { url: receiver.url, types: ['Agreement'] };
    const answers = await Promise.all(Array.from({ length: 5 }, () => subgraph.query(CREATE_KEYED, { input, key: 'register-hook-1' }, headers.municipality)));
    expect(answers.map((a) => a.errors)).toEqual(Array(5).fill(undefined));
    expect(new Set(answers.map((a) => JSON.stringify(a.data!.createAgreementWebhook))).size).toBe(1);
    expect(await hooks()).toHaveLength(1);
    const other = await subgraph.query(CREATE_KEYED, { input: { ...input, url: `${receiver.url}/other` }, key: 'register-hook-1' }, headers.municipality);
    expect(errorCode(other)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await hooks()).toHaveLength(1);
  });

  it('signs with a new secret once it is rotated, shown once', async () => {
    hook = await subscribe();
    const first = await agreement('NETWORK');
    await receiver.waitFor(() => deliveredIds().includes(first));
    const ROTATE = `mutation($id: ID!, $version: Int!) { rotateAgreementWebhookSecret(id: $id, version: $version) { secret subscription { version } } }`;
    expect(errorCode(await subgraph.query(ROTATE, { id: hook.id, version: hook.version }, headers.ngo))).toBe('NOT_FOUND');
    const rotated = (await subgraph.query(ROTATE, { id: hook.id, version: hook.version }, headers.municipality)).data!.rotateAgreementWebhookSecret;
    expect(rotated.subscription.version).toBe(hook.version + 1);
    const oldSecretStillChecked = receiver.received.length;
    const second = await agreement('NETWORK');
    await receiver.waitFor(() => deliveredIds().includes(second));
    // The receiver still holds the old secret: the new delivery fails its check; with the new one it passes.
    expect(receiver.received[oldSecretStillChecked].signatureValid).toBe(false);
    receiver.setSecret(rotated.secret);
    const third = await agreement('NETWORK');
    await receiver.waitFor(() => deliveredIds().includes(third));
    expect(receiver.received[receiver.received.length - 1].signatureValid).toBe(true);
  });

  it('keeps the secret from being read again, and lets only its organisation see or delete a subscription', async () => {
    hook = await subscribe();
    const schemaHasSecret = await subgraph.query(`{ agreementWebhooks { secret } }`, {}, headers.municipality);
    expect(errorCode(schemaHasSecret)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await subgraph.query(HOOKS, {}, headers.ngo)).data!.agreementWebhooks).toEqual([]);
    expect(errorCode(await subgraph.query(DELETE, { id: hook.id, version: hook.version }, headers.ngo))).toBe('NOT_FOUND');
    expect(errorCode(await subgraph.query(DELETE, { id: hook.id, version: hook.version + 1 }, headers.municipality))).toBe('VERSION_CONFLICT');
    expect((await subgraph.query(DELETE, { id: hook.id, version: hook.version }, headers.municipality)).data!.deleteAgreementWebhook).toBe(hook.id);
    expect(await hooks()).toEqual([]);
  });
});

async function waitUntil(done: () => Promise<boolean>, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
