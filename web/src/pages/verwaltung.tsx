import { Link, useSearchParams } from 'react-router';
import { AuditSection } from '../admin/audit-section';
import { SECTIONS, adminHref, sectionOf, SECTION_HEADING_ID } from '../admin/admin-url';
import { byId, useFocusAfterNavigation } from '../ui/focus-after-navigation';
import { GithubSection } from '../admin/github-section';
import { OrganisationsSection } from '../admin/organisations-section';
import { StandardsSection } from '../admin/standards-section';
import { Page } from '../ui/page';
import { Guarded } from '../ui/guard';

const TITLE = 'Verwaltung';

/**
 * "Verwaltung" (/verwaltung): the operator's desk. Four sections behind a local navigation, the
 * shown one in the query string (`?bereich=organisationen`), so that a link opens it: the
 * organisations, the interface standards, the audit trail with the chain check, the GitHub
 * deliveries. Only for OPERATORs; the API refuses everyone else all the same.
 */
export function AdminPage() {
  return (
    <Guarded
      title={TITLE}
      roles={['OPERATOR']}
      visitor="Die Verwaltung des Registers steht dem Betrieb nach der Anmeldung offen."
      refused="Die Verwaltung ist dem Betrieb des Registers vorbehalten. Ihre Anmeldung hat diese Rolle nicht."
    >
      <AdminDesk />
    </Guarded>
  );
}

function AdminDesk() {
  const [params] = useSearchParams();
  const section = sectionOf(params);
  const focusAfter = useFocusAfterNavigation();
  return (
    <Page
      title={TITLE}
      lead="Organisationen und Schnittstellenstandards registrieren, das Prüfprotokoll einsehen und die Kette prüfen, GitHub-Zustellungen verfolgen."
    >
      <nav aria-label="Bereiche der Verwaltung">
        <ul className="admin-nav">
          {SECTIONS.map(({ id, label }) => (
            <li key={id}>
              <Link
                className="kern-link"
                to={adminHref(id)}
                aria-current={id === section ? 'page' : undefined}
                onClick={() => focusAfter(byId(SECTION_HEADING_ID))}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="stack" aria-labelledby={SECTION_HEADING_ID}>
        {section === 'organisationen' ? <OrganisationsSection focusAfter={focusAfter} /> : null}
        {section === 'schnittstellenstandards' ? <StandardsSection /> : null}
        {section === 'pruefprotokoll' ? <AuditSection focusAfter={focusAfter} /> : null}
        {section === 'github' ? <GithubSection focusAfter={focusAfter} /> : null}
      </section>
    </Page>
  );
}
