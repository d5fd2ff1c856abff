import DataLoader from 'dataloader';
import { publicRecords, Visibility } from '@samverkan/federation';
import { capSenderDomain, logger } from '@samverkan/platform';
import { capAlert } from './cap';
import { Incident } from './incident';

/**
 * Area and owner names for alerts, from the registry, which owns them (public fields). An alert
 * stays an alert without them (the area code stands in for its name), so an unreachable registry
 * costs the names, not the export.
 */
async function namesFor(incidents: readonly Incident[]) {
  const names = (type: 'Area' | 'Actor', keys: string[]) =>
    publicRecords(type, keys, 'name').catch((error) => {
      logger.warn({ err: error }, 'CAP export without names: the registry did not answer');
      return new Map<string, Record<string, unknown>>();
    });
  const [areas, owners] = await Promise.all([names('Area', incidents.map((i) => i.areaCode)), names('Actor', incidents.map((i) => i.ownerId))]);
  const nameOf = (found: Map<string, Record<string, unknown>>, key: string) => (found.get(key)?.name as string | undefined) ?? null;
  return { area: (code: string) => nameOf(areas, code), owner: (id: string) => nameOf(owners, id.toLowerCase()) };
}

/**
 * The CAP 1.2 alerts of incidents the caller may already see, each at its current version (one
 * message per version, see docs/cap-export.md). An Update or Cancel references the incident's first
 * alert, whose `sent` is when the incident was created: the one earlier message every receiver holds.
 */
export async function capAlertsOf(incidents: readonly Incident[]): Promise<string[]> {
  const names = await namesFor(incidents);
  const senderDomain = capSenderDomain();
  return incidents.map((incident) =>
    capAlert(
      {
        ...incident,
        description: incident.description ?? '',
        public: incident.visibility === Visibility.PUBLIC,
        point: incident.latitude !== null && incident.longitude !== null ? { latitude: incident.latitude, longitude: incident.longitude } : null,
        ownerName: names.owner(incident.ownerId),
        areaName: names.area(incident.areaCode),
      },
      { senderDomain, previous: incident.version > 1 ? [{ version: 1, sent: incident.createdAt }] : [] },
    ),
  );
}

/** `Incident.capAlert`, per request: one call to the registry for the names of every incident asked for. */
export const capAlertLoader = () => new DataLoader<Incident, string, string>(capAlertsOf, { cacheKeyFn: (incident) => `${incident.id}:${incident.version}` });
