import { DEMO_ACTORS, DEMO_AREAS } from '@samverkan/demo';
import { startTestSubgraph, startWebhookReceiver, TestSubgraph, WebhookReceiver } from '@samverkan/test-support';
import { situationSubgraph } from '../src';
import { Headers, headersForEveryone, Who } from './people';

/** Situation reports follow their visibility: a subscriber's webhook carries only what its organisation may see, as of each delivery. */
let subgraph: TestSubgraph;
let receiver: WebhookReceiver;
let as: Record<Who, Headers>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(situationSubgraph, { seed: false });
  receiver = await startWebhookReceiver();
  as = await headersForEveryone();
});
afterAll(async () => {
  await subgraph?.stop();
  await receiver?.stop();
});

const REPORT = {
  areaCode: DEMO_AREAS.farsta,
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  level: 'ELEVATED',
  trend: 'STABLE',
  summary: 'Trygghetsvärdarnas bild av Farsta centrum under vintern.',
  observations: [{ category: 'YOUTH_GATHERINGS', level: 'ELEVATED', trend: 'WORSENING', description: 'Unga samlas vid centrumet kvällstid.' }],
};

async function create(input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const response = await subgraph.query(`mutation($input: CreateSituationReportInput!) { createSituationReport(input: $input) { id version } }`, { input: { ...REPORT, ...input } }, as.writer);
  expect(response.errors).toBeUndefined();
  return response.data!.createSituationReport;
}

async function update(report: { id: string; version: number }, input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const response = await subgraph.query(
    `mutation($id: ID!, $version: Int!, $input: UpdateSituationReportInput!) { updateSituationReport(id: $id, version: $version, input: $input) { id version } }`,
    { id: report.id, version: report.version, input },
    as.writer,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.updateSituationReport;
}

const entries = () => receiver.acknowledged().flatMap((r) => r.payload.data.entries.map((e) => `${e.action} ${e.id}`));

it('delivers a report while the subscriber may see it, its leaving view as DELETED, and nothing of it afterwards nor of reports it may never see', async () => {
  const created = await subgraph.query(
    `mutation($input: WebhookInput!) { createSituationWebhook(input: $input) { secret } }`,
    { input: { url: receiver.url, types: ['SituationReport'] } },
    as.stockholmsStad,
  );
  expect(created.errors).toBeUndefined();
  receiver.setSecret(created.data!.createSituationWebhook.secret);

  let seen = await create({ visibility: 'NETWORK' });
  const neverSeen = await create({ visibility: 'SHARED', sharedWithIds: [DEMO_ACTORS.lpoRinkeby] });
  seen = await update(seen, { summary: 'Lugnare under februari.' });
  // Delivered before the report leaves view: what a delivery carries is read as it is written, by visibility then.
  await receiver.waitFor(() => entries().includes(`UPDATED ${seen.id}`));
  seen = await update(seen, { visibility: 'OWNER' });
  seen = await update(seen, { summary: 'Ingen annan ser detta.' });
  await update(neverSeen, { summary: 'Delas bara med polisen.' });
  const marker = await create({ visibility: 'NETWORK' });
  await receiver.waitFor(() => entries().includes(`CREATED ${marker.id}`));

  expect(entries()).toEqual([`CREATED ${seen.id}`, `UPDATED ${seen.id}`, `DELETED ${seen.id}`, `CREATED ${marker.id}`]);
  expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
  expect(JSON.stringify(receiver.received)).not.toContain(neverSeen.id);
});
