import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConstDirectiveNode, EnumTypeDefinitionNode, Kind, ObjectTypeDefinitionNode, parse, EnumValueNode } from 'graphql';
import { inSentence, SWEDISH_LABELS } from '@samverkan/federation';
import { SUBGRAPHS } from '@samverkan/platform';
import { errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { actorsSubgraph } from '../subgraphs/actors/src';

/**
 * Swedish labels: one list (shared/federation/src/labels.ts) covers every value of every enum of the
 * committed supergraph, and the `labels` query serves it, the same from every subgraph.
 */
const supergraph = parse(readFileSync(join(__dirname, '../gateway/supergraph.graphql'), 'utf8'));
const isOwn = (name: string) => !name.includes('__'); // join__Graph, link__Purpose: the composition's machinery
const enums = supergraph.definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && isOwn(d.name.value));
/** Labelled enums that the schema does not carry: the roles of tokens, shown by the dashboard's sign-in. */
const NOT_IN_SCHEMA = ['Role'];
const labels: Record<string, Record<string, string>> = SWEDISH_LABELS;

describe('Swedish labels', () => {
  it('label every value of every enum of the supergraph, and no value it does not have', () => {
    expect(enums.length).toBeGreaterThan(20);
    const missing = enums.flatMap((e) => e.values!.map((v) => `${e.name.value}.${v.name.value}`)).filter((id) => {
      const [name, value] = id.split('.');
      return !labels[name]?.[value]?.trim();
    });
    expect(missing).toEqual([]);
    for (const e of enums) expect(Object.keys(labels[e.name.value]).sort()).toEqual(e.values!.map((v) => v.name.value).sort());
    const stale = Object.keys(labels).filter((name) => !NOT_IN_SCHEMA.includes(name) && !enums.some((e) => e.name.value === name));
    expect(stale).toEqual([]);
  });

  it('are served by every subgraph, so the gateway may ask any of them', () => {
    const query = supergraph.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query')!;
    const field = query.fields!.find((f) => f.name.value === 'labels')!;
    // A field without @join__field is resolved by every graph that defines its type.
    const graphsOf = (directive: string, node: { directives?: readonly ConstDirectiveNode[] }) =>
      node.directives!.filter((d) => d.name.value === directive).map((d) => (d.arguments![0].value as EnumValueNode).value.toLowerCase());
    expect(graphsOf('join__field', field)).toEqual([]);
    expect(graphsOf('join__type', query).sort()).toEqual([...SUBGRAPHS].sort());
  });

  it('go inside a sentence in lower case, abbreviations kept', () => {
    expect(inSentence(SWEDISH_LABELS.TargetGroup.CHILDREN)).toBe('barn');
    expect(inSentence(SWEDISH_LABELS.SupportNeed.NPF_COMPETENCE)).toBe('NPF-kompetens');
    expect(inSentence(SWEDISH_LABELS.AgreementKind.IOP)).toBe('IOP (idéburet offentligt partnerskap)');
  });
});

describe('the labels query', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(actorsSubgraph, { seed: false });
  });
  afterAll(() => subgraph?.stop());

  const LABELS = 'query ($enums: [String!]) { labels(enums: $enums) { enum values { value label } } }';

  it('answers the public with the labels of the enums asked for, values in the schema\'s order', async () => {
    const { data, errors } = await subgraph.query(LABELS, { enums: ['TargetGroup', 'ActivityKind', 'TargetGroup'] });
    expect(errors).toBeUndefined();
    expect(data!.labels.map((l: { enum: string }) => l.enum)).toEqual(['TargetGroup', 'ActivityKind']);
    expect(data!.labels[0].values[0]).toEqual({ value: 'CHILDREN', label: 'Barn' });
    const activityKinds = enums.find((e) => e.name.value === 'ActivityKind')!.values!.map((v) => v.name.value);
    expect(data!.labels[1].values.map((v: { value: string }) => v.value)).toEqual(activityKinds);
  });

  it('answers every labelled enum when none is named', async () => {
    const { data } = await subgraph.query(LABELS);
    expect(data!.labels.map((l: { enum: string }) => l.enum)).toEqual(Object.keys(SWEDISH_LABELS).sort());
  });

  it('refuses an unknown enum with BAD_USER_INPUT naming its position', async () => {
    const response = await subgraph.query(LABELS, { enums: ['ActorKind', 'NoSuchEnum'] });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.fields).toEqual([{ field: 'enums.1', message: 'not an enum with labels' }]);
    expect(response.errors![0].message).toContain('NoSuchEnum');
  });
});
