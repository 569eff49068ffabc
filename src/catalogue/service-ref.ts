import { ID } from '@nestjs/graphql';
import { DomainError } from '#src/common/errors/domain-error';

/**
 * A service named by its id or by its slug, as the inputs and arguments of the mutations that act
 * on a service take it (`serviceId` or `serviceSlug`, exactly one). `ServicesService.resolveRef`
 * turns it into the id, in one place for all of them; the use cases below see only ids. A slug
 * never changes and a service is never deleted, so resolving it before the use case's
 * transaction names the same service the transaction then locks.
 */
export interface ServiceRef {
  serviceId?: string | null;
  serviceSlug?: string | null;
}

/** An input with its service resolved to the id. */
export type WithServiceId<T extends ServiceRef> = Omit<T, 'serviceId' | 'serviceSlug'> & {
  serviceId: string;
};

export const SERVICE_ID_DESCRIPTION = 'The service by its id; give this or serviceSlug, not both';
export const SERVICE_SLUG_DESCRIPTION =
  'The service by its slug (e.g. "wohngeld"); give this or serviceId, not both';

/** The options of the `serviceId` and `serviceSlug` arguments of a field that takes a service. */
export const SERVICE_ID_ARG = { type: () => ID, nullable: true, description: SERVICE_ID_DESCRIPTION };
export const SERVICE_SLUG_ARG = { type: () => String, nullable: true, description: SERVICE_SLUG_DESCRIPTION };

/**
 * Which of the two the caller gave: BAD_USER_INPUT naming the field when it gave neither (the
 * field `serviceId`) or both (`serviceSlug`). `prefix` is the input's path ("input"), or empty
 * for arguments.
 */
export function checkServiceRef(ref: ServiceRef, prefix = ''): { id: string } | { slug: string } {
  const path = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const id = ref.serviceId?.trim() || null;
  const slug = ref.serviceSlug?.trim() || null;
  if (id !== null && slug !== null) {
    throw DomainError.badInput(path('serviceSlug'), 'give serviceId or serviceSlug, not both');
  }
  if (id === null && slug === null) {
    throw DomainError.badInput(path('serviceId'), 'name the service: give serviceId or serviceSlug');
  }
  return id !== null ? { id } : { slug: slug! };
}
