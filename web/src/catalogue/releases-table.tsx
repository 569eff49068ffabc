import { useId } from 'react';
import { Link } from 'react-router';
import type { ReleaseState } from '../graphql/generated/enums';
import { formatDate } from '../ui/labels';
import { ReleaseStateBadge } from './release-badge';

export interface ReleaseRow {
  id: string;
  version: string;
  state: ReleaseState;
  publishedAt?: string | null;
  deprecation?: { reason: string } | null;
  withdrawal?: { reason: string } | null;
}

/** What a reader should know about a release beside its state. */
function remarks(release: ReleaseRow, latestId: string | null): string {
  const notes: string[] = [];
  if (release.id === latestId) {
    notes.push('Aktuelle Version');
  }
  if (release.version.includes('-')) {
    notes.push('Vorabversion');
  }
  if (release.deprecation) {
    notes.push(`Abgekündigt: ${release.deprecation.reason}`);
  }
  if (release.withdrawal) {
    notes.push(`Zurückgezogen: ${release.withdrawal.reason}`);
  }
  return notes.join('; ') || '–';
}

/** The releases the viewer may see, newest first; each version links to its page. */
export function ReleasesTable({
  serviceSlug,
  serviceName,
  releases,
  totalCount,
  latestId,
}: {
  serviceSlug: string;
  serviceName: string;
  releases: ReleaseRow[];
  totalCount: number;
  latestId: string | null;
}) {
  const captionId = useId();
  if (releases.length === 0) {
    return <p className="kern-body">Von dieser Leistung ist noch keine Version veröffentlicht.</p>;
  }
  return (
    // On a narrow screen the table scrolls sideways: the region is focusable, so the keyboard can scroll it.
    <div className="kern-table-responsive" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="kern-table">
        <caption className="kern-title" id={captionId}>
          {totalCount > releases.length
            ? `Die ${releases.length} neuesten von ${totalCount} Versionen von ${serviceName}`
            : `Versionen von ${serviceName}, die neueste zuerst`}
        </caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              Version
            </th>
            <th scope="col" className="kern-table__header">
              Status
            </th>
            <th scope="col" className="kern-table__header">
              Veröffentlicht am
            </th>
            <th scope="col" className="kern-table__header">
              Hinweise
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {releases.map((release) => (
            <tr className="kern-table__row" key={release.id}>
              <th scope="row" className="kern-table__header">
                <Link
                  className="kern-link"
                  to={`/leistungen/${encodeURIComponent(serviceSlug)}/versionen/${encodeURIComponent(release.version)}`}
                >
                  {release.version}
                </Link>
              </th>
              <td className="kern-table__cell">
                <ReleaseStateBadge state={release.state} />
              </td>
              <td className="kern-table__cell">
                {release.publishedAt ? formatDate(release.publishedAt) : '–'}
              </td>
              <td className="kern-table__cell">{remarks(release, latestId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
