import { FieldResolver, Resolver, Root } from 'type-graphql';
import { answeredBy } from '@samverkan/federation';
import { Actor, ContactFunction } from '../stubs';
import { ConcernAction } from './concern-action';
import { ConcernRecipient } from './concern-recipient';

@Resolver(() => ConcernRecipient)
export class ConcernRecipientResolver {
  @FieldResolver(() => ContactFunction, answeredBy('actors', 'The contact function of the line.'))
  contactFunction(@Root() line: ConcernRecipient): ContactFunction {
    return { id: line.contactFunctionId };
  }

  @FieldResolver(() => Actor, answeredBy('actors', 'The organisation behind the line.'))
  actor(@Root() line: ConcernRecipient): Actor {
    return { id: line.actorId };
  }
}

@Resolver(() => ConcernAction)
export class ConcernActionResolver {
  @FieldResolver(() => Actor, answeredBy('actors', 'The organisation that recorded the entry.'))
  recordedBy(@Root() action: ConcernAction): Actor {
    return { id: action.actorId };
  }
}
