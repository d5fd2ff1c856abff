/**
 * Every GraphQL document the public finder sends: anonymous requests to the gateway, public fields
 * only. Nothing internal is ever asked for (no `internalClassification`, `participantCount`,
 * `policeParticipation`, contact holders or channels of contact functions): tests/finder.test.ts
 * checks this file for them.
 */

/** Counties with their municipalities (and points, for "nära mig"), in one request. */
export const MUNICIPALITIES = /* GraphQL */ `
  query FinderMunicipalities {
    area(code: "SE") {
      children(first: 50) {
        code
        name
        children(first: 100) { code name kind location { latitude longitude } }
      }
    }
  }
`;

/** A municipality's districts and named areas, for the second choice of place. */
export const DISTRICTS = /* GraphQL */ `
  query FinderDistricts($code: ID!) {
    area(code: $code) { code children(first: 100) { code name kind } }
  }
`;

/**
 * The activities matching the parent's choices, with all the finder shows of each.
 *
 * TODO(integration): when `ActivityFilter.near` lands, "nära mig" sends
 *   `filter: { near: { latitude, longitude, radiusKm } }` with `orderBy: DISTANCE`
 * (add `$orderBy: ActivityOrder` here and `orderBy: $orderBy` to `activities(...)`; see search.ts).
 * TODO(integration): add these fields to the selection below, once in the supergraph:
 *   distanceKm
 *   areas { code name }
 *   vouches { by { name } since }
 *   calendarUrl
 * and on the connection the list's calendar URL (named as the API names it) for "Prenumerera".
 * The types in search.ts already carry them as optional fields; the UI shows them when present.
 */
export const ACTIVITIES = /* GraphQL */ `
  query FinderActivities($filter: ActivityFilter, $first: Int!, $after: String, $from: LocalDate, $to: LocalDate) {
    activities(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        title
        kind
        ageMin
        ageMax
        startsOn
        endsOn
        publicDescription
        languages
        accessibilityFeatures
        npfAdaptations
        accessibilityNote
        schedule { startTime endTime recurrence }
        nextOccurrence { date startsAt endsAt }
        occurrences(from: $from, to: $to, first: 4) { date startsAt endsAt cancelled note }
        venue {
          name
          address { street postalCode city }
          location { latitude longitude }
        }
        address { street postalCode city location { latitude longitude } }
        cost { free amountSek fritidskortetAccepted note }
        signUp { method url note }
        area { code name }
        organisers {
          id
          name
          publicContact { name channels { kind value note } }
        }
      }
    }
  }
`;
