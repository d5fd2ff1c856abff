import { DataSource } from 'typeorm';
import { externalIdLoader } from '@samverkan/federation';
import { groupLoader, isUuid, recordLoader, Viewer } from '@samverkan/platform';
import { CrisisRoster, CrisisRosterEntry } from './crisis-roster';
import { rosterVisibleSql } from './roster-access';
import { IncidentKind } from '../incidents/incident-vocabulary';

/** SQL: an entry's kind as its place in the vocabulary's order, so lists follow the enum, not the alphabet. */
export const KIND_ORDER_SQL = (column: string) =>
  `array_position(ARRAY[${Object.values(IncidentKind).map((kind) => `'${kind}'`).join(', ')}]::text[], ${column})`;

/** Per-request loaders of crisis rosters: every one returns only the rosters the viewer may see. */
export function rosterLoaders(dataSource: DataSource, viewer: Viewer) {
  const rosters = dataSource.getRepository(CrisisRoster);
  const visible = () => rosters.createQueryBuilder('r').andWhere(...rosterVisibleSql('r', viewer));

  return {
    roster: recordLoader<string, CrisisRoster>(async (ids) => {
      const wellFormed = ids.filter(isUuid);
      return wellFormed.length ? visible().andWhere('r.id IN (:...ids)', { ids: wellFormed }).getMany() : [];
    }, (r) => r.id),
    /** The roster of exactly each area (there is at most one), if the viewer may see it. */
    rosterOfArea: recordLoader<string, CrisisRoster>((codes) => visible().andWhere('r.area_code = ANY(:codes)', { codes }).getMany(), (r) => r.areaCode),
    /** The viewer's organisation's rosters by their `externalId`. */
    rosterByExternalId: externalIdLoader(dataSource, CrisisRoster, viewer),
    /**
     * Entries are part of their roster: only ever asked for rosters the viewer already sees. One
     * statement for all rosters of a request, by kind (the vocabulary's order), place, primary first.
     */
    rosterEntries: groupLoader<string, CrisisRosterEntry>(async (rosterIds) =>
      (
        await dataSource
          .getRepository(CrisisRosterEntry)
          .createQueryBuilder('e')
          .where('e.roster_id = ANY(:rosterIds)', { rosterIds })
          .orderBy(KIND_ORDER_SQL('e.incident_kind'))
          .addOrderBy('e.position')
          .addOrderBy(`e.role = 'BACKUP'`)
          .addOrderBy('e.contact_function_id')
          .getMany()
      ).map((entry) => [entry.rosterId, entry]),
    ),
  };
}
