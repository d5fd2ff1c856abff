import { DataSource, EntityTarget, FindOptionsOrder, FindOptionsWhere, In } from 'typeorm';
import { groupLoader, isUuid } from '@samverkan/platform';

/** A row that belongs to one agreement and has its place in the agreement's list. */
interface AgreementRow {
  agreementId: string;
  position: number;
}

/**
 * By agreement id, the rows of `entity` that belong to each agreement, in their order (position,
 * then id): one statement for any number of agreements. Only asked for agreements the viewer was
 * shown (fields of `Agreement`), so it needs no visibility rule of its own.
 */
export function rowsOfAgreementLoader<T extends AgreementRow & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>) {
  return groupLoader<string, T>(async (ids) => {
    const rows = await dataSource.getRepository(entity).find({
      where: { agreementId: In(ids.filter(isUuid)) } as FindOptionsWhere<T>,
      order: { position: 'ASC', id: 'ASC' } as FindOptionsOrder<T>,
    });
    return rows.map((row) => [row.agreementId, row]);
  });
}
