import { randomUUID } from 'node:crypto';
import { validate } from 'class-validator';
import { CsvError, parse } from 'csv-parse/sync';
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AREA_CODE_PATTERN, ChangeAction, ownerForNewRecord, recordChange, TargetGroup } from '@samverkan/federation';
import { badInput, FieldProblem, SubgraphContext, Viewer } from '@samverkan/platform';
import { Actor, ActorArea, ActorKind } from '../registry/actor';
import { CreateActorInput } from '../registry/actor.inputs';
import { ActorsLoaders } from '../loaders';
import { unknownAreaCodes } from '../areas/area-links';
import { normaliseOrganisationNumber, ORGANISATION_NUMBER } from '../registry/organisation-number';
import { describeHolder, Holder, holdersOf, withOrganisationNumberKey } from '../registry/natural-key';
import { Service, ServiceArea, ServiceCategory } from '../services/service';
import { CreateServiceInput } from '../services/service.inputs';

type Context = SubgraphContext<ActorsLoaders>;

/** At most this many rows (besides the header) per import. */
export const MAX_IMPORT_ROWS = 5000;
/** At most this many bytes (UTF-8) per import. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const ACTOR_COLUMNS = ['name', 'organisation_number', 'kind', 'area_codes', 'website', 'description'] as const;
const SERVICE_COLUMNS = ['service_name', 'service_category', 'service_description', 'target_groups', 'age_min', 'age_max'] as const;
type Column = (typeof ACTOR_COLUMNS)[number] | (typeof SERVICE_COLUMNS)[number];
const COLUMNS: readonly Column[] = [...ACTOR_COLUMNS, ...SERVICE_COLUMNS];

/** Which CSV column each input property comes from, so problems name the column the file has. */
const ACTOR_COLUMN_OF: Record<string, Column> = {
  name: 'name',
  organisationNumber: 'organisation_number',
  kind: 'kind',
  areaCodes: 'area_codes',
  website: 'website',
  description: 'description',
};
const SERVICE_COLUMN_OF: Record<string, Column> = {
  name: 'service_name',
  category: 'service_category',
  description: 'service_description',
  targetGroups: 'target_groups',
  ageMin: 'age_min',
  ageMax: 'age_max',
  areaCodes: 'area_codes',
};

export enum ImportRowStatus {
  VALID = 'VALID',
  INVALID = 'INVALID',
  DUPLICATE = 'DUPLICATE',
}

registerEnumType(ImportRowStatus, {
  name: 'ImportRowStatus',
  description: 'The outcome of validating one row of an import.',
  valuesConfig: {
    VALID: { description: 'The row can be imported as it is.' },
    INVALID: { description: 'The row breaks a rule (missing or malformed value, unknown code); `problems` says which.' },
    DUPLICATE: {
      description: 'The row is otherwise valid, but its organisation number is already registered or appears on an earlier line of the file.',
    },
  },
});

@ObjectType({ description: 'What is wrong with one value of a row.' })
export class ImportProblem implements FieldProblem {
  @Field({ description: 'The column of the file, e.g. "organisation_number"; "csv" for the row as a whole.' })
  field: string;

  @Field({ description: 'What is wrong, in English.' })
  message: string;
}

@ObjectType({ description: 'The validation result of one row of an association register.' })
export class AssociationImportRow {
  @Field(() => Int, { description: 'Line of the file where the row starts (the header is line 1).' })
  line: number;

  @Field(() => ImportRowStatus, { description: 'Whether the row is valid, invalid or a duplicate.' })
  status: ImportRowStatus;

  @Field(() => String, { nullable: true, description: 'The name given on the row, if any.' })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation number given on the row, as NNNNNN-NNNN where it has ten digits.' })
  organisationNumber: string | null;

  @Field(() => [ImportProblem], { description: 'Every problem found on the row; empty when it is valid.' })
  problems: ImportProblem[];

  @Field(() => ID, { nullable: true, description: 'The actor created from the row; null unless the file was imported.' })
  actorId: string | null;

