import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The violations of OASIS CAP 1.2 (2010) in an alert, as readable strings ('alert/info/urgency: …');
 * none for a valid alert. Checks what the standard's schema and its element rules say: the root
 * element and namespace, each element's required children in the schema's order and counts, the
 * value lists, dateTime form, identifier/sender characters, restriction for Restricted scope,
 * addresses for Private scope, references for Update/Cancel/Ack/Error, circle and polygon form,
 * and a headline within the 160 characters the standard suggests as a target limit. Elements of
 * other namespaces (e.g. an XML signature) are not checked.
 */
export function capViolations(xml: string): string[] {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const roots = (parser.parse(xml) as Node[]).filter((node) => elementName(node) !== undefined && !elementName(node)!.startsWith('?'));
  if (roots.length !== 1) return [`expected one root element, found ${roots.length}`];
  const root = roots[0];
  const [prefix, local] = splitName(elementName(root)!);
  const namespace = root[':@']?.[prefix ? `@_xmlns:${prefix}` : '@_xmlns'];
  const violations: string[] = [];
  if (local !== 'alert') return [`root element is <${local}>, not <alert>`];
  if (namespace !== CAP_NAMESPACE) violations.push(`alert: namespace is '${namespace ?? ''}', not ${CAP_NAMESPACE}`);
  checkElement(new Checked(root, prefix, 'alert', violations));
  return violations;
}

const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false, processEntities: true, htmlEntities: false });

const elementName = (node: Node) => Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#comment');
const splitName = (name: string): [string | undefined, string] => {
  const colon = name.indexOf(':');
  return colon < 0 ? [undefined, name] : [name.slice(0, colon), name.slice(colon + 1)];
};

/** [name, minOccurs, maxOccurs] in the order of the schema's sequence. */
type Particle = [string, number, number];
const MANY = Infinity;

const SEQUENCES: Record<string, Particle[]> = {
  alert: [
    ['identifier', 1, 1], ['sender', 1, 1], ['sent', 1, 1], ['status', 1, 1], ['msgType', 1, 1], ['source', 0, 1], ['scope', 1, 1],
    ['restriction', 0, 1], ['addresses', 0, 1], ['code', 0, MANY], ['note', 0, 1], ['references', 0, 1], ['incidents', 0, 1], ['info', 0, MANY],
  ],
  info: [
    ['language', 0, 1], ['category', 1, MANY], ['event', 1, 1], ['responseType', 0, MANY], ['urgency', 1, 1], ['severity', 1, 1],
    ['certainty', 1, 1], ['audience', 0, 1], ['eventCode', 0, MANY], ['effective', 0, 1], ['onset', 0, 1], ['expires', 0, 1],
    ['senderName', 0, 1], ['headline', 0, 1], ['description', 0, 1], ['instruction', 0, 1], ['web', 0, 1], ['contact', 0, 1],
    ['parameter', 0, MANY], ['resource', 0, MANY], ['area', 0, MANY],
  ],
  eventCode: [['valueName', 1, 1], ['value', 1, 1]],
  parameter: [['valueName', 1, 1], ['value', 1, 1]],
  geocode: [['valueName', 1, 1], ['value', 1, 1]],
  resource: [['resourceDesc', 1, 1], ['mimeType', 1, 1], ['size', 0, 1], ['uri', 0, 1], ['derefUri', 0, 1], ['digest', 0, 1]],
  area: [['areaDesc', 1, 1], ['polygon', 0, MANY], ['circle', 0, MANY], ['geocode', 0, MANY], ['altitude', 0, 1], ['ceiling', 0, 1]],
};

/** The value lists of CAP 1.2. */
const CAP_VALUES: Record<string, string[]> = {
  status: ['Actual', 'Exercise', 'System', 'Test', 'Draft'],
  msgType: ['Alert', 'Update', 'Cancel', 'Ack', 'Error'],
  scope: ['Public', 'Restricted', 'Private'],
  category: ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'],
  responseType: ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'],
  urgency: ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'],
  severity: ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'],
  certainty: ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'],
};

/** The schema's dateTime pattern: seconds, a numeric offset ('-00:00' for UTC), no 'Z', no fractions. */
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)[-+](\d\d):(\d\d)$/;
const DATE_TIMES = new Set(['sent', 'effective', 'onset', 'expires']);
/** identifier and sender (and the parts of a reference): no whitespace, commas or the restricted < and &. */
const CAP_TOKEN = /^[^\s,<&]+$/;
const LANGUAGE = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;
const HEADLINE_MAX = 160;

/** One element of the alert being checked, with its path for messages. */
class Checked {
  constructor(
    readonly node: Node,
    readonly prefix: string | undefined,
    readonly path: string,
    readonly violations: string[],
  ) {}

  /** Child elements in the CAP namespace (by the root's prefix), in document order. */
  children(): Checked[] {
    const kids: Checked[] = [];
    for (const child of (this.node[elementName(this.node)!] as Node[]) ?? []) {
      const name = elementName(child);
      if (name === undefined) continue;
      const [prefix, local] = splitName(name);
      if (prefix !== this.prefix) continue;
      kids.push(new Checked(child, prefix, `${this.path}/${local}`, this.violations));
    }
    return kids;
  }

  get local(): string {
    return splitName(elementName(this.node)!)[1];
  }

  /** The element's text, or undefined (reported) when it has child elements. */
  text(): string | undefined {
    const content = (this.node[elementName(this.node)!] as Node[]) ?? [];
    if (content.some((child) => elementName(child) !== undefined)) {
      this.report('must hold text, not elements');
      return undefined;
    }
    return content.map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join('');
  }

