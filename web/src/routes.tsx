import type { RouteObject } from 'react-router';
import { Layout } from './layout/layout';
import { Loading } from './ui/alert';
import { SignInPage } from './pages/sign-in';
import { SignInCallbackPage } from './pages/sign-in-callback';
import { StartPage } from './pages/start';
import { NotFoundPage } from './pages/not-found';
import { CataloguePage } from './pages/catalogue';
import { ServicePage } from './pages/service';

/**
 * A page loaded with its first visit: the start page, the catalogue, a service and sign-in come
 * with the console's first script; the pages of signed-in work (and the chart library of the
 * campaigns) follow when they are opened, so the first page of a visitor does not wait for them.
 */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as React.ComponentType });
}

/**
 * Every page of the console and its URL. The service serves index.html for each of these paths
 * (src/console/console-routes.ts lists the same prefixes), so deep links and reloads work.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Opening a lazily loaded page first (a deep link, a reload) waits for its script.
    hydrateFallbackElement: <Loading />,
    children: [
      { path: '/', element: <StartPage /> },
      { path: '/leistungen', element: <CataloguePage /> },
      // A static segment ranks before :slug: /leistungen/neu is this page (the form refuses the slug "neu").
      {
        path: '/leistungen/neu',
        lazy: page(() => import('./pages/service-register'), 'ServiceRegisterPage'),
      },
      { path: '/leistungen/:slug', element: <ServicePage /> },
      {
        path: '/leistungen/:slug/bearbeiten',
        lazy: page(() => import('./pages/service-edit'), 'ServiceEditPage'),
      },
      {
        path: '/leistungen/:slug/versionen/neu',
        lazy: page(() => import('./pages/release-edit'), 'NewReleasePage'),
      },
      {
        path: '/leistungen/:slug/versionen/:version',
        lazy: page(() => import('./pages/release'), 'ReleasePage'),
      },
      {
        path: '/leistungen/:slug/versionen/:version/bearbeiten',
        lazy: page(() => import('./pages/release-edit'), 'EditReleasePage'),
      },
      { path: '/pruefungen', lazy: page(() => import('./pages/reviews'), 'ReviewsPage') },
      { path: '/nachnutzungen', lazy: page(() => import('./pages/subscriptions'), 'SubscriptionsPage') },
      { path: '/kampagnen', lazy: page(() => import('./pages/campaigns'), 'CampaignsPage') },
      // A static segment ranks before :id: /kampagnen/neu is the form (campaign ids are UUIDs).
      { path: '/kampagnen/neu', lazy: page(() => import('./pages/campaign-open'), 'CampaignOpenPage') },
      { path: '/kampagnen/:id', lazy: page(() => import('./pages/campaign'), 'CampaignPage') },
      { path: '/aufwand', lazy: page(() => import('./pages/effort'), 'EffortPage') },
      { path: '/benachrichtigungen', lazy: page(() => import('./pages/notifications'), 'NotificationsPage') },
      {
        path: '/benachrichtigungen/einstellungen',
        lazy: page(() => import('./pages/notification-settings'), 'NotificationSettingsPage'),
      },
      { path: '/verwaltung', lazy: page(() => import('./pages/verwaltung'), 'AdminPage') },
      { path: '/anmelden', element: <SignInPage /> },
      { path: '/anmelden/callback', element: <SignInCallbackPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