  @Field(() => ID, { nullable: true, description: 'The service created from the row, when it had one; null unless the file was imported.' })
  serviceId: string | null;
}

@ObjectType({
  description:
    'The result of importing an association register: every row with its problems. A file is imported whole or not at all: if any row is invalid or a duplicate, nothing is written.',
})
export class AssociationImportReport {
  @Field({ description: 'True when the file was only validated (`dryRun`).' })
  dryRun: boolean;

  @Field(() => Int, { description: 'Rows in the file, besides the header (empty lines are skipped).' })
  rowCount: number;

  @Field(() => Int, { description: 'Rows that could be imported.' })
  validCount: number;

  @Field(() => Int, { description: 'Rows that break a rule.' })
  invalidCount: number;

  @Field(() => Int, { description: 'Rows whose organisation number is already registered or repeated in the file.' })
  duplicateCount: number;

  @Field(() => Int, { description: 'Actors created: all rows, or 0 when any row is not valid or on a dry run.' })
  imported: number;

  @Field(() => Int, { description: 'Services created with them.' })
  importedServices: number;

  @Field(() => [AssociationImportRow], { description: 'Every row, in the order of the file.' })
  rows: AssociationImportRow[];
}

/** The values of a row, checked one by one; what the database must confirm is checked later for all rows at once. */
interface CheckedRow {
  report: AssociationImportRow;
  problems: ImportProblem[];
  duplicates: ImportProblem[];
  actor: { name: string; kind: ActorKind; organisationNumber?: string; areaCodes: string[]; website?: string; description?: string };
  service?: { name: string; category: ServiceCategory; description?: string; targetGroups: TargetGroup[]; ageMin?: number; ageMax?: number };
}

@Resolver()
export class AssociationImportResolver {
  @Mutation(() => AssociationImportReport, {
    description: `Imports an association register (föreningsregister) as CSV: UTF-8, a header row, separated by ";" or ",". Columns: name (required), organisation_number (NNNNNN-NNNN with a valid check digit), kind (an ActorKind; default CIVIL_SOCIETY), area_codes (separated by spaces or "|"), website, description, and optionally one service per row: service_name, service_category (a ServiceCategory), service_description, target_groups (TargetGroup values separated by spaces or "|"), age_min, age_max; the service is offered in the row's areas. Every row is validated; if any row is invalid or a duplicate, nothing is imported and the report says which rows and why. Your organisation becomes the owner of the new entries, and each is recorded in the change log. At most ${MAX_IMPORT_ROWS} rows and 2 MB per file. Coordinators only.`,
  })
  importAssociations(
    @Arg('csv', { description: 'The file contents.' }) csv: string,
    @Arg('dryRun', { defaultValue: false, description: 'Only validate and report; write nothing.' }) dryRun: boolean,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<AssociationImportReport> {
    const ownerId = ownerForNewRecord(viewer);
    const { header, records } = readCsv(csv);
    // A number registered by createActor while the file is checked is refused by the unique index: the same refusal, naming the actor.
    const write = () =>
      dataSource.transaction(async (manager) => {
        // One import at a time, so two files cannot both register the same organisation number.
        if (!dryRun) await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['actors:association-import']);
        const rows = await Promise.all(records.map(({ line, values }) => checkRow(header, values, line)));
        await checkAgainstRegistry(manager, rows);
        const report = summarise(rows, dryRun);
        if (dryRun || report.validCount < rows.length) return report;
        await insertRows(manager, viewer, ownerId, rows);
        report.imported = rows.length;
        report.importedServices = rows.filter((row) => row.service).length;
        return report;
      });
    return withOrganisationNumberKey(dataSource, write, 'organisation_number');
  }
}

