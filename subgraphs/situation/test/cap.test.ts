import { XMLParser } from 'fast-xml-parser';
import { CAP_KINDS, CAP_RESTRICTION, capAlert, CapIncidentSource } from '../src/incidents/cap';
import { IncidentKind, IncidentSeverity, IncidentStatus } from '../src/incidents/incident-vocabulary';
import { capViolations } from './support/cap-check';

const ID = '6f1c2a43-7d1e-4b8a-9c55-0e2f4a1b3c9d';
const SENDER = 'samverkan.uppsala.se';

const incident = (overrides: Partial<CapIncidentSource> = {}): CapIncidentSource => ({
  id: ID,
  version: 1,
  ownerId: '0b7e2d4c-1a2b-4c3d-8e9f-123456789abc',
  ownerName: 'Polisen lokalpolisområde Uppsala',
  public: true,
  kind: IncidentKind.SHOOTING_OR_EXPLOSION,
  severity: IncidentSeverity.SEVERE,
  status: IncidentStatus.OPEN,
  title: 'Skottlossning vid Gränby centrum',
  description: 'Skott avlossade utomhus vid centrumets norra entré. Oro bland unga i området.',
  areaCode: '0380-granby',
  areaName: 'Gränby',
  point: { latitude: 59.8765, longitude: 17.6742 },
  occurredAt: new Date('2026-01-14T19:40:12.345Z'),
  createdAt: new Date('2026-01-14T19:52:00.000Z'),
  updatedAt: new Date('2026-01-14T19:52:00.789Z'),
  ...overrides,
});

/** The earlier versions of an incident at `version`, recorded an hour apart from its first. */
const earlier = (version: number) =>
  Array.from({ length: version - 1 }, (_, i) => ({ version: i + 1, sent: new Date(Date.UTC(2026, 0, 14, 19 + i, 52)) }));

const plain = new XMLParser({ parseTagValue: false, ignoreAttributes: false });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const parsed = (xml: string): any => plain.parse(xml).alert;

