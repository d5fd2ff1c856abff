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
  federation = await startFederation();
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
