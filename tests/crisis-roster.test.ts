import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_CONTACT_FUNCTIONS as CF } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { bearer, startFederation, TestFederation } from '@samverkan/test-support';

/**
 * A crisis roster through the gateway (issue 13): the registry suggests the functions, the
 * situation subgraph keeps the roster, and the registry answers each function's name and whether
 * it rests on one person, so a roster's one-person dependencies show beside its gaps.
 */
let federation: TestFederation;
let uppsala: Record<string, string>;

beforeAll(async () => {
  federation = await startFederation({ SAMVERKAN_SQL_STATS: 'true' });
  uppsala = await bearer(A.uppsalaKommun, [Role.COORDINATOR]);
}, 180000);
afterAll(() => federation?.stop());

const ROSTER = `query($code: ID!) { area(code: $code) { name crisisRoster {
  gapCount
  entries(incidentKind: FATAL_VIOLENCE) { position role contactFunction { name isOnePersonDependency } actor { name } }
} } }`;

it('is built from the registry\'s suggestions and shows which functions rest on one person', async () => {
  const suggested = await federation.query(`query($code: ID!) { area(code: $code) { crisisRosterSuggestions { id name } } }`, { code: AR.gottsunda }, uppsala);
  expect(suggested.errors).toBeUndefined();
  const functions = suggested.data!.area.crisisRosterSuggestions.map((f: { id: string }) => f.id);
  expect(functions).toEqual([CF.lokalbokningSvenskaKyrkanUppsala, CF.posomUppsala, CF.trygghetssamordnareGottsunda]);

  const created = await federation.query(
    `mutation($input: CreateCrisisRosterInput!) { createCrisisRoster(input: $input) { id version } }`,
    {
      input: {
        areaCode: AR.gottsunda,
        entries: [
          { incidentKind: 'FATAL_VIOLENCE', position: 1, role: 'PRIMARY', contactFunctionId: CF.posomUppsala, task: 'Aktivera POSOM' },
          { incidentKind: 'FATAL_VIOLENCE', position: 1, role: 'BACKUP', contactFunctionId: CF.trygghetssamordnareGottsunda },
          { incidentKind: 'FATAL_VIOLENCE', position: 2, role: 'PRIMARY', contactFunctionId: CF.lokalbokningSvenskaKyrkanUppsala, task: 'Öppna församlingshemmet' },
        ],
        maintainerIds: [A.lpoUppsala],
      },
    },
    uppsala,
  );
  expect(created.errors).toBeUndefined();

  const { data, errors } = await federation.query(ROSTER, { code: AR.gottsunda }, uppsala);
  expect(errors).toBeUndefined();
  expect(data!.area.crisisRoster).toEqual({
    // Six kinds without anyone, and the church without a backup.
    gapCount: 7,
    entries: [
      { position: 1, role: 'PRIMARY', contactFunction: { name: 'POSOM-samordnare Uppsala', isOnePersonDependency: false }, actor: { name: expect.any(String) } },
      { position: 1, role: 'BACKUP', contactFunction: { name: 'Trygghetssamordnare Gottsunda', isOnePersonDependency: true }, actor: { name: expect.any(String) } },
      { position: 2, role: 'PRIMARY', contactFunction: { name: 'Lokalbokning Svenska kyrkan i Uppsala', isOnePersonDependency: false }, actor: { name: expect.any(String) } },
    ],
  });

  // An OWNER roster: the public sees the area, not its roster.
  const anonymous = await federation.query(ROSTER, { code: AR.gottsunda });
  expect(anonymous.errors).toBeUndefined();
  expect(anonymous.data!.area.crisisRoster).toBeNull();
});

const FLAGS = `query($code: ID!) { area(code: $code) { crisisRoster {
  contactFunctionIds
  onePersonDependencies { id name }
  entries { contactFunction { id isOnePersonDependency } }
} } }`;

/** The roster's one-person dependencies must be exactly its listed functions whose `isOnePersonDependency` is true, in the roster's order. */
function expectFlagsAgreeWithEntries(roster: { contactFunctionIds: string[]; onePersonDependencies: Array<{ id: string }>; entries: Array<{ contactFunction: { id: string; isOnePersonDependency: boolean } }> }) {
  const flagged = new Set(roster.entries.filter((e) => e.contactFunction.isOnePersonDependency).map((e) => e.contactFunction.id));
  expect(roster.onePersonDependencies.map((f) => f.id)).toEqual(roster.contactFunctionIds.filter((id) => flagged.has(id)));
}

