import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Activity } from '../activity';
import { costOf, signUpOf } from './details';
import { ActivityCost, ActivitySignUp } from './details.types';

/** Cost and sign-up, from the activity's own row; public, like the activity. */
@Resolver(() => Activity)
export class ActivityDetailsResolver {
  @FieldResolver(() => ActivityCost, { nullable: true, description: 'What taking part costs; null when not stated.' })
  cost(@Root() activity: Activity): ActivityCost | null {
    return costOf(activity);
  }

  @FieldResolver(() => ActivitySignUp, { nullable: true, description: 'How to join; null when not stated.' })
  signUp(@Root() activity: Activity): ActivitySignUp | null {
    return signUpOf(activity);
  }
}
