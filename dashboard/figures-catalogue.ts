import { readFileSync } from 'node:fs';
import { EnumTypeDefinitionNode, FieldDefinitionNode, Kind, ObjectTypeDefinitionNode, parse, TypeNode } from 'graphql';

/**
 * The figures the dashboard can show, read at build time from the gateway's committed supergraph
 * (`gateway/supergraph.graphql`), below `Figures` through object fields that need no arguments:
 * - `count`: a `Count`, e.g. `registry.actors`;
 * - `breakdown`: one value of a distribution, a list of `{ <enum field>, count: Count }` entries,
 *   one figure per value of the enum, e.g. `situation.latestByLevel.HIGH`;
 * - `enum`: a figure that is a value of an enum, e.g. `situation.trend`;
 * - `number`: a figure that is a whole number but not a count (no suppression flag: null when not
 *   published), e.g. `concerns.medianMinutesToFirstContact`.
 * The bundle asks for exactly these, so a figure added to a subgraph appears on the dashboard after a
 * rebuild, and one removed never makes its queries fail. Production gateways refuse introspection,
 * hence the build-time reading.
 */
export interface FigureDefinition {
  /** Dotted path below `Figures`, with the enum value of a breakdown: "registry.actors", "situation.byLevel.HIGH". */
  id: string;
  /** The fields down to the Count, the list of a breakdown, the enum or the number. */
  path: string[];
  kind: 'count' | 'breakdown' | 'enum' | 'number';
  /** A breakdown's entry: the enum field that names it and its value. */
  by?: { field: string; value: string };
  /** The schema's description (English), for a tooltip. */
  description: string;
}

const named = (type: TypeNode): { name: string; list: boolean } => {
  if (type.kind === Kind.NON_NULL_TYPE) return named(type.type);
  if (type.kind === Kind.LIST_TYPE) return { name: named(type.type).name, list: true };
  return { name: type.name.value, list: false };
};

const needsArguments = (field: FieldDefinitionNode) =>
  (field.arguments ?? []).some((argument) => argument.type.kind === Kind.NON_NULL_TYPE && !argument.defaultValue);

export function figuresCatalogue(supergraphFile: string): FigureDefinition[] {
  const document = parse(readFileSync(supergraphFile, 'utf8'));
  const types = new Map<string, ObjectTypeDefinitionNode>();
  const enums = new Map<string, EnumTypeDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) types.set(definition.name.value, definition);
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION) enums.set(definition.name.value, definition);
  }
  const figures = types.get('Figures');
  if (!figures) return [];
  const describe = (field: FieldDefinitionNode) => field.description?.value.trim() ?? '';
  /** A distribution's entry type: one enum field and `count: Count`. */
  const entryOf = (typeName: string) => {
    const fields = types.get(typeName)?.fields ?? [];
    const count = fields.find((f) => f.name.value === 'count' && named(f.type).name === 'Count');
    const key = fields.filter((f) => f !== count && enums.has(named(f.type).name));
    return count && key.length === 1 && fields.length === 2 ? { field: key[0].name.value, values: enums.get(named(key[0].type).name)!.values ?? [] } : undefined;
  };
  const found: FigureDefinition[] = [];
  const walk = (type: ObjectTypeDefinitionNode, path: string[], depth: number) => {
    for (const field of type.fields ?? []) {
      if (needsArguments(field)) continue;
      const { name, list } = named(field.type);
      const fieldPath = [...path, field.name.value];
      const id = fieldPath.join('.');
      if (list) {
        const entry = depth > 0 ? entryOf(name) : undefined;
        for (const value of entry?.values ?? []) {
          found.push({ id: `${id}.${value.name.value}`, path: fieldPath, kind: 'breakdown', by: { field: entry!.field, value: value.name.value }, description: describe(field) });
        }
      } else if (name === 'Count') {
        found.push({ id, path: fieldPath, kind: 'count', description: describe(field) });
      } else if (depth > 0 && enums.has(name)) {
        found.push({ id, path: fieldPath, kind: 'enum', description: describe(field) });
      } else if (depth > 0 && name === 'Int') {
        found.push({ id, path: fieldPath, kind: 'number', description: describe(field) });
      } else if (depth < 3 && types.has(name) && name !== 'Area' && name !== 'Figures') {
        walk(types.get(name)!, fieldPath, depth + 1);
      }
    }
  };
  walk(figures, [], 0);
  return found;
}
