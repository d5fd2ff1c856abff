import { NextFunction, Request, Response, Router } from 'express';
import { DataSource } from 'typeorm';
import { AREA_CODE_PATTERN } from '@samverkan/federation';
import { Authenticate, Clock, ErrorCode, HttpError, jsonErrorHandler, NESTED_LIST_MAX } from '@samverkan/platform';
import { createLoaders } from '../loaders';
import { Observation, SituationReport } from '../reports/situation-report';
import { picturePeriod } from './situation-picture';

/** What the export's document says it is; docs/situation-picture.schema.json describes this version. */
export const EXPORT_FORMAT = { format: 'samverkan-situation-picture', formatVersion: 1 } as const;
/** At most this many parties, and this many reports per party (newest first), in one document. */
export const EXPORT_MAX_PARTIES = NESTED_LIST_MAX;
export const EXPORT_SERIES_LENGTH = 24;

/**
 * The joint situation picture as a JSON document, beside `/graphql`:
 *
 *   GET /situation-picture/{areaCode}?from=YYYY-MM-DD&to=YYYY-MM-DD
 *
 * The same picture as the `situationPicture` query, for the caller's token (none: the public), in
 * the form docs/situation-picture.schema.json documents. A refused token is 401, never downgraded to
 * the public; bad input is 400; errors are JSON in the shape GraphQL clients know.
 */
export function situationPictureRouter(dataSource: DataSource, authenticate: Authenticate, clock: Clock): Router {
  const router = Router();
  router.use('/situation-picture', (req: Request, res: Response, next: NextFunction) => {
    res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Authorization', 'Access-Control-Allow-Methods': 'GET' });
    if (req.method === 'OPTIONS') return void res.sendStatus(204);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'BAD_REQUEST', 'The situation picture export is read-only: use GET');
    next();
  });
  router.get('/situation-picture/:areaCode', async (req, res) => {
    const viewer = await authenticate(req.headers.authorization);
    const areaCode = req.params.areaCode;
    if (!AREA_CODE_PATTERN.test(areaCode)) throw new HttpError(400, ErrorCode.BAD_USER_INPUT, 'areaCode must be an area code, e.g. "0380" or "0380-gottsunda"');
    const { from, to } = picturePeriod({ from: day(req, 'from'), to: day(req, 'to') });
    res.json(await exportPicture(createLoaders(dataSource, viewer, undefined, clock), { areaCode, from, to }, clock.now()));
  });
  router.use('/situation-picture', (_req: Request, _res: Response, next: NextFunction) => next(new HttpError(404, ErrorCode.NOT_FOUND, 'Use GET /situation-picture/{areaCode}?from=&to=')));
  router.use('/situation-picture', jsonErrorHandler);
  return router;
}

/** A required query parameter holding a calendar day (YYYY-MM-DD). */
function day(req: Request, name: string): string {
  const value = req.query[name];
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new HttpError(400, ErrorCode.BAD_USER_INPUT, `${name} is required, once, as a day: YYYY-MM-DD`);
  }
  return value;
}

type Loaders = ReturnType<typeof createLoaders>;

/** The document, built from the same per-request loaders as the GraphQL picture (a fixed number of statements). */
async function exportPicture(loaders: Loaders, { areaCode, from, to }: { areaCode: string; from: string; to: string }, now: Date) {
  const [picture, parties] = await Promise.all([
    loaders.situationPicture({ from, to }).load(areaCode),
    loaders.pictureParties({ from, to, first: EXPORT_MAX_PARTIES }).load(areaCode),
  ]);
  const series = await Promise.all(parties.map((party) => loaders.pictureSeries({ from, to, first: EXPORT_SERIES_LENGTH }).load(`${areaCode} ${party.partyId}`)));
  const observationsOf = new Map<string, Observation[]>();
  await Promise.all(series.flat().map(async (r) => observationsOf.set(r.id, await loaders.observations.load(r.id))));
  const report = (r: SituationReport) => ({
    id: r.id,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    level: r.level,
    authorTrend: r.trend,
    summary: r.summary,
    visibility: r.visibility,
    templateId: r.templateId,
    createdAt: r.createdAt.toISOString(),
    observations: observationsOf.get(r.id)!.map(({ category, level, trend, description }) => ({ category, level, trend, description })),
  });
  return {
    ...EXPORT_FORMAT,
    areaCode,
    from,
    to,
    generatedAt: now.toISOString(),
    combined: {
      reportCount: picture.reportCount,
      reportingParties: picture.reportingParties,
      highestLevel: picture.highestLevel,
      mostRecentLevel: picture.mostRecentLevel,
      mostRecentReportId: picture.mostRecentReportId,
      newerHiddenReports: picture.newerHiddenReports,
      computedTrend: picture.computedTrend,
    },
    parties: parties.map((party, index) => ({
      partyId: party.partyId,
      reportCount: party.reportCount,
      latestLevel: party.latestLevel,
      previousLevel: party.previousLevel,
      computedTrend: party.computedTrend,
      reports: series[index].map(report),
    })),
  };
}
