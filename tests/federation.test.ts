import { DEMO_ACTORS, DEMO_AGREEMENTS, DEMO_AREAS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { SUBGRAPHS } from '@samverkan/platform';
import { bearer, errorCode, graphql, startFederation, TestFederation, freePort, startProcess } from '@samverkan/test-support';

let federation: TestFederation;

beforeAll(async () => {
  federation = await startFederation();
}, 180000);
afterAll(() => federation?.stop());

describe('the federation end to end', () => {
  it('answers, for a district, its actors with their agreements and activities, and the latest situation picture', async () => {
    const { data, errors } = await federation.query(
      `query($code: ID!) {
        area(code: $code) {
          name
          parent { name }
          latestSituationReport { level trend reportedBy { name } }
          actors(scope: OVERLAPPING) {
            id name
            agreements { id title }
            activities { title area { name } }
          }
          agreements(scope: OVERLAPPING) { title parties { role actor { name } } }
          activities(scope: OVERLAPPING) { title organisers { name } fundingAgreement { title } }
        }
      }`,
      { code: DEMO_AREAS.rinkebyKista },
      // A municipality official in the district: the police share their latest picture with them.
      await bearer(DEMO_ACTORS.rinkebyKistaStadsdel, [Role.COORDINATOR]),
    );
    expect(errors).toBeUndefined();
    const area = data!.area;
    expect(area.name).toBe('Rinkeby-Kista');
    expect(area.parent.name).toBe('Stockholm');
    expect(area.latestSituationReport.reportedBy.name).toBe('Lokalpolisområde Rinkeby');

    const police = area.actors.find((a: { id: string }) => a.id === DEMO_ACTORS.lpoRinkeby);
    expect(police.agreements.map((a: { id: string }) => a.id)).toEqual(
      expect.arrayContaining([DEMO_AGREEMENTS.rattKurvaJarva, DEMO_AGREEMENTS.medborgarloftRinkebyKista]),
    );
    expect(police.activities.length).toBeGreaterThan(0);
    // A county-wide actor is there with OVERLAPPING, as is the nation-wide police authority.
    expect(area.actors.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([DEMO_ACTORS.polisregionStockholm, DEMO_ACTORS.polisen]));

    const rattKurva = area.agreements.find((a: { title: string }) => /Rätt kurva/i.test(a.title));
    expect(rattKurva.parties.every((p: { actor: { name: string } }) => typeof p.actor.name === 'string')).toBe(true);
    expect(area.activities.every((a: { organisers: Array<{ name: string }> }) => a.organisers.every((o) => o.name))).toBe(true);
    expect(area.activities.some((a: { fundingAgreement: { title: string } | null }) => a.fundingAgreement?.title)).toBe(true);
  });

  it('resolves every reference through the gateway, from agreements down to situation reports', async () => {
    const { data, errors } = await federation.query(
      `query($id: ID!) {
        agreement(id: $id) {
          title
          areas { name }
          parties { actor { name situationReports { area { name } } } }
          activities { title area { name } organisers { name } }
        }
      }`,
      { id: DEMO_AGREEMENTS.iopGoteborgAngered },
      await bearer(DEMO_ACTORS.goteborgsStad, [Role.COORDINATOR]),
    );
    expect(errors).toBeUndefined();
    expect(data!.agreement.areas.map((a: { name: string }) => a.name)).toContain('Angered');
    expect(data!.agreement.parties.map((p: { actor: { name: string } }) => p.actor.name)).toContain('Göteborgs Stad');
    expect(data!.agreement.activities.length).toBeGreaterThan(0);
    expect(data!.agreement.activities.every((a: { area: { name: string } }) => a.area.name)).toBe(true);
  });

  it('lets one party write and another read it through the gateway', async () => {
    const created = await federation.query(
      `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id version } }`,
      {
        input: {
          title: 'MBU-träff i Angered',
          kind: 'MBU_MEETING',
          organiserIds: [DEMO_ACTORS.lpoGoteborgNordost, DEMO_ACTORS.kfumGoteborg],
          areaCode: DEMO_AREAS.angered,
          startsOn: '2026-12-05',
          targetGroups: ['YOUNG_PEOPLE'],
        },
      },
      await bearer(DEMO_ACTORS.kfumGoteborg, [Role.COORDINATOR]),
    );
    expect(created.errors).toBeUndefined();
    const { data } = await federation.query(`query($id: ID!) { actor(id: $id) { activities { id } } }`, { id: DEMO_ACTORS.kfumGoteborg });
    expect(data!.actor.activities.map((a: { id: string }) => a.id)).toContain(created.data!.createActivity.id);
  });

  it.each([
    ['an inline literal', `mutation { createSituationReport(input: { areaCode: "0180", reportedById: "${DEMO_ACTORS.lpoRinkeby}", periodStart: "2026-13-45", periodEnd: "2026-01-31", level: NORMAL, trend: STABLE, summary: "x" }) { id } }`, {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable', `mutation($start: LocalDate!) { createSituationReport(input: { areaCode: "0180", reportedById: "${DEMO_ACTORS.lpoRinkeby}", periodStart: $start, periodEnd: "2026-01-31", level: NORMAL, trend: STABLE, summary: "x" }) { id } }`, { start: '2026-13-45' }, 'BAD_USER_INPUT'],
  ])('passes a subgraph\'s refusal of a malformed date in %s through with its code, and nothing internal', async (_case, mutation, variables, code) => {
    const count = async () => (await federation.query('{ situationReports { totalCount } }')).data!.situationReports.totalCount;
    const before = await count();
    const response = await federation.query(mutation, variables);
    expect(errorCode(response)).toBe(code);
    expect(response.errors![0].message).toMatch(/not a valid LocalDate: 2026-13-45/);
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|\.ts:\d+|127\.0\.0\.1|Bad Request/);
    expect(await count()).toBe(before);
  });

  it.each(SUBGRAPHS)('serves the %s subgraph alone on its own port, with its federation keys', async (name) => {
    const { data } = await graphql(federation.subgraphs[name].url, '{ _service { sdl } }');
    expect(data!._service.sdl).toMatch(/@key\(fields: "(id|code)"\)/);
  });

  it('composes live from the running subgraphs in development mode, and answers as the committed supergraph does', async () => {
    const port = await freePort();
    const urls = Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, federation.subgraphs[name].url]));
    const live = await startProcess('gateway', port, { ...urls, GATEWAY_PORT: String(port), GATEWAY_COMPOSE: 'live' });
    try {
      const query = `query($code: ID!) { area(code: $code) { name latestSituationReport { level } actors { name agreements { title } activities { title } } } }`;
      const fromLive = await graphql(live.url, query, { code: DEMO_AREAS.angered });
      expect(fromLive.errors).toBeUndefined();
      expect(fromLive.data!.area.actors.length).toBeGreaterThan(0);
      expect(fromLive).toEqual(await federation.query(query, { code: DEMO_AREAS.angered }));
    } finally {
      await live.stop();
    }
  });
});
