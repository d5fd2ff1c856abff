import { Args, ArgsType, ClassType, createUnionType, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { MAX_PAGE_SIZE, SubgraphContext } from '@samverkan/platform';
import { AreaScope } from '../areas';
import { ChangeAction } from '../change-log';
import { ChangeFeed, feedEnd, FeedEntry, FeedPage, MAX_FEED_PAGE, readChanges } from './change-feed';
import { FeedType, registerFeedTypes } from './feed-types';
import { readSnapshot, SnapshotPage } from './snapshot';

@ObjectType({ description: 'One change to a record, as the caller may see it: read the record itself (by `type` and `id`) for its new state.' })
@Directive('@shareable')
export class ChangeFeedEntry implements FeedEntry {
  @Field({ description: 'The position of this entry: a feed read `after` it starts with the next one.' })
  cursor: string;

  @Field({ description: 'The record\'s GraphQL type, e.g. `Activity`.' })
  type: string;

  @Field(() => ID, { description: 'The record\'s id.' })
  id: string;

  @Field(() => ChangeAction, {
    description:
      'CREATED: the record was created or came into your view (visibility widened, shared with you, moved into the area you follow): read it whole. UPDATED: it changed (`fields`). DELETED: it was deleted or left your view (visibility narrowed, sharing withdrawn, moved out of your area); the two are the same to you, on purpose.',
  })
  action: ChangeAction;

  @Field(() => [String], { description: 'The fields the change set that you may see (for CREATED: those given).' })
  fields: string[];

  @Field({ description: 'When the change was committed.' })
  at: Date;
}

@ObjectType({ description: 'A page of a change feed.' })
@Directive('@shareable')
export class ChangeFeedPage implements FeedPage {
  @Field(() => [ChangeFeedEntry], { description: 'The changes, in commit order.' })
  entries: ChangeFeedEntry[];

  @Field({ description: 'Store this and read `after` it next time: it is past every entry this read looked at, also those not shown to you.' })
  cursor: string;

  @Field({ description: 'True when more changes follow now (read again at once); false when you are at the end (read again later).' })
  hasMore: boolean;
}

@ArgsType()
class FeedFilterArgs {
  @Field(() => [String], { nullable: true, description: 'Only these record types (GraphQL type names); all when left out.' })
  types?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Only records in this area (by `scope`); in the feed, a record that moves out of it is DELETED for you, one that moves in CREATED.' })
  areaCode?: string | null;

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'How `areaCode` matches.' })
  scope: AreaScope = AreaScope.WITHIN;
}

@ArgsType()
class SnapshotArgs extends FeedFilterArgs {
  @Field(() => String, { nullable: true, description: 'The `nextPage` of the previous page; left out for the first.' })
  page?: string | null;

  @Field(() => Int, { defaultValue: 100, description: `How many records at most (1–${MAX_PAGE_SIZE}).` })
  first: number = 100;
}

@ArgsType()
class ChangeFeedArgs extends FeedFilterArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Read the changes after this cursor (from a page, an entry, a snapshot or the feed\'s end). Null: from the feed\'s start, while it is within the retention.',
  })
  after?: string | null;

  @Field(() => Int, { defaultValue: 100, description: `How many entries at most (1–${MAX_FEED_PAGE}).` })
  first: number = 100;
}

/**
 * The change feed of a subgraph as GraphQL: `<prefix>Changes`, `<prefix>FeedEnd` and
 * `<prefix>Snapshot` (named per subgraph, as each has a feed of its own and all meet in the
 * supergraph). Registers the types.
 */
export function changeFeedResolver(prefix: string, subgraph: string, types: readonly FeedType[]) {
  const feed: ChangeFeed = { subgraph, types };
  registerFeedTypes(types);
  const held = types.map((t) => `\`${t.type}\``).join(', ');
  const Prefix = prefix[0].toUpperCase() + prefix.slice(1);

  const SyncedRecord = createUnionType({
    name: `${Prefix}SyncedRecord`,
    description: `A record of the ${subgraph} subgraph, as a snapshot gives it.`,
    types: () => types.map((t) => t.entity) as [ClassType<object>, ...ClassType<object>[]],
    resolveType: (record) => types.find((t) => record instanceof t.entity)?.type,
  });

  @ObjectType(`${Prefix}SnapshotPage`, { description: `A page of a snapshot of the ${subgraph} subgraph's records you may see.` })
  class SnapshotPageType implements SnapshotPage {
    @Field({ description: `The feed cursor taken when the snapshot began (the same on every page): once the last page is read, follow \`${prefix}Changes\` after it.` })
    feedCursor: string;

    @Field(() => [SyncedRecord], { description: 'The records, type after type (in the order the subgraph lists them), by id.' })
    records: unknown[];

    @Field(() => String, { nullable: true, description: 'Pass as `page` for the next page; null on the last.' })
    nextPage: string | null;
  }

  @Resolver()
  class ChangeFeedResolver {
    @Query(() => ChangeFeedPage, {
      name: `${prefix}Changes`,
      description: `The ${subgraph} subgraph's change feed (${held}): what happened, in commit order, to each record you may see, with a cursor to store and resume from (valid CHANGE_FEED_RETENTION_DAYS). CURSOR_UNKNOWN for a cursor this feed never gave out, CURSOR_EXPIRED for one past the retention: take a snapshot then. See README, "Keeping a local system in step".`,
    })
    changes(@Args() args: ChangeFeedArgs, @Ctx() { dataSource, viewer, clock }: SubgraphContext<unknown>) {
      return readChanges(dataSource, viewer, feed, args, clock.now());
    }

    @Query(() => String, {
      name: `${prefix}FeedEnd`,
      description: `The cursor of the ${subgraph} change feed's end, now: read \`${prefix}Changes\` after it for every change from now on. Take it before a snapshot.`,
    })
    feedEnd(@Ctx() { dataSource }: SubgraphContext<unknown>) {
      return feedEnd(dataSource, feed);
    }

    @Query(() => SnapshotPageType, {
      name: `${prefix}Snapshot`,
      description: `A snapshot of the ${subgraph} subgraph's records you may see (${held}), page by page, with the feed cursor to follow afterwards: how a new local system starts. See README, "Keeping a local system in step".`,
    })
    snapshot(@Args() args: SnapshotArgs, @Ctx() context: SubgraphContext<unknown>) {
      return readSnapshot(context, feed, args);
    }
  }
  return ChangeFeedResolver;
}
