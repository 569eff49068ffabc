import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ReleaseStateBadge } from '../catalogue/release-badge';
import type { ImpactFieldsFragment } from '../graphql/generated/graphql';
import { problemsOf } from '../graphql/errors';
import { inconsistencySentence } from '../releases/gate-reason';
import { GateSection } from '../releases/gate-section';
import { MarkdownText } from '../releases/markdown';
import { ReleaseActions } from '../releases/release-actions';
import { ReleasePageQuery } from '../releases/release-queries';
import { Alert, Loading, Problems } from '../ui/alert';
import { DescriptionList } from '../ui/description-list';
import { CHANGE_TYPE, formatDateTime, INTERFACE_DIRECTION, VERSION_BUMP } from '../ui/labels';
import { Page } from '../ui/page';
import { TableHead } from '../ui/table-head';

/**
 * One release (/leistungen/:slug/versionen/:version): state, notes, changes, interfaces and their
 * impact, artifact, QA gates with sign-offs and waivers, and what the viewer may do. What the
 * viewer sees of it is the API's decision: gates only for the owner's maintainers, reviewers and
 * the operator, drafts only for the owner.
 */
export function ReleasePage() {
  const { slug = '', version = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ReleasePageQuery, variables: { slug, version } });
  const problems = problemsOf(error);
  const service = data?.service ?? null;
  const release = service?.release ?? null;
  const impact = release?.impact ?? null;

  if (!data) {
    return (
      <Page title={`Version ${version}`}>
        {problems.length > 0 ? (
          <Problems problems={problems} title="Die Version konnte nicht geladen werden" />
        ) : null}
        {fetching ? <Loading /> : null}
      </Page>
    );
  }
  if (!service || !release || !impact) {
    return (
      <Page title="Version nicht gefunden">
        <p className="kern-body">
          {service
            ? `Von „${service.name}“ gibt es keine Version ${version}, die Sie sehen dürfen. Entwürfe sehen nur die Maintainer der Eigentümerin.`
            : 'Unter dieser Adresse gibt es im Nachnutzungsregister keine Leistung.'}
        </p>
        <p className="kern-body">
          <Link
            className="kern-link"
            to={service ? `/leistungen/${encodeURIComponent(service.slug)}` : '/leistungen'}
          >
            {service ? `Zurück zu „${service.name}“` : 'Zurück zu den Leistungen'}
          </Link>
        </p>
      </Page>
    );
  }

  const mayWaive = release.actions.some((a) => a.action === 'WAIVE' && a.allowed);
  // The API lists the gates in the policy's order: Gebrauchstauglichkeit, Sicherheit, Schnittstellen.
  const gates = release.gates;
  const impactFacts = { removed: impact.removed, suggestedVersion: impact.suggestedVersion };

  return (
    <Page title={`${service.name} ${release.version}`}>
      <p className="kern-body">
        <ReleaseStateBadge state={release.state} /> Version {release.version} von{' '}
        <Link className="kern-link" to={`/leistungen/${encodeURIComponent(service.slug)}`}>
          {service.name}
        </Link>
        , {service.owner.name}
      </p>
      {problems.length > 0 ? <Problems problems={problems} /> : null}
      {release.withdrawal ? (
        <Alert tone="warning" title="Zurückgezogen">
          <p className="kern-body">
            {`Am ${formatDateTime(release.withdrawal.at)} von ${release.withdrawal.by.name ?? release.withdrawal.by.id}: ${release.withdrawal.reason}`}
          </p>
        </Alert>
      ) : null}
      {release.deprecation ? (
        <Alert tone="warning" title="Abgekündigt">
          <p className="kern-body">
            {`Am ${formatDateTime(release.deprecation.at)} von ${release.deprecation.by.name ?? release.deprecation.by.id}: ${release.deprecation.reason}`}
          </p>
        </Alert>
      ) : null}
      <DescriptionList
        items={[
          {
            term: 'Erstellt',
            value: `${formatDateTime(release.createdAt)} von ${release.createdBy.name ?? release.createdBy.id}${release.createdBy.organisation ? ` (${release.createdBy.organisation.name})` : ''}`,
          },
          ...(release.importedFrom ? [{ term: 'Übernommen aus', value: release.importedFrom }] : []),
          {
            term: 'Veröffentlicht',
            value: release.publishedAt ? formatDateTime(release.publishedAt) : 'Noch nicht',
          },
          {
            term: 'Artefakt',
            value: (
              <>
                <code className="digest">{release.artifactDigest}</code>
                {release.artifactUrl ? (
                  <span className="cell-note">
                    <a className="kern-link" href={release.artifactUrl} rel="noopener noreferrer">
                      Artefakt herunterladen
                    </a>
                  </span>
                ) : null}
              </>
            ),
          },
        ]}
      />

      <ReleaseActions release={release} slug={service.slug} actions={release.actions} />

      <section aria-labelledby="versionshinweise" className="stack">
        <h2 className="kern-heading-large" id="versionshinweise">
          Versionshinweise
        </h2>
        {release.notes ? (
          <MarkdownText>{release.notes}</MarkdownText>
        ) : (
          <p className="kern-body">Keine Versionshinweise.</p>
        )}
        {release.changes.length > 0 ? (
          <ul className="kern-list">
            {release.changes.map((change, index) => (
              <li className="kern-body" key={index}>
                <strong>{CHANGE_TYPE[change.type]}:</strong> {change.description}
              </li>
            ))}
          </ul>
        ) : (
          <p className="kern-body">Keine Änderungen eingetragen.</p>
        )}
      </section>

      <section aria-labelledby="schnittstellen" className="stack">
        <h2 className="kern-heading-large" id="schnittstellen">
          Schnittstellen und Auswirkungen
        </h2>
        {release.interfaces.length > 0 ? (
          <ul className="kern-list">
            {release.interfaces.map((use) => (
              <li className="kern-body" key={`${use.standard.key}-${use.version}-${use.direction}`}>
                {`${use.standard.name} ${use.version} (${INTERFACE_DIRECTION[use.direction]})`}
              </li>
            ))}
          </ul>
        ) : (
          <p className="kern-body">Diese Version nennt keine Schnittstellen.</p>
        )}
        <ImpactSummary impact={impact} version={release.version} />
        {!impact.semverConsistent ? (
          <Alert tone="warning" title="Versionsnummer passt nicht zu den Änderungen">
            <p className="kern-body">{inconsistencySentence(impactFacts)}</p>
          </Alert>
        ) : null}
      </section>

      <section aria-labelledby="qualitaetssicherung" className="stack">
        <h2 className="kern-heading-large" id="qualitaetssicherung">
          Qualitätssicherung
        </h2>
        {gates.length === 0 ? (
          <p className="kern-body">
            {release.state === 'DRAFT'
              ? 'Die Prüfungen beginnen, sobald die Version eingereicht ist.'
              : 'Die Prüfungen sehen nur die Maintainer der Eigentümerin, die Prüferinnen und Prüfer und der Betrieb.'}
          </p>
        ) : (
          gates.map((gate, index) => (
            <GateSection
              key={index}
              gate={gate}
              releaseId={release.id}
              version={release.version}
              impact={impactFacts}
              mayWaive={mayWaive}
            />
          ))
        )}
      </section>
    </Page>
  );
}

