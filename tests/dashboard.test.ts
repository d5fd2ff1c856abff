import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { DEMO_ACTORS, DEMO_AREAS, DEMO_CONTACT_FUNCTIONS } from '@samverkan/demo';
import { Role, SWEDISH_LABELS } from '@samverkan/federation';
import { envName, FixedClock, loadConfig, RunningSubgraph, startSubgraph, SUBGRAPHS } from '@samverkan/platform';
import {
  bearer,
  tokenFor,
  buildDashboard,
  DashboardServer,
  freePort,
  graphql,
  ServiceProcess,
  startDashboardServer,
  startFederation,
  startProcess,
  TEST_PRIVATE_KEY_ENV,
  TestFederation,
} from '@samverkan/test-support';
import { situationSubgraph } from '../subgraphs/situation/src';
import { figuresCatalogue } from '../dashboard/figures-catalogue';

/**
 * The dashboard end to end, in Debian's Chromium driven by playwright-core: a national coordinator
 * signs in with the development sign-in, the map and the county table render, a number on the page
 * equals the gateway's answer, a click on a county drills down, axe-core finds no WCAG 2.1 AA
 * violation on the sign-in page, the national view and a county, and screenshots are saved under
 * artifacts/ (SAMVERKAN_DASHBOARD_SCREENSHOT names another file for the national view, e.g. the
 * README's docs/dashboard.png). An area's view lists its open incidents, flagging one whose contacts
 * are overdue on the test's clock, only to those who may see it, and its crisis rosters with gaps.
 */
const ROOT = join(__dirname, '..');
const CHROMIUM = process.env.SAMVERKAN_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'artifacts');

