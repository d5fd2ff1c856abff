import { createHash } from 'node:crypto';
import { getMetadataStorage } from 'type-graphql';
import { inSentence, SWEDISH_LABELS, TargetGroup } from '@samverkan/federation';
import { Actor, ActorKind } from '../registry/actor';
import { Area, AreaKind } from '../areas/area';
import { ContactChannel, ContactChannelKind, ContactFunction } from '../contact-functions/contact-function';
import { Service, ServiceCategory } from '../services/service';
import { Venue } from '../venues/venue';

/**
 * The registry in Open Referral HSDS 3 (https://docs.openreferral.org/): one small, pure function
 * per HSDS object. What a caller may see is decided before these are called (see hsds.ts):
 * contact functions are passed in whole for signed-in callers, and for the public only an
 * organisation's public contact, with its published channels.
 *
 * HSDS wants a UUID for every object. Records of the registry keep theirs; objects the registry
 * does not store as records (an organisation's identifier, a service's area, a phone of a contact
 * function) get a name-based UUID (version 5), the same in every export.
 */

export const HSDS_VERSION = '3.0';

/** Namespace of the name-based UUIDs of this export (a fixed random UUID). */
const NAMESPACE = Buffer.from('3f0c6d2e9b8a4c1d8e7f6a5b4c3d2e1f', 'hex');

/** A UUID (version 5, RFC 9562) from names: the same names always give the same id. */
export function stableId(...names: string[]): string {
  const hash = createHash('sha1').update(NAMESPACE).update(names.join('\u0000')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type HsdsObject = Record<string, unknown>;

/** The object without its null and undefined fields: HSDS types a missing value by leaving it out. */
const present = <T extends HsdsObject>(object: T): T =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined)) as T;