describe('capAlert', () => {
  const kinds = Object.values(IncidentKind);
  const severities = Object.values(IncidentSeverity);
  const statuses = Object.values(IncidentStatus);
  const combinations = kinds.flatMap((kind) => severities.flatMap((severity) => statuses.map((status) => [kind, severity, status] as const)));

  it.each(combinations)('exports %s / %s / %s as valid CAP 1.2, first and later versions, public and restricted', (kind, severity, status) => {
    for (const version of [1, 4]) {
      for (const isPublic of [true, false]) {
        const xml = capAlert(incident({ kind, severity, status, version, public: isPublic }), { senderDomain: SENDER, previous: earlier(version) });
        expect(capViolations(xml)).toEqual([]);
        const alert = parsed(xml);
        expect(alert.info.category).toBe(CAP_KINDS[kind].category);
        expect(alert.info.event).toBe(CAP_KINDS[kind].event);
        expect(alert.info.severity.toUpperCase()).toBe(severity);
        expect(alert.scope).toBe(isPublic ? 'Public' : 'Restricted');
        expect(alert.restriction).toBe(isPublic ? undefined : CAP_RESTRICTION);
      }
    }
  });

  it('writes the message of one version: identifier, sender, Swedish-time sent, status, info and area', () => {
    const alert = parsed(capAlert(incident(), { senderDomain: 'Samverkan.Uppsala.se' }));
    expect(alert['@_xmlns']).toBe('urn:oasis:names:tc:emergency:cap:1.2');
    expect(alert).toMatchObject({
      identifier: `${ID}-v1`,
      sender: SENDER,
      sent: '2026-01-14T20:52:00+01:00',
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
      incidents: ID,
    });
    expect(alert.references).toBeUndefined();
    expect(alert.info).toEqual({
      language: 'sv-SE',
      category: 'Security',
      event: 'Skjutning eller explosion',
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Observed',
      eventCode: { valueName: 'samverkan:IncidentKind', value: 'SHOOTING_OR_EXPLOSION' },
      onset: '2026-01-14T20:40:12+01:00',
      senderName: 'Polisen lokalpolisområde Uppsala',
      headline: 'Skottlossning vid Gränby centrum',
      description: 'Skott avlossade utomhus vid centrumets norra entré. Oro bland unga i området.',
      parameter: { valueName: 'samverkan:IncidentStatus', value: 'OPEN' },
      area: { areaDesc: 'Gränby', circle: '59.8765,17.6742 0', geocode: { valueName: 'samverkan:areaCode', value: '0380-granby' } },
    });
  });

  it('gives times with the Swedish offset of their date, summer and winter, to the second', () => {
    const summer = parsed(capAlert(incident({ occurredAt: new Date('2026-07-09T17:38:21.999Z'), updatedAt: new Date('2026-10-25T00:59:59Z') }), { senderDomain: SENDER }));
    expect(summer.info.onset).toBe('2026-07-09T19:38:21+02:00');
    expect(summer.sent).toBe('2026-10-25T02:59:59+02:00');
    // One second later Sweden has gone back to +01:00: the same wall-clock hour again.
    expect(parsed(capAlert(incident({ updatedAt: new Date('2026-10-25T01:00:00Z') }), { senderDomain: SENDER })).sent).toBe('2026-10-25T02:00:00+01:00');
  });

  it('references every earlier message of the incident from an Update, and cancels the thread when the incident is closed', () => {
    const previous = [
      { version: 2, sent: new Date('2026-01-14T21:05:00Z') },
      { version: 1, sent: new Date('2026-01-14T19:52:00.789Z') },
    ];
    const references = `${SENDER},${ID}-v1,2026-01-14T20:52:00+01:00 ${SENDER},${ID}-v2,2026-01-14T22:05:00+01:00`;

    const active = parsed(capAlert(incident({ version: 3, status: IncidentStatus.ACTIVE }), { senderDomain: SENDER, previous }));
    expect(active).toMatchObject({ identifier: `${ID}-v3`, msgType: 'Update', references });
    expect(active.info.urgency).toBe('Immediate');
    expect(active.info.responseType).toBeUndefined();

    const stoodDown = parsed(capAlert(incident({ version: 3, status: IncidentStatus.STOOD_DOWN }), { senderDomain: SENDER, previous }));
    expect(stoodDown).toMatchObject({ msgType: 'Update', references });
    expect(stoodDown.info).toMatchObject({ responseType: 'AllClear', urgency: 'Past' });

    const closed = parsed(capAlert(incident({ version: 3, status: IncidentStatus.CLOSED }), { senderDomain: SENDER, previous }));
    expect(closed).toMatchObject({ msgType: 'Cancel', references });
    expect(closed.info).toMatchObject({ responseType: 'AllClear', urgency: 'Past' });

    // An incident recorded after the fact, closed from its first version: its only message is an Alert.
    const recordedClosed = parsed(capAlert(incident({ status: IncidentStatus.CLOSED }), { senderDomain: SENDER }));
    expect(recordedClosed).toMatchObject({ msgType: 'Alert' });
    expect(recordedClosed.references).toBeUndefined();
  });

  it('escapes <, &, quotes and apostrophes in every text, and drops characters XML cannot carry', () => {
    const title = `Hot mot "Fritidsgården" & <Café> 'Ungdomens hus'`;
    const description = `Rader <script>alert(1)</script> & mer\u0000\u0007 text`;
    const xml = capAlert(
      incident({ title, description, ownerName: 'Kommun & "Polis" <Uppsala>', areaName: 'Gränby <norra> & "södra"', public: false }),
      { senderDomain: SENDER },
    );
    expect(capViolations(xml)).toEqual([]);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<Café>');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).toContain('&amp; &lt;Café&gt; &apos;Ungdomens hus&apos;');
    const alert = parsed(xml);
    expect(alert.info.headline).toBe(title);
    expect(alert.info.description).toBe('Rader <script>alert(1)</script> & mer text');
    expect(alert.info.senderName).toBe('Kommun & "Polis" <Uppsala>');
    expect(alert.info.area.areaDesc).toBe('Gränby <norra> & "södra"');
  });

  it('keeps the headline under 160 characters and on one line; leaves out what the incident does not have', () => {
    const xml = capAlert(incident({ title: `Brand\ni ${'mycket '.repeat(40)}stor skola`, ownerName: null, areaName: null, point: null }), { senderDomain: SENDER });
    expect(capViolations(xml)).toEqual([]);
    const alert = parsed(xml);
    expect(Array.from(alert.info.headline as string)).toHaveLength(160);
    expect(alert.info.headline).toMatch(/^Brand i mycket .*…$/);
    expect(alert.info.senderName).toBeUndefined();
    expect(alert.info.area).toEqual({ areaDesc: '0380-granby', geocode: { valueName: 'samverkan:areaCode', value: '0380-granby' } });
  });

  it.each([
    ['a later version without the earlier messages', incident({ version: 2 }), {}],
    ['an earlier message that is not earlier', incident({ version: 2 }), { previous: [{ version: 2, sent: new Date() }] }],
    ['the same earlier version twice', incident({ version: 3 }), { previous: [{ version: 1, sent: new Date() }, { version: 1, sent: new Date() }] }],
    ['version 0', incident({ version: 0 }), {}],
    ['a sender that is not a domain name', incident(), { senderDomain: 'samverkan uppsala' }],
    ['an id with a comma', incident({ id: 'a,b' }), {}],
    ['a point off the globe', incident({ point: { latitude: 91, longitude: 17 } }), {}],
    ['a point that is not a number', incident({ point: { latitude: NaN, longitude: 17 } }), {}],
  ])('refuses %s', (_case, source, options) => {
    expect(() => capAlert(source, { senderDomain: SENDER, ...options })).toThrow(RangeError);
  });
});

