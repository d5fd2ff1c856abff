import { dateTimeInSweden } from '@samverkan/federation';
import { IncidentKind, IncidentSeverity, IncidentStatus } from './incident-vocabulary';

/**
 * An incident as an OASIS Common Alerting Protocol 1.2 alert, for systems that take CAP (e.g. a
 * municipality's crisis-management system or a regional alerting hub). One message per version of
 * the incident: the first is an Alert, later ones Update (or Cancel once closed) and reference every
 * earlier message, so a receiver can follow the thread. Area-level content only: what, where, when,
 * how serious, who owns it; an incident holds no person-level data. The mapping is documented in
 * docs/cap-export.md.
 */

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

/** What an alert is built from: an incident at one version, as the Incident entity holds it. */
export interface CapIncidentSource {
  id: string;
  version: number;
  ownerId: string;
  ownerName?: string | null;
  public: boolean;
  kind: IncidentKind;
  severity: IncidentSeverity;
  status: IncidentStatus;
  title: string;
  description: string;
  areaCode: string;
  areaName?: string | null;
  point?: { latitude: number; longitude: number } | null;
  occurredAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface CapAlertOptions {
  /** The exporting installation's domain name, the alert's `sender` (e.g. 'samverkan.uppsala.se'). */
  senderDomain: string;
  /** The incident's earlier versions and when each was recorded: the messages an Update or Cancel references. */
  previous?: Array<{ version: number; sent: Date }>;
}

/** CAP's category and a Swedish event name for each kind of incident. */
export const CAP_KINDS: Record<IncidentKind, { category: 'Security' | 'Fire' | 'Health' | 'Safety'; event: string }> = {
  FATAL_VIOLENCE: { category: 'Security', event: 'Dödligt våld' },
  SHOOTING_OR_EXPLOSION: { category: 'Security', event: 'Skjutning eller explosion' },
  FIRE: { category: 'Fire', event: 'Brand' },
  PUBLIC_DISORDER: { category: 'Security', event: 'Allvarlig ordningsstörning eller upplopp' },
  // The response is psychological and social support (POSOM), i.e. public health.
  SUICIDE: { category: 'Health', event: 'Suicid eller misstänkt suicid' },
  LARGE_ACCIDENT: { category: 'Safety', event: 'Större olycka' },
  THREAT_AGAINST_ACTIVITY: { category: 'Security', event: 'Hot mot verksamhet' },
};

/** IncidentSeverity's values are CAP's severities. */
const CAP_SEVERITIES: Record<IncidentSeverity, string> = { MINOR: 'Minor', MODERATE: 'Moderate', SEVERE: 'Severe', EXTREME: 'Extreme' };

/** Stood down or closed: the acute phase is over, so responsive action is no longer required. */
const isOver = (status: IncidentStatus) => status === IncidentStatus.STOOD_DOWN || status === IncidentStatus.CLOSED;

/** The distribution text of a Restricted alert (CAP `restriction`), in the language of its info. */
export const CAP_RESTRICTION =
  'Begränsad spridning: endast för de organisationer som har behörighet att se händelsen i Samverkan. Får inte spridas vidare till allmänheten.';

/** Free-text `valueName`s of the codes in an alert (CAP leaves their domain to the sender). */
export const CAP_VALUE_NAMES = { kind: 'samverkan:IncidentKind', status: 'samverkan:IncidentStatus', areaCode: 'samverkan:areaCode' } as const;

const HEADLINE_MAX = 160;
/** identifier, sender and the parts of references: CAP forbids whitespace, commas and the restricted characters < and &. */
const CAP_TOKEN = /^[^\s,<&]+$/;
const DOMAIN_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** The identifier of the message for one version of an incident: unique per message, stable across exports. */
export const capIdentifier = (incidentId: string, version: number) => `${incidentId}-v${version}`;

/**
 * The CAP 1.2 alert for `incident` at its version. `sent` is when that version was recorded
 * (`updatedAt`), so exporting the same version twice gives the same message; `options.previous` must
 * name the earlier versions with their own `updatedAt` (from the change log), which Update and Cancel
 * messages reference. Throws a RangeError for input that cannot make a valid alert.
 */
export function capAlert(incident: CapIncidentSource, options: CapAlertOptions): string {
  const sender = options.senderDomain.trim().toLowerCase();
  if (!DOMAIN_NAME.test(sender)) throw new RangeError(`CAP senderDomain must be a domain name, got '${options.senderDomain}'`);
  if (!CAP_TOKEN.test(incident.id)) throw new RangeError(`CAP identifier cannot be made from incident id '${incident.id}'`);
  if (!Number.isInteger(incident.version) || incident.version < 1) throw new RangeError(`incident version must be a positive integer, got ${incident.version}`);
  const previous = [...(options.previous ?? [])].sort((a, b) => a.version - b.version);
  previous.forEach((earlier, i) => {
    if (!Number.isInteger(earlier.version) || earlier.version < 1 || earlier.version >= incident.version || earlier.version === previous[i - 1]?.version) {
      throw new RangeError(`earlier CAP messages must be distinct versions below ${incident.version}, got ${earlier.version}`);
    }
  });
  if (incident.version > 1 && previous.length === 0) throw new RangeError(`version ${incident.version} is an Update or Cancel: it needs the earlier messages (options.previous)`);

  // The first message alerts; later ones update it, and the one that closes the incident cancels the thread.
  const msgType = incident.version === 1 ? 'Alert' : incident.status === IncidentStatus.CLOSED ? 'Cancel' : 'Update';
  const { category, event } = CAP_KINDS[incident.kind];
  const references = previous.map((earlier) => `${sender},${capIdentifier(incident.id, earlier.version)},${dateTimeInSweden(earlier.sent)}`);

  const area = [
    element('areaDesc', incident.areaName?.trim() || incident.areaCode),
    incident.point && element('circle', `${coordinates(incident.point)} 0`),
    valuePair('geocode', CAP_VALUE_NAMES.areaCode, incident.areaCode),
  ];
  const info = [
    element('language', 'sv-SE'),
    element('category', category),
    element('event', event),
    isOver(incident.status) && element('responseType', 'AllClear'),
    element('urgency', isOver(incident.status) ? 'Past' : 'Immediate'),
    element('severity', CAP_SEVERITIES[incident.severity]),
    // An incident is something that has happened (or, for a threat, a threat that was made).
    element('certainty', 'Observed'),
    valuePair('eventCode', CAP_VALUE_NAMES.kind, incident.kind),
    element('onset', dateTimeInSweden(incident.occurredAt)),
    incident.ownerName?.trim() && element('senderName', incident.ownerName.trim()),
    incident.title.trim() && element('headline', headline(incident.title)),
    incident.description.trim() && element('description', incident.description.trim()),
    valuePair('parameter', CAP_VALUE_NAMES.status, incident.status),
    complex('area', area),
  ];
  const alert = [
    element('identifier', capIdentifier(incident.id, incident.version)),
    element('sender', sender),
    element('sent', dateTimeInSweden(incident.updatedAt)),
    element('status', 'Actual'),
    element('msgType', msgType),
    element('scope', incident.public ? 'Public' : 'Restricted'),
    !incident.public && element('restriction', CAP_RESTRICTION),
    references.length > 0 && element('references', references.join(' ')),
    element('incidents', incident.id),
    complex('info', info),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="${CAP_NAMESPACE}">\n${indent(alert)}\n</alert>\n`;
}

type Part = string | false | null | undefined | '';

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

function complex(name: string, parts: Part[]): string {
  return `<${name}>\n${indent(parts)}\n</${name}>`;
}

function valuePair(name: string, valueName: string, value: string): string {
  return complex(name, [element('valueName', valueName), element('value', value)]);
}

function indent(parts: Part[]): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .join('\n')
    .replace(/^/gm, '  ');
}

/** Text as XML character data: the markup characters escaped, and characters XML 1.0 cannot carry at all dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** CAP suggests 160 characters as a headline's target limit (some displays show only the headline): one line, cut with an ellipsis. */
function headline(title: string): string {
  const characters = Array.from(title.replace(/\s+/g, ' ').trim());
  return characters.length <= HEADLINE_MAX ? characters.join('') : `${characters.slice(0, HEADLINE_MAX - 1).join('').trimEnd()}…`;
}

/** A WGS 84 point as CAP's "latitude,longitude", in plain decimals (never exponent notation). */
function coordinates({ latitude, longitude }: { latitude: number; longitude: number }): string {
  if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) throw new RangeError(`not a WGS 84 point: ${latitude},${longitude}`);
  return `${decimal(latitude)},${decimal(longitude)}`;
}

const decimal = (degrees: number) => String(Number(degrees.toFixed(6)));
