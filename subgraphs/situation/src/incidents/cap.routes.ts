import { Request, Response, Router } from 'express';
import { DataSource } from 'typeorm';
import { AREA_CODE_PATTERN, AreaScope, dateTimeInSweden, namedAreaFilter, whereVisible } from '@samverkan/federation';
import { Authenticate, capSenderDomain, ErrorCode, HttpError, isUuid, readOnlyApi, Viewer } from '@samverkan/platform';
import { capAlertsOf } from './cap-export';
import { capIdentifier, escapeXml } from './cap';
import { Incident } from './incident';

const CAP_TYPE = 'application/cap+xml; charset=utf-8';
const MAX_ENTRIES = 100;

/**
 * Incidents as CAP 1.2 alerts over HTTP, beside `/graphql`, for systems that take CAP:
 *
 *   GET /cap/incidents        an Atom index of the incidents you may see, last changed first (`area`, `limit` ≤ 100)
 *   GET /cap/incidents/{id}   one incident's alert at its current version
 *
 * The same access rules as GraphQL: a token is verified as for /graphql (a refused one is 401),
 * without one only PUBLIC incidents are there, and an incident you may not see is 404.
 */
export function capRouter(dataSource: DataSource, authenticate: Authenticate): Router {
  const visible = (res: Response) => whereVisible(dataSource.getRepository(Incident).createQueryBuilder('incident'), res.locals.viewer as Viewer);
  return readOnlyApi('/cap', 'CAP export', authenticate, (router) => {
    router.get('/cap/incidents', async (req, res) => {
      const { area, limit } = indexQuery(req);
      const query = visible(res);
      if (area) query.andWhere(...namedAreaFilter('incident.area_code', area, AreaScope.WITHIN));
      const incidents = await query.orderBy('incident.updated_at', 'DESC').addOrderBy('incident.id', 'DESC').limit(limit).getMany();
      res.type('application/atom+xml; charset=utf-8').send(atomIndex(incidents, area));
    });
    router.get('/cap/incidents/:id', async (req, res) => {
      const id = String(req.params.id);
      const incident = isUuid(id) ? await visible(res).andWhere('incident.id = :id', { id }).getOne() : null;
      if (!incident) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No incident with this id that you may see');
      const [alert] = await capAlertsOf([incident]);
      res.type(CAP_TYPE).send(alert);
    });
  });
}

function indexQuery(req: Request): { area?: string; limit: number } {
  const { area, limit } = req.query;
  if (area !== undefined && (typeof area !== 'string' || !AREA_CODE_PATTERN.test(area))) {
    throw new HttpError(400, ErrorCode.BAD_USER_INPUT, 'area must be an area code, e.g. "SE", "03", "0380" or "0380-gottsunda"');
  }
  if (limit !== undefined && (typeof limit !== 'string' || !/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_ENTRIES)) {
    throw new HttpError(400, ErrorCode.BAD_USER_INPUT, `limit must be a whole number from 1 to ${MAX_ENTRIES}`);
  }
  return { area, limit: limit === undefined ? MAX_ENTRIES : Number(limit) };
}

/** The Atom (RFC 4287) index: one entry per incident, linking to its alert at the current version. */
function atomIndex(incidents: Incident[], area: string | undefined): string {
  const sender = capSenderDomain();
  const updated = incidents[0]?.updatedAt ?? new Date(0);
  const entries = incidents.map(
    (incident) => `  <entry>
    <id>urn:cap:${escapeXml(sender)}:${capIdentifier(incident.id, incident.version)}</id>
    <title>${escapeXml(incident.title)}</title>
    <updated>${dateTimeInSweden(incident.updatedAt)}</updated>
    <link rel="alternate" type="application/cap+xml" href="incidents/${incident.id}"/>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:cap:${escapeXml(sender)}:incidents${area ? `:${area}` : ''}</id>
  <title>Händelser (CAP 1.2)${area ? ` i ${area}` : ''}</title>
  <updated>${dateTimeInSweden(updated)}</updated>
  <author><name>${escapeXml(sender)}</name></author>
${entries.join('\n')}
</feed>
`;
}
