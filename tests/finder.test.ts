import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { DEMO_ACTORS } from '@samverkan/demo';
import { SWEDISH_LABELS } from '@samverkan/federation';
import {
  buildFinder,
  DashboardServer,
  FINDER_DIR,
  startDashboardServer,
  startFederation,
  TEST_PRIVATE_KEY_ENV,
  TestFederation,
} from '@samverkan/test-support';

/**
 * The public finder (finder/, "Hitta aktiviteter") end to end, in Debian's Chromium driven by
 * playwright-core on a phone's screen: a parent finds a football practice for a 12-year-old in a
 * district next week, sees its place on the small map and the organiser's public contact, and has
 * the calendar button; "nära mig" finds it from the phone's position; axe-core finds no serious or
 * critical WCAG 2.1 A/AA violation; the page asks nothing internal and nothing of third parties; its
 * JavaScript stays under 200 kB compressed. Screenshots are saved under artifacts/
 * (SAMVERKAN_FINDER_SCREENSHOT names another file for the results, e.g. the README's docs/finder.png).
 */
const ROOT = join(__dirname, '..');
const CHROMIUM = process.env.SAMVERKAN_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'artifacts');
const PRACTICE = 'Fotbollsträning för 10–13 år i Angered';
/** The practice's pitch (subgraphs/activities/src/demo/seed.ts). */
const PITCH = { latitude: 57.8063, longitude: 12.0512 };
/** What the finder may never ask for or show: the internal fields and the police's. */
const INTERNAL_FIELDS = /internalClassification|participantCount|policeParticipation|holders|changeLog|sharedWith|fundingAgreement/;

