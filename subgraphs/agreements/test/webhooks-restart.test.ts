import { Role } from '@samverkan/federation';
import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { Client } from 'pg';
import { bearer, dropDatabase, exitOf, freshDatabase, graphql, PEOPLE, ServiceProcess, startSubgraphProcess, startWebhookReceiver, WebhookReceiver } from '@samverkan/test-support';

/**
 * The agreements subgraph as its own process, killed (SIGKILL) while the receiver holds a delivery
 * open, and started again on the same database: every change arrives, the unacknowledged delivery
 * is sent again with the same id and body, and none the receiver acknowledged is sent again.
 */
const ENV = { WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_RETRY_MAX_SECONDS: '1', WEBHOOK_TIMEOUT_MS: '60000' };

let actors: ServiceProcess;
let agreements: ServiceProcess | undefined;
let receiver: WebhookReceiver;
const databases: string[] = [];
let police: Record<string, string>;
let municipality: Record<string, string>;

const start = async (databaseUrl: string) => startSubgraphProcess('agreements', databaseUrl, { ...ENV, ACTORS_URL: actors.url });

beforeAll(async () => {
  databases.push(await freshDatabase('actors'), await freshDatabase('agreements'));
  actors = await startSubgraphProcess('actors', databases[0], { SEED_DEMO_DATA: 'true' });
  agreements = await start(databases[1]);
  receiver = await startWebhookReceiver();
  police = await bearer(PEOPLE.policeOfficer.organisationId, [Role.COORDINATOR], { subject: 'police' });
  municipality = await bearer(PEOPLE.municipalityOfficial.organisationId, [Role.COORDINATOR], { subject: 'municipality' });
});
afterAll(async () => {
  await agreements?.stop();
  await actors?.stop();
  await receiver?.stop();
  for (const database of databases) await dropDatabase(database);
});

async function agreement(title: string): Promise<string> {
  const response = await graphql(
    agreements!.url,
    `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`,
    {
      input: {
        title,
        kind: 'COLLABORATION_AGREEMENT',
        status: 'ACTIVE',
        startsOn: '2026-03-01',
        visibility: 'NETWORK',
        parties: [{ actorId: A.lpoRinkeby, role: 'ACCOUNTABLE' }],
        areaCodes: [AR.rinkebyKista],
      },
    },
    police,
  );
  expect(response.errors).toBeUndefined();
  return (response.data as { createAgreement: { id: string } }).createAgreement.id;
}

const carries = (id: string) => (r: { payload: { data: { entries: Array<{ id: string }> } } }) => r.payload.data.entries.some((e) => e.id === id);

it('delivers every change across a kill mid-delivery, resending only what was not acknowledged, with the same id', async () => {
  const created = await graphql(
    agreements!.url,
    `mutation($input: WebhookInput!) { createAgreementWebhook(input: $input) { secret } }`,
    { input: { url: receiver.url } },
    municipality,
  );
  receiver.setSecret((created.data as { createAgreementWebhook: { secret: string } }).createAgreementWebhook.secret);

  const before = [await agreement('Före 1'), await agreement('Före 2')];
  await receiver.waitFor(() => before.every((id) => receiver.acknowledged().some(carries(id))));

  // The next request is held open, and the subgraph killed while it is.
  receiver.answerWith(() => 'hold');
  const interrupted = await agreement('Avbruten');
  await receiver.waitFor((got) => got.some(carries(interrupted)));
  const heldRequest = receiver.received.find(carries(interrupted))!;
  // Written while the delivery is held: in no delivery yet.
  const waiting = await agreement('Väntande');
  agreements!.child.kill('SIGKILL');
  await exitOf(agreements!.child);

  // A delivery delivered longer ago than the feed keeps changes is dropped at start.
  const database = new Client({ connectionString: databases[1] });
  await database.connect();
  const [old] = (await database.query(`UPDATE webhook_deliveries SET delivered_at = now() - interval '31 days' WHERE status = 'DELIVERED' AND id = $1 RETURNING id`, [
    receiver.acknowledged()[0].id,
  ])).rows;
  expect(old).toBeDefined();

  receiver.answerWith(() => 200);
  agreements = await start(databases[1]);
  const after = await agreement('Efter');
  const all = [...before, interrupted, waiting, after];
  await receiver.waitFor(() => all.every((id) => receiver.acknowledged().some(carries(id))));

  // The held delivery came again, the same id and body, and was acknowledged then.
  const resent = receiver.acknowledged().find(carries(interrupted))!;
  expect(resent.id).toBe(heldRequest.id);
  expect(resent.body).toBe(heldRequest.body);
  // No delivery the receiver acknowledged was sent again; every request was signed.
  const acknowledgedIds = receiver.acknowledged().map((r) => r.id);
  expect(new Set(acknowledgedIds).size).toBe(acknowledgedIds.length);
  for (const id of acknowledgedIds) {
    const sentAt = receiver.received.map((r, i) => (r.id === id ? i : -1)).filter((i) => i >= 0);
    const ackedAt = receiver.received.findIndex((r) => r.id === id && r.answered === 200);
    expect(sentAt.every((i) => i <= ackedAt)).toBe(true);
  }
  expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
  // Each change once among what was acknowledged, in commit order.
  expect((await database.query('SELECT id FROM webhook_deliveries WHERE id = $1', [old.id])).rows).toEqual([]);
  await database.end();
  const deliveredIds = receiver.acknowledged().flatMap((r) => r.payload.data.entries.map((e) => e.id));
  expect(deliveredIds).toEqual(all);
});
