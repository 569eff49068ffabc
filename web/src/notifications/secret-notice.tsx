import { useEffect, useRef, useState } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/field';

/**
 * A webhook's signing secret, the one time the API shows it: prominent, to copy, with the warning
 * that it will not be shown again. It takes the focus, so keyboard and screen reader start from it.
 */
export function SecretNotice({
  secret,
  url,
  rotated = false,
  previousValidUntil,
}: {
  secret: string;
  url: string;
  rotated?: boolean;
  /** After a rotation: until when the previous secret still signs, formatted. */
  previousValidUntil?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    box.current?.focus();
  }, [secret]);
  return (
    <div ref={box} tabIndex={-1} className="outcome secret-notice">
      <Alert
        tone="warning"
        title={rotated ? 'Neues Geheimnis: jetzt kopieren' : 'Webhook eingerichtet: Geheimnis jetzt kopieren'}
      >
        <p className="kern-body">
          Das Geheimnis für <code>{url}</code>. Hinterlegen Sie es beim Empfänger: mit ihm prüft er die
          Signatur jeder Zustellung (Standard Webhooks).
        </p>
        <p className="kern-body secret-notice__value">
          Geheimnis: <code>{secret}</code>
        </p>
        <p className="kern-body kern-body--bold">
          Es wird nur jetzt angezeigt und nicht noch einmal. Kopieren Sie es, bevor Sie die Seite verlassen
          oder neu laden.
        </p>
        {rotated ? (
          <p className="kern-body">
            Das bisherige Geheimnis signiert noch 24 Stunden mit
            {previousValidUntil ? ` (bis ${previousValidUntil})` : ''}: so bleibt Zeit, den Empfänger
            umzustellen.
          </p>
        ) : null}
        <div className="inline-actions">
          <Button
            variant="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(secret).then(
                () => setCopied(true),
                () => setCopied(false),
              );
              if (!navigator.clipboard) {
                setCopied(false);
              }
            }}
          >
            Geheimnis kopieren
          </Button>
          <span className="kern-body" role="status">
            {copied === true
              ? 'In die Zwischenablage kopiert.'
              : copied === false
                ? 'Kopieren ging nicht: markieren Sie das Geheimnis und kopieren Sie es mit Strg+C.'
                : ''}
          </span>
        </div>
      </Alert>
    </div>
  );
}
