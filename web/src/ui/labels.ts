import type {
  CampaignState,
  CampaignTargetState,
  ChangeType,
  DeliveryOutcome,
  InterfaceDirection,
  InterfaceKind,
  NotificationChannelType,
  NotificationDeliveryMode,
  NotificationDeliveryState,
  NotificationKind,
  OrganisationKind,
  QaGateKind,
  QaGateStatus,
  ReleaseState,
  ReuseModel,
  Role,
  ServiceLifecycle,
  SubscriptionState,
  Themenfeld,
  Verdict,
  VersionBump,
} from '../graphql/generated/enums';

/**
 * The German names of the API's enums, in one place: every page shows the same word for the same
 * thing. `Record<Enum, string>` makes a new enum value a type error here until it has a name.
 */
export const THEMENFELD: Record<Themenfeld, string> = {
  ARBEIT_RUHESTAND: 'Arbeit & Ruhestand',
  BAUEN_WOHNEN: 'Bauen & Wohnen',
  BILDUNG: 'Bildung',
  EIN_AUSWANDERUNG: 'Ein- & Auswanderung',
  ENGAGEMENT_HOBBY: 'Engagement & Hobby',
  FAMILIE_KIND: 'Familie & Kind',
  FORSCHUNG_FOERDERUNG: 'Forschung & Förderung',
  GESUNDHEIT: 'Gesundheit',
  MOBILITAET_REISEN: 'Mobilität & Reisen',
  QUERSCHNITTSLEISTUNGEN: 'Querschnittsleistungen',
  RECHT_ORDNUNG: 'Recht & Ordnung',
  STEUERN_ZOLL: 'Steuern & Zoll',
  UMWELT: 'Umwelt',
  UNTERNEHMENSFUEHRUNG_ENTWICKLUNG: 'Unternehmensführung & -entwicklung',
};

export const SUBSCRIPTION_STATE: Record<SubscriptionState, string> = {
  REQUESTED: 'Beantragt',
  ACTIVE: 'Aktiv',
  SUSPENDED: 'Ausgesetzt',
  REJECTED: 'Abgelehnt',
  TERMINATED: 'Gekündigt',
};

export const RELEASE_STATE: Record<ReleaseState, string> = {
  DRAFT: 'Entwurf',
  IN_REVIEW: 'In Prüfung',
  APPROVED: 'Freigegeben',
  REJECTED: 'Abgelehnt',
  PUBLISHED: 'Veröffentlicht',
  WITHDRAWN: 'Zurückgezogen',
};

export const GATE_KIND: Record<QaGateKind, string> = {
  USABILITY: 'Gebrauchstauglichkeit',
  SECURITY: 'Sicherheit',
  INTERFACES: 'Schnittstellen',
};

export const GATE_STATUS: Record<QaGateStatus, string> = {
  PENDING: 'Offen',
  PASSED: 'Bestanden',
  FAILED: 'Nicht bestanden',
  WAIVED: 'Ausnahme erteilt',
};

export const VERDICT: Record<Verdict, string> = {
  APPROVE: 'Freigabe',
  REJECT: 'Ablehnung',
};

/** Keep a Changelog's kinds, as the release notes name them. */
export const CHANGE_TYPE: Record<ChangeType, string> = {
  ADDED: 'Neu',
  CHANGED: 'Geändert',
  FIXED: 'Behoben',
  REMOVED: 'Entfernt',
  SECURITY: 'Sicherheit',
  LEGAL: 'Rechtsänderung',
  BREAKING: 'Inkompatible Änderung',
};

export const VERSION_BUMP: Record<VersionBump, string> = {
  INITIAL: 'Erste Version',
  MAJOR: 'Hauptversion (inkompatibel)',
  MINOR: 'Nebenversion (neue Funktionen)',
  PATCH: 'Fehlerbehebung',
  PRERELEASE: 'Vorabversion',
};

export const INTERFACE_DIRECTION: Record<InterfaceDirection, string> = {
  PROVIDES: 'stellt bereit',
  CONSUMES: 'nutzt',
};

export const LIFECYCLE: Record<ServiceLifecycle, string> = {
  CONCEPT: 'Konzept',
  DEVELOPMENT: 'In Entwicklung',
  ACTIVE: 'Im Betrieb',
  DEPRECATED: 'Abgekündigt',
  RETIRED: 'Eingestellt',
};

export const REUSE_MODEL: Record<ReuseModel, string> = {
  EFA_CENTRAL: 'Einer für Alle (zentral betrieben)',
  CENTRAL_DEVELOPMENT_LOCAL_OPERATION: 'Zentral entwickelt, vor Ort betrieben',
  SELF_HOSTED_OPEN_SOURCE: 'Open Source, selbst betrieben',
};

