import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { completeSignInAtProvider } from '../session/oidc';
import { safeReturnTo } from '../session/return-to';
import { useSession } from '../session/session';
import { Alert, Loading } from '../ui/alert';
import { Page } from '../ui/page';

/** Back from the identity provider: exchange the code (PKCE), keep the token for this tab, go on. */
export function SignInCallbackPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) {
      return; // the code can be exchanged once (StrictMode runs effects twice in development)
    }
    started.current = true;
    completeSignInAtProvider().then(
      ({ user, returnTo }) => {
        const name = typeof user.profile.name === 'string' ? user.profile.name : user.profile.sub;
        session.signIn({
          token: user.access_token,
          expiresAt: new Date((user.expires_at ?? Date.now() / 1000 + 300) * 1000).toISOString(),
          via: 'oidc',
          label: name,
          idToken: user.id_token,
        });
        void navigate(safeReturnTo(returnTo), { replace: true });
      },
      () => setFailed(true),
    );
  }, [session, navigate]);

  return (
    <Page title="Anmeldung wird abgeschlossen">
      {failed ? (
        <Alert tone="danger" title="Anmeldung fehlgeschlagen">
          <p className="kern-body">
            Die Anmeldung konnte nicht abgeschlossen werden.{' '}
            <Link className="kern-link" to="/anmelden">
              Bitte melden Sie sich erneut an
            </Link>
            .
          </p>
        </Alert>
      ) : (
        <Loading label="Anmeldung wird abgeschlossen …" />
      )}
    </Page>
  );
}
