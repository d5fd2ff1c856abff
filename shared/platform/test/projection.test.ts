import 'reflect-metadata';
import { graphql, GraphQLResolveInfo } from 'graphql';
import { buildSchema, Field, FieldResolver, ID, Info, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { EntityMetadata } from 'typeorm';
import { columnsFor } from '../src/projection';

@ObjectType()
class Thing {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() kind!: string;
  @Field({ nullable: true }) secret?: string;
  ownerId!: string;
  notes!: string;
  @Field() get shout(): string {
    return this.title.toUpperCase();
  }
}

// A column's name with a field resolver of its own: never read alone.
@Resolver(() => Thing)
class ThingResolver {
  @Query(() => [Thing])
  things(@Info() info: GraphQLResolveInfo): Thing[] {
    seen.push(columnsFor(info, metadata, { fieldColumns: { owner: ['ownerId'] }, always: ['kind'] }));
    return [Object.assign(new Thing(), { id: '1', title: 't', kind: 'k', secret: 's', ownerId: 'o', notes: 'n' })];
  }

  @FieldResolver(() => String, { nullable: true })
  secret(@Root() thing: Thing) {
    return thing.ownerId ? thing.secret : null;
  }

  @FieldResolver(() => String)
  owner(@Root() thing: Thing) {
    return thing.ownerId;
  }

  @FieldResolver(() => String)
  summary(@Root() thing: Thing) {
    return thing.notes;
  }
}

const metadata = {
  target: Thing,
  columns: ['id', 'title', 'kind', 'secret', 'ownerId', 'notes'].map((propertyName) => ({ propertyName })),
  primaryColumns: [{ propertyName: 'id' }],
} as unknown as EntityMetadata;
const seen: Array<string[] | undefined> = [];

async function columnsOf(query: string) {
  const schema = await schemaOnce;
  seen.length = 0;
  const result = await graphql({ schema, source: query });
  expect(result.errors).toBeUndefined();
  return seen[0];
}
const schemaOnce = buildSchema({ resolvers: [ThingResolver] });

describe('the columns a list reads', () => {
  it('reads the columns of plain fields, the key and what is always needed, through fragments', async () => {
    expect(await columnsOf('{ things { title __typename } }')).toEqual(['id', 'kind', 'title']);
    expect(await columnsOf('{ things { ... on Thing { title } ...F } } fragment F on Thing { id }')).toEqual(['id', 'kind', 'title']);
  });

  it('reads what a listed field resolver needs', async () => {
    expect(await columnsOf('{ things { owner } }')).toEqual(['id', 'kind', 'ownerId']);
  });

  it('reads whole records for a field resolver it does not know, even one named as a column, and for getters', async () => {
    expect(await columnsOf('{ things { title summary } }')).toBeUndefined();
    expect(await columnsOf('{ things { secret } }')).toBeUndefined();
    expect(await columnsOf('{ things { shout } }')).toBeUndefined();
  });
});