function ImpactSummary({ impact, version }: { impact: ImpactFieldsFragment; version: string }) {
  return (
    <>
      <DescriptionList
        items={[
          {
            term: 'Verglichen mit',
            value: impact.baseline ? `Version ${impact.baseline.version}` : 'Keiner: erste Version',
          },
          { term: 'Art der Version', value: VERSION_BUMP[impact.bump] },
          { term: 'Inkompatibel (Breaking Change)', value: impact.breaking ? 'Ja' : 'Nein' },
          {
            term: 'Versionsnummer',
            value: impact.semverConsistent
              ? `${version} passt zu den Änderungen`
              : `${version} passt nicht; mindestens ${impact.suggestedVersion}`,
          },
          {
            term: 'Hinzugekommen',
            value:
              impact.added.length > 0
                ? impact.added.map((u) => `${u.standard.name} ${u.version}`).join(', ')
                : '–',
          },
          {
            term: 'Entfallen',
            value:
              impact.removed.length > 0
                ? impact.removed.map((u) => `${u.standard.name} ${u.version}`).join(', ')
                : '–',
          },
        ]}
      />
      <h3 className="kern-heading-medium">Betroffene Nachnutzungen</h3>
      {impact.affectedSubscriptions.length === 0 ? (
        <p className="kern-body">
          Keine, soweit Sie sie sehen dürfen: Keine aktive Nachnutzung hat für eine dieser Schnittstellen nur
          andere Versionen angegeben.
        </p>
      ) : (
        <div className="kern-table-responsive">
          <table className="kern-table">
            <caption className="kern-sr-only">
              Aktive Nachnutzungen, die eine andere Version einer Schnittstelle angegeben haben
            </caption>
            <TableHead columns={['Kommune', 'Versionsbereich', 'Eingesetzte Version']} />
            <tbody className="kern-table__body">
              {impact.affectedSubscriptions.map((s) => (
                <tr className="kern-table__row" key={s.id}>
                  <th scope="row" className="kern-table__header">
                    {s.organisation.name}
                  </th>
                  <td className="kern-table__cell">
                    <code>{s.versionRange}</code>
                  </td>
                  <td className="kern-table__cell">{s.deployedVersion ?? 'Nicht gemeldet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
