import { Page } from '../ui/page';

/** "Nachnutzungen" (/nachnutzungen): a municipality's subscriptions; an owner's incoming requests. */
export function SubscriptionsPage() {
  return <Page title="Nachnutzungen" />;
}
