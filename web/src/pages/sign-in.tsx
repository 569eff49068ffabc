import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { consoleConfig, type ConsoleConfig } from '../session/console-config';
import { signInAtProvider } from '../session/oidc';
import { fetchPersonas, fetchPersonaToken, type Persona } from '../session/personas';
import { safeReturnTo } from '../session/return-to';
import { useSession } from '../session/session';
import { Alert, Loading } from '../ui/alert';
import { Page } from '../ui/page';

/**
 * "Anmelden": at the identity provider in production; with a demo persona elsewhere. Returns to
 * the page in ?zurueck= afterwards.
 */
export function SignInPage() {
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('zurueck'));
  const expired = params.get('grund') === 'abgelaufen';
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    consoleConfig().then(setConfig, () => setFailed(true));
  }, []);

  return (
    <Page title="Anmelden">
      {expired ? (
        <Alert tone="warning" title="Sitzung abgelaufen">
          <p className="kern-body">
            Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an; danach geht es dort weiter, wo Sie
            waren.
          </p>
        </Alert>
      ) : null}
      {failed ? (
        <Alert tone="danger" title="Anmeldung nicht möglich">
          <p className="kern-body">
            Die Anmeldedaten des Registers konnten nicht geladen werden. Bitte laden Sie die Seite neu.
          </p>
        </Alert>
      ) : !config ? (
        <Loading />
      ) : config.signIn === 'oidc' ? (
        <ProviderSignIn returnTo={returnTo} />
      ) : config.signIn === 'personas' ? (
        <PersonaSignIn returnTo={returnTo} />
      ) : (
        <Alert tone="info" title="Anmeldung nicht eingerichtet">
          <p className="kern-body">
            Für diese Installation ist keine Anmeldung eingerichtet. Sie können den Katalog ohne Anmeldung
            durchsuchen.
          </p>
        </Alert>
      )}
    </Page>
  );
}

function ProviderSignIn({ returnTo }: { returnTo: string }) {
  const [failed, setFailed] = useState(false);
  return (
    <div className="stack">
      <p className="kern-body">Sie melden sich mit dem Konto Ihrer Verwaltung beim Identitätsanbieter an.</p>
      {failed ? (
        <Alert tone="danger">
          <p className="kern-body">
            Der Identitätsanbieter ist nicht erreichbar. Bitte versuchen Sie es später erneut.
          </p>
        </Alert>
      ) : null}
      <button
        type="button"
        className="kern-btn kern-btn--primary"
        onClick={() => void signInAtProvider(returnTo).catch(() => setFailed(true))}
      >
        <span className="kern-label">Weiter zur Anmeldung</span>
      </button>
    </div>
  );
}

function PersonaSignIn({ returnTo }: { returnTo: string }) {
  const session = useSession();
  const navigate = useNavigate();
  const [personas, setPersonas] = useState<Persona[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    fetchPersonas().then(setPersonas, () => setFailed('Die Demo-Personen konnten nicht geladen werden.'));
  }, []);

  const signInAs = async (persona: Persona) => {
    try {
      const { token, expiresAt } = await fetchPersonaToken(persona.id);
      session.signIn({ token, expiresAt, via: 'personas', label: persona.label });
      void navigate(returnTo, { replace: true });
    } catch {
      setFailed(`Die Anmeldung als ${persona.name} ist fehlgeschlagen. Bitte versuchen Sie es erneut.`);
    }
  };

  return (
    <div className="stack">
      <Alert tone="info" title="Demo-Anmeldung">
        <p className="kern-body">
          Dies ist eine Entwicklungs- und Demo-Installation. Wählen Sie eine Person, als die Sie das Register
          ausprobieren möchten. Im Betrieb melden Sie sich stattdessen mit dem Konto Ihrer Verwaltung an.
        </p>
      </Alert>
      {failed ? (
        <Alert tone="danger">
          <p className="kern-body">{failed}</p>
        </Alert>
      ) : null}
      {!personas ? (
        failed ? null : (
          <Loading />
        )
      ) : (
        <ul className="kern-list" aria-label="Demo-Personen">
          {personas.map((persona) => (
            <li key={persona.id} className="kern-pb-xs">
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                onClick={() => void signInAs(persona)}
              >
                <span className="kern-label">{persona.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
