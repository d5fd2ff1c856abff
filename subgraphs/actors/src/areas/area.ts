import { Directive, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ENTITIES, KEY_DESCRIPTIONS } from '@samverkan/federation';

export enum AreaKind {
  COUNTRY = 'COUNTRY',
  COUNTY = 'COUNTY',
  MUNICIPALITY = 'MUNICIPALITY',
  DISTRICT = 'DISTRICT',
}

registerEnumType(AreaKind, {
  name: 'AreaKind',
  description: 'Level of an area in the hierarchy country > county (län) > municipality (kommun) > district.',
  valuesConfig: {
    COUNTRY: { description: 'Sweden.' },
    COUNTY: { description: 'A county (län), with its two-digit länskod.' },
    MUNICIPALITY: { description: 'A municipality (kommun), with its four-digit kommunkod.' },
    DISTRICT: { description: 'A district (stadsdel or område) within a municipality.' },
  },
});

@ObjectType({ description: 'A point in WGS 84 coordinates.' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in decimal degrees (WGS 84).' })
  latitude: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees (WGS 84).' })
  longitude: number;
}

@ObjectType({ description: ENTITIES.Area.description })
@Directive('@key(fields: "code")')
@Entity('areas')
export class Area {
  @Field(() => ID, { description: KEY_DESCRIPTIONS.code })
  @PrimaryColumn('text')
  code: string;

  @Field({ description: 'Name in Swedish, e.g. "Stockholms län", "Göteborg", "Rinkeby-Kista".' })
  @Column('text')
  name: string;

  @Field(() => AreaKind, { description: 'Level of the area in the hierarchy.' })
  @Column('text')
  kind: AreaKind;

  @Column('text', { name: 'parent_code', nullable: true })
  parentCode: string | null;

  @Column('double precision', { nullable: true })
  latitude: number | null;

  @Column('double precision', { nullable: true })
  longitude: number | null;

  @Field(() => GeoPoint, { nullable: true, description: 'A representative point of the area (e.g. its centre), when known.' })
  get location(): GeoPoint | null {
    return this.latitude === null || this.longitude === null ? null : { latitude: this.latitude, longitude: this.longitude };
  }
}
