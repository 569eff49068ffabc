import { Link } from 'react-router';
import { Page } from '../ui/page';

export function NotFoundPage() {
  return (
    <Page title="Seite nicht gefunden">
      <p className="kern-body">
        Diese Adresse gibt es im Nachnutzungsregister nicht. Vielleicht finden Sie, was Sie suchen, unter{' '}
        <Link className="kern-link" to="/leistungen">
          Leistungen
        </Link>
        .
      </p>
    </Page>
  );
}
