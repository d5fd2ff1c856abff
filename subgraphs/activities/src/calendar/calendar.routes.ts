import { createHash } from 'node:crypto';
import { NextFunction, Request, Response, Router } from 'express';
import { DataSource } from 'typeorm';
import { todayInSweden } from '@samverkan/federation';
import { Clock, ErrorCode, HttpError, isUuid, jsonErrorHandler, PUBLIC } from '@samverkan/platform';
import { Activity, ActivityKind } from '../activity';
import { filteredActivities } from '../activity-filter';
import { createLoaders } from '../loaders';
import { ActivityCalendarFilter, activityFilterOf, assertCalendarFilter, listCalendarUrl, MAX_CALENDAR_ACTIVITIES } from './calendar-filter';
import { activitiesCalendar } from './ical';

/**
 * Activities as iCalendar (RFC 5545), beside `/graphql`, for "Lägg till i kalendern" and calendar
 * subscriptions on a parent's phone:
 *
 *   GET /calendar/activities/{id}.ics    one activity (404 when there is none)
 *   GET /calendar/activities.ics?area=…&kind=…&kind=…&ageMin=…&ageMax=…
 *                                        the activities the `activities` query lists for that filter
 *                                        and `from` today, newest start first, at most 200
 *
 * Always as the public sees them: a calendar app sends no token, so a token is not read at all and
 * nothing internal is ever in a file. ETag and Last-Modified come from the activities' versions
 * and change times, so a calendar that asks again gets 304 while nothing changed.
 */
export function calendarRouter(dataSource: DataSource, clock: Clock): Router {
  const router = Router();

  router.use('/calendar', (req: Request, res: Response, next: NextFunction) => {
    res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET' });
    if (req.method === 'OPTIONS') return void res.sendStatus(204);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, ErrorCode.BAD_USER_INPUT, 'The calendar files are read-only: use GET');
    next();
  });

  router.get('/calendar/activities.ics', async (req, res) => {
    const filter = calendarFilterOf(req);
    await assertCalendarFilter(filter);
    const query = await filteredActivities(dataSource, activityFilterOf(filter, todayInSweden(clock.now())), createLoaders(dataSource, PUBLIC));
    const activities = await query.orderBy('activity.starts_on', 'DESC').addOrderBy('activity.id', 'DESC').limit(MAX_CALENDAR_ACTIVITIES).getMany();
    send(req, res, activities, 'Aktiviteter', listCalendarUrl(filter), 'aktiviteter.ics', todayInSweden(clock.now()));
  });

  router.get('/calendar/activities/:file', async (req, res) => {
    const id = /^(.+)\.ics$/.exec(req.params.file)?.[1];
    const activity = id && isUuid(id) ? await dataSource.getRepository(Activity).findOneBy({ id }) : null;
    if (!activity) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No such activity');
    send(req, res, [activity], activity.title, undefined, 'aktivitet.ics', '');
  });

  router.use('/calendar', (_req: Request, _res: Response, next: NextFunction) => next(new HttpError(404, ErrorCode.NOT_FOUND, 'No such calendar')));

  router.use('/calendar', jsonErrorHandler);
  return router;
}

/** Writes the calendar, or 304 when the caller has this version already. */
function send(req: Request, res: Response, activities: Activity[], name: string, url: string | undefined, filename: string, day: string) {
  const versions = activities.map((a) => `${a.id}:${a.version}`).join(',');
  // The list's members change with the day (`from` today), so the day is part of its tag.
  const tag = createHash('sha256').update(`${day}|${versions}`).digest('base64url').slice(0, 27);
  const lastModified = activities.reduce<Date | null>((latest, a) => (latest && latest >= a.updatedAt ? latest : a.updatedAt), null);
  res.set({
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `inline; filename="${filename}"`,
    'Cache-Control': 'public, max-age=300',
    ETag: `"${tag}"`,
  });
  if (lastModified) res.set('Last-Modified', lastModified.toUTCString());
  if (req.fresh) return void res.status(304).end();
  res.send(activitiesCalendar(activities, name, url).toString());
}

/** The query parameters of the list, checked: a parameter given twice where once is allowed, or not a number, is 400. */
function calendarFilterOf(req: Request): ActivityCalendarFilter {
  const list = (name: string): string[] => {
    const value = req.query[name];
    if (value === undefined) return [];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v !== 'string')) throw new HttpError(400, ErrorCode.BAD_USER_INPUT, `${name} must be plain text`);
    return (values as string[]).filter((v) => v !== '');
  };
  const one = (name: string): string | undefined => {
    const values = list(name);
    if (values.length > 1) throw new HttpError(400, ErrorCode.BAD_USER_INPUT, `Give ${name} once`);
    return values[0];
  };
  const age = (name: string): number | undefined => {
    const value = one(name);
    if (value === undefined) return undefined;
    if (!/^\d{1,3}$/.test(value)) throw new HttpError(400, ErrorCode.BAD_USER_INPUT, `${name} must be a whole number from 0 to 120`);
    return Number(value);
  };
  const known = new Set(['area', 'kind', 'ageMin', 'ageMax']);
  const unknown = Object.keys(req.query).filter((key) => !known.has(key));
  if (unknown.length) throw new HttpError(400, ErrorCode.BAD_USER_INPUT, `Unknown parameters: ${unknown.join(', ')} (area, kind, ageMin and ageMax are known)`);
  return { areaCode: one('area'), kinds: list('kind') as ActivityKind[], ageFrom: age('ageMin'), ageTo: age('ageMax') };
}
