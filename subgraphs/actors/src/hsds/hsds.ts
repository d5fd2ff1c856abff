import { Request, Response, Router } from 'express';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { AREA_CODE_PATTERN, AreaScope, selfAndAncestors, swedishQuerySql } from '@samverkan/federation';
import { Authenticate, ErrorCode, HttpError, isSignedIn, isUuid, readOnlyApi, Viewer } from '@samverkan/platform';
import { Actor } from '../registry/actor';
import { actorNotArchivedSql } from '../registry/archiving';
import { Area } from '../areas/area';
import { namedRegistryAreaFilter } from '../areas/named-areas';
import { ContactFunction, ContactFunctionHolder } from '../contact-functions/contact-function';
import { publicContactOf } from '../contact-functions/public-contact';
import {
  areaLocation,
  contact,
  fullOrganization,
  fullService,
  HSDS_VERSION,
  HsdsObject,
  isPlaceLike,
  organization,
  service as serviceSummary,
  venueLocation,
} from './hsds.mapping';
import { Service } from '../services/service';
import { Venue } from '../venues/venue';

/**
 * The registry as an Open Referral HSDS 3 API (read-only), beside `/graphql`:
 *
 *   GET /hsds                      what this API is (HSDS version)
 *   GET /hsds/organizations        organisations, a page at a time (`page`, `per_page`, `area`, `search`, `full`)
 *   GET /hsds/organizations/{id}   one organisation with its services, locations and contacts
 *   GET /hsds/services             services, a page at a time (`page`, `per_page`, `area`, `organization_id`, `search`, `modified_after`, `full`)
 *   GET /hsds/services/{id}        one service with its areas, locations and organisation
 *
 * The same access rules as GraphQL: the registry is public, but contact details are not: contacts
 * (contact functions with their phones and e-mail) are exported to signed-in parties only, except
 * each organisation's public contact (the function and channels it chose to publish), which is
 * exported to everyone. A token is verified as for GraphQL; a refused token is 401, never
 * downgraded to the public.
 */