/** The header (lower-cased column names) and the data rows with the line each starts on; refuses what is not a usable file. */
export function readCsv(csv: string): { header: Column[]; records: Array<{ line: number; values: string[] }> } {
  if (Buffer.byteLength(csv, 'utf8') > MAX_IMPORT_BYTES) {
    throw badInput('The file is larger than 2 MB; split it into several imports', [{ field: 'csv', message: 'at most 2 MB' }]);
  }
  // A file in another encoding (e.g. Windows-1252 from a spreadsheet) read as UTF-8 has replacement characters for å, ä, ö.
  if (csv.includes('\uFFFD')) {
    throw badInput('The file is not UTF-8: save it as "CSV UTF-8" and import it again', [{ field: 'csv', message: 'not UTF-8' }]);
  }
  // One kind of line break, so line numbers are right whatever system wrote the file.
  const text = csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = text.split('\n', 1)[0];
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    parsed = parse(text, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw badInput(`The file is not valid CSV: ${error.message}`, [{ field: 'csv', message: error.message }]);
  }
  const [head, ...rest] = parsed;
  if (!head) throw badInput('The file is empty; it needs a header row and at least one row', [{ field: 'csv', message: 'empty' }]);
  const header = head.record.map((name) => name.trim().toLowerCase());
  const unknown = header.filter((name) => !COLUMNS.includes(name as Column));
  const repeated = header.filter((name, index) => header.indexOf(name) !== index);
  if (!header.includes('name') || unknown.length || repeated.length) {
    const problems = [
      ...(header.includes('name') ? [] : [{ field: 'csv', message: 'the header has no "name" column' }]),
      ...unknown.map((name) => ({ field: 'csv', message: `unknown column "${name}"` })),
      ...repeated.map((name) => ({ field: 'csv', message: `column "${name}" appears more than once` })),
    ];
    throw badInput(`The header row is not usable: ${problems.map((p) => p.message).join('; ')}. Columns: ${COLUMNS.join(', ')}`, problems);
  }
  const records = rest
    // Rows of nothing but separators (as spreadsheets export) are empty lines too.
    .filter(({ record }) => record.some((value) => value.trim() !== ''))
    // A record ends on `info.lines`; it starts as many lines earlier as its quoted values hold line breaks.
    .map(({ record, info }) => ({ line: info.lines - record.join('').split('\n').length + 1, values: record }));
  if (records.length === 0) throw badInput('The file has a header but no rows', [{ field: 'csv', message: 'no rows' }]);
  if (records.length > MAX_IMPORT_ROWS) {
    throw badInput(`The file has ${records.length} rows; at most ${MAX_IMPORT_ROWS} are imported at a time`, [
      { field: 'csv', message: `at most ${MAX_IMPORT_ROWS} rows` },
    ]);
  }
  return { header: header as Column[], records };
}

