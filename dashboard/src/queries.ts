import { figuresSelection, hasFigures } from './measures';


/** The gateway queries the dashboard sends; the figures' selection comes from the build's catalogue. */
const AREA = `code name kind onePersonDependencyCount
  coverage { missingCategoriesLocally ageGroupsWithoutLocalService districtsWithoutCivilSociety { code name } }`;

/** One level of the drill-down: the area itself, its ancestors for the breadcrumb, and its child areas as table rows. */
export const LEVEL = `query DashboardLevel($code: ID!, $kinds: [AreaKind!]) {
  area(code: $code) { ${AREA} parent { code name parent { code name parent { code name } } } }
  areas(first: 100, filter: { withinCode: $code, kinds: $kinds }) { totalCount nodes { ${AREA} } }
}`;

/**
 * The gateway's limits allow at most 20 aliases a query and a cost of 10,000, where a list's cost is
 * multiplied by its `first`: the figures of many areas are asked for as root `figures` fields, 20 a
 * query (each about 200), not through `areas { nodes { figures } }` (some 400 per area times 100).
 */
export const FIGURES_PER_QUERY = 20;

/** The figures of some areas for a month, one alias (`f0`, `f1`, ...) per area. */
export const figuresOf = (codes: string[]) =>
  `query DashboardFigures($month: String) { ${codes
    .map((code, i) => `f${i}: figures(areaCode: ${JSON.stringify(code)}, month: $month) { areaCode basis minimumCount ${figuresSelection()} }`)
    .join(' ')} }`;

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

export const WHO_AM_I = `query WhoAmI($id: ID!) { actor(id: $id) { id name } }`;

/** The registry's actors with their names (the dev sign-in names the demo organisations with them; the demo has fewer than 100). */
export const ACTOR_NAMES = `query ActorNames { actors(first: 100) { nodes { id name } } }`;
