import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { InterfacesList } from '../catalogue/interfaces-list';
import { LegalBases } from '../catalogue/legal-bases';
import { maturityText } from '../catalogue/maturity';
import { QaEvidence } from '../catalogue/qa-evidence';
import { ReleasesTable } from '../catalogue/releases-table';
import { graphql } from '../graphql/generated';
import { problemsOf } from '../graphql/errors';
import { useViewer } from '../graphql/viewer';
import { noticeOf } from '../services/notice';
import { mayEditService } from '../services/service-access';
import { SubscriptionPanel } from '../subscriptions/subscription-panel';
import { Alert, Loading, Problems } from '../ui/alert';
import { DescriptionList } from '../ui/description-list';
import { formatNumber, LIFECYCLE, REUSE_MODEL, THEMENFELD } from '../ui/labels';
import { Page } from '../ui/page';

/** Everything the service page shows, in one query. */
const ServicePageQuery = graphql(`
  query ServicePage($slug: String!, $releases: Int!) {
    service(slug: $slug) {
      id
      slug
      name
      summary
      description
      leikaKeys
      themenfeld
      maturityLevel
      maturityModel
      reuseModel
      license
      lifecycle
      subscriptionCount
      owner {
        id
        key
        name
      }
      legalBases {
        provision
        url
        norm {
          id
          abbreviation
          title
          url
        }
      }
      latestRelease {
        id
        version
        interfaces {
          direction
          version
          standard {
            key
            name
          }
        }
        qaEvidence {
          kind
          status
          approvals
          requiredApprovals
          waiverExpiresAt
          waiverExpired
        }
      }
      releases(first: $releases) {
        totalCount
        edges {
          node {
            id
            version
            state
            publishedAt
            deprecation {
              reason
            }
            withdrawal {
              reason
            }
          }
        }
      }
    }
  }
`);

const RELEASES_SHOWN = 20;

/** One service (/leistungen/:slug): its facts, legal bases, interfaces, releases, QA and Nachnutzung. */
export function ServicePage() {
  const { slug = '' } = useParams();
  const location = useLocation();
  const notice = noticeOf(location.state);
  const [{ data, fetching, error }] = useQuery({
    query: ServicePageQuery,
    variables: { slug, releases: RELEASES_SHOWN },
  });
  const problems = problemsOf(error);
  const { viewer } = useViewer();

  if (!data) {
    return (
      <Page title="Leistung">
        {problems.length > 0 ? (
          <Problems problems={problems} title="Die Leistung konnte nicht geladen werden" />
        ) : null}
        {fetching ? <Loading /> : null}
      </Page>
    );
  }
  const service = data.service;
  if (!service) {
    return (
      <Page title="Leistung nicht gefunden">
        <p className="kern-body">
          Unter dieser Adresse gibt es im Nachnutzungsregister keine Leistung. Vielleicht wurde der Link
          falsch kopiert.
        </p>
        <p className="kern-body">
          <Link className="kern-link" to="/leistungen">
            Zurück zu den Leistungen
          </Link>
        </p>
      </Page>
    );
  }

  const latest = service.latestRelease ?? null;
  // Creating a release needs what changing the service needs: the owner's MAINTAINER, an OPERATOR.
  const mayCreateRelease = mayEditService(viewer, service.owner.id);
  return (
    <Page title={service.name} lead={service.summary}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {problems.length > 0 ? <Problems problems={problems} /> : null}
      <EditLink slug={service.slug} ownerId={service.owner.id} />
      {service.description
        ? service.description
            .split(/\n\s*\n/)
            .filter((paragraph) => paragraph.trim())
            .map((paragraph, index) => (
              <p className="kern-body" key={index}>
                {paragraph.trim()}
              </p>
            ))
        : null}
      <DescriptionList
        items={[
          { term: 'Eigentümer', value: service.owner.name },
          {
            term: 'LeiKa-Schlüssel',
            value:
              service.leikaKeys.length > 0 ? (
                <ul className="service-facts__keys">
                  {service.leikaKeys.map((key) => (
                    <li key={key}>{key}</li>
                  ))}
                </ul>
              ) : (
                'Keine eingetragen'
              ),
          },
          {
            term: 'Themenfeld',
            value: service.themenfeld ? THEMENFELD[service.themenfeld] : 'Nicht zugeordnet',
          },
          { term: 'Reifegrad', value: maturityText(service.maturityLevel, service.maturityModel) },
          { term: 'Nachnutzungsmodell', value: REUSE_MODEL[service.reuseModel] },
          { term: 'Lizenz', value: service.license ?? 'Nicht angegeben' },
          { term: 'Lebensphase', value: LIFECYCLE[service.lifecycle] },
          { term: 'Nachnutzende', value: formatNumber(service.subscriptionCount) },
        ]}
      />
      <section aria-labelledby="rechtsgrundlagen" className="stack">
        <h2 className="kern-heading-large" id="rechtsgrundlagen">
          Rechtsgrundlagen
        </h2>
        <LegalBases legalBases={service.legalBases} />
      </section>
      <section aria-labelledby="schnittstellen" className="stack">
        <h2 className="kern-heading-large" id="schnittstellen">
          Schnittstellen
        </h2>
        <InterfacesList version={latest?.version ?? null} interfaces={latest?.interfaces ?? []} />
      </section>
      <section aria-labelledby="versionen" className="stack">
        <h2 className="kern-heading-large" id="versionen">
          Versionen
        </h2>
        {mayCreateRelease ? (
          <p className="kern-body">
            <Link
              className="kern-btn kern-btn--secondary"
              to={`/leistungen/${encodeURIComponent(service.slug)}/versionen/neu`}
            >
              <span className="kern-label">Neue Version anlegen</span>
            </Link>
          </p>
        ) : null}
        <ReleasesTable
          serviceSlug={service.slug}
          serviceName={service.name}
          releases={service.releases.edges.map((edge) => edge.node)}
          totalCount={service.releases.totalCount}
          latestId={latest?.id ?? null}
        />
        {/* The API's route, not a console page: a plain link, for feed readers and the browser. */}
        <p className="kern-body">
          <a
            className="kern-link"
            href={`/services/${encodeURIComponent(service.slug)}/releases.atom`}
            type="application/atom+xml"
          >
            Versionen als Atom-Feed
          </a>
        </p>
      </section>
      <section aria-labelledby="qualitaetssicherung" className="stack">
        <h2 className="kern-heading-large" id="qualitaetssicherung">
          Qualitätssicherung
        </h2>
        <QaEvidence version={latest?.version ?? null} evidence={latest?.qaEvidence ?? []} />
      </section>
      {/* The panel brings its own h2 "Nachnutzung" (web/src/subscriptions/subscription-panel.tsx). */}
      <SubscriptionPanel service={{ id: service.id, slug: service.slug, name: service.name }} />
    </Page>
  );
}

/**
 * "Bearbeiten", for the viewer who may change the service (the owner's MAINTAINERs, OPERATORs).
 * Its own component: the viewer is asked for once the service is there.
 */
function EditLink({ slug, ownerId }: { slug: string; ownerId: string }) {
  const { viewer } = useViewer();
  if (!mayEditService(viewer, ownerId)) {
    return null;
  }
  return (
    <p>
      <Link
        className="kern-btn kern-btn--secondary"
        to={`/leistungen/${encodeURIComponent(slug)}/bearbeiten`}
      >
        <span className="kern-label">Bearbeiten</span>
      </Link>
    </p>
  );
}
