import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import {
  bearer,
  tokenFor,
  buildDashboard,
  DashboardServer,
  startDashboardServer,
  startFederation,
  TEST_PRIVATE_KEY_ENV,
  TestFederation,
} from '@samverkan/test-support';
import { figuresCatalogue } from '../dashboard/figures-catalogue';

/**
 * The dashboard end to end, in Debian's Chromium driven by playwright-core: a national coordinator
 * signs in with the development sign-in, the map and the county table render, a number on the page
 * equals the gateway's answer, a click on a county drills down, axe-core finds no WCAG 2.1 AA
 * violation on the sign-in page, the national view and a county, and screenshots are saved under
 * artifacts/ (SAMVERKAN_DASHBOARD_SCREENSHOT names another file for the national view, e.g. the
 * README's docs/dashboard.png).
 */
const ROOT = join(__dirname, '..');
const CHROMIUM = process.env.SAMVERKAN_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'artifacts');

let federation: TestFederation;
let dashboard: DashboardServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  // The demo data as npm start loads it, the generated layer included: activity in several counties.
  const [started] = await Promise.all([startFederation({ SEED_GENERATED_DEMO_DATA: 'true' }), buildDashboard()]);
  federation = started;
  dashboard = await startDashboardServer({ port: 0, gatewayUrl: federation.gateway.url, privateKeyFile: process.env[TEST_PRIVATE_KEY_ENV]! });
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
  const registry = await federation.query<{ area: { coverage: { missingCategoriesLocally: string[] } } }>(
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
    const answer = await federation.query<{ figures: Record<string, unknown> }>(`{ figures(areaCode: "01") { ${selection} } }`, {}, headers);
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
    gatewayUrl: federation.gateway.url,
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
