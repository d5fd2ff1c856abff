import { DEMO_ACTORS, DEMO_AREAS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { ensureDatabase } from '@samverkan/platform';
import { signLocalToken, startProcess } from '@samverkan/dev';
import { startWebhookReceiver } from '@samverkan/test-support';
import { runBench } from './harness';
import { summarise } from './stats';

/**
 * Webhook delivery latency: BENCH_WEBHOOK_CHANGES agreements (200) created at BENCH_WEBHOOK_RATE a
 * second (100) against the agreements subgraph, each delivered to a receiver on this machine. Prints
 * p50/p95/p99 of the time from each mutation's request being sent, and from its answer (the commit
 * is between the two; a delivery may arrive before the answer does), to the delivery carrying it.
 * Uses SAMVERKAN_BENCH_DATABASE_URL, else an embedded PostgreSQL.
 */
const CHANGES = Number(process.env.BENCH_WEBHOOK_CHANGES ?? 200);
const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 100);

runBench('webhooks', async ({ databases, ports, keys, common, started, subgraphEnv }) => {
  await Promise.all([ensureDatabase(databases.actors), ensureDatabase(databases.agreements)]);
  const env = { ...common, WEBHOOK_ALLOW_INSECURE_URLS: 'true' };
  started.push(await startProcess('actors', ports.actors, { ...env, ...subgraphEnv('actors'), SEED_DEMO_DATA: 'true' }));
  const agreements = await startProcess('agreements', ports.agreements, { ...env, ...subgraphEnv('agreements') });
  started.push(agreements);
  const receiver = await startWebhookReceiver();
  const token = (organisationId: string) => signLocalToken(keys.privateKeyFile, { organisationId, roles: [Role.COORDINATOR] }).then((t) => `Bearer ${t}`);
  const [police, municipality] = [await token(DEMO_ACTORS.lpoRinkeby), await token(DEMO_ACTORS.rinkebyKistaStadsdel)];
  const ask = async (authorization: string, query: string, variables: object) => {
    const response = await fetch(agreements.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const hook = await ask(municipality, 'mutation($input: WebhookInput!) { createAgreementWebhook(input: $input) { secret } }', { input: { url: receiver.url } });
  receiver.setSecret(hook.createAgreementWebhook.secret);

  const sent = new Map<string, { sentAt: number; answeredAt: number }>();
  const create = async (i: number) => {
    const sentAt = Date.now();
    const data = await ask(police, 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }', {
      input: {
        title: `Webhook-mätning ${i}`,
        kind: 'COLLABORATION_AGREEMENT',
        status: 'ACTIVE',
        startsOn: '2026-03-01',
        visibility: 'NETWORK',
        parties: [{ actorId: DEMO_ACTORS.lpoRinkeby, role: 'ACCOUNTABLE' }],
        areaCodes: [DEMO_AREAS.rinkebyKista],
      },
    });
    sent.set(data.createAgreement.id, { sentAt, answeredAt: Date.now() });
  };
  await create(-1); // warm-up
  const writes: Array<Promise<void>> = [];
  const begun = Date.now();
  for (let i = 0; i < CHANGES; i++) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, begun + (i * 1000) / RATE - Date.now())));
    writes.push(create(i));
  }
  await Promise.all(writes);
  await receiver.waitFor((got) => got.reduce((n, r) => n + r.payload.data.entries.length, 0) >= CHANGES + 1, 60000);
  const receivedAt = new Map(receiver.received.flatMap((r) => r.payload.data.entries.map((e) => [e.id, r.receivedAt] as const)));
  const fromSent: number[] = [];
  const fromAnswer: number[] = [];
  for (const [id, { sentAt, answeredAt }] of sent) {
    fromSent.push(receivedAt.get(id)! - sentAt);
    fromAnswer.push(receivedAt.get(id)! - answeredAt);
  }
  const mutation = summarise([...sent.values()].map((s) => s.answeredAt - s.sentAt));
  const answered = Math.max(...[...sent.values()].map((s) => s.answeredAt));
  const achieved = (CHANGES / ((answered - begun) / 1000)).toFixed(0);
  console.log(`Webhook delivery, ${CHANGES} changes offered at ${RATE}/s, committed at ${achieved}/s (${receiver.received.length} deliveries, all signed: ${receiver.received.every((r) => r.signatureValid)})`);
  console.log('  from the mutation sent      ', summarise(fromSent));
  console.log('  from the mutation answered  ', summarise(fromAnswer));
  console.log('  the mutation itself         ', mutation);
  await receiver.stop();
});
