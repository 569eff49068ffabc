import type { RouteObject } from 'react-router';
import { Layout } from './layout/layout';
import { SignInPage } from './pages/sign-in';
import { SignInCallbackPage } from './pages/sign-in-callback';
import { StartPage } from './pages/start';
import { NotFoundPage } from './pages/not-found';
import { CataloguePage } from './pages/catalogue';
import { ServicePage } from './pages/service';
import { ServiceEditPage } from './pages/service-edit';
import { ServiceRegisterPage } from './pages/service-register';
import { SubscriptionsPage } from './pages/subscriptions';
import { ReleasePage } from './pages/release';
import { EditReleasePage, NewReleasePage } from './pages/release-edit';
import { ReviewsPage } from './pages/reviews';
import { NotificationsPage } from './pages/notifications';
import { NotificationSettingsPage } from './pages/notification-settings';
import { CampaignsPage } from './pages/campaigns';
import { CampaignOpenPage } from './pages/campaign-open';
import { CampaignPage } from './pages/campaign';
import { EffortPage } from './pages/effort';
import { AdminPage } from './pages/verwaltung';

/**
 * Every page of the console and its URL. The service serves index.html for each of these paths
 * (src/console/console-routes.ts lists the same prefixes), so deep links and reloads work.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: '/', element: <StartPage /> },
      { path: '/leistungen', element: <CataloguePage /> },
      // A static segment ranks before :slug: /leistungen/neu is this page (the form refuses the slug "neu").
      { path: '/leistungen/neu', element: <ServiceRegisterPage /> },
      { path: '/leistungen/:slug', element: <ServicePage /> },
      { path: '/leistungen/:slug/bearbeiten', element: <ServiceEditPage /> },
      { path: '/leistungen/:slug/versionen/neu', element: <NewReleasePage /> },
      { path: '/leistungen/:slug/versionen/:version', element: <ReleasePage /> },
      { path: '/leistungen/:slug/versionen/:version/bearbeiten', element: <EditReleasePage /> },
      { path: '/pruefungen', element: <ReviewsPage /> },
      { path: '/nachnutzungen', element: <SubscriptionsPage /> },
      { path: '/kampagnen', element: <CampaignsPage /> },
      // A static segment ranks before :id: /kampagnen/neu is the form (campaign ids are UUIDs).
      { path: '/kampagnen/neu', element: <CampaignOpenPage /> },
      { path: '/kampagnen/:id', element: <CampaignPage /> },
      { path: '/aufwand', element: <EffortPage /> },
      { path: '/benachrichtigungen', element: <NotificationsPage /> },
      { path: '/benachrichtigungen/einstellungen', element: <NotificationSettingsPage /> },
      { path: '/verwaltung', element: <AdminPage /> },
      { path: '/anmelden', element: <SignInPage /> },
      { path: '/anmelden/callback', element: <SignInCallbackPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