let federation: TestFederation;
/** The situation subgraph in this process, on the federation's database and a clock the test moves (overdue is "now" past a deadline). */
const clock = new FixedClock(new Date());
let situation: RunningSubgraph;
/** The gateway the dashboard talks to: the federation's subgraphs, the situation subgraph on the test's clock. */
let gateway: ServiceProcess;
const query = <T,>(text: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => graphql<T>(gateway.url, text, variables, headers);
let dashboard: DashboardServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  // The demo data as npm start loads it, the generated layer included: activity in several counties.
  const [started] = await Promise.all([startFederation({ SEED_GENERATED_DEMO_DATA: 'true' }), buildDashboard()]);
  federation = started;
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [envName(name, 'URL'), federation.subgraphs[name].url]));
  // It finds the other subgraphs (to check references and tokens' organisations) in this process's environment.
  Object.assign(process.env, urls);
  const config = loadConfig('situation', { ...process.env, [envName('situation', 'DATABASE_URL')]: federation.databases.situation });
  situation = await startSubgraph(situationSubgraph, { ...config, port: 0, seedDemoData: false }, { clock });
  const gatewayPort = await freePort();
  gateway = await startProcess('gateway', gatewayPort, { ...urls, [envName('situation', 'URL')]: situation.url, GATEWAY_PORT: String(gatewayPort) });
  dashboard = await startDashboardServer({ port: 0, gatewayUrl: gateway.url, privateKeyFile: process.env[TEST_PRIVATE_KEY_ENV]! });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'sv-SE' });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  // The CSV files the page makes, as text: Chromium driven over CDP here reports no download events.
  await page.addInitScript({
    content: `window.csvFiles = [];
      const make = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob) => { if (blob instanceof Blob) blob.text().then((text) => window.csvFiles.push(text)); return make(blob); };`,
  });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterEach(async () => {
  // What the page said, and how it looked, when a step failed.
  if (problems.length) console.error(problems.join('\n'));
  await page?.screenshot({ path: join(ARTIFACTS, 'dashboard-last.png'), fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  await gateway?.stop();
  await situation?.stop();
  await federation?.stop();
});

/** The county table's cell for an area and a column, as shown ("..", "12", "1 234"). */
const cell = (code: string, column: string) =>
  page.locator(`[data-testid="area-table"] tbody tr:has(a[href="#/${code}"]) td[data-column="${column}"]`).innerText();
/** axe-core's findings (Deque's accessibility rules, WCAG 2.1 A and AA) on the page as it is now. */
async function accessibilityViolations(): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return (await page.evaluate(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`,
  )) as string[];
}
const asNumber = (text: string) => (text.trim() === '..' ? '..' : text.replace(/\s/g, ''));

it('lets a national coordinator sign in, see the map and the county table, and drill into a county', async () => {
  await page.goto(dashboard.url);

  // The development sign-in: SKR as a national coordinator.
  await page.getByLabel('Organisation').locator(`option[value="${DEMO_ACTORS.skr}"]`).waitFor({ state: 'attached' });
  expect(await accessibilityViolations()).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, 'dashboard-sign-in.png') });
  await page.getByLabel('Organisation').selectOption(DEMO_ACTORS.skr);
  await page.getByLabel('Roll').selectOption(Role.NATIONAL_COORDINATOR);
  expect(await page.getByLabel('Organisation').inputValue()).toBe(DEMO_ACTORS.skr);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByText('Inloggad: Sveriges Kommuner och Regioner').waitFor();

  // Sweden: 21 counties on the map (each a focusable region with a label) and in the table.
  await page.getByRole('heading', { level: 1, name: /Lägesbild: Sverige/ }).waitFor();
  const table = page.getByTestId('area-table');
  await table.locator('tbody tr:has(a[href="#/01"])').waitFor();
  await page.locator('[data-testid="area-table"][aria-busy="false"]').waitFor();
  expect(await table.locator('tbody tr').count()).toBe(21);
  const counties = page.locator('[data-testid="map"] g.region');
  expect(await counties.count()).toBe(21);
  expect(await page.locator('[data-testid="map"] g.region[data-code="01"]').getAttribute('aria-label')).toMatch(/^Stockholms län, /);

  // A number on the page equals the API's answer to the same question, asked straight of the gateway.
  const headers = await bearer(DEMO_ACTORS.skr, [Role.NATIONAL_COORDINATOR]);
  const registry = await query<{ area: { coverage: { missingCategoriesLocally: string[] } } }>(
    '{ area(code: "01") { coverage { missingCategoriesLocally } } }',
    {},
    headers,
  );
  expect(registry.errors).toBeUndefined();
  expect(asNumber(await cell('01', 'coverage.missingCategoriesLocally'))).toBe(String(registry.data!.area.coverage.missingCategoriesLocally.length));
  // A figure over all parties' records, the one the map is coloured by, as the county table shows it for this month.
  const shown = await page.getByLabel('Färglägg kartan efter').inputValue();
  const counts = figuresCatalogue(join(ROOT, 'gateway/supergraph.graphql')).filter((f) => f.kind === 'count');
  const figure = counts.find((f) => f.id === shown) ?? counts[0];
  if (figure) {
    const selection = figure.path.reduceRight((inner, key) => `${key} { ${inner} }`, 'value suppressed');
    const answer = await query<{ figures: Record<string, unknown> }>(`{ figures(areaCode: "01") { ${selection} } }`, {}, headers);
    expect(answer.errors).toBeUndefined();
    const count = figure.path.reduce<any>((value, key) => value[key], answer.data!.figures); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(asNumber(await cell('01', figure.id))).toBe(count.suppressed ? '..' : String(count.value));
    // And the map's label for the county says the same.
    if (figure.id === shown) {
      expect(await page.locator('[data-testid="map"] g.region[data-code="01"]').getAttribute('aria-label')).toContain(
        `: ${count.suppressed ? 'skyddat värde' : count.value}.`,
      );
    }
  }

  // The 24-month trend charts (loaded after the rest of the page), each with its numbers as a table.
  await page.locator('.trend .recharts-surface').first().waitFor();
  expect(await page.locator('.trend table tbody tr').first().locator('th').count()).toBe(1);
  expect(await page.locator('.trend').first().locator('table tbody tr').count()).toBe(24);
  await page.locator('section[aria-labelledby="trends"]').screenshot({ path: join(ARTIFACTS, 'dashboard-trends.png') });

  expect(await accessibilityViolations()).toEqual([]);

  // The table's CSV export holds the same rows.
  await page.getByRole('button', { name: /^Ladda ner CSV\W+Sverige: 21 län\b/ }).click();
  const csv = (await (await page.waitForFunction('window.csvFiles[0]')).jsonValue()) as string;
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(22);
  expect(csv).toContain('Stockholms län;01;');

  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: process.env.SAMVERKAN_DASHBOARD_SCREENSHOT ?? join(ARTIFACTS, 'dashboard-national.png'), fullPage: false });

  // A click on Stockholm county on the map: its 26 municipalities, and a breadcrumb back to Sweden.
  await page.locator('[data-testid="map"] g.region[data-code="01"]').click();
  await page.getByRole('heading', { level: 1, name: /Lägesbild: Stockholms län/ }).waitFor();
  await table.locator('tbody tr:has(a[href="#/0180"])').waitFor();
  await page.locator('[data-testid="area-table"][aria-busy="false"]').waitFor();
  expect(await table.locator('tbody tr').count()).toBe(26);
  expect(await page.locator('[data-testid="map"] g.region').count()).toBe(26);
  await page.screenshot({ path: join(ARTIFACTS, 'dashboard-county.png') });
  expect(await accessibilityViolations()).toEqual([]);

  // The keyboard: the skip link moves focus to the content (and leaves the view as it is) ...
  await page.locator('a.skip').focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate('document.activeElement.id')).toBe('main');
  expect(new URL(page.url()).hash).toBe('#/01');
  // ... and a municipality region is focusable and opens on Enter.
  await page.locator('[data-testid="map"] g.region[data-code="0180"]').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /Lägesbild: Stockholm\b/ }).waitFor();
  await page.getByRole('navigation', { name: 'Brödsmulor' }).getByRole('link', { name: 'Sverige' }).click();
  await page.getByRole('heading', { level: 1, name: /Lägesbild: Sverige/ }).waitFor();

  expect(problems).toEqual([]);
}, 120_000);

/**
 * Production sign-in: the OIDC authorization-code flow with PKCE against a stand-in provider that
 * checks what a real one would (the code verifier against the challenge, the client, the redirect
 * address) and answers with an access token the federation accepts.
 */
it('signs in through an OIDC provider with the authorization-code flow and PKCE', async () => {
  const asked: Record<string, string> = {};
  const accessToken = await tokenFor(DEMO_ACTORS.mucf, [Role.NATIONAL_COORDINATOR]);
  const provider = createServer((request, response) => {
    const url = new URL(request.url!, 'http://localhost');
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, authorization' };
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
    if (url.pathname === '/.well-known/openid-configuration') {
      const issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
      response.writeHead(200, { ...cors, 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, response_types_supported: ['code'] }));
    }
    if (url.pathname === '/authorize') {
      Object.assign(asked, Object.fromEntries(url.searchParams));
      // The person signs in here; the provider sends the browser back with a code.
      response.writeHead(302, { location: `${asked.redirect_uri}?code=the-code&state=${encodeURIComponent(asked.state)}` });
      return void response.end();
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const form = new URLSearchParams(body);
        const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
        const ok =
          form.get('grant_type') === 'authorization_code' &&
          form.get('code') === 'the-code' &&
          form.get('client_id') === 'samverkan-dashboard' &&
          form.get('redirect_uri') === asked.redirect_uri &&
          challenge === asked.code_challenge;
        response.writeHead(ok ? 200 : 400, { ...cors, 'content-type': 'application/json' });
        response.end(JSON.stringify(ok ? { access_token: accessToken, token_type: 'Bearer', expires_in: 3600, scope: 'samverkan' } : { error: 'invalid_grant' }));
      });
      return;
    }
    response.writeHead(404, cors).end();
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  const production = await startDashboardServer({
    port: 0,
    gatewayUrl: gateway.url,
    oidc: { authority: `http://127.0.0.1:${(provider.address() as AddressInfo).port}`, clientId: 'samverkan-dashboard', scope: 'samverkan' },
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    expect((await fetch(`${production.url}dev/sign-in`)).status).toBe(404);
    const oidcPage = await context.newPage();
    await oidcPage.goto(production.url);
    await oidcPage.getByRole('button', { name: 'Logga in med din organisations konto' }).click();
    await oidcPage.getByText('Inloggad: Myndigheten för ungdoms- och civilsamhällesfrågor').waitFor();
    expect(asked).toMatchObject({ response_type: 'code', client_id: 'samverkan-dashboard', code_challenge_method: 'S256', redirect_uri: production.url });
    expect(asked.code_challenge).toMatch(/^[\w-]{43}$/);
    // Back from the provider, the address no longer holds the code.
    expect(new URL(oidcPage.url()).search).toBe('');
    await oidcPage.getByRole('heading', { level: 1, name: /Lägesbild: Sverige/ }).waitFor();
  } finally {
    await context.close();
    await production.stop();
    provider.close();
  }
}, 60_000);

/**
 * Issue 13 in the area's view: local police open an incident in Gottsunda shared with the parties on
 * Uppsala's crisis roster; the municipality's coordinator sees it under "Pågående händelser", flagged
 * "Kontakter dröjer" with the organisations not reached once the contact deadline has passed on the
 * test's clock (not before); SKR, not among those it is shared with, does not see it. Uppsala's
 * roster (NETWORK) is listed with its gaps, in Swedish, for both.
 */
it("shows an area's open incidents, flags one whose contacts are overdue to those who may see it, and its crisis rosters with gaps", async () => {
  const police = await bearer(DEMO_ACTORS.lpoUppsala, [Role.COORDINATOR]);
  const title = 'Skottlossning vid Gottsunda centrum';
  const opened = await query<{ createIncident: { id: string; version: number; contactDeadline: string } }>(
    `mutation Open($input: CreateIncidentInput!) { createIncident(input: $input) { id version contactDeadline } }`,
    {
      input: {
        areaCode: DEMO_AREAS.gottsunda,
        kind: 'SHOOTING_OR_EXPLOSION',
        severity: 'SEVERE',
        title,
        occurredAt: new Date(clock.now().getTime() - 10 * 60_000).toISOString(),
        visibility: 'SHARED',
        sharedWithIds: [DEMO_ACTORS.uppsalaKommun, DEMO_ACTORS.svenskaKyrkanUppsala, DEMO_ACTORS.hyresgastforeningen],
      },
    },
    police,
  );
  expect(opened.errors).toBeUndefined();
  const { id, version, contactDeadline } = opened.data!.createIncident;
  // POSOM reached: the municipality is reached, the church and the tenants' association are not.
  const logged = await query(
    `mutation Log($id: ID!, $version: Int!) { logIncidentContact(incidentId: $id, version: $version, input: { contactFunctionId: "${DEMO_CONTACT_FUNCTIONS.posomUppsala}", outcome: CONTACTED, channel: PHONE }) { id } }`,
    { id, version },
    police,
  );
  expect(logged.errors).toBeUndefined();

  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'sv-SE' });
  try {
    const kommun = await context.newPage();
    kommun.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await kommun.goto(dashboard.url);
    await kommun.getByLabel('Organisation').locator(`option[value="${DEMO_ACTORS.uppsalaKommun}"]`).waitFor({ state: 'attached' });
    await kommun.getByLabel('Organisation').selectOption(DEMO_ACTORS.uppsalaKommun);
    await kommun.getByLabel('Roll').selectOption(Role.COORDINATOR);
    await kommun.getByRole('button', { name: 'Logga in' }).click();
    await kommun.getByText('Inloggad: Uppsala kommun').waitFor();
    await kommun.evaluate(`location.hash = '/${DEMO_AREAS.uppsala}'`);
    await kommun.getByRole('heading', { level: 1, name: /Lägesbild: Uppsala\b/ }).waitFor();

    const incidents = kommun.getByTestId('incidents-table');
    const row = incidents.locator('tbody tr', { has: kommun.getByRole('rowheader', { name: title }) });
    const contacts = row.locator('td[data-column="contacts"]');
    // Before the deadline: not contacted yet, not flagged. The demo's closed incident is not listed.
    await row.waitFor();
    expect(await incidents.locator('tbody tr').count()).toBe(1);
    expect(await contacts.innerText()).toMatch(/^3 av 4 rader inte kontaktade, tidsgräns \d{4}-\d\d-\d\d \d\d:\d\d; inte nådda: Svenska kyrkan i Uppsala, Hyresgästföreningen/);
    expect(await row.locator('td[data-column="area"]').innerText()).toBe('Gottsunda');
    expect(await row.locator('td[data-column="kind"]').innerText()).toBe(SWEDISH_LABELS.IncidentKind.SHOOTING_OR_EXPLOSION);
    expect(await kommun.getByTestId('overdue-summary').count()).toBe(0);

    // Past the deadline on the subgraph's clock: flagged, in words, with who was not reached; as the API says.
    clock.set(new Date(Date.parse(contactDeadline) + 1000));
    const asKommun = await bearer(DEMO_ACTORS.uppsalaKommun, [Role.COORDINATOR]);
    const api = await query<{ incidents: { nodes: Array<{ id: string; organisationsNotReached: Array<{ name: string }>; notContacted: unknown[] }> } }>(
      `{ incidents(first: 10, filter: { areaCode: "${DEMO_AREAS.uppsala}", overdue: true }) { nodes { id notContacted { id } organisationsNotReached { name } } } }`,
      {},
      asKommun,
    );
    expect(api.errors).toBeUndefined();
    expect(api.data!.incidents.nodes.map((i) => i.id)).toEqual([id]);
    const notReached = api.data!.incidents.nodes[0].organisationsNotReached.map((o) => o.name).join(', ');
    await kommun.reload();
    // The caption names the area once the level's query has answered, which may come after the incidents'.
    await kommun.getByRole('heading', { level: 1, name: /Lägesbild: Uppsala\b/ }).waitFor();
    await row.locator('strong.flag').waitFor();
    expect(await row.locator('strong.flag').innerText()).toBe('Kontakter dröjer');
    expect(await contacts.innerText()).toBe(`Kontakter dröjer: ${api.data!.incidents.nodes[0].notContacted.length} av 4 rader inte kontaktade; inte nådda: ${notReached}`);
    expect(notReached).toBe('Svenska kyrkan i Uppsala, Hyresgästföreningen');
    expect(await kommun.getByTestId('overdue-summary').innerText()).toBe(`Kontakter dröjer i 1 händelse: ${title}.`);
    expect(await incidents.locator('caption').innerText()).toBe('Pågående händelser i Uppsala: 1, varav 1 där kontakter dröjer');

    // Uppsala's roster with its gaps, in Swedish, as the API has them.
    const rosters = await query<{ area: { crisisRoster: { gapCount: number; gaps: Array<{ kind: keyof typeof SWEDISH_LABELS.RosterGapKind; incidentKind: keyof typeof SWEDISH_LABELS.IncidentKind; position: number | null }> } } }>(
      `{ area(code: "${DEMO_AREAS.uppsala}") { crisisRoster { gapCount gaps { kind incidentKind position } } } }`,
      {},
      asKommun,
    );
    expect(rosters.errors).toBeUndefined();
    const roster = rosters.data!.area.crisisRoster;
    expect(roster.gapCount).toBeGreaterThan(0);
    const gapsText = roster.gaps
      .map((g) => `${SWEDISH_LABELS.RosterGapKind[g.kind]}: ${SWEDISH_LABELS.IncidentKind[g.incidentKind]}${g.position != null ? `, plats ${g.position}` : ''}`)
      .join('; ');
    const rosterRow = kommun.getByTestId('roster-gaps-table').locator('tbody tr', { has: kommun.getByRole('rowheader', { name: 'Uppsala', exact: true }) });
    expect(await rosterRow.locator('td[data-column="gapCount"]').innerText()).toBe(String(roster.gapCount));
    expect(await rosterRow.locator('td[data-column="gaps"]').innerText()).toBe(gapsText);
    await kommun.getByRole('heading', { level: 2, name: 'Krisberedskapslistor med luckor' }).waitFor();
    await kommun.locator('section[aria-labelledby="incidents"]').screenshot({ path: join(ARTIFACTS, 'dashboard-incidents.png') });
    await kommun.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    expect(
      await kommun.evaluate(
        `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`,
      ),
    ).toEqual([]);
  } finally {
    await context.close();
  }

  // SKR (signed in above) may not see the incident: the empty state, and the roster all may see.
  await page.evaluate(`location.hash = '/${DEMO_AREAS.uppsala}'`);
  await page.getByRole('heading', { level: 1, name: /Lägesbild: Uppsala\b/ }).waitFor();
  await page.locator('[data-testid="incidents-table"][aria-busy="false"]').waitFor();
  expect(await page.getByTestId('incidents-table').locator('tbody').innerText()).toBe('Inga öppnade eller pågående händelser som du får se.');
  expect(await page.getByText(title).count()).toBe(0);
  expect(await page.locator('.flag').count()).toBe(0);
  await page.locator('[data-testid="roster-gaps-table"][aria-busy="false"]').waitFor();
  expect(await page.getByTestId('roster-gaps-table').locator('tbody tr th', { hasText: 'Uppsala' }).count()).toBe(1);
  expect(await accessibilityViolations()).toEqual([]);
  expect(problems).toEqual([]);
}, 180_000);
