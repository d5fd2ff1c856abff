import { FieldResolver, Resolver, Root } from 'type-graphql';
import { answeredBy } from '@samverkan/federation';
import { Activity } from '../activity';
import { Venue } from '../stubs';
import { ActivityAddress, addressOf } from './place';

/** Where an activity takes place; from its own row, so lists cost no statement more. */
@Resolver(() => Activity)
export class ActivityPlaceResolver {
  @FieldResolver(() => Venue, answeredBy('actors', 'The venue (premises in the actors registry) where the activity takes place; null when it is not at one (see `address`).'))
  venue(@Root() activity: Activity): Venue | null {
    return activity.venueId ? { id: activity.venueId } : null;
  }

  @FieldResolver(() => ActivityAddress, { nullable: true, description: 'Where the activity takes place when it is not at a venue; null when it is at one or none is recorded.' })
  address(@Root() activity: Activity): ActivityAddress | null {
    return addressOf(activity);
  }
}
