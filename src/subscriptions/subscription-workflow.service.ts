import { Injectable } from '@nestjs/common';
import { serviceReads } from '#src/catalogue/service.sql';
import { actorOf, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { isUuid } from '#src/common/ids';
import { checkTransition } from '#src/common/workflow/transitions';
import { TransactionEvents } from '#src/database/transaction-events';
import { Transactions, type Tx } from '#src/database/transactions';
import { organisationReads } from '#src/organisations/organisation.sql';
import { ReleaseRepository } from '#src/releases/release.repository';
import './subscription.events';
import { capacitiesOn, maySeeSubscription, whoMay } from './subscription.access';
import type { SubscriptionEntity } from './subscription.entity';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionState } from './subscription-state';
import {
  acceptsSubscriptions,
  allows,
  deploymentProblem,
  rangeProblem,
  reasonFor,
  refusesSubscriptions,
  requestedState,
  SUBSCRIPTION_TRANSITIONS,
  SUBSCRIPTION_VERBS,
  type SubscriptionAction,
} from './subscription.rules';

/**
 * Changing subscriptions: the request, and every transition of the table in subscription.rules.ts
 * as one locked read-check-write (`transition`). Texts (reasons, agreement references) arrive
 * trimmed and checked by the resolver's ArgPipes.
 */

type Patch = Partial<SubscriptionEntity>;
type Change = (subscription: SubscriptionEntity, tx: Tx) => Patch | Promise<Patch>;

@Injectable()
export class SubscriptionWorkflowService {
  constructor(
    private readonly transactions: Transactions,
    private readonly subscriptions: SubscriptionRepository,
    private readonly releases: ReleaseRepository,
    private readonly events: TransactionEvents,
  ) {}

