/**
 * The console's pages (web/src/routes.tsx): for these paths the service answers with the
 * application's index.html, so that a deep link or a reload opens the page. Anything else stays
 * the API's (a JSON 404 where nothing is routed).
 */
export const CONSOLE_ROUTES = [
  '/',
  '/leistungen',
  '/leistungen/*', // a service, /leistungen/neu, /leistungen/:slug/bearbeiten, its releases
  '/nachnutzungen',
  '/pruefungen',
  '/benachrichtigungen',
  '/benachrichtigungen/*', // einstellungen
  '/kampagnen',
  '/kampagnen/*',
  '/aufwand',
  '/verwaltung',
  '/anmelden',
  '/anmelden/*',
] as const;
