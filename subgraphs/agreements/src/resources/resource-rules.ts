import { EntityManager } from 'typeorm';
import { assertPeriod, assertNoPersonalIdentityNumbers } from '@samverkan/federation';
import { badInput, FieldProblem } from '@samverkan/platform';
import { Agreement, AgreementStatus } from '../agreement/agreement';
import { AgreementResource, ResourceKind } from './agreement-resource';
import { AgreementResourceInput, MAX_RESOURCES } from './resource.types';

/** A decimal amount as numeric(14, 2) holds it: up to 12 digits before the point, 2 after. */
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
/** Hours as numeric(10, 1) holds them. */
const MAX_HOURS = 999_999_999.9;
/** The ISO 4217 codes the runtime knows (Node's ICU list of currencies). */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** The agreement's period as far as it is known: the bounds a resource's own period must keep within. */
type Period = Pick<Agreement, 'startsOn' | 'endsOn'>;

/** Which bound of the agreement's period a resource breaks, and with which of its own fields. */
interface Outside {
  /** The resource's field: `startsOn` or `endsOn`. */
  resourceField: 'startsOn' | 'endsOn';
  /** The agreement's field that bounds it. */
  agreementField: 'startsOn' | 'endsOn';
}

/**
 * Whether a resource's period (null ends: the agreement's) lies within the agreement's: the bound it
 * breaks, or null. An unknown or open end of the agreement bounds nothing.
 */
function outsidePeriod(resource: Pick<AgreementResource, 'startsOn' | 'endsOn'>, { startsOn, endsOn }: Period): Outside | null {
  for (const field of ['startsOn', 'endsOn'] as const) {
    const day = resource[field];
    if (day && startsOn && day < startsOn) return { resourceField: field, agreementField: 'startsOn' };
    if (day && endsOn && day > endsOn) return { resourceField: field, agreementField: 'endsOn' };
  }
  return null;
}

/**
 * The resource lines as they will be stored, checked against the agreement (after any change) and its
 * named parties: BAD_USER_INPUT naming the first line and field at fault (`resources[2].endsOn`).
 * Venues are checked against the registry by the caller, before the transaction.
 */
export function resourceRows(inputs: AgreementResourceInput[], agreement: Agreement, partyIds: readonly string[]): Array<Omit<AgreementResource, 'id'>> {
  if (inputs.length > MAX_RESOURCES) {
    throw badInput(`An agreement holds at most ${MAX_RESOURCES} resources`, [{ field: 'resources', message: `at most ${MAX_RESOURCES}` }]);
  }
  return inputs.map((input, position) => {
    const at = `resources[${position}]`;
    const refuse = (field: string, message: string): never => {
      throw badInput(`${at}.${field}: ${message}`, [{ field: `${at}.${field}`, message }]);
    };
    assertNoPersonalIdentityNumbers([{ field: `${at}.description`, text: input.description }]);
    const partyId = input.partyId.toLowerCase();
    if (!partyIds.includes(partyId)) refuse('partyId', 'not a party to this agreement');
    const given = { amount: input.amount, currency: input.currency, hours: input.hours, venueId: input.venueId };
    const owners: Record<keyof typeof given, ResourceKind> = { amount: ResourceKind.MONEY, currency: ResourceKind.MONEY, hours: ResourceKind.STAFF_TIME, venueId: ResourceKind.PREMISES };
    for (const [field, kind] of Object.entries(owners)) {
      if (input.kind !== kind && given[field as keyof typeof given] != null) refuse(field, `only for ${kind}`);
    }
    if (input.kind === ResourceKind.MONEY) {
      if (!input.currency || !CURRENCIES.has(input.currency)) refuse('currency', 'an ISO 4217 currency code, e.g. SEK');
      if (input.amount == null && agreement.status !== AgreementStatus.DRAFT) refuse('amount', 'required unless the agreement is a DRAFT');
      if (input.amount != null && !AMOUNT.test(input.amount)) refuse('amount', 'a decimal of at least 0 with at most 12 digits before the point and 2 after, e.g. "12500.50"');
    }
    if (input.kind === ResourceKind.STAFF_TIME) {
      const hours = input.hours;
      if (hours == null || !(hours > 0) || hours > MAX_HOURS) refuse('hours', 'more than 0 hours (at most 999999999.9)');
      if (Math.abs(Math.round(hours! * 10) - hours! * 10) > 1e-6) refuse('hours', 'at most one decimal');
    }
    if (input.kind === ResourceKind.PREMISES && !input.venueId) refuse('venueId', 'required for PREMISES');
    assertPeriod(input.startsOn, input.endsOn, { start: `${at}.startsOn`, end: `${at}.endsOn` });
    const row = {
      agreementId: agreement.id,
      actorId: partyId,
      kind: input.kind,
      description: input.description ?? null,
      amount: input.amount ?? null,
      currency: input.currency ?? null,
      hours: input.hours == null ? null : String(input.hours),
      venueId: input.venueId?.toLowerCase() ?? null,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      position,
    };
    const outside = outsidePeriod(row, agreement);
    if (outside) refuse(outside.resourceField, "outside the agreement's period");
    return row;
  });
}

/**
 * The hook of `updateAgreement`: the agreement as it would be after a change (`next`, with the
 * parties it would name) must still hold its resources: every resource period within its period,
 * every money amount agreed once it leaves DRAFT, every committing organisation still a party.
 * BAD_USER_INPUT naming the agreement's field otherwise; checked inside the update's transaction.
 */
export async function assertResourcesStillFit(manager: EntityManager, next: Agreement, partyIds: readonly string[] | undefined): Promise<void> {
  const resources = await manager.getRepository(AgreementResource).find({ where: { agreementId: next.id }, order: { position: 'ASC' } });
  const problems: FieldProblem[] = [];
  const first = (field: string, message: string) => problems.some((p) => p.field === field) || problems.push({ field, message });
  resources.forEach((resource, i) => {
    const outside = outsidePeriod(resource, next);
    if (outside) first(outside.agreementField, `resources[${i}] (${resource.kind}) would lie outside the period; change or remove it first`);
    if (resource.kind === ResourceKind.MONEY && resource.amount === null && next.status !== AgreementStatus.DRAFT) {
      first('status', `resources[${i}] (MONEY) has no amount yet; only a DRAFT may leave it open`);
    }
    if (partyIds && !partyIds.includes(resource.actorId)) first('parties', `resources[${i}] is committed by ${resource.actorId}, which would no longer be a party`);
  });
  if (problems.length) throw badInput(`The change does not fit the agreement's resources: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
}