  request(
    viewer: Viewer,
    input: { serviceId: string; versionRange: string; organisationKey?: string | null },
  ) {
    const range = input.versionRange;
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const organisationKey = input.organisationKey?.trim() || viewer.organisation?.key;
      if (!organisationKey) {
        throw DomainError.badInput('input.organisationKey', 'SUBSCRIBER_REQUIRED');
      }
      const organisation = await organisationReads.byKey(tx.manager, organisationKey);
      if (!organisation) {
        throw DomainError.badInput('input.organisationKey', 'UNKNOWN_ORGANISATION', { key: organisationKey });
      }
      // Who may subscribe depends on the subscriber only: checked before the service is read.
      if (
        !allows(
          SUBSCRIPTION_TRANSITIONS.request,
          capacitiesOn(viewer, { organisationId: organisation.id, ownerId: null }),
        )
      ) {
        throw DomainError.forbidden('MUNICIPALITY_ADMIN_ONLY', {
          organisation: organisationKey,
          action: 'subscribe',
        });
      }
      const service = isUuid(input.serviceId)
        ? await serviceReads.forShare(tx.manager, input.serviceId)
        : null;
      if (!service) {
        throw DomainError.notFound('Service', input.serviceId);
      }
      if (!acceptsSubscriptions(service)) {
        throw refusesSubscriptions(service);
      }
      await this.checkRange(tx, service.id, range, 'input.versionRange');
      const state = requestedState(service.subscriptionApproval);
      const subscription = await this.subscriptions.insert(tx.manager, {
        organisationId: organisation.id,
        serviceId: service.id,
        versionRange: range,
        state,
        agreementReference: null,
        deployedVersion: null,
        deployedAt: null,
        stateReason: null,
        requestedAt: tx.now,
        decidedAt: state === SubscriptionState.ACTIVE ? tx.now : null, // decided at once
      });
      tx.audit('subscription.request', 'ServiceSubscription', subscription.id, {
        organisation: organisationKey,
        service: service.slug,
        versionRange: range,
        state: subscription.state,
      });
      await this.events.emit(tx, 'subscription.changed', {
        subscription: this.ref(subscription),
        action: 'request',
        reason: null,
      });
      return subscription;
    });
  }

  approve(viewer: Viewer, id: string, agreementReference: string | null | undefined) {
    return this.transition(viewer, id, 'approve', (s, tx) => ({
      agreementReference: agreementReference ?? null,
      decidedAt: tx.now,
    }));
  }

  reject(viewer: Viewer, id: string, reason: string) {
    return this.transition(viewer, id, 'reject', (s, tx) => ({ decidedAt: tx.now }), reason);
  }

  suspend(viewer: Viewer, id: string, reason: string) {
    return this.transition(viewer, id, 'suspend', () => ({}), reason);
  }

  resume(viewer: Viewer, id: string) {
    return this.transition(viewer, id, 'resume', () => ({}));
  }

  terminate(viewer: Viewer, id: string, reason: string) {
    return this.transition(viewer, id, 'terminate', () => ({}), reason);
  }

  changeRange(viewer: Viewer, id: string, range: string) {
    return this.transition(viewer, id, 'changeRange', async (s, tx) => {
      await this.checkRange(tx, s.serviceId, range, 'versionRange');
      return { versionRange: range };
    });
  }

  reportDeployment(viewer: Viewer, id: string, version: string) {
    return this.transition(viewer, id, 'reportDeployment', async (s, tx) => {
      const published = await this.releases.publishedIn(tx.manager, s.serviceId);
      const problem = deploymentProblem(
        version,
        s.versionRange,
        published.map((r) => r.version),
      );
      if (problem) {
        throw DomainError.badInput('version', 'DEPLOYMENT_NOT_ALLOWED', {
          problem,
          version,
          range: s.versionRange,
        });
      }
      return { deployedVersion: version, deployedAt: tx.now };
    });
  }

  /**
   * One locked read-check-write for every change: NOT_FOUND when the viewer may not see the
   * subscription (tenant isolation), then the table's row (FORBIDDEN when it may see but not do
   * this, CONFLICT naming the state), then the action's own checks and the write. The row's state
   * and the reason (kept as `stateReason`) come first in the patch, and so in the audit event.
   */
  private transition(
    viewer: Viewer,
    id: string,
    action: SubscriptionAction,
    change: Change,
    reason?: string,
  ): Promise<SubscriptionEntity> {
    const rule = SUBSCRIPTION_TRANSITIONS[action];
    const why = reasonFor(action, reason);
    return this.transactions.run(actorOf(viewer), async (tx) => {
      // Visibility first, without a lock: another tenant's caller must not even hold its row.
      const seen = await this.subscriptions.withOwner(tx.manager, id);
      const parties = seen && { organisationId: seen.subscription.organisationId, ownerId: seen.ownerId };
      if (!parties || !maySeeSubscription(viewer, parties)) {
        throw DomainError.notFound('Subscription', id);
      }
      const subscription = await this.subscriptions.lockForUpdate(tx.manager, id);
      const verb = SUBSCRIPTION_VERBS[action];
      const to = checkTransition(rule, {
        state: subscription.state,
        capacities: capacitiesOn(viewer, parties),
        verb,
        what: 'the subscription',
        forbidden: `Only ${whoMay(rule.by)} and OPERATORs may ${verb} this subscription`,
      });
      const patch: Patch = {
        ...(rule.to === 'same' ? {} : { state: to }),
        ...(why === null ? {} : { stateReason: why }),
        ...(await change(subscription, tx)),
      };
      await this.subscriptions.update(tx.manager, id, patch);
      tx.audit(`subscription.${action}`, 'ServiceSubscription', id, patch);
      Object.assign(subscription, patch);
      if (rule.to !== 'same') {
        await this.events.emit(tx, 'subscription.changed', {
          subscription: this.ref(subscription),
          action,
          reason: why,
        });
      }
      return subscription;
    });
  }

  private ref(subscription: SubscriptionEntity) {
    const { id, serviceId, organisationId, state } = subscription;
    return { id, serviceId, organisationId, state };
  }

  /** At least one PUBLISHED, non-deprecated release satisfies the range, else BAD_USER_INPUT naming both. */
  private async checkRange(tx: Tx, serviceId: string, range: string, field: string): Promise<void> {
    // FOR SHARE: a deprecation of one of these releases (FOR UPDATE) waits, so the check holds at commit.
    const releases = await this.releases.publishedIn(tx.manager, serviceId, 'share');
    const problem = rangeProblem(
      range,
      releases.filter((r) => !r.deprecation).map((r) => r.version),
    );
    if (problem) {
      throw DomainError.badInput(field, 'RANGE_UNSATISFIED', { problem, range });
    }
  }
}