/** An absolute URI as the JSON schema's `uri` format wants it (non-ASCII percent-encoded); undefined for anything else. */
function uri(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).href;
  } catch {
    return undefined;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// ---------------------------------------------------------------------------------------------
// Taxonomies: what the registry's enums mean, as HSDS taxonomy terms linked through attributes.

interface Taxonomy {
  id: string;
  name: string;
  description: string;
}

const taxonomy = (name: string, description: string): Taxonomy => ({ id: stableId('taxonomy', name), name, description });

export const TAXONOMIES = {
  actorKind: taxonomy('samverkan-actor-kind', 'Vilken sorts organisation eller enhet en aktör är (samverkan, ActorKind).'),
  serviceCategory: taxonomy('samverkan-service-category', 'Vad en verksamhet är: kategorierna som täckningsluckor räknas i (samverkan, ServiceCategory).'),
  targetGroup: taxonomy('samverkan-target-group', 'Vilka en verksamhet är till för (samverkan, TargetGroup).'),
};

/** Which code system an area's code is in, by kind of area. */
const AREA_CODE_SYSTEMS: Record<AreaKind, string> = {
  COUNTRY: 'landskod (ISO 3166-1)',
  COUNTY: 'länskod (SCB)',
  MUNICIPALITY: 'kommunkod (SCB)',
  DISTRICT: 'områdeskod (samverkan: kommunkod och namn)',
  NAMED_AREA: 'områdeskod (samverkan: kommunkod och namn)',
};

/** A kind of area in words, inside a sentence ("kommun"). */
const areaKindName = (kind: AreaKind) => inSentence(SWEDISH_LABELS.AreaKind[kind]);

/** The GraphQL description of an enum value: one text for the API and the export. */
function describe(enumObject: object, value: string): string {
  const metadata = getMetadataStorage().enums.find((e) => e.enumObj === enumObject);
  return (metadata?.valuesConfig?.[value] as { description?: string } | undefined)?.description ?? value;
}

export function taxonomyTerm(of: Taxonomy, enumObject: object, value: string, name: string): HsdsObject {
  return {
    id: stableId('taxonomy-term', of.name, value),
    code: value,
    name,
    description: describe(enumObject, value),
    taxonomy: of.name,
    taxonomy_id: of.id,
    taxonomy_detail: { ...of },
  };
}

/** Links a record (`linkEntity` is its HSDS table) to a taxonomy term. */
export function attribute(linkId: string, linkEntity: 'organization' | 'service', linkType: string, term: HsdsObject): HsdsObject {
  const termId = term.id as string;
  return { id: stableId('attribute', linkId, termId), link_id: linkId, link_type: linkType, link_entity: linkEntity, taxonomy_term_id: termId, taxonomy_term: term };
}

// ---------------------------------------------------------------------------------------------
// Organisations (actors)

/** The one-to-one fields of an organisation: what the paginated list returns. */
export function organization(actor: Actor): HsdsObject {
  return present({
    id: actor.id,
    name: actor.name,
    // Required by HSDS; an actor may not have described itself yet.
    description: actor.description ?? '',
    website: uri(actor.website),
    parent_organization_id: actor.parentId,
  });
}

/** The Swedish organisation number, registered with Bolagsverket (org-id.guide scheme SE-ON). */
export function organizationIdentifiers(actor: Actor): HsdsObject[] {
  if (!actor.organisationNumber) return [];
  return [
    {
      id: stableId('organization-identifier', actor.id),
      organization_id: actor.id,
      identifier_scheme: 'SE-ON',
      identifier_type: 'Organisationsnummer',
      identifier: actor.organisationNumber,
    },
  ];
}

export const actorKindAttribute = (actor: Actor) =>
  attribute(actor.id, 'organization', 'actor_kind', taxonomyTerm(TAXONOMIES.actorKind, ActorKind, actor.kind, SWEDISH_LABELS.ActorKind[actor.kind]));

/**
 * A whole organisation: its services, its locations (venues and area points) and the contacts the
 * caller may see (`contacts` undefined leaves them out).
 */
export function fullOrganization(
  actor: Actor,
  parts: { services: HsdsObject[]; locations: HsdsObject[]; contacts?: HsdsObject[] },
): HsdsObject {
  return present({
    ...organization(actor),
    organization_identifiers: organizationIdentifiers(actor),
    attributes: [actorKindAttribute(actor)],
    locations: parts.locations,
    contacts: parts.contacts,
    services: parts.services,
  });
}

// ---------------------------------------------------------------------------------------------
// Services

/** Who a service is for and at what ages, in words. */
export function eligibility(service: Pick<Service, 'targetGroups' | 'ageMin' | 'ageMax'>): string {
  const groups = service.targetGroups.map((group) => inSentence(SWEDISH_LABELS.TargetGroup[group])).join(', ');
  const { ageMin, ageMax } = service;
  const ages =
    ageMin !== null && ageMax !== null ? `${ageMin}–${ageMax} år` : ageMin !== null ? `från ${ageMin} år` : ageMax !== null ? `upp till ${ageMax} år` : null;
  return `För ${groups}${ages ? `, ${ages}` : ''}.`;
}

/** The one-to-one fields of a service: what the paginated list returns. */
export function service(record: Service): HsdsObject {
  return present({
    id: record.id,
    organization_id: record.actorId,
    name: record.name,
    description: record.description,
    status: 'active',
    eligibility_description: eligibility(record),
    minimum_age: record.ageMin,
    maximum_age: record.ageMax,
    last_modified: record.updatedAt.toISOString(),
  });
}

export const serviceAttributes = (record: Service): HsdsObject[] => [
  attribute(record.id, 'service', 'service_category', taxonomyTerm(TAXONOMIES.serviceCategory, ServiceCategory, record.category, SWEDISH_LABELS.ServiceCategory[record.category])),
  ...record.targetGroups.map((group) =>
    attribute(record.id, 'service', 'target_group', taxonomyTerm(TAXONOMIES.targetGroup, TargetGroup, group, SWEDISH_LABELS.TargetGroup[group])),
  ),
];

/** An area a service is offered in. HSDS describes areas by name (and optionally a polygon, which the registry has not). */
export function serviceArea(record: Service, area: Area): HsdsObject {
  return {
    id: stableId('service-area', record.id, area.code),
    service_id: record.id,
    name: area.name,
    description: `${SWEDISH_LABELS.AreaKind[area.kind]} med ${AREA_CODE_SYSTEMS[area.kind]} ${area.code}.`,
  };
}

/** A service delivered at a location (with the location nested, as the HSDS API returns it). */
export function serviceAtLocation(record: Service, location: HsdsObject): HsdsObject {
  const locationId = location.id as string;
  return { id: stableId('service-at-location', record.id, locationId), service_id: record.id, location_id: locationId, location };
}

/** A whole service: its areas, where it is delivered, its category and target groups, and (optionally) its organisation. */
export function fullService(record: Service, parts: { areas: Area[]; locations: HsdsObject[]; organization?: HsdsObject }): HsdsObject {
  return present({
    ...service(record),
    attributes: serviceAttributes(record),
    service_areas: parts.areas.map((area) => serviceArea(record, area)),
    service_at_locations: parts.locations.map((location) => serviceAtLocation(record, location)),
    organization: parts.organization,
  });
}

// ---------------------------------------------------------------------------------------------
// Locations: venues, and the points of areas

/** Where areas with a point may stand in for a place: municipalities and districts (a county's or Sweden's point says too little). */
export const isPlaceLike = (area: Area) => area.kind !== AreaKind.COUNTRY && area.kind !== AreaKind.COUNTY && area.location !== null;

/** An area as a location: its representative point, for maps and proximity search. Not an address. */
export function areaLocation(area: Area): HsdsObject {
  return present({
    id: stableId('area-location', area.code),
    location_type: 'physical',
    name: area.name,
    description: `Representativ punkt för ${area.name} (${areaKindName(area.kind)}), inte en adress.`,
    latitude: area.latitude,
    longitude: area.longitude,
    external_identifier: area.code,
    external_identifier_type: AREA_CODE_SYSTEMS[area.kind],
  });
}

/** A venue's postal address; HSDS requires street, city, postal code and region, so only complete addresses are given. */
export function venueAddress(venue: Venue, county: Area | undefined): HsdsObject[] {
  if (!venue.street || !venue.postalCode || !venue.city || !county) return [];
  return [
    {
      id: stableId('address', venue.id),
      location_id: venue.id,
      address_1: venue.street,
      city: venue.city,
      state_province: county.name,
      postal_code: venue.postalCode,
      country: 'SE',
      address_type: 'physical',
    },
  ];
}

/** A venue as a location; `contacts`: its contact function, as far as the caller may see it. */
export function venueLocation(venue: Venue, parts: { county?: Area; contacts?: HsdsObject[] }): HsdsObject {
  const uses = venue.suitableFor.map((use) => inSentence(SWEDISH_LABELS.VenueUse[use])).join(', ');
  const about = [venue.description, `Lokalen rymmer ${venue.capacity} personer.`, uses ? `Kan lånas för ${uses}.` : null].filter(Boolean).join(' ');
  return present({
    id: venue.id,
    location_type: 'physical',
    organization_id: venue.actorId,
    name: venue.name,
    description: about,
    latitude: venue.latitude,
    longitude: venue.longitude,
    addresses: venueAddress(venue, parts.county),
    accessibility: venue.accessibilityNote ? [{ id: stableId('accessibility', venue.id), location_id: venue.id, description: venue.accessibilityNote }] : [],
    contacts: parts.contacts,
  });
}

// ---------------------------------------------------------------------------------------------
// Contacts: contact functions, never the people who hold them

const PHONE_TYPES: Partial<Record<ContactChannelKind, string>> = { PHONE: 'voice', SMS: 'text' };

export function phone(fn: ContactFunction, channel: ContactChannel): HsdsObject {
  return present({
    id: stableId('phone', fn.id, channel.kind, channel.value),
    contact_id: fn.id,
    number: channel.value,
    type: PHONE_TYPES[channel.kind],
    description: channel.note,
  });
}

/**
 * A contact function as an HSDS contact: the function is the contact (name and title are its name),
 * so the entry outlives whoever holds it; holders are not exported. Phone and SMS channels become
 * phones, the first e-mail channel the e-mail; HSDS has no place for web and other channels.
 */
export function contact(fn: ContactFunction): HsdsObject {
  const email = fn.channels.find((channel) => channel.kind === ContactChannelKind.EMAIL && EMAIL.test(channel.value));
  return present({
    id: fn.id,
    organization_id: fn.actorId,
    name: fn.name,
    title: fn.name,
    email: email?.value,
    phones: fn.channels.filter((channel) => PHONE_TYPES[channel.kind]).map((channel) => phone(fn, channel)),
  });
}

