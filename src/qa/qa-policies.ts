import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, ConfigError, type AppConfig } from '#src/config/config';
import { checkQaPolicy, DEFAULT_QA_POLICY, parseQaPolicy, type QaRule } from './qa-policy.rules';

/**
 * The QA policy in force for a service: its own, else the configured default. The default
 * (QA_DEFAULT_POLICY) is checked once, when the application is created: a bad setting stops the
 * start with the variable's name, like every other configuration error.
 */
@Injectable()
export class QaPolicies {
  readonly defaultPolicy: QaRule[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.defaultPolicy = configuredDefault(config.qaDefaultPolicy);
  }

  of(service: { qaPolicy: QaRule[] | null }): QaRule[] {
    return service.qaPolicy ?? this.defaultPolicy;
  }
}

/** QA_DEFAULT_POLICY as rules; ConfigError naming the variable when it is malformed. */
export function configuredDefault(text: string | undefined): QaRule[] {
  if (!text) {
    return DEFAULT_QA_POLICY;
  }
  try {
    const checked = checkQaPolicy(parseQaPolicy(text));
    if (checked.problem) {
      throw new Error(`${checked.problem.field} ${checked.problem.message}`);
    }
    return checked.rules;
  } catch (error) {
    throw new ConfigError([
      `QA_DEFAULT_POLICY: ${(error as Error).message} (expected e.g. "USABILITY=1,SECURITY=1,INTERFACES=1")`,
    ]);
  }
}
