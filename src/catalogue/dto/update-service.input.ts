import { InputType, OmitType, PartialType } from '@nestjs/graphql';
import { RegisterServiceInput } from './register-service.input';

/**
 * Every field of RegisterServiceInput but the identity (slug), the reuse model and the owner.
 * Omitted: unchanged. null: cleared (optional fields) or BAD_USER_INPUT (required ones).
 * legalBases, when given, replaces the whole set.
 */
@InputType()
export class UpdateServiceInput extends PartialType(
  OmitType(RegisterServiceInput, ['slug', 'reuseModel', 'ownerKey'] as const),
  InputType,
) {}
