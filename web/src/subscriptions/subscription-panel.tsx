/**
 * On the service page, for the viewer: its organisation's subscription to the service, or
 * "Nachnutzung beantragen" with the "Versionsbereich"; for anonymous visitors a sign-in link.
 */
export function SubscriptionPanel(_props: { service: { id: string; slug: string; name: string } }) {
  return null;
}
