/**
 * Every GraphQL document the public finder sends: anonymous requests to the gateway, public fields
 * only. Nothing internal is ever asked for (no `internalClassification`, `participantCount`,
 * `policeParticipation`, contact holders or channels of contact functions): tests/finder.test.ts
 * checks this file for them.
 */

/** Counties with their municipalities, in one request. */
export const MUNICIPALITIES = /* GraphQL */ `
  query FinderMunicipalities {
    area(code: "SE") {
      children(first: 50) {
        code
        name
        children(first: 100) { code name kind }
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
 * The activities matching the parent's choices, with all the finder shows of each, and the URL of
 * the same list as a calendar a phone can subscribe to. "Nära mig" sends `filter.near` with
 * `orderBy: DISTANCE` (each activity then has its `distanceKm`).
 */
export const ACTIVITIES = /* GraphQL */ `
  query FinderActivities($filter: ActivityFilter, $orderBy: ActivityOrder! = START_DATE, $first: Int!, $after: String, $from: LocalDate, $to: LocalDate, $calendar: ActivityCalendarFilter) {
    listCalendarUrl: activityCalendarUrl(filter: $calendar)
    activities(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
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
        areas { code name }
        distanceKm
        vouches { by { name } since }
        calendarUrl
        organisers {
          id
          name
          publicContact { name channels { kind value note } }
        }
      }
    }
  }
`;
