import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IncidentKind } from '../incidents/incident-vocabulary';
import { CrisisRosterEntry, RosterRole } from './crisis-roster';

export enum RosterGapKind {
  NO_CONTACT = 'NO_CONTACT',
  NO_BACKUP = 'NO_BACKUP',
}

registerEnumType(RosterGapKind, {
  name: 'RosterGapKind',
  description: 'What is missing in a crisis roster.',
  valuesConfig: {
    NO_CONTACT: { description: 'A kind of incident with no primary entry: nobody would be contacted.' },
    NO_BACKUP: { description: 'A place in the order with a primary and no backup: if the primary is not reached, nobody stands in.' },
  },
});

@ObjectType({
  description:
    'A gap in a crisis roster. Whether a listed contact function rests on one person is the registry\'s to say: ask `entries { contactFunction { isOnePersonDependency } }`.',
})
export class RosterGap {
  @Field(() => RosterGapKind, { description: 'What is missing.' })
  kind: RosterGapKind;

  @Field(() => IncidentKind, { description: 'The kind of incident concerned.' })
  incidentKind: IncidentKind;

  @Field(() => Int, { nullable: true, description: 'The place in the order concerned (NO_BACKUP); null for NO_CONTACT.' })
  position: number | null;
}

const KINDS = Object.values(IncidentKind);

/**
 * The gaps of a roster from its entries: every kind without a primary, then every place in the
 * order with a primary and no backup, in the order of the kinds and positions.
 */
export function rosterGaps(entries: readonly CrisisRosterEntry[]): RosterGap[] {
  return KINDS.flatMap((incidentKind): RosterGap[] => {
    const ofKind = entries.filter((entry) => entry.incidentKind === incidentKind);
    const primaries = [...new Set(ofKind.filter((entry) => entry.role === RosterRole.PRIMARY).map((entry) => entry.position))].sort((a, b) => a - b);
    if (primaries.length === 0) return [{ kind: RosterGapKind.NO_CONTACT, incidentKind, position: null }];
    const backedUp = new Set(ofKind.filter((entry) => entry.role === RosterRole.BACKUP).map((entry) => entry.position));
    return primaries.filter((position) => !backedUp.has(position)).map((position) => ({ kind: RosterGapKind.NO_BACKUP, incidentKind, position }));
  });
}