export const ORGANISATION_KIND: Record<OrganisationKind, string> = {
  STATE: 'Land',
  DISTRICT: 'Kreis',
  AMT: 'Amt',
  MUNICIPALITY: 'Gemeinde',
  SERVICE_PROVIDER: 'IT-Dienstleister',
  OTHER: 'Sonstige',
};

export const INTERFACE_KIND: Record<InterfaceKind, string> = {
  XOEV_STANDARD: 'XÖV-Standard',
  TRANSPORT: 'Transportverfahren',
  PORTAL_COMPONENT: 'Portalkomponente',
  OTHER: 'Sonstige',
};

export const DELIVERY_OUTCOME: Record<DeliveryOutcome, string> = {
  PENDING: 'Ausstehend',
  PROCESSED: 'Verarbeitet',
  SKIPPED: 'Übersprungen',
  FAILED: 'Gescheitert',
};

export const ROLE: Record<Role, string> = {
  MUNICIPALITY_ADMIN: 'Nachnutzende Kommune',
  MAINTAINER: 'Maintainer',
  REVIEWER_USABILITY: 'Prüfung Gebrauchstauglichkeit',
  REVIEWER_SECURITY: 'Prüfung Sicherheit',
  REVIEWER_INTERFACES: 'Prüfung Schnittstellen',
  OPERATOR: 'Betrieb',
};

export const CAMPAIGN_STATE: Record<CampaignState, string> = {
  ACTIVE: 'Laufend',
  COMPLETED: 'Abgeschlossen',
  CANCELLED: 'Abgebrochen',
};

export const CAMPAIGN_TARGET_STATE: Record<CampaignTargetState, string> = {
  OPEN: 'Offen',
  PLANNED: 'Geplant',
  RELEASED: 'Version veröffentlicht',
  ROLLED_OUT: 'Ausgerollt',
  EXCLUDED: 'Ausgenommen',
};

/** The events an organisation can be told of, in the order the settings offer them. */
export const NOTIFICATION_KIND: Record<NotificationKind, string> = {
  RELEASE_PUBLISHED: 'Version veröffentlicht',
  RELEASE_DEPRECATED: 'Version abgekündigt',
  SUBSCRIPTION_REQUESTED: 'Nachnutzung beantragt',
  SUBSCRIPTION_APPROVED: 'Nachnutzung angenommen',
  SUBSCRIPTION_REJECTED: 'Nachnutzung abgelehnt',
  SUBSCRIPTION_SUSPENDED: 'Nachnutzung ausgesetzt',
  SUBSCRIPTION_RESUMED: 'Nachnutzung fortgesetzt',
  SUBSCRIPTION_TERMINATED: 'Nachnutzung gekündigt',
  GATE_AWAITING_REVIEW: 'Prüfung wartet',
  CAMPAIGN_OPENED: 'Kampagne eröffnet',
  CAMPAIGN_TARGET_ADDED: 'Kampagnenziel hinzugefügt',
  CAMPAIGN_DEADLINE_APPROACHING: 'Frist einer Kampagne naht',
  CAMPAIGN_TARGET_OVERDUE: 'Kampagnenziel überfällig',
};

export const NOTIFICATION_CHANNEL_TYPE: Record<NotificationChannelType, string> = {
  WEBHOOK: 'Webhook',
  EMAIL: 'E-Mail',
};

export const NOTIFICATION_DELIVERY_MODE: Record<NotificationDeliveryMode, string> = {
  IMMEDIATE: 'Sofort',
  DAILY_DIGEST: 'Tägliche Zusammenfassung',
};

export const NOTIFICATION_DELIVERY_STATE: Record<NotificationDeliveryState, string> = {
  PENDING: 'Ausstehend',
  DELIVERED: 'Zugestellt',
  FAILED: 'Gescheitert',
};

/** "2. Dezember 2026" */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(
    new Date(iso),
  );
}

/** "1.234" */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('de-DE').format(value);
}

/** "2. Dezember 2026, 14:05" */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

/** "12,3 h": hours as a planner reads them, to one decimal. */
export function formatHours(hours: number): string {
  return `${new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(hours)} h`;
}

/** "5.138 €": money in the view, to whole euros (the API and the exports keep the cents). */
export function formatEuros(euros: number): string {
  return new Intl.NumberFormat('de-DE', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(euros);
}

/** "0,17": a figure with a fixed number of decimals. */
export function formatDecimal(value: number, digits: number): string {
  return new Intl.NumberFormat('de-DE', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** "4,0 / 8,0 / 24,0": a three-point estimate (optimistic / most likely / pessimistic hours); "–" for none. */
export function formatEstimate(
  e: { optimisticHours: number; likelyHours: number; pessimisticHours: number } | null | undefined,
): string {
  if (!e) {
    return '–';
  }
  return [e.optimisticHours, e.likelyHours, e.pessimisticHours].map((h) => formatDecimal(h, 1)).join(' / ');
}

/** Today's calendar date, "2026-12-03", as the API's Date scalar and date fields take it. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