export function hsdsRouter(dataSource: DataSource, authenticate: Authenticate): Router {
  const exporter = (res: Response) => new HsdsExport(dataSource, res.locals.viewer as Viewer);
  return readOnlyApi('/hsds', 'HSDS API', authenticate, (router) => {
    router.get('/hsds', (_req, res) => {
      res.json({ version: HSDS_VERSION, profile: 'https://docs.openreferral.org/en/latest/', openapi_url: 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json' });
    });
    router.get('/hsds/organizations', async (req, res) => {
      res.json(await exporter(res).organizations(listQuery(req)));
    });
    router.get('/hsds/organizations/:id', async (req, res) => {
      res.json(await exporter(res).organization(req.params.id));
    });
    router.get('/hsds/services', async (req, res) => {
      res.json(await exporter(res).services(listQuery(req)));
    });
    router.get('/hsds/services/:id', async (req, res) => {
      res.json(await exporter(res).service(req.params.id));
    });
  });
}


export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 500;

interface ListQuery {
  page: number;
  perPage: number;
  area?: string;
  search?: string;
  organizationId?: string;
  modifiedAfter?: Date;
  full: boolean;
}

/** The query parameters of a list endpoint, checked: malformed values are 400, not ignored. */
function listQuery(req: Request): ListQuery {
  const text = (name: string): string | undefined => {
    const value = req.query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new HttpError(400, ErrorCode.BAD_USER_INPUT, `Give ${name} once`);
    // No text column can hold NUL: refused here, not by PostgreSQL.
    if (value.includes('\u0000')) throw new HttpError(400, ErrorCode.BAD_USER_INPUT, `${name} may not contain NUL characters`);
    return value;
  };
  const integer = (name: string, fallback: number, max: number) => {
    const value = text(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
      throw new HttpError(400, ErrorCode.BAD_USER_INPUT, `${name} must be a whole number from 1 to ${max}`);
    }
    return Number(value);
  };
  const area = text('area');
  if (area !== undefined && !AREA_CODE_PATTERN.test(area)) {
    throw new HttpError(400, ErrorCode.BAD_USER_INPUT, 'area must be an area code, e.g. "SE", "01", "0180" or "0180-rinkeby-kista"');
  }
  const search = text('search');
  if (search !== undefined && search.length > 200) throw new HttpError(400, ErrorCode.BAD_USER_INPUT, 'search must be at most 200 characters');
  const organizationId = text('organization_id');
  if (organizationId !== undefined && !isUuid(organizationId)) throw new HttpError(400, ErrorCode.BAD_USER_INPUT, 'organization_id must be a UUID');
  const modified = text('modified_after');
  const modifiedAfter = modified === undefined ? undefined : new Date(modified);
  if (modifiedAfter && Number.isNaN(modifiedAfter.getTime())) {
    throw new HttpError(400, ErrorCode.BAD_USER_INPUT, 'modified_after must be a date-time, e.g. 2025-01-31T00:00:00Z');
  }
  const format = text('format');
  if (format !== undefined && format !== 'json') throw new HttpError(400, ErrorCode.BAD_USER_INPUT, 'format must be json (ndjson is not offered)');
  const full = text('full') ?? text('full_service');
  if (full !== undefined && full !== 'true' && full !== 'false') throw new HttpError(400, ErrorCode.BAD_USER_INPUT, 'full must be true or false');
  return {
    page: integer('page', 1, 1_000_000),
    perPage: integer('per_page', DEFAULT_PER_PAGE, MAX_PER_PAGE),
    area,
    search,
    organizationId,
    modifiedAfter,
    full: full === 'true',
  };
}

/** An HSDS API page (the `Page` schema of the HSDS OpenAPI description) of `contents`. */
function page(contents: HsdsObject[], total: number, { page: number, perPage }: ListQuery) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: number,
    size: contents.length,
    first_page: number === 1,
    last_page: number >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/**
 * One caller's export: lists and records in HSDS form. Whatever the page size, a page is built in a
 * fixed number of statements (the page and its count, then one per kind of related record).
 */
class HsdsExport {
  constructor(
    private readonly db: DataSource,
    private readonly viewer: Viewer,
  ) {}

  /** Whether the caller may see contact details (any signed-in party of the network). */
  private get seesContacts() {
    return isSignedIn(this.viewer);
  }

  async organizations(query: ListQuery) {
    // Archived actors are left out of the lists (registry/archiving.ts), not of lookups by id.
    const list = this.db.getRepository(Actor).createQueryBuilder('actor').where(actorNotArchivedSql('actor.id'));
    if (query.area) {
      const [area, parameters] = namedRegistryAreaFilter('aa.area_code', query.area, AreaScope.WITHIN, 'area');
      list.andWhere(`EXISTS (SELECT 1 FROM actor_areas aa WHERE aa.actor_id = actor.id AND ${area})`, parameters);
    }
    if (query.search) list.andWhere(`actor.search_vector @@ ${swedishQuerySql(':search')}`, { search: query.search });
    const [actors, total] = await pageOf(list, 'actor', query);
    return page(query.full ? await this.fullOrganizations(actors) : actors.map(organization), total, query);
  }

  async organization(id: string) {
    const actor = isUuid(id) ? await this.db.getRepository(Actor).findOneBy({ id }) : null;
    if (!actor) throw new HttpError(404, ErrorCode.NOT_FOUND, `Organization ${id} was not found`);
    return (await this.fullOrganizations([actor]))[0];
  }

  async services(query: ListQuery) {
    const list = this.db.getRepository(Service).createQueryBuilder('service').where(actorNotArchivedSql('service.actor_id'));
    if (query.area) {
      const [area, parameters] = namedRegistryAreaFilter('sa.area_code', query.area, AreaScope.WITHIN, 'area');
      list.andWhere(`EXISTS (SELECT 1 FROM service_areas sa WHERE sa.service_id = service.id AND ${area})`, parameters);
    }
    if (query.organizationId) list.andWhere('service.actor_id = :organizationId', { organizationId: query.organizationId });
    if (query.search) list.andWhere(`service.search_vector @@ ${swedishQuerySql(':search')}`, { search: query.search });
    if (query.modifiedAfter) list.andWhere('service.updated_at >= :modifiedAfter', { modifiedAfter: query.modifiedAfter });
    const [services, total] = await pageOf(list, 'service', query);
    return page(query.full ? await this.fullServices(services) : services.map(serviceSummary), total, query);
  }

  async service(id: string) {
    const record = isUuid(id) ? await this.db.getRepository(Service).findOneBy({ id }) : null;
    if (!record) throw new HttpError(404, ErrorCode.NOT_FOUND, `Service ${id} was not found`);
    return (await this.fullServices([record]))[0];
  }

  /** Whole organisations, each with all its services. */
  private async fullOrganizations(actors: Actor[]): Promise<HsdsObject[]> {
    const ids = actors.map((actor) => actor.id);
    const services = ids.length ? await this.db.getRepository(Service).find({ where: { actorId: In(ids) }, order: { name: 'ASC', id: 'ASC' } }) : [];
    const related = await this.related(actors, services);
    return actors.map((actor) => {
      const own = services.filter((s) => s.actorId === actor.id).map((s) => related.service(s));
      // Where the organisation is: its venues, the places it works in, and where its services are delivered.
      const locations = new Map<string, HsdsObject>();
      for (const location of related.venuesOf(actor.id)) locations.set(location.id as string, location);
      for (const area of related.areasOfActor(actor.id).filter(isPlaceLike)) locations.set(related.areaLocation(area).id as string, related.areaLocation(area));
      for (const s of own) for (const link of s.service_at_locations as HsdsObject[]) locations.set(link.location_id as string, link.location as HsdsObject);
      return fullOrganization(actor, {
        services: own,
        locations: [...locations.values()],
        contacts: related.contactsOf(actor.id),
      });
    });
  }

  /** Whole services, each with its organisation's one-to-one fields. */
  private async fullServices(services: Service[]): Promise<HsdsObject[]> {
    const actorIds = [...new Set(services.map((s) => s.actorId))];
    const actors = new Map((actorIds.length ? await this.db.getRepository(Actor).findBy({ id: In(actorIds) }) : []).map((a) => [a.id, a]));
    const related = await this.related([...actors.values()], services);
    return services.map((s) => ({ ...related.service(s), organization: organization(actors.get(s.actorId)!) }));
  }

  /**
   * Everything the given actors and services refer to, in one statement per kind of record: the
   * actors' areas, venues and contact functions (for the public: their public contacts and those
   * functions' holders, whose names a published channel must not contain), the services' areas,
   * and the areas all of these name. Returns the pieces, mapped to HSDS.
   */
  private async related(actors: Actor[], services: Service[]) {
    const actorIds = actors.map((actor) => actor.id);
    const publicFunctionIds = actors.flatMap((actor) => (actor.publicContactFunctionId && !actor.archivedAt ? [actor.publicContactFunctionId] : []));
    const serviceIds = services.map((s) => s.id);
    const none = Promise.resolve([]);
    const [actorAreas, serviceAreas, venues, functions, publicHolders] = await Promise.all([
      actorIds.length
        ? (this.db.query('SELECT actor_id, area_code FROM actor_areas WHERE actor_id = ANY($1::uuid[]) ORDER BY area_code', [actorIds]) as Promise<
            Array<{ actor_id: string; area_code: string }>
          >)
        : none,
      serviceIds.length
        ? (this.db.query('SELECT service_id, area_code FROM service_areas WHERE service_id = ANY($1::uuid[]) ORDER BY area_code', [serviceIds]) as Promise<
            Array<{ service_id: string; area_code: string }>
          >)
        : none,
      actorIds.length ? this.db.getRepository(Venue).find({ where: { actorId: In(actorIds) }, order: { name: 'ASC', id: 'ASC' } }) : none,
      // Contact functions are contact details: for the public, only the published ones are read.
      this.seesContacts && actorIds.length
        ? this.db.getRepository(ContactFunction).find({ where: { actorId: In(actorIds) }, order: { name: 'ASC', id: 'ASC' } })
        : !this.seesContacts && publicFunctionIds.length
          ? this.db.getRepository(ContactFunction).findBy({ id: In(publicFunctionIds) })
          : none,
      !this.seesContacts && publicFunctionIds.length ? this.db.getRepository(ContactFunctionHolder).findBy({ functionId: In(publicFunctionIds) }) : none,
    ]);
    const codes = new Set([...actorAreas.map((r) => r.area_code), ...serviceAreas.map((r) => r.area_code)]);
    for (const venue of venues) codes.add(venue.areaCode).add(venue.areaCode.slice(0, 2));
    const areas = new Map((codes.size ? await this.db.getRepository(Area).findBy({ code: In([...codes]) }) : []).map((a) => [a.code, a]));
    // What the caller may see of each function: all of it, or the published channels of a public contact.
    const actorsById = new Map(actors.map((actor) => [actor.id, actor]));
    const shown = (fn: ContactFunction): ContactFunction | undefined => {
      if (this.seesContacts) return fn;
      const actor = actorsById.get(fn.actorId);
      if (actor?.publicContactFunctionId !== fn.id) return undefined;
      const published = publicContactOf(fn, actor.publicContactChannels, publicHolders.filter((h) => h.functionId === fn.id));
      return published ? Object.assign(new ContactFunction(), fn, { channels: published.channels }) : undefined;
    };
    const functionsById = new Map<string, ContactFunction>();
    for (const fn of functions) {
      const visible = shown(fn);
      if (visible) functionsById.set(fn.id, visible);
    }

    const venueLocations = new Map(
      venues.map((venue) => {
        const fn = venue.contactFunctionId ? functionsById.get(venue.contactFunctionId) : undefined;
        const contacts = fn ? [contact(fn)] : this.seesContacts ? [] : undefined;
        return [venue.id, venueLocation(venue, { county: areas.get(venue.areaCode.slice(0, 2)), contacts })];
      }),
    );
    const areaLocations = new Map<string, HsdsObject>();
    const areaLocationOf = (area: Area) => {
      if (!areaLocations.has(area.code)) areaLocations.set(area.code, areaLocation(area));
      return areaLocations.get(area.code)!;
    };
    const areasOf = <K extends string>(rows: Array<Record<K | 'area_code', string>>, key: K, id: string) =>
      rows.filter((row) => row[key] === id).flatMap((row) => areas.get(row.area_code) ?? []);

    return {
      areasOfActor: (actorId: string) => areasOf(actorAreas, 'actor_id', actorId),
      venuesOf: (actorId: string) => venues.filter((v) => v.actorId === actorId).map((v) => venueLocations.get(v.id)!),
      /** The organisation's contacts as the caller may see them; undefined (left out) for the public without a public contact. */
      contactsOf: (actorId: string) => {
        const visible = functions.filter((fn) => fn.actorId === actorId).flatMap((fn) => functionsById.get(fn.id) ?? []);
        return this.seesContacts || visible.length ? visible.map(contact) : undefined;
      },
      areaLocation: areaLocationOf,
      /**
       * A whole service. It is delivered at its actor's venues in its areas; without such a venue,
       * at the points of its municipalities and districts, so that maps and proximity searches find it.
       */
      service: (record: Service) => {
        const serviceAreaList = areasOf(serviceAreas, 'service_id', record.id);
        const offeredIn = new Set(serviceAreaList.map((area) => area.code));
        const atVenues = venues
          .filter((venue) => venue.actorId === record.actorId && selfAndAncestors(venue.areaCode).some((code) => offeredIn.has(code)))
          .map((venue) => venueLocations.get(venue.id)!);
        const locations = atVenues.length ? atVenues : serviceAreaList.filter(isPlaceLike).map(areaLocationOf);
        return fullService(record, { areas: serviceAreaList, locations });
      },
    };
  }
}

/** One page of a list ordered by name (ties by id), and the number of records over all pages. */
function pageOf<T extends { name: string }>(list: SelectQueryBuilder<T & { id: string }>, alias: string, { page: number, perPage }: ListQuery) {
  return list
    .orderBy(`${alias}.name`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .skip((number - 1) * perPage)
    .take(perPage)
    .getManyAndCount();
}
