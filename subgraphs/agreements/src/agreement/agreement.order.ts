import { registerEnumType } from 'type-graphql';
import { isCalendarDay, Ordering } from '@samverkan/platform';
import { Agreement } from './agreement';

export enum AgreementOrder {
  TITLE = 'TITLE',
  END_DATE = 'END_DATE',
}

registerEnumType(AgreementOrder, {
  name: 'AgreementOrder',
  description: 'How the agreements list is ordered; ties are broken by id, so paging is stable.',
  valuesConfig: {
    TITLE: { description: 'By title (the default).' },
    END_DATE: { description: 'Soonest end first; open-ended agreements (no end date) last.' },
  },
});

/** An open-ended agreement sorts after every dated one: PostgreSQL's date 'infinity', which no input can hold. */
const OPEN_END = 'infinity';

/** The keyset ordering of each order; each names itself in its cursors, so another order refuses them. */
export const AGREEMENT_ORDERINGS: Record<AgreementOrder, Ordering<Agreement>> = {
  [AgreementOrder.TITLE]: {
    name: AgreementOrder.TITLE,
    column: 'agreement.title',
    property: 'title',
    direction: 'ASC',
    accept: (key) => typeof key === 'string',
  },
  [AgreementOrder.END_DATE]: {
    name: AgreementOrder.END_DATE,
    column: `COALESCE(agreement.ends_on, CAST('${OPEN_END}' AS date))`,
    property: 'endsOn',
    direction: 'ASC',
    key: (agreement) => agreement.endsOn ?? OPEN_END,
    accept: (key) => key === OPEN_END || isCalendarDay(key),
  },
};
