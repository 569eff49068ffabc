import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { UserRef } from '#src/common/auth/user-ref';
import { User } from '#src/organisations/organisation.model';
import { SignOff, Waiver } from './qa.model';

/** Field resolvers of the QA types; a gate's `release` is resolved by the releases module. */

/** A stored user snapshot as the API's User. */
export function toUser(ref: UserRef): User {
  return { id: ref.subject, name: ref.name, organisationKey: ref.organisation };
}

@Resolver(() => SignOff)
export class SignOffResolver {
  @ResolveField(() => User)
  reviewer(@Parent() signOff: SignOff): User {
    return toUser(signOff.reviewerUser);
  }
}

@Resolver(() => Waiver)
export class WaiverResolver {
  @ResolveField(() => User)
  grantedBy(@Parent() waiver: Waiver): User {
    return toUser(waiver.grantedByUser);
  }
}
