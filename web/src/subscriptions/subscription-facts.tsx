import { formatDate } from '../ui/labels';
import { isOpen } from './subscription-actions';
import type { SubscriptionView } from './subscription-fields';
import { UpdateBadge } from './state-badge';

/** Range, target, deployed version and the decision of one subscription, as a description list. */
export function SubscriptionFacts({ subscription }: { subscription: SubscriptionView }) {
  const s = subscription;
  return (
    <dl className="kern-description-list">
      <Item label="Versionsbereich">
        <code>{s.versionRange}</code>
      </Item>
      <Item label="Zielversion">
        <TargetVersion subscription={s} />
      </Item>
      <Item label="Eingesetzte Version">
        <DeployedVersion subscription={s} />
      </Item>
      <Item label="Beantragt am">{formatDate(s.requestedAt)}</Item>
      {s.decidedAt ? <Item label="Entschieden am">{formatDate(s.decidedAt)}</Item> : null}
      {s.agreementReference ? <Item label="Nachnutzungsvereinbarung">{s.agreementReference}</Item> : null}
      {s.stateReason ? <Item label="Grund">{s.stateReason}</Item> : null}
    </dl>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

/**
 * "1.2.0" and the badge "Update verfügbar" when the deployed version is lower (the API says so), as
 * long as the subscription is open: a terminated or rejected one has nothing to update.
 */
export function TargetVersion({ subscription }: { subscription: SubscriptionView }) {
  if (!subscription.targetRelease) {
    return <>Keine veröffentlichte Version im Bereich</>;
  }
  return (
    <span className="inline-actions">
      <span>{subscription.targetRelease.version}</span>
      {subscription.upgradeAvailable && isOpen(subscription.state) ? <UpdateBadge /> : null}
    </span>
  );
}

export function DeployedVersion({ subscription }: { subscription: SubscriptionView }) {
  if (!subscription.deployedVersion) {
    return <>Noch nicht gemeldet</>;
  }
  return (
    <>
      {subscription.deployedVersion}
      {subscription.deployedAt ? ` (seit ${formatDate(subscription.deployedAt)})` : ''}
    </>
  );
}
