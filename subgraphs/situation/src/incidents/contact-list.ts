import { EntityManager } from 'typeorm';
import { selfAndAncestors } from '@samverkan/federation';
import { incidentContactDeadlineMinutes, Viewer } from '@samverkan/platform';
import { CrisisRoster } from '../roster/crisis-roster';
import { rosterVisibleSql } from '../roster/roster-access';
import { Incident, IncidentContact, IncidentContactStatus } from './incident';
import { IncidentKind, IncidentStatus } from './incident-vocabulary';

/**
 * The crisis roster a new incident activates: of the rosters of its area and the wider areas that
 * have lines for its kind and that the opener may see (as its maintainers always do; so the list never shows the opener a roster
 * hidden from them), the nearest one. Null when there is none.
 */
export async function rosterToActivate(manager: EntityManager, viewer: Viewer, areaCode: string, kind: IncidentKind): Promise<CrisisRoster | null> {
  const chain = selfAndAncestors(areaCode);
  const rosters = await manager.getRepository(CrisisRoster).createQueryBuilder('roster')
    .where(...rosterVisibleSql('roster', viewer))
    .andWhere('roster.area_code IN (:...chain)', { chain })
    .andWhere('EXISTS (SELECT 1 FROM crisis_roster_entries e WHERE e.roster_id = roster.id AND e.incident_kind = :kind)', { kind })
    .getMany();
  return rosters.sort((a, b) => chain.indexOf(a.areaCode) - chain.indexOf(b.areaCode))[0] ?? null;
}

/** Copies the roster's lines for the kind into the incident's contact list, in the incident's transaction: a snapshot, which later roster changes leave alone. */
export async function copyRosterLines(manager: EntityManager, incidentId: string, rosterId: string, kind: IncidentKind): Promise<void> {
  await manager.query(
    `INSERT INTO incident_contacts (incident_id, position, role, contact_function_id, actor_id, task, status)
     SELECT $1, e.position, e.role, e.contact_function_id, e.actor_id, e.task, 'UNCONTACTED'
       FROM crisis_roster_entries e WHERE e.roster_id = $2 AND e.incident_kind = $3`,
    [incidentId, rosterId, kind],
  );
}

/** Lines with no contact made: never contacted, or tried and not reached. Exactly who "was not contacted". */
export const NOT_CONTACTED = [IncidentContactStatus.UNCONTACTED, IncidentContactStatus.NOT_REACHED];
export const isNotContacted = (line: IncidentContact) => NOT_CONTACTED.includes(line.status);

/** Statuses in which the contact list is still being worked through, so a missed deadline matters. */
export const UNDER_WAY = [IncidentStatus.OPEN, IncidentStatus.ACTIVE];

/** When every line should have been contacted: INCIDENT_CONTACT_DEADLINE_MINUTES after activation. */
export const contactDeadline = (incident: Pick<Incident, 'activatedAt'>) => new Date(incident.activatedAt.getTime() + incidentContactDeadlineMinutes() * 60_000);

/** Whether an incident is overdue at `now`: under way, past its deadline, with lines not contacted. */
export const isOverdue = (incident: Incident, lines: IncidentContact[], now: Date) =>
  UNDER_WAY.includes(incident.status) && now.getTime() >= contactDeadline(incident).getTime() && lines.some(isNotContacted);

/** The same rule as `isOverdue`, as SQL over `alias` with its named parameters, for the list filter. */
export function overdueSql(alias: string, now: Date): [string, Record<string, unknown>] {
  return [
    `(${alias}.status IN (:...overdueUnderWay) AND ${alias}.activated_at <= :overdueActivatedBy
      AND EXISTS (SELECT 1 FROM incident_contacts oc WHERE oc.incident_id = ${alias}.id AND oc.status IN (:...overdueNotContacted)))`,
    {
      overdueUnderWay: UNDER_WAY,
      overdueActivatedBy: new Date(now.getTime() - incidentContactDeadlineMinutes() * 60_000),
      overdueNotContacted: NOT_CONTACTED,
    },
  ];
}
