import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ENTITIES, GeoPoint, KEY_DESCRIPTIONS, pointOf } from '@samverkan/federation';

export enum AreaKind {
  COUNTRY = 'COUNTRY',
  COUNTY = 'COUNTY',
  MUNICIPALITY = 'MUNICIPALITY',
  DISTRICT = 'DISTRICT',
  NAMED_AREA = 'NAMED_AREA',
}

registerEnumType(AreaKind, {
  name: 'AreaKind',
  description:
    'Level of an area in the hierarchy country > county (län) > municipality (kommun) > district, or a named area spanning districts of a municipality.',
  valuesConfig: {
    COUNTRY: { description: 'Sweden.' },
    COUNTY: { description: 'A county (län), with its two-digit länskod.' },
    MUNICIPALITY: { description: 'A municipality (kommun), with its four-digit kommunkod.' },
    DISTRICT: { description: 'A district (stadsdel or område) within a municipality.' },
    NAMED_AREA: {
      description:
        'A named area spanning districts of one municipality, e.g. "Järva" (Rinkeby-Kista and Spånga-Tensta): in the actors registry its code matches the records of its districts.',
    },
  },
});

/** The levels below municipality that the registry manages (areas/area-management.ts). */
export enum LocalAreaKind {
  DISTRICT = 'DISTRICT',
  NAMED_AREA = 'NAMED_AREA',
}

registerEnumType(LocalAreaKind, {
  name: 'LocalAreaKind',
  description: 'The kinds of area below municipality level that administrators and municipalities create.',
  valuesConfig: {
    DISTRICT: { description: 'A district (stadsdel or område) within a municipality.' },
    NAMED_AREA: { description: 'A named area spanning districts of the municipality (give them as `memberCodes`).' },
  },
});

@ObjectType({ description: ENTITIES.Area.description })
@Directive('@key(fields: "code")')
@Entity('areas')
export class Area {
  @Field(() => ID, { description: KEY_DESCRIPTIONS.code })
  @PrimaryColumn('text')
  code: string;

  /** What the change log names the area by (it names records by uuid); not part of the API. */
  @Column({ type: 'uuid', update: false, default: () => 'gen_random_uuid()' })
  id: string;

  @Field({ description: 'Name in Swedish, e.g. "Stockholms län", "Göteborg", "Rinkeby-Kista".' })
  @Column('text')
  name: string;

  @Field(() => [String], { description: 'Other names the area is known and found by, e.g. former names or "Järvafältet".' })
  @Column('text', { array: true, default: () => "'{}'" })
  aliases: string[];

  @Field(() => AreaKind, { description: 'Level of the area in the hierarchy.' })
  @Column('text')
  kind: AreaKind;

  @Column('text', { name: 'parent_code', nullable: true })
  parentCode: string | null;

  @Column('double precision', { nullable: true })
  latitude: number | null;

  @Column('double precision', { nullable: true })
  longitude: number | null;

  @Field(() => Int, { description: 'Increases with every change. Send it back with an update: a stale version is refused.' })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the area was archived; null while it is in use.' })
  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  @Field({
    description:
      'True for an archived area: still shown where records name it, but left out of area lists and not given to new records. Its code is never reused.',
  })
  get archived(): boolean {
    return Boolean(this.archivedAt);
  }

  @Field(() => GeoPoint, { nullable: true, description: 'A representative point of the area (e.g. its centre), when known.' })
  get location(): GeoPoint | null {
    return pointOf(this.latitude, this.longitude);
  }
}
