import { Request, Router } from 'express';
import { DataSource } from 'typeorm';
import { AREA_CODE_PATTERN } from '@samverkan/federation';
import { Authenticate, Clock, ErrorCode, HttpError, isCalendarDay, NESTED_LIST_MAX, readOnlyApi, Viewer } from '@samverkan/platform';
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
  return readOnlyApi('/situation-picture', 'situation picture export', authenticate, (router) => {
    router.get('/situation-picture/:areaCode', async (req, res) => {
      const areaCode = req.params.areaCode;
      if (!AREA_CODE_PATTERN.test(areaCode)) throw new HttpError(400, ErrorCode.BAD_USER_INPUT, 'areaCode must be an area code, e.g. "0380" or "0380-gottsunda"');
      const { from, to } = picturePeriod({ from: day(req, 'from'), to: day(req, 'to') });
      res.json(await exportPicture(createLoaders(dataSource, res.locals.viewer as Viewer, undefined, clock), { areaCode, from, to }, clock.now()));
    });
  });
}

/** A required query parameter holding a calendar day (YYYY-MM-DD). */
function day(req: Request, name: string): string {
  const value = req.query[name];
  if (!isCalendarDay(value)) throw new HttpError(400, ErrorCode.BAD_USER_INPUT, `${name} is required, once, as a day: YYYY-MM-DD`);
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
