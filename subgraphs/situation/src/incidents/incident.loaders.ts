import { DataSource, In, ObjectLiteral } from 'typeorm';
import { areaJoinSql, externalIdLoader, visibleSql, whereVisible } from '@samverkan/federation';
import { byArguments, conditionedListQuery, firstOfEachLoader, firstPerKeyLoader, groupLoader, isUuid, recordLoader, Viewer } from '@samverkan/platform';
import { Incident, IncidentContact, IncidentFollowUp } from './incident';
import { AreaIncidentsArgs, ContactLogArgs } from './incident.inputs';
import { IncidentContactLogEntry } from './contact-log';
import { capAlertLoader } from './cap-export';

/** The order of a contact list: by place, the primary before its backups (PRIMARY sorts after BACKUP), then by contact function. */
export const CONTACT_ORDER = { position: 'ASC', role: 'DESC', contactFunctionId: 'ASC' } as const;

/** Per-request loaders of incidents: every one returns only the incidents the viewer may see; their lines and follow-ups come with them. */
export function incidentLoaders(dataSource: DataSource, viewer: Viewer) {
  const incidents = dataSource.getRepository(Incident);

  // Entries are asked for only through incidents the viewer sees; the rule holds in their query too.
  const [visibleIncident, visibleParameters] = visibleSql('i', viewer);
  const entriesVisible: [string, ObjectLiteral] = [`EXISTS (SELECT 1 FROM incidents i WHERE i.id = t.incident_id AND ${visibleIncident})`, visibleParameters];
  const visible = () => whereVisible(incidents.createQueryBuilder('i'), viewer);
  const newestFirst = (ids: string[]) =>
    visible().andWhere('i.id IN (:...ids)', { ids }).orderBy('i.activated_at', 'DESC').addOrderBy('i.id', 'DESC').getMany();

  return {
    incidentCapAlert: capAlertLoader(),
    incident: recordLoader<string, Incident>(
      async (ids) => {
        const wellFormed = ids.filter(isUuid);
        return wellFormed.length ? visible().andWhere('i.id IN (:...ids)', { ids: wellFormed }).getMany() : [];
      },
      (i) => i.id,
    ),
    incidentByExternalId: externalIdLoader(dataSource, Incident, viewer),
    /** Contact lists are part of their incident: only ever asked for incidents the viewer already sees. */
    incidentContacts: groupLoader<string, IncidentContact>(async (incidentIds) =>
      (
        await dataSource.getRepository(IncidentContact).find({ where: { incidentId: In(incidentIds) }, order: { incidentId: 'ASC', ...CONTACT_ORDER } })
      ).map((c) => [c.incidentId, c]),
    ),
    /** Follow-ups are part of their incident, like its lines; in the order they were written. */
    incidentFollowUps: groupLoader<string, IncidentFollowUp>(async (incidentIds) =>
      (
        await dataSource.getRepository(IncidentFollowUp).find({ where: { incidentId: In(incidentIds) }, order: { incidentId: 'ASC', writtenAt: 'ASC', id: 'ASC' } })
      ).map((f) => [f.incidentId, f]),
    ),
    /** `IncidentContact.log`: each line's entries in the order they were logged, the bound in SQL. */
    contactLogOfLine: byArguments(({ first }: ContactLogArgs) =>
      firstOfEachLoader(dataSource, IncidentContactLogEntry, { keyColumn: 'contact_id', keyOf: (entry) => entry.contactId, order: [['sequence', 'ASC']], where: [entriesVisible] }, first),
    ),
    /** `Incident.contactLog`: each incident's entries, the latest logged first, the bound in SQL. */
    contactLogOfIncident: byArguments(({ first }: ContactLogArgs) =>
      firstOfEachLoader(dataSource, IncidentContactLogEntry, { keyColumn: 'incident_id', keyOf: (entry) => entry.incidentId, order: [['sequence', 'DESC']], where: [entriesVisible] }, first),
    ),
    /** `Area.incidents`: by area code and scope, newest activation first, the bound in SQL. */
    incidentsInArea: byArguments(({ scope, first }: AreaIncidentsArgs) =>
      firstPerKeyLoader<Incident>(
        dataSource,
        (keys) =>
          conditionedListQuery(keys, {
            pairs: (codes) => {
              const [join, parameters] = areaJoinSql('incidents', codes, scope, 'CAST(:keys AS text[])');
              return [`SELECT k.key, t.id FROM ${join}`, parameters];
            },
            table: 'incidents',
            conditions: [visibleSql('r', viewer)] as Array<[string, ObjectLiteral]>,
            order: 'r.activated_at DESC, r.id DESC',
            accept: () => true,
          }),
        newestFirst,
        first,
      ),
    ),
  };
}
