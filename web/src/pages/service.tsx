import { useParams } from 'react-router';
import { SubscriptionPanel } from '../subscriptions/subscription-panel';
import { Page } from '../ui/page';

/** One service (/leistungen/:slug). */
export function ServicePage() {
  const { slug = '' } = useParams();
  return (
    <Page title={slug}>
      <SubscriptionPanel service={{ id: '', slug, name: slug }} />
    </Page>
  );
}