  report(message: string): void {
    this.violations.push(`${this.path}: ${message}`);
  }
}

function checkElement(element: Checked): void {
  const sequence = SEQUENCES[element.local];
  if (sequence) checkComplex(element, sequence);
  else checkSimple(element);
}

function checkComplex(element: Checked, sequence: Particle[]): void {
  const content = (element.node[elementName(element.node)!] as Node[]) ?? [];
  if (content.some((child) => typeof child['#text'] === 'string' && child['#text'].trim() !== '')) element.report('must hold elements, not text');
  const children = element.children();
  const counts = new Map<string, number>();
  let position = 0;
  for (const child of children) {
    const at = sequence.findIndex(([name]) => name === child.local);
    if (at < 0) {
      child.report('is not an element of CAP 1.2 here');
      continue;
    }
    if (at < position) {
      child.report(`is out of order: it must come before <${sequence[position][0]}>`);
      continue;
    }
    for (const [name, min] of sequence.slice(position, at)) {
      if ((counts.get(name) ?? 0) < min) element.report(`required <${name}> is missing before <${child.local}>`);
    }
    position = at;
    counts.set(child.local, (counts.get(child.local) ?? 0) + 1);
    if (counts.get(child.local)! > sequence[at][2]) child.report('occurs more often than CAP 1.2 allows');
    checkElement(child);
  }
  for (const [name, min] of sequence.slice(position)) {
    if ((counts.get(name) ?? 0) < min) element.report(`required <${name}> is missing`);
  }
  if (element.local === 'alert') checkAlertRules(element, children);
}

/** The rules that tie one of an alert's elements to another. */
function checkAlertRules(alert: Checked, children: Checked[]): void {
  const value = (name: string) => {
    const child = children.find((c) => c.local === name);
    return child && (child.text() ?? '');
  };
  const scope = value('scope');
  if (scope === 'Restricted' && !value('restriction')?.trim()) alert.report('scope Restricted requires a <restriction>');
  if (scope === 'Private' && !value('addresses')?.trim()) alert.report('scope Private requires <addresses>');
  const msgType = value('msgType');
  if (msgType && msgType !== 'Alert' && value('references') === undefined) alert.report(`msgType ${msgType} requires <references> to the earlier messages`);
}

function checkSimple(element: Checked): void {
  const text = element.text();
  if (text === undefined) return;
  const name = element.local;
  if (CAP_VALUES[name] && !CAP_VALUES[name].includes(text)) element.report(`'${text}' is not in CAP's value list (${CAP_VALUES[name].join(', ')})`);
  if (DATE_TIMES.has(name)) checkDateTime(element, text);
  if ((name === 'identifier' || name === 'sender') && !CAP_TOKEN.test(text)) element.report(`'${text}' is empty or has whitespace, a comma, < or &`);
  if (name === 'references') checkReferences(element, text);
  if (name === 'circle') checkCircle(element, text);
  if (name === 'polygon') checkPolygon(element, text);
  if (name === 'language' && !LANGUAGE.test(text)) element.report(`'${text}' is not an RFC 3066 language tag`);
  if (name === 'headline' && Array.from(text).length > HEADLINE_MAX) element.report(`is ${Array.from(text).length} characters; CAP's target limit is ${HEADLINE_MAX}`);
  if (['areaDesc', 'event', 'valueName', 'restriction', 'incidents'].includes(name) && text.trim() === '') element.report('is empty');
}

function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day &&
    hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 14 && offsetMinutes <= 59
  );
}

function checkDateTime(element: Checked, text: string): void {
  if (!isDateTime(text)) element.report(`'${text}' is not a CAP dateTime (YYYY-MM-DDThh:mm:ss with a numeric offset, no fractions or 'Z')`);
}

/** "sender,identifier,sent" of each earlier message, separated by whitespace. */
function checkReferences(element: Checked, text: string): void {
  const references = text.trim().split(/\s+/).filter(Boolean);
  if (references.length === 0) element.report('is empty');
  for (const reference of references) {
    const [sender, identifier, sent, ...rest] = reference.split(',');
    if (rest.length > 0 || sent === undefined || !CAP_TOKEN.test(sender) || !CAP_TOKEN.test(identifier) || !isDateTime(sent)) {
      element.report(`'${reference}' is not sender,identifier,sent`);
    }
  }
}

/** "latitude,longitude" in WGS 84. */
function isPoint(pair: string): boolean {
  const parts = pair.split(',');
  if (parts.length !== 2 || !parts.every((part) => /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(part))) return false;
  const [latitude, longitude] = parts.map(Number);
  return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
}

/** A point and a radius in kilometres, separated by a space. */
function checkCircle(element: Checked, text: string): void {
  const [point, radius, ...rest] = text.trim().split(/\s+/);
  if (rest.length > 0 || !isPoint(point) || radius === undefined || !/^(\d+(\.\d*)?|\.\d+)$/.test(radius)) {
    element.report(`'${text}' is not "latitude,longitude radius"`);
  }
}

/** At least four points, separated by whitespace, the first and the last the same. */
function checkPolygon(element: Checked, text: string): void {
  const points = text.trim().split(/\s+/);
  const closed = points[0].split(',').map(Number).join() === points[points.length - 1].split(',').map(Number).join();
  if (points.length < 4 || !points.every(isPoint) || !closed) {
    element.report(`'${text}' is not a closed polygon of at least four "latitude,longitude" points`);
  }
}