/** Checks one row's values by the rules of `createActor` and `createService`, plus the organisation number's check digit. */
async function checkRow(header: Column[], values: string[], line: number): Promise<CheckedRow> {
  const get = (column: Column) => {
    const index = header.indexOf(column);
    const value = index < 0 ? '' : (values[index] ?? '').trim();
    return value === '' ? undefined : value;
  };
  const organisationNumber = mapDefined(get('organisation_number'), normaliseOrganisationNumber);
  const name = get('name');
  const row: CheckedRow = {
    report: { line, status: ImportRowStatus.VALID, name: name ?? null, organisationNumber: organisationNumber ?? null, problems: [], actorId: null, serviceId: null },
    problems: [],
    duplicates: [],
    actor: { name: name ?? '', kind: ActorKind.CIVIL_SOCIETY, organisationNumber, areaCodes: [] },
  };
  const problem = (field: string, message: string) => row.problems.push({ field, message });
  if (values.length !== header.length) {
    problem('csv', `the row has ${values.length} values but the header has ${header.length} columns (is a value with the separator missing quotes?)`);
    // The values may be shifted: check nothing else, not even duplicates.
    row.actor.organisationNumber = undefined;
    return row;
  }

  if (!name) problem('name', 'name is required');
  const kind = enumValue(ActorKind, get('kind') ?? ActorKind.CIVIL_SOCIETY, 'kind', problem);
  if (kind) row.actor.kind = kind;
  row.actor.areaCodes = [...new Set(listOf(get('area_codes')))];
  row.actor.website = get('website');
  row.actor.description = get('description');
  const actorInput = Object.assign(new CreateActorInput(), withoutUndefined({ ...row.actor, areaCodes: row.actor.areaCodes.length ? row.actor.areaCodes : undefined }));
  row.problems.push(...(await problemsOf(actorInput, ACTOR_COLUMN_OF)));

  if (SERVICE_COLUMNS.some((column) => get(column) !== undefined)) {
    const serviceName = get('service_name');
    const category = mapDefined(get('service_category'), (value) => enumValue(ServiceCategory, value, 'service_category', problem));
    const targetGroups = [...new Set(listOf(get('target_groups')).map((value) => enumValue(TargetGroup, value, 'target_groups', problem)))];
    const ageMin = age(get('age_min'), 'age_min', problem);
    const ageMax = age(get('age_max'), 'age_max', problem);
    if (!serviceName) problem('service_name', 'service_name is required when the row has a service');
    if (!get('service_category')) problem('service_category', 'service_category is required when the row has a service');
    if (!get('target_groups')) problem('target_groups', 'target_groups is required when the row has a service');
    if (row.actor.areaCodes.length === 0) problem('area_codes', "a row with a service needs area_codes: the service is offered in the association's areas");
    if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) problem('age_max', 'age_max must not be below age_min');
    const service = { name: serviceName ?? '', category: category!, description: get('service_description'), targetGroups: targetGroups as TargetGroup[], ageMin, ageMax };
    // Areas were checked with the actor; an actor id is made on import.
    const serviceInput = Object.assign(new CreateServiceInput(), withoutUndefined({ ...service, category: undefined, targetGroups: targetGroups.length ? service.targetGroups : undefined }));
    row.problems.push(...(await problemsOf(serviceInput, SERVICE_COLUMN_OF)));
    row.service = service;
  }
  return row;
}

/** Problems the registry itself reveals, for all rows in two statements: unknown areas and organisation numbers already in use. */
async function checkAgainstRegistry(manager: EntityManager, rows: CheckedRow[]): Promise<void> {
  const unknownCodes = new Set(await unknownAreaCodes(manager, rows.flatMap((row) => row.actor.areaCodes)));
  const numbers = [...new Set(rows.map((row) => row.actor.organisationNumber).filter((n): n is string => !!n && ORGANISATION_NUMBER.test(n)))];
  const registered = new Map<string, Holder>(
    numbers.length ? (await holdersOf(manager, numbers)).map((holder) => [holder.organisationNumber, holder]) : [],
  );
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    // Malformed codes were reported already; only well-formed ones can be unknown.
    const unknown = row.actor.areaCodes.filter((code) => AREA_CODE_PATTERN.test(code) && unknownCodes.has(code));
    if (unknown.length) row.problems.push({ field: 'area_codes', message: `unknown area code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` });
    const number = row.actor.organisationNumber;
    if (!number || !ORGANISATION_NUMBER.test(number)) continue;
    const existing = registered.get(number);
    if (existing) row.duplicates.push({ field: 'organisation_number', message: `${number} is already registered: ${describeHolder(existing)}` });
    const earlier = firstLine.get(number);
    if (earlier !== undefined) row.duplicates.push({ field: 'organisation_number', message: `${number} is also on line ${earlier}` });
    else firstLine.set(number, row.report.line);
  }
}

function summarise(rows: CheckedRow[], dryRun: boolean): AssociationImportReport {
  for (const row of rows) {
    row.report.problems = [...row.problems, ...row.duplicates];
    row.report.status = row.problems.length ? ImportRowStatus.INVALID : row.duplicates.length ? ImportRowStatus.DUPLICATE : ImportRowStatus.VALID;
  }
  const count = (status: ImportRowStatus) => rows.filter((row) => row.report.status === status).length;
  return {
    dryRun,
    rowCount: rows.length,
    validCount: count(ImportRowStatus.VALID),
    invalidCount: count(ImportRowStatus.INVALID),
    duplicateCount: count(ImportRowStatus.DUPLICATE),
    imported: 0,
    importedServices: 0,
    rows: rows.map((row) => row.report),
  };
}

