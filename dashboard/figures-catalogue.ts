import { readFileSync } from 'node:fs';
import { FieldDefinitionNode, Kind, ObjectTypeDefinitionNode, parse, TypeNode } from 'graphql';

/**
 * The figures the dashboard can show, read at build time from the gateway's committed supergraph
 * (`gateway/supergraph.graphql`): every `Count` reachable from `Figures` through object fields that
 * need no arguments, e.g. `actors.total` or `agreements.active`. The bundle asks for exactly these,
 * so a figure added to a subgraph appears on the dashboard after a rebuild, and one removed never
 * makes its queries fail. Production gateways refuse introspection, hence the build-time reading.
 */
export interface FigureDefinition {
  /** Dotted path below `Figures`, e.g. "actors.total". */
  id: string;
  path: string[];
  /** The schema's description of the Count field (English), for a tooltip. */
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
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) types.set(definition.name.value, definition);
  }
  const figures = types.get('Figures');
  if (!figures) return [];
  const found: FigureDefinition[] = [];
  const walk = (type: ObjectTypeDefinitionNode, path: string[], depth: number) => {
    for (const field of type.fields ?? []) {
      if (needsArguments(field)) continue;
      const { name, list } = named(field.type);
      if (list) continue;
      const fieldPath = [...path, field.name.value];
      if (name === 'Count') {
        found.push({ id: fieldPath.join('.'), path: fieldPath, description: field.description?.value.trim() ?? '' });
      } else if (depth < 3 && types.has(name) && name !== 'Area' && name !== 'Figures') {
        walk(types.get(name)!, fieldPath, depth + 1);
      }
    }
  };
  walk(figures, [], 0);
  return found;
}
