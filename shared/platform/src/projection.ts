import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { EntityMetadata, FindOptionsSelect } from 'typeorm';

/** The columns (as entity properties) that fields resolved from other columns read, by field name. */
export type FieldColumns = Record<string, readonly string[]>;

/** The names of the fields asked for on a list's items, through fragments; `__typename` needs no column. */
function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') names.add(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}

/** The field names of `type` that a type-graphql field resolver answers. */
function resolvedFieldsOf(type: unknown): Set<string> {
  return new Set(getMetadataStorage().fieldResolvers.filter((resolver) => resolver.getObjectType?.() === type).map((resolver) => resolver.schemaName));
}

const cache = new WeakMap<readonly FieldNode[], string[] | undefined>();

/**
 * The columns a list's records need for the fields asked for (e.g. an area overview's
 * `activities { title kind startsOn }`: four of forty-four), as entity property names for TypeORM's
 * `select`, or undefined for whole records. A field that is a column needs that column; one listed in
 * `fieldColumns` needs those; any other field (a field resolver or a getter not listed, a field
 * added later) needs the whole record, so a new field can never see a record with a column missing.
 * The primary key and `always` are always read. Kept per query document's field, so the fifty
 * parents of a nested list work it out once.
 */
export function columnsFor(info: GraphQLResolveInfo, metadata: EntityMetadata, { fieldColumns = {}, always = [] }: { fieldColumns?: FieldColumns; always?: readonly string[] } = {}): string[] | undefined {
  if (cache.has(info.fieldNodes)) return cache.get(info.fieldNodes);
  const columns = new Set(metadata.columns.map((column) => column.propertyName));
  const resolved = resolvedFieldsOf(metadata.target);
  const needed = new Set([...metadata.primaryColumns.map((column) => column.propertyName), ...always]);
  let whole = false;
  for (const field of selectedFieldNames(info)) {
    const listed = fieldColumns[field];
    if (listed) listed.forEach((column) => needed.add(column));
    else if (columns.has(field) && !resolved.has(field)) needed.add(field);
    else whole = true;
  }
  const result = whole ? undefined : [...needed].sort();
  cache.set(info.fieldNodes, result);
  return result;
}

/** TypeORM find options reading only `columns` (from `columnsFor`), or whole records when undefined. */
export function selectOnly<T>(columns: readonly string[] | undefined): { select?: FindOptionsSelect<T> } {
  return columns ? { select: Object.fromEntries(columns.map((column) => [column, true])) as FindOptionsSelect<T> } : {};
}