const CHUNK = 500;

/** Writes the actors, their areas, services and service areas, and a change-log entry for each actor and service, in batches. */
async function insertRows(manager: EntityManager, viewer: Viewer, ownerId: string, rows: CheckedRow[]): Promise<void> {
  const actors: Array<Partial<Actor>> = [];
  const actorAreas: ActorArea[] = [];
  const services: Array<Partial<Service>> = [];
  const serviceAreas: ServiceArea[] = [];
  const changes: Array<{ entityType: string; entityId: string; fields: string[] }> = [];
  for (const { report, actor, service } of rows) {
    const id = randomUUID();
    report.actorId = id;
    const { areaCodes, organisationNumber = null, website = null, description = null } = actor;
    actors.push({ id, name: actor.name, kind: actor.kind, organisationNumber, website, description, parentId: null, ownerId, version: 1 });
    actorAreas.push(...areaCodes.map((areaCode) => ({ actorId: id, areaCode })));
    changes.push({ entityType: 'Actor', entityId: id, fields: Object.keys(withoutUndefined({ ...actor, areaCodes: areaCodes.length ? areaCodes : undefined })) });
    if (!service) continue;
    const serviceId = randomUUID();
    report.serviceId = serviceId;
    const { ageMin = null, ageMax = null, description: serviceDescription = null } = service;
    services.push({ id: serviceId, actorId: id, name: service.name, category: service.category, description: serviceDescription, targetGroups: service.targetGroups, ageMin, ageMax, version: 1 });
    serviceAreas.push(...areaCodes.map((areaCode) => ({ serviceId, areaCode })));
    changes.push({ entityType: 'Service', entityId: serviceId, fields: ['actorId', ...Object.keys(withoutUndefined(service)), 'areaCodes'] });
  }
  // Parents before children: actors, then what refers to them.
  await insertInChunks(manager, Actor, actors);
  await insertInChunks(manager, ActorArea, actorAreas);
  await insertInChunks(manager, Service, services);
  await insertInChunks(manager, ServiceArea, serviceAreas);
  for (let start = 0; start < changes.length; start += CHUNK) {
    await recordChange(manager, viewer, changes.slice(start, start + CHUNK).map((change) => ({ ...change, action: ChangeAction.CREATED })));
  }
}

async function insertInChunks<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, values: Array<QueryDeepPartialEntity<T>>) {
  for (let start = 0; start < values.length; start += CHUNK) {
    await manager.createQueryBuilder().insert().into(entity).values(values.slice(start, start + CHUNK)).updateEntity(false).execute();
  }
}

/** class-validator's problems with an input, named by the CSV column they come from. */
async function problemsOf(input: object, columnOf: Record<string, Column>): Promise<ImportProblem[]> {
  // The same options the GraphQL schema validates arguments with.
  const errors = await validate(input, { forbidUnknownValues: false, skipMissingProperties: true });
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => {
      const field = columnOf[error.property] ?? error.property;
      return { field, message: message.startsWith(error.property) ? field + message.slice(error.property.length) : message };
    }),
  );
}

function enumValue<E extends Record<string, string>>(values: E, given: string, column: Column, problem: (field: string, message: string) => void): E[keyof E] | undefined {
  const value = given.trim().toUpperCase();
  if (Object.values(values).includes(value)) return value as E[keyof E];
  problem(column, `${column} "${given}" is not one of ${Object.values(values).join(', ')}`);
  return undefined;
}

function age(given: string | undefined, column: Column, problem: (field: string, message: string) => void): number | undefined {
  if (given === undefined) return undefined;
  if (/^\d{1,3}$/.test(given)) return Number(given);
  problem(column, `${column} must be a whole number of years`);
  return undefined;
}

/** Values separated by spaces or "|". */
const listOf = (value: string | undefined) => (value ?? '').split(/[\s|]+/).filter(Boolean);

const mapDefined = <T, R>(value: T | undefined, map: (value: T) => R): R | undefined => (value === undefined ? undefined : map(value));

const withoutUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
