import { Kind, parse } from 'graphql';
import { DEMO_ACTORS, DEMO_AREAS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { SUBGRAPHS } from '@samverkan/platform';
import { bearer, startFederation, subgraphSdl, TestFederation } from '@samverkan/test-support';

/**
 * The concerns subgraph as a member of the federation (issue 15, docs/dpia-concerns.md): composed by
 * the gateway, its team and figures reachable from the area, and its records nowhere else: no other
 * subgraph knows the type, and it has no change feed or webhooks through which a concern could leave.
 */
const OTHERS = SUBGRAPHS.filter((name) => name !== 'concerns');
const FEEDS = ['actorChanges', 'agreementChanges', 'activityChanges', 'situationChanges'] as const;

/** Every field of every object type in a subgraph's SDL, as `Type.field`. */
const fieldsOf = (sdl: string) =>
  parse(sdl).definitions.flatMap((definition) =>
    definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION
      ? (definition.fields ?? []).map((field) => `${definition.name.value}.${field.name.value}`)
      : [],
  );

let federation: TestFederation;
let official: Record<string, string>;
const sdl = {} as Record<(typeof SUBGRAPHS)[number], string>;

beforeAll(async () => {
  const [started] = await Promise.all([
    startFederation(),
    ...SUBGRAPHS.map(async (name) => void (sdl[name] = await subgraphSdl(name))),
  ]);
  federation = started;
  official = await bearer(DEMO_ACTORS.rinkebyKistaStadsdel, [Role.COORDINATOR]);
}, 180000);
afterAll(() => federation?.stop());

describe('the concerns subgraph in the federation', () => {
  it("answers through the gateway: an area's intervention team and its concern figures, for a signed-in viewer", async () => {
    const { data, errors } = await federation.query(
      `query($code: ID!) { area(code: $code) { name interventionTeam { id area { code } } figures { concerns { registered { value suppressed } answeredInTime { value suppressed } medianMinutesToFirstContact } } } }`,
      { code: DEMO_AREAS.rinkebyKista },
      official,
    );
    expect(errors).toBeUndefined();
    expect(data!.area.name).toBe('Rinkeby-Kista');
    expect(data!.area.interventionTeam).toMatchObject({ area: { code: DEMO_AREAS.rinkebyKista } });
    expect(data!.area.figures.concerns).toEqual(expect.objectContaining({ registered: expect.any(Object), answeredInTime: expect.any(Object) }));
  });

  it('gives the public no concern figures', async () => {
    const { data, errors } = await federation.query(`query($code: ID!) { area(code: $code) { figures { concerns { registered { value } } } } }`, {
      code: DEMO_AREAS.rinkebyKista,
    });
    expect(errors).toBeUndefined();
    expect(data!.area.figures.concerns).toBeNull();
  });

  it.each(OTHERS)('%s: its SDL never mentions a concern or an intervention team', (name) => {
    expect(sdl[name]).not.toMatch(/\bConcern|\bInterventionTeam|\bTeamMember\b/);
  });

  it('only the concerns subgraph defines Concern', () => {
    expect(sdl.concerns).toMatch(/\btype Concern\b/);
    expect(OTHERS.filter((name) => /\btype Concern\b/.test(sdl[name]))).toEqual([]);
  });

  it('has the concerns subgraph no change feed, change log or webhooks', () => {
    const fields = fieldsOf(sdl.concerns);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter((field) => /\.(changes|\w*Changes|\w*FeedEnd|\w*[wW]ebhook\w*)$/.test(field))).toEqual([]);
    expect(sdl.concerns).not.toMatch(/\b(ChangeLogEntry|ChangeFeedPage|ChangeFeedEntry|Webhook\w*)\b/);
  });

  it.each(FEEDS)('%s, read by a signed-in viewer, carries no concern or team', async (feed) => {
    const { data, errors } = await federation.query(`{ ${feed}(first: 1000) { entries { type id } } }`, {}, official);
    expect(errors).toBeUndefined();
    const types = new Set((data![feed].entries as Array<{ type: string }>).map((entry) => entry.type));
    expect([...types].filter((type) => /Concern|InterventionTeam|TeamMember/.test(type))).toEqual([]);
  });
});