describe('the roster flags the functions that rest on one person (answered by the registry)', () => {
  it("flags exactly Uppsala's safety coordinator and the tenants' association's premises manager, for every party that sees the roster", async () => {
    for (const viewer of [uppsala, await bearer(A.hyresgastforeningen, [Role.MEMBER])]) {
      const { data, errors } = await federation.query(FLAGS, { code: AR.uppsala }, viewer);
      expect(errors).toBeUndefined();
      const roster = data!.area.crisisRoster;
      // By kind, place and primary first: POSOM, the church (its backup), the coordinator, the tenants' association.
      expect(roster.contactFunctionIds).toEqual([CF.posomUppsala, CF.lokalbokningSvenskaKyrkanUppsala, CF.trygghetssamordnareGottsunda, CF.lokalansvarigHyresgastforeningenGottsunda]);
      expect(roster.onePersonDependencies).toEqual([
        { id: CF.trygghetssamordnareGottsunda, name: 'Trygghetssamordnare Gottsunda' },
        { id: CF.lokalansvarigHyresgastforeningenGottsunda, name: 'Lokalansvarig Hyresgästföreningen Gottsunda' },
      ]);
      expectFlagsAgreeWithEntries(roster);
    }
    // A NETWORK roster: the public sees neither it nor its flags.
    const anonymous = await federation.query(FLAGS, { code: AR.uppsala });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.area.crisisRoster).toBeNull();
  });

  it('flags a roster made in the test, follows the registry when a function gets a second holder, and shows the public a roster without its flags', async () => {
    const functions = [CF.posomUppsala, CF.trygghetssamordnareGottsunda, CF.lokalansvarigHyresgastforeningenGottsunda];
    const created = await federation.query(
      `mutation($input: CreateCrisisRosterInput!) { createCrisisRoster(input: $input) { id onePersonDependencies { id } } }`,
      {
        input: {
          areaCode: '0381',
          visibility: 'PUBLIC',
          entries: functions.map((contactFunctionId, index) => ({ incidentKind: 'FIRE', position: index + 1, contactFunctionId })),
        },
      },
      uppsala,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createCrisisRoster.onePersonDependencies).toEqual([{ id: CF.trygghetssamordnareGottsunda }, { id: CF.lokalansvarigHyresgastforeningenGottsunda }]);
    const rosterId = created.data!.createCrisisRoster.id;

    // The public sees a PUBLIC roster, but who holds a function is the network's business.
    const anonymous = await federation.query(`query($id: ID!) { crisisRoster(id: $id) { contactFunctionIds onePersonDependencies { id } } }`, { id: rosterId });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.crisisRoster).toEqual({ contactFunctionIds: functions, onePersonDependencies: null });

    // The municipality gives its safety coordinator a backup: the roster rests on one person less.
    const fn = await federation.query(`query($id: ID!) { contactFunction(id: $id) { version holders { personName role from until } } }`, { id: CF.trygghetssamordnareGottsunda }, uppsala);
    const { version, holders } = fn.data!.contactFunction;
    const changed = await federation.query(
      `mutation($id: ID!, $version: Int!, $holders: [ContactFunctionHolderInput!]!) { setContactFunctionHolders(functionId: $id, version: $version, holders: $holders) { isOnePersonDependency } }`,
      { id: CF.trygghetssamordnareGottsunda, version, holders: [...holders, { personName: 'Sara Lind (test)', role: 'BACKUP' }] },
      uppsala,
    );
    expect(changed.data).toEqual({ setContactFunctionHolders: { isOnePersonDependency: false } });
    const after = await federation.query(`query($id: ID!) { crisisRoster(id: $id) { onePersonDependencies { id } } }`, { id: rosterId }, uppsala);
    expect(after.data!.crisisRoster.onePersonDependencies).toEqual([{ id: CF.lokalansvarigHyresgastforeningenGottsunda }]);
    const demo = await federation.query(FLAGS, { code: AR.uppsala }, uppsala);
    expect(demo.data!.area.crisisRoster.onePersonDependencies.map((f: { id: string }) => f.id)).toEqual([CF.lokalansvarigHyresgastforeningenGottsunda]);
    expectFlagsAgreeWithEntries(demo.data!.area.crisisRoster);
  });

  it('flags many rosters in as many statements as few', async () => {
    const municipalities = await federation.query(`{ areas(filter: { kinds: [MUNICIPALITY], withinCode: "24" }, first: 100) { nodes { code } } }`);
    const codes = (municipalities.data!.areas.nodes as Array<{ code: string }>).map((area) => area.code);
    expect(codes.length).toBeGreaterThanOrEqual(12);
    const lines = [CF.posomUppsala, CF.lokalbokningSvenskaKyrkanUppsala, CF.lokalansvarigHyresgastforeningenGottsunda];
    const createRosters = async (areaCodes: string[]) => {
      for (const areaCode of areaCodes) {
        // Rosters of one, two and three of the functions in turn, so their flags differ.
        const entries = lines.slice(0, (codes.indexOf(areaCode) % lines.length) + 1).map((contactFunctionId, place) => ({ incidentKind: 'FIRE', position: place + 1, contactFunctionId }));
        const created = await federation.query(`mutation($input: CreateCrisisRosterInput!) { createCrisisRoster(input: $input) { id } }`, { input: { areaCode, entries } }, uppsala);
        expect(created.errors).toBeUndefined();
      }
    };
    const flagsOfCounty = async (rosters: number) => {
      const response = await federation.query(
        `{ crisisRosters(filter: { areaCode: "24" }, first: 100) { nodes {
          contactFunctionIds onePersonDependencies { id name } entries { contactFunction { id isOnePersonDependency } }
        } } }`,
        {},
        uppsala,
      );
      expect(response.errors).toBeUndefined();
      const nodes = response.data!.crisisRosters.nodes;
      expect(nodes).toHaveLength(rosters);
      nodes.forEach(expectFlagsAgreeWithEntries);
      // Those listing the tenants' association's premises manager are flagged.
      expect(nodes.filter((roster: { onePersonDependencies: unknown[] }) => roster.onePersonDependencies.length > 0)).toHaveLength(Math.floor(rosters / 3));
      return response.extensions!.sqlStatements as Record<string, number>;
    };
    await createRosters(codes.slice(0, 2));
    const forTwo = await flagsOfCounty(2);
    expect(Object.keys(forTwo)).toEqual(expect.arrayContaining(['actors', 'situation']));
    await createRosters(codes.slice(2, 12));
    expect(await flagsOfCounty(12)).toEqual(forTwo);
  }, 120000);
});
