import { registerEnumType } from 'type-graphql';

/** What kind of organisation or unit an actor is: the actors registry's vocabulary, which other subgraphs also name. */
export enum ActorKind {
  POLICE = 'POLICE',
  MUNICIPALITY = 'MUNICIPALITY',
  REGION = 'REGION',
  NATIONAL_AUTHORITY = 'NATIONAL_AUTHORITY',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  FAITH_COMMUNITY = 'FAITH_COMMUNITY',
  BUSINESS = 'BUSINESS',
  SCHOOL = 'SCHOOL',
}

registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'What kind of organisation or unit an actor is.',
  valuesConfig: {
    POLICE: { description: 'The Police Authority or one of its units (polisregion, lokalpolisområde).' },
    MUNICIPALITY: { description: 'A municipality (kommun) or one of its units, e.g. social services or a district administration.' },
    REGION: { description: 'A region (healthcare, regional development).' },
    NATIONAL_AUTHORITY: { description: 'A national authority or public body, e.g. MUCF, Allmänna Arvsfonden, SKR.' },
    CIVIL_SOCIETY: { description: 'A non-profit association or foundation, national or local (förening, stiftelse).' },
    FAITH_COMMUNITY: { description: 'A faith community (trossamfund) or congregation.' },
    BUSINESS: { description: 'A business, including housing companies (bostadsbolag) and local traders.' },
    SCHOOL: { description: 'A school or school organisation.' },
  },
});
