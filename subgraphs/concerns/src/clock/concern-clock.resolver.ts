import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { answeredBy } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { ConcernsLoaders } from '../loaders';
import { Concern } from '../concerns/concern';
import { Actor, ContactFunction } from '../stubs';
import { ConcernDeadline } from './concern-deadline';
import { ConcernNotification } from './concern-notification';

type Context = SubgraphContext<ConcernsLoaders>;

/** A concern's 24-hour clock: its points and the notifications they queued (`dueBy` is the concern's own field). */
@Resolver(() => Concern)
export class ConcernClockResolver {
  @FieldResolver(() => [ConcernDeadline], { description: "The points of the concern's 24-hour clock, earliest first: due, fired or skipped (the guardian was contacted in time)." })
  deadlines(@Root() concern: Concern, @Ctx() { loaders }: Context) {
    return loaders.concernDeadlines.load(concern.id);
  }

  @FieldResolver(() => [ConcernNotification], { description: 'The notifications sent to the activated team about the concern, oldest first; none carries its content.' })
  notifications(@Root() concern: Concern, @Ctx() { loaders }: Context) {
    return loaders.concernNotifications.load(concern.id);
  }
}

@Resolver(() => ConcernNotification)
export class ConcernNotificationResolver {
  @FieldResolver(() => ContactFunction, answeredBy('actors', 'The team line (a contact function of the registry) the notification went to.'))
  contactFunction(@Root() notification: ConcernNotification): ContactFunction {
    return { id: notification.contactFunctionId };
  }

  @FieldResolver(() => Actor, answeredBy('actors', 'The organisation of that line.'))
  actor(@Root() notification: ConcernNotification): Actor {
    return { id: notification.actorId };
  }
}