let federation: TestFederation;
let server: DashboardServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
const requests: Array<{ url: string; body: string | null }> = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  const [started] = await Promise.all([startFederation(), buildFinder()]);
  federation = started;
  server = await startDashboardServer({ port: 0, gatewayUrl: federation.gateway.url, privateKeyFile: process.env[TEST_PRIVATE_KEY_ENV]! });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  // A phone: 390×844 (an iPhone 12–15's CSS pixels), touch, Swedish, in Sweden.
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() }));
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterEach(async () => {
  if (problems.length) console.error(problems.join('\n'));
  await page?.screenshot({ path: join(ARTIFACTS, 'finder-last.png'), fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  await federation?.stop();
});

/** axe-core's serious and critical findings (WCAG 2.1 A and AA) on the page as it is now. */
async function seriousViolations(): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return (await page.evaluate(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`,
  )) as string[];
}

const practice = () => page.getByTestId('activity').filter({ has: page.getByRole('heading', { level: 3, name: PRACTICE }) });

it('lets a parent find a football practice for a 12-year-old in a district next week, with its place, contact, who vouches and its calendar file', async () => {
  await page.goto(server.finderUrl);
  expect(await page.getAttribute('html', 'lang')).toBe('sv');
  await page.getByRole('heading', { level: 1, name: 'Hitta aktiviteter för barn och unga' }).waitFor();
  // The municipalities come from the API's areas, by county.
  await page.getByLabel('Kommun').locator('option[value="1480"]').waitFor({ state: 'attached' });
  expect(await seriousViolations()).toEqual([]);

  // Göteborg, then the district Angered (the API's districts of the municipality).
  await page.getByLabel('Kommun').selectOption('1480');
  await page.getByLabel('Stadsdel eller område').locator('option[value="1480-angered"]').waitFor({ state: 'attached' });
  await page.getByLabel('Stadsdel eller område').selectOption('1480-angered');
  await page.getByLabel('Barnets ålder').fill('12');
  await page.getByLabel('Vad vill ni göra?').selectOption({ label: SWEDISH_LABELS.ActivityKind.SPORT });
  await page.getByLabel('När?').selectOption('next-week');
  await page.getByRole('button', { name: 'Visa aktiviteter' }).click();

  const card = practice();
  await card.waitFor();
  // The results' heading takes the focus, for a screen reader and the keyboard.
  expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('resultat-rubrik');
  // The search is in the address, to share or bookmark.
  expect(new URL(page.url()).searchParams.get('omrade')).toBe('1480-angered');
  // Not the tournament of this weekend (not next week) nor activities for other ages or elsewhere.
  expect(await page.getByRole('heading', { level: 3, name: 'Fotbollsturnering i Angered' }).count()).toBe(0);
  expect(await page.getByRole('heading', { level: 3, name: 'Läxhjälp i Angered' }).count()).toBe(0);

  // Next week's practices: Tuesday and Thursday, 17.30–19.00.
  const when = await card.locator('.occurrences li').allInnerTexts();
  expect(when).toEqual([expect.stringMatching(/^tisdag \d+ \w+ kl\. 17\.30–19\.00$/), expect.stringMatching(/^torsdag \d+ \w+ kl\. 17\.30–19\.00$/)]);

  // The place, on a small map of the municipality, and a link to OpenStreetMap the parent may follow.
  const place = card.getByTestId('place');
  expect(await place.innerText()).toContain('Rannebergsvallen');
  expect(await place.innerText()).toContain('424 38 Angered');
  await card.getByTestId('place-map').waitFor();
  expect(await card.getByTestId('place-map').getAttribute('aria-label')).toBe('Karta: Rannebergsvallen i Göteborg kommun');
  expect(await card.getByRole('link', { name: /Visa på karta/ }).getAttribute('href')).toContain(`mlat=${PITCH.latitude.toFixed(5)}&mlon=${PITCH.longitude.toFixed(5)}`);

  // Cost, joining, languages and adaptations, in Swedish.
  const text = await card.innerText();
  expect(text).toContain('300 kr, per termin, syskonrabatt');
  expect(text).toContain('Fritidskortet går att använda');
  expect(text).toContain(SWEDISH_LABELS.SignUpMethod.CONTACT);
  expect(text).toContain('Svenska, arabiska, somaliska');
  expect(text).toContain(SWEDISH_LABELS.NpfAdaptation.SMALL_GROUPS);

  // The organiser's public contact, exactly as the API gives it to the public.
  const { data, errors } = await federation.query<{ actor: { name: string; publicContact: { name: string; channels: Array<{ value: string }> } } }>(
    'query($id: ID!) { actor(id: $id) { name publicContact { name channels { value } } } }',
    { id: DEMO_ACTORS.kfumGoteborg },
  );
  expect(errors).toBeUndefined();
  const contact = await card.getByTestId('contact').innerText();
  expect(contact).toContain(`${data!.actor.name}: ${data!.actor.publicContact.name}`);
  for (const channel of data!.actor.publicContact.channels) expect(contact).toContain(channel.value);

  // Nothing internal on the page: no internal classification, and no holder's name.
  const body = await page.locator('body').innerText();
  for (const label of Object.values(SWEDISH_LABELS.InternalClassification)) expect(body).not.toContain(label);
  expect(body).not.toContain('(demo)');

  // Who vouches for it, by organisation name only.
  expect(await card.getByTestId('vouches').innerText()).toBe('Rädda Barnen Göteborg');

  // "Lägg till i kalendern" downloads the practice's calendar file, its weekly rule carried over.
  const calendarHost = new URL((await card.getByTestId('calendar').getAttribute('href'))!).host;
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('calendar').click()]);
  const ics = readFileSync((await download.path())!, 'utf8');
  expect(ics).toMatch(/^BEGIN:VCALENDAR/);
  expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU,TH');
  expect(ics).toContain('SUMMARY:Fotbollsträning för 10–13 år i Angered');

  await page.evaluate('window.scrollTo(0, 0)');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'finder.png'), fullPage: true });
  if (process.env.SAMVERKAN_FINDER_SCREENSHOT) await card.screenshot({ path: process.env.SAMVERKAN_FINDER_SCREENSHOT });
  expect(await seriousViolations()).toEqual([]);

  // Anonymous requests only to the page's own server, the gateway and the calendar export, and none asking for anything internal.
  const allowed = new Set([new URL(server.finderUrl).host, new URL(federation.gateway.url).host, calendarHost]);
  expect(requests.map((r) => new URL(r.url)).filter((u) => u.protocol !== 'data:' && !allowed.has(u.host))).toEqual([]);
  expect(requests.filter((r) => r.body && INTERNAL_FIELDS.test(r.body))).toEqual([]);
  expect(problems).toEqual([]);
}, 120_000);

it('finds it "nära mig" from the phone\'s position, nearest first', async () => {
  await context.grantPermissions(['geolocation'], { origin: new URL(server.finderUrl).origin });
  await context.setGeolocation({ latitude: PITCH.latitude + 0.01, longitude: PITCH.longitude });
  await page.goto(server.finderUrl);
  await page.getByLabel('Kommun').locator('option[value="1480"]').waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Nära mig' }).click();
  await page.getByText(/^Vi visar det som finns nära dig, närmast först/).waitFor();
  expect(await page.getByLabel('Kommun').inputValue()).toBe('');
  await page.getByLabel('Barnets ålder').fill('12');
  await page.getByLabel('När?').selectOption('month');
  await page.getByRole('button', { name: 'Visa aktiviteter' }).click();
  await practice().waitFor();
  expect(await practice().innerText()).toMatch(/ca 1(,\d)? km bort/);
  // Nearest first; the position is in no address.
  expect(await page.getByTestId('activity').first().getByRole('heading', { level: 3 }).innerText()).toBe(PRACTICE);
  expect(new URL(page.url()).search).not.toMatch(/57\.|12\./);
  expect(problems).toEqual([]);
}, 60_000);

it('keeps the page\'s JavaScript under 200 kB compressed, and its GraphQL free of internal fields', () => {
  const assets = join(FINDER_DIR, 'dist', 'assets');
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  const gzipped = scripts.reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length, 0);
  console.log(`the finder's JavaScript: ${(gzipped / 1024).toFixed(1)} kB gzip in ${scripts.length} file(s)`);
  expect(gzipped).toBeLessThan(200 * 1024);
  expect(readFileSync(join(FINDER_DIR, 'src', 'queries.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(INTERNAL_FIELDS);
});
