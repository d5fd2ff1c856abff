import { DataSource, In, ObjectLiteral } from 'typeorm';
import { areaJoinSql, externalIdLoader, visibleSql, whereVisible } from '@samverkan/federation';
import { byArguments, conditionedListQuery, firstPerKeyLoader, groupLoader, isUuid, recordLoader, Viewer } from '@samverkan/platform';
import { Incident, IncidentContact, IncidentFollowUp } from './incident';
import { AreaIncidentsArgs } from './incident.inputs';
import { capAlertLoader } from './cap-export';

/** The order of a contact list: by place, the primary before its backups (PRIMARY sorts after BACKUP), then by contact function. */
export const CONTACT_ORDER = { position: 'ASC', role: 'DESC', contactFunctionId: 'ASC' } as const;

/** Per-request loaders of incidents: every one returns only the incidents the viewer may see; their lines and follow-ups come with them. */
export function incidentLoaders(dataSource: DataSource, viewer: Viewer) {
  const incidents = dataSource.getRepository(Incident);

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
