/**
 * The README's first example, the district picture: a district's actors, local ones first, their
 * agreements and activities there (not the whole country's), and the latest situation picture. `npm start` prints it, the tests and the gateway
 * benchmark run it, so all of them ask the same question.
 */
export const districtPicture = (code: string) => `{
  area(code: "${code}") {
    name
    latestSituationReport { level trend summary reportedBy { name } }
    actors(scope: OVERLAPPING) {
      name kind
      agreements(areaCode: "${code}", areaScope: OVERLAPPING) { title kind status }
      activities(areaCode: "${code}", areaScope: OVERLAPPING) { title kind startsOn }
    }
  }
}`;
