import { MESSAGES, messageOf, type ParamsArg, type ParamsOf, type Reason, type ReasonOf } from './messages';
import type { Language } from './language';

/** The error codes a GraphQL operation's errors carry in extensions.code: the contract's six, no others. */
export type ErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

/**
 * The codes of a request that is not a GraphQL request at all (a form post, a batch, a body that
 * is not JSON, a mutation as GET), refused at the HTTP level before any operation runs; and of a
 * client that has tried too often (429).
 */
export type RequestErrorCode = 'BAD_REQUEST' | 'UNSUPPORTED_MEDIA_TYPE' | 'TOO_MANY_REQUESTS';

export type DomainErrorCode = Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>;
/** The reasons a DomainError may give: those of the catalogue whose code is a GraphQL one. */
export type DomainReason = ReasonOf<DomainErrorCode>;

/** The entities whose absence has a reason of its own (`SERVICE_NOT_FOUND`, …). */
const NOT_FOUND = {
  Service: 'SERVICE_NOT_FOUND',
  Release: 'RELEASE_NOT_FOUND',
  QaGate: 'QA_GATE_NOT_FOUND',
  Organisation: 'ORGANISATION_NOT_FOUND',
  Subscription: 'SUBSCRIPTION_NOT_FOUND',
  Campaign: 'CAMPAIGN_NOT_FOUND',
  CampaignTarget: 'CAMPAIGN_TARGET_NOT_FOUND',
  GithubDelivery: 'GITHUB_DELIVERY_NOT_FOUND',
  NotificationChannel: 'NOTIFICATION_CHANNEL_NOT_FOUND',
} as const satisfies Record<string, ReasonOf<'NOT_FOUND'>>;
export type NotFoundEntity = keyof typeof NOT_FOUND;

type Details = Record<string, unknown>;
/** A reason's params (optional exactly where it takes none), then optional details. */
type ArgsOf<R extends Reason> =
  Record<never, never> extends ParamsOf<R>
    ? [params?: ParamsOf<R>, details?: Details]
    : [params: ParamsOf<R>, details?: Details];

/**
 * A failure the domain expects and can explain to the caller. Thrown anywhere; one formatter turns
 * it into a GraphQL error (or an HTTP status) with its code and reason. No framework imports on
 * purpose. Its reason (required: the catalogue in `messages.ts` has no entry without one) decides
 * the code and the message; `message` is the English text (logs, tests), `messageIn` any language.
 */
export class DomainError<R extends DomainReason = DomainReason> extends Error {
  readonly code: DomainErrorCode;
  readonly params: unknown;

  /** Extra, client-safe facts: e.g. { field: 'input.ars' } or { state: 'DRAFT' }. */
  readonly details: Details;

  constructor(
    readonly reason: R,
    ...[params, details = {}]: ArgsOf<R>
  ) {
    const english = messageOf(reason, 'en', ...([params] as ParamsArg<R>));
    super(typeof details.field === 'string' ? `${details.field}: ${english}` : english);
    this.name = 'DomainError';
    this.code = MESSAGES[reason].code;
    this.params = params;
    this.details = details;
  }

  /** The message in a language: the field's path in front where there is one, as in English. */
  messageIn(language: Language): string {
    const text = messageOf(this.reason, language, ...([this.params] as ParamsArg<R>));
    return typeof this.details.field === 'string' ? `${this.details.field}: ${text}` : text;
  }

  static of<R extends DomainReason>(reason: R, ...[params]: ParamsArg<R>): DomainError<R> {
    return new DomainError<R>(reason, ...([params] as ArgsOf<R>));
  }

  static unauthenticated<R extends ReasonOf<'UNAUTHENTICATED'>>(reason: R, ...args: ArgsOf<R>) {
    return new DomainError<R>(reason, ...args);
  }

  static forbidden<R extends ReasonOf<'FORBIDDEN'>>(reason: R, ...[params]: ParamsArg<R>) {
    return new DomainError<R>(reason, ...([params] as ArgsOf<R>));
  }

  static notFound(what: NotFoundEntity, key: string): DomainError {
    return new DomainError(NOT_FOUND[what], { key });
  }

  /** Bad input, naming the field (a path such as "input.ars") so a form can show it in place. */
  static badInput<R extends ReasonOf<'BAD_USER_INPUT'>>(field: string, reason: R, ...[params]: ParamsArg<R>) {
    return new DomainError<R>(reason, ...([params, { field }] as ArgsOf<R>));
  }

  static conflict<R extends ReasonOf<'CONFLICT'>>(reason: R, ...args: ArgsOf<R>) {
    return new DomainError<R>(reason, ...args);
  }
}

/** `instanceof DomainError`, typed with any reason (`instanceof` alone types the reason as any). */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * The DomainError an error wraps, if any: graphql-js wraps a scalar's refusal of a variable twice
 * (the variable's GraphQLError around the value's GraphQLError around ours).
 */
export function domainErrorIn(error: unknown): DomainError | undefined {
  let current = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    if (isDomainError(current)) {
      return current;
    }
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

export type { Reason };
