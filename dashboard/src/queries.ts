import { figuresSelection, hasFigures } from './measures';


/** The gateway queries the dashboard sends; the figures' selection comes from the build's catalogue. */
const FIGURES = hasFigures ? `figures(month: $month) { basis minimumCount ${figuresSelection()} }` : '';

const AREA = `code name kind onePersonDependencyCount
  coverage { missingCategoriesLocally ageGroupsWithoutLocalService districtsWithoutCivilSociety { code name } }
  ${FIGURES}`;

/**
 * One level of the drill-down in one query: the area, its ancestors for the breadcrumb, and the areas
 * directly below it (Sweden's counties, a county's municipalities, a municipality's districts) as the
 * table's rows, each with its figures from every subgraph. Through `children`, which holds 50 areas
 * by default: more than any county's municipalities (Västra Götaland has 49), and no more than the
 * gateway's cost limit counts for (a list's fields times its `first`).
 */
export const LEVEL = `query DashboardLevel($code: ID!${hasFigures ? ', $month: String' : ''}) {
  area(code: $code) { ${AREA} parent { code name parent { code name parent { code name } } } children { ${AREA} } }
}`;

export const SERIES = hasFigures
  ? `query DashboardSeries($code: ID!) { figureSeries(areaCode: $code, months: 24) { month ${figuresSelection()} } }`
  : undefined;

export const EXPIRING = `query ExpiringAgreements($code: ID!, $from: LocalDate!, $to: LocalDate!) {
  agreements(first: 100, orderBy: END_DATE, filter: { areaCode: $code, areaScope: WITHIN, statuses: [ACTIVE], endsOnOrAfter: $from, endsOnOrBefore: $to }) {
    totalCount
    nodes { id title kind endsOn parties { actor { name } } areas { code name } }
  }
}`;

export const ONE_PERSON = `query OnePersonDependencies($code: ID!) {
  onePersonDependencies(areaCode: $code, first: 100) {
    totalCount
    nodes { id name holderCount actor { name } area { code name } }
  }
}`;

/**
 * Open and active incidents within the area that the viewer may see (the API decides), most recently
 * opened first, with what the overdue flag needs: how many lines are not contacted and which
 * organisations were not reached.
 */
export const INCIDENTS = `query OngoingIncidents($code: ID!) {
  incidents(first: 100, filter: { areaCode: $code, areaScope: WITHIN, statuses: [OPEN, ACTIVE] }) {
    totalCount
    nodes {
      id title kind severity status activatedAt contactDeadline overdue area { code name }
      contacts { status } notContacted { id } organisationsNotReached { id name }
    }
  }
}`;

/** Crisis rosters within the area with gaps (a kind of incident with no one, a place with no backup), by area code. */
export const ROSTER_GAPS = `query CrisisRosterGaps($code: ID!) {
  crisisRosters(first: 100, filter: { areaCode: $code, areaScope: WITHIN, hasGaps: true }) {
    totalCount
    nodes {
      id gapCount area { code name } owner { name }
      gaps { kind incidentKind position }
      entries { contactFunction { id name isOnePersonDependency } }
    }
  }
}`;

export const WHO_AM_I = `query WhoAmI($id: ID!) { actor(id: $id) { id name } }`;

/** The registry's actors with their names (the dev sign-in names the demo organisations with them; the demo has fewer than 100). */
export const ACTOR_NAMES = `query ActorNames { actors(first: 100) { nodes { id name } } }`;
