import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** An actor, owned by the actors subgraph; only its key is known here. */
@ObjectType({ description: 'An organisation or unit (owned by the actors registry). Here: the agreements it is a party to.' })
@Directive('@key(fields: "id")')
export class Actor {
  @Field(() => ID, { description: 'Stable identifier of the actor (a UUID).' })
  id: string;
}

/** An area, owned by the actors subgraph; only its key is known here. */
@ObjectType({ description: 'A geographic area (owned by the actors registry). Here: the agreements covering it.' })
@Directive('@key(fields: "code")')
export class Area {
  @Field(() => ID, { description: 'Area code: `SE`, a länskod (`01`), a kommunkod (`0180`) or a district code (`0180-rinkeby-kista`).' })
  code: string;
}
