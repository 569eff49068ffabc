import { Link } from 'react-router';
import type { MaturityModel } from '../graphql/generated/enums';
import { formatNumber } from '../ui/labels';
import { maturityShort } from './maturity';

export interface ServiceSummary {
  id: string;
  slug: string;
  name: string;
  summary: string;
  maturityLevel?: number | null;
  maturityModel?: MaturityModel | null;
  subscriptionCount: number;
  owner: { key: string; name: string };
  latestRelease?: { id: string; version: string } | null;
}

/** "Keine Leistung gefunden" / "1 Leistung gefunden" / "12 Leistungen gefunden". */
export function resultCountText(count: number): string {
  if (count === 0) {
    return 'Keine Leistung gefunden';
  }
  return count === 1 ? '1 Leistung gefunden' : `${formatNumber(count)} Leistungen gefunden`;
}

/**
 * The result count, announced (role status) whenever it changes. It takes the focus after a
 * search or a change of page, so that keyboard users go on from the results, not from the top.
 */
export function ResultCount({ count, ref }: { count: number | null; ref?: React.Ref<HTMLParagraphElement> }) {
  return (
    <p className="kern-body kern-body--bold catalogue-count" role="status" tabIndex={-1} ref={ref}>
      {count === null ? 'Suche läuft …' : resultCountText(count)}
    </p>
  );
}

/** One result: the name as a link to the service, its summary and its facts. */
export function ServiceResult({ service }: { service: ServiceSummary }) {
  return (
    <li className="kern-card catalogue-result">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-heading-medium">
            <Link className="kern-link" to={`/leistungen/${encodeURIComponent(service.slug)}`}>
              {service.name}
            </Link>
          </h2>
        </div>
        <div className="kern-card__body">
          <p className="kern-body">{service.summary}</p>
          <ul className="catalogue-result__facts" aria-label={`Angaben zu ${service.name}`}>
            <li className="kern-body kern-body--small">Eigentümer: {service.owner.name}</li>
            <li className="kern-body kern-body--small">
              {service.latestRelease
                ? `Aktuelle Version: ${service.latestRelease.version}`
                : 'Noch keine veröffentlichte Version'}
            </li>
            <li className="kern-body kern-body--small">
              Reifegrad: {maturityShort(service.maturityLevel, service.maturityModel)}
            </li>
            <li className="kern-body kern-body--small">
              Nachnutzende: {formatNumber(service.subscriptionCount)}
            </li>
          </ul>
        </div>
      </div>
    </li>
  );
}

export function ResultList({ services }: { services: ServiceSummary[] }) {
  if (services.length === 0) {
    return null;
  }
  return (
    <ul className="catalogue-results" aria-label="Suchergebnisse">
      {services.map((service) => (
        <ServiceResult key={service.id} service={service} />
      ))}
    </ul>
  );
}

/** "Vorherige Seite" / "Nächste Seite", as links (each page has its URL). */
export function Paging({
  previous,
  next,
  page,
  pages,
  onFollow,
}: {
  previous: string | null;
  next: string | null;
  page: number;
  pages: number;
  /** Before the new page is shown. */
  onFollow?: () => void;
}) {
  if (previous === null && next === null) {
    return null;
  }
  return (
    <nav aria-label="Seiten" className="inline-actions">
      {previous !== null ? (
        <Link className="kern-btn kern-btn--secondary" to={previous} onClick={onFollow}>
          <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
          <span className="kern-label">Vorherige Seite</span>
        </Link>
      ) : null}
      <span className="kern-body">
        Seite {page} von {Math.max(pages, page)}
      </span>
      {next !== null ? (
        <Link className="kern-btn kern-btn--secondary" to={next} onClick={onFollow}>
          <span className="kern-label">Nächste Seite</span>
          <span className="kern-icon kern-icon--arrow-forward" aria-hidden="true" />
        </Link>
      ) : null}
    </nav>
  );
}