describe('capViolations', () => {
  const valid = capAlert(incident({ version: 2, public: false, status: IncidentStatus.STOOD_DOWN }), { senderDomain: SENDER, previous: earlier(2) });
  const without = (name: string) => (xml: string) => xml.replace(new RegExp(`\\s*<${name}>[^]*?</${name}>`), '');
  const setting = (name: string, value: string) => (xml: string) => xml.replace(new RegExp(`<${name}>[^<]*</${name}>`), `<${name}>${value}</${name}>`);

  it('finds nothing wrong in a valid alert', () => {
    expect(capViolations(valid)).toEqual([]);
    expect(valid).toContain('<responseType>AllClear</responseType>');
  });

  type Case = [string, (xml: string) => string, string];
  it.each<Case>([
    ['XML that is not well-formed', (xml: string) => xml.replace('</info>', ''), 'not well-formed'],
    ['another root element', (xml: string) => xml.replace('<alert ', '<alarm ').replace('</alert>', '</alarm>'), 'root element is <alarm>'],
    ['another namespace', (xml: string) => xml.replace('cap:1.2', 'cap:1.1'), 'alert: namespace'],
    ...['identifier', 'sender', 'sent', 'status', 'msgType', 'scope'].map((name): Case => [`no <${name}>`, without(name), `alert: required <${name}> is missing`]),
    ...['category', 'event', 'urgency', 'severity', 'certainty'].map((name): Case => [`no <${name}>`, without(name), `alert/info: required <${name}> is missing`]),
    ['no <areaDesc>', without('areaDesc'), 'alert/info/area: required <areaDesc> is missing'],
    ['<sender> before <identifier>', (xml: string) => xml.replace(/(<identifier>.*<\/identifier>)(\s*)(<sender>.*<\/sender>)/, '$3$2$1'), 'alert/identifier: is out of order'],
    ['<severity> before <urgency>', (xml: string) => xml.replace(/(<urgency>.*<\/urgency>)(\s*)(<severity>.*<\/severity>)/, '$3$2$1'), 'alert/info/urgency: is out of order'],
    ['two <status>', (xml: string) => xml.replace(/(<status>.*<\/status>)/, '$1$1'), 'alert/status: occurs more often'],
    ['an element CAP does not have', (xml: string) => xml.replace('<status>', '<priority>1</priority><status>'), 'alert/priority: is not an element'],
    ['text where elements belong', (xml: string) => xml.replace('<area>', '<area>Gränby'), 'alert/info/area: must hold elements'],
    ['elements where text belongs', setting('event', '<b>Brand</b>'), 'alert/info/event: must hold text'],
    ...Object.entries({ status: 'Real', msgType: 'Notice', scope: 'Everyone', category: 'Crime', responseType: 'Run', urgency: 'Now', severity: 'High', certainty: 'Sure' }).map(
      ([name, value]): Case => [`${name} ${value}`, setting(name, value), `${name}: '${value}' is not in CAP's value list`],
    ),
    ['a UTC time with Z', setting('sent', '2026-01-14T19:52:00Z'), "alert/sent: '2026-01-14T19:52:00Z' is not a CAP dateTime"],
    ['fractional seconds', setting('sent', '2026-01-14T20:52:00.789+01:00'), 'alert/sent: '],
    ['a time without offset', setting('onset', '2026-01-14T20:40:12'), 'alert/info/onset: '],
    ['a day that does not exist', setting('sent', '2026-02-30T20:52:00+01:00'), 'alert/sent: '],
    ['an identifier with a space', setting('identifier', 'incident 1'), 'alert/identifier: '],
    ['an identifier with a comma', setting('identifier', 'incident,1'), 'alert/identifier: '],
    ['an identifier with &', setting('identifier', 'incident&amp;1'), "alert/identifier: 'incident&1'"],
    ['a sender with a space', setting('sender', 'samverkan uppsala'), 'alert/sender: '],
    ['scope Restricted without restriction', without('restriction'), 'alert: scope Restricted requires a <restriction>'],
    ['scope Private without addresses', setting('scope', 'Private'), 'alert: scope Private requires <addresses>'],
    ['an Update without references', without('references'), 'alert: msgType Update requires <references>'],
    ['a reference without its sent time', setting('references', `${SENDER},${ID}-v1`), 'alert/references: '],
    ['a reference with a bad time', setting('references', `${SENDER},${ID}-v1,2026-01-14`), 'alert/references: '],
    ['a circle without radius', setting('circle', '59.8765,17.6742'), 'alert/info/area/circle: '],
    ['a circle off the globe', setting('circle', '159.8765,17.6742 0'), 'alert/info/area/circle: '],
    ['an open polygon', (xml: string) => xml.replace('<circle>', '<polygon>59,17 59,18 60,18 60,17</polygon><circle>'), 'alert/info/area/polygon: '],
    ['a polygon of three points', (xml: string) => xml.replace('<circle>', '<polygon>59,17 59,18 59,17</polygon><circle>'), 'alert/info/area/polygon: '],
    ['a headline of 161 characters', setting('headline', 'x'.repeat(161)), 'alert/info/headline: is 161 characters'],
    ['a language that is no language tag', setting('language', 'svenska språket'), 'alert/info/language: '],
  ])('catches %s', (_case, breakIt, expected) => {
    const broken = breakIt(valid);
    expect(broken).not.toBe(valid);
    expect(capViolations(broken)).toContainEqual(expect.stringContaining(expected));
  });

  it('accepts a closed polygon and a prefixed CAP namespace', () => {
    expect(capViolations(valid.replace('<circle>', '<polygon>59,17 59,18 60,18 60,17 59.0,17.0</polygon><circle>'))).toEqual([]);
    const prefixed = valid.replace(/<(\/?)([a-zA-Z]+)/g, '<$1cap:$2').replace('xmlns=', 'xmlns:cap=');
    expect(capViolations(prefixed)).toEqual([]);
  });
});
