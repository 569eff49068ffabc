import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { problemFor, problemsOf } from '../graphql/errors';
import type { AuditChainProblem } from '../graphql/generated/enums';
import type { VerifyAuditChainQuery as Verification } from '../graphql/generated/graphql';
import { Alert, Loading, Problems } from '../ui/alert';
import { Button, Field, inputClass } from '../ui/field';
import { formatDateTime, formatNumber } from '../ui/labels';
import { AuditTrailQuery, VerifyAuditChainQuery } from './admin-queries';
import { SectionHeading } from './admin-parts';
import { adminHref } from './admin-url';
import { byId } from '../ui/focus-after-navigation';
import { TableHead } from '../ui/table-head';

const TRAIL_RESULT_ID = 'pruefprotokoll-ergebnis';

/** "1 Ereignis" / "12 Ereignisse". */
function eventsText(count: number): string {
  return count === 1 ? '1 Ereignis' : `${formatNumber(count)} Ereignisse`;
}

/** The events before a broken one, which the walk found intact. */
function beforeText(count: number): string {
  if (count === 0) {
    return 'Davor steht kein Ereignis.';
  }
  return count === 1
    ? 'Das Ereignis davor ist intakt.'
    : `Die ${formatNumber(count)} Ereignisse davor sind intakt.`;
}

/**
 * Why the chain does not verify, in German, from the API's `problem` (its `reason` stays the
 * English words of npm run audit:verify, shown beside it for whoever compares with the CLI).
 */
export function chainProblemText(problem: AuditChainProblem, checkpointLine: number | null): string {
  const line = checkpointLine ? ` in Zeile ${checkpointLine}` : '';
  switch (problem) {
    case 'CONTENT_MISMATCH':
      return 'Sein Inhalt passt nicht mehr zu seinem Hashwert: das Ereignis wurde nachträglich verändert.';
    case 'LINK_MISMATCH':
      return 'Es verweist nicht auf das Ereignis davor: ein früheres Ereignis wurde entfernt oder verändert und neu berechnet.';
    case 'CHECKPOINT_SIGNATURE_INVALID':
      return `Der Prüfpunkt${line} der Prüfpunktdatei ist mit einem anderen Schlüssel signiert oder wurde nach dem Signieren verändert.`;
    case 'CHECKPOINT_EVENT_REPLACED':
      return `An der Stelle, die der Prüfpunkt${line} der Prüfpunktdatei nennt, steht ein anderes Ereignis: die Kette wurde neu geschrieben.`;
    case 'CHECKPOINT_EVENTS_REMOVED':
      return `Der Prüfpunkt${line} der Prüfpunktdatei nennt ein Ereignis, das nicht mehr in der Kette steht: die neuesten Ereignisse wurden entfernt.`;
    case 'CHECKPOINT_FILE_UNUSABLE':
      return `Die Prüfpunktdatei (AUDIT_CHECKPOINT_FILE) ist nicht lesbar, enthält keinen Prüfpunkt oder${line ? line : ' in einer Zeile'} etwas anderes als einen Prüfpunkt. Die Kette wurde nicht geprüft.`;
  }
}

/**
 * "Prüfprotokoll": the events naming one object (`?objekt=<id>`), oldest first, and "Kette prüfen",
 * which has the API recompute the whole chain (verifyAuditChain) and says what it found.
 */
export function AuditSection({ focusAfter }: { focusAfter: (target: () => HTMLElement | null) => void }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const entityId = params.get('objekt')?.trim() || null;
  const show = (id: string) => {
    focusAfter(byId(TRAIL_RESULT_ID));
    void navigate(adminHref('pruefprotokoll', { objekt: id }));
  };
  return (
    <>
      <SectionHeading>Prüfprotokoll</SectionHeading>
      <p className="kern-body">
        Jede Änderung im Register wird als Ereignis protokolliert: wer was wann getan hat. Jedes Ereignis
        trägt einen Hashwert über seinen Inhalt und den Hashwert des Ereignisses davor, so bilden die
        Ereignisse eine Kette, in der jede nachträgliche Änderung auffällt.
      </p>
      <Trail entityId={entityId} onShow={show} />
      <ChainCheck onShowTrail={show} />
    </>
  );
}

function Trail({ entityId, onShow }: { entityId: string | null; onShow: (id: string) => void }) {
  const headingId = useId();
  const fieldId = useId();
  const [typed, setTyped] = useState(entityId ?? '');
  const [seen, setSeen] = useState(entityId);
  const [missing, setMissing] = useState<string | null>(null);
  if (seen !== entityId) {
    setSeen(entityId);
    setTyped(entityId ?? '');
  }
  const [result] = useQuery({
    query: AuditTrailQuery,
    variables: { entityId: entityId ?? '' },
    pause: !entityId,
  });
  const problems = problemsOf(result.error);
  const atField = problemFor(problems, 'entityId') ?? problems.find((p) => p.code === 'BAD_USER_INPUT');
  const events = result.data?.auditTrail ?? [];
  const error = missing ?? (atField ? `Die ID ${atField.message}` : undefined);

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h3 className="kern-heading-medium" id={headingId}>
        Ereignisse eines Objekts
      </h3>
      <form
        className="form-row"
        role="search"
        aria-label="Prüfprotokoll eines Objekts"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (typed.trim() === '') {
            setMissing('Bitte geben Sie die ID des Objekts an.');
            document.getElementById(fieldId)?.focus();
            return;
          }
          setMissing(null);
          onShow(typed.trim());
        }}
      >
        <Field
          id={fieldId}
          label="ID des Objekts"
          hint="Die ID einer Organisation, Leistung, Version, Nachnutzung oder Kampagne, z. B. aus der Liste der Organisationen („Ereignisse“)."
          error={error}
        >
          {(control) => (
            <input
              {...control}
              className={inputClass(error)}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="kern-btn kern-btn--secondary">
          <span className="kern-label">Ereignisse anzeigen</span>
        </button>
      </form>
      <div id={TRAIL_RESULT_ID} tabIndex={-1} className="outcome">
        {atField ? null : (
          <Problems problems={problems} title="Das Prüfprotokoll konnte nicht geladen werden" />
        )}
        {entityId && !result.data && result.fetching ? <Loading /> : null}
        {entityId && result.data && events.length === 0 ? (
          <p className="kern-body">
            Zur ID <code>{entityId}</code> gibt es keine Ereignisse.
          </p>
        ) : null}
        {events.length > 0 ? (
          <div className="kern-table-responsive">
            <table className="kern-table">
              <caption className="kern-title">
                {`${eventsText(events.length)} zu ${events[0].entityType} `}
                <code>{entityId}</code>
              </caption>
              <TableHead columns={['Zeit', 'Wer', 'Aktion', 'Hashwert']} />
              <tbody className="kern-table__body">
                {events.map((event) => (
                  <tr className="kern-table__row" key={event.id}>
                    <th scope="row" className="kern-table__header">
                      {formatDateTime(event.at)}
                    </th>
                    <td className="kern-table__cell">{event.actor}</td>
                    <td className="kern-table__cell">
                      <code>{event.action}</code>
                    </td>
                    <td className="kern-table__cell">
                      <code title={event.hash}>{`${event.hash.slice(0, 12)}…`}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </section>
  );
}

function ChainCheck({ onShowTrail }: { onShowTrail: (id: string) => void }) {
  const headingId = useId();
  // Runs only on the button, always asking the API (a chain is never "intact" from a cache).
  const [result, check] = useQuery({ query: VerifyAuditChainQuery, pause: true });
  const verification = result.data?.verifyAuditChain;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h3 className="kern-heading-medium" id={headingId}>
        Kette prüfen
      </h3>
      <p className="kern-body">
        Das Register berechnet die ganze Kette vom ersten Ereignis an neu, wie{' '}
        <code>npm run audit:verify</code>, und vergleicht sie, wo eingerichtet, mit den signierten
        Prüfpunkten. Bei einer langen Kette dauert das einige Sekunden.
      </p>
      <div className="inline-actions">
        <Button
          variant="primary"
          aria-disabled={result.fetching || undefined}
          onClick={() => {
            if (!result.fetching) {
              check({ requestPolicy: 'network-only' });
            }
          }}
        >
          Kette prüfen
        </Button>
      </div>
      {result.fetching ? <Loading label="Die Kette wird geprüft …" /> : null}
      {!result.fetching ? (
        <Problems problems={problemsOf(result.error)} title="Die Kette konnte nicht geprüft werden" />
      ) : null}
      {verification && !result.fetching ? (
        <ChainVerdict verification={verification} onShowTrail={onShowTrail} />
      ) : null}
    </section>
  );
}

/** The answer of one check, announced and focused (each check is a new answer, by its time). */
function ChainVerdict({
  verification: v,
  onShowTrail,
}: {
  verification: Verification['verifyAuditChain'];
  onShowTrail: (id: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [v.checkedAt]);
  const checked = `Geprüft am ${formatDateTime(v.checkedAt)}.`;
  if (v.ok) {
    return (
      <div ref={box} tabIndex={-1} className="outcome">
        <Alert tone="success" title={`Kette intakt: ${eventsText(v.verifiedEvents)} geprüft`}>
          <p className="kern-body">
            {v.checkpointsChecked === null
              ? 'Ohne Prüfpunktdatei (AUDIT_CHECKPOINT_FILE) prüft das Register die Kette allein: dass die neuesten Ereignisse entfernt wurden, ließe sich so nicht erkennen.'
              : `Alle ${formatNumber(v.checkpointsChecked)} signierten Prüfpunkte der Prüfpunktdatei stimmen mit der Kette überein.`}
          </p>
          <p className="kern-body">{checked}</p>
        </Alert>
      </div>
    );
  }
  const event = v.brokenEvent;
  return (
    <div ref={box} tabIndex={-1} className="outcome">
      <Alert
        tone="danger"
        title={v.problem === 'CHECKPOINT_FILE_UNUSABLE' ? 'Prüfpunktdatei nicht nutzbar' : 'Kette gebrochen'}
      >
        {v.brokenEventId ? (
          <p className="kern-body">
            {`Ereignis ${v.brokenEventSeq !== null ? `Nr. ${formatNumber(v.brokenEventSeq)} ` : ''}`}
            <code>{v.brokenEventId}</code>
            {event
              ? `: ${event.action} an ${event.entityType}, ${formatDateTime(event.at)}.`
              : ' (nicht mehr in der Kette).'}
          </p>
        ) : null}
        {v.problem ? <p className="kern-body">{chainProblemText(v.problem, v.checkpointLine)}</p> : null}
        {v.problem !== 'CHECKPOINT_FILE_UNUSABLE' ? (
          <p className="kern-body">
            {v.brokenEventId && v.problem !== null && !v.problem.startsWith('CHECKPOINT_')
              ? beforeText(v.verifiedEvents)
              : `${eventsText(v.verifiedEvents)} geprüft.`}
            {v.checkpointTakenAt
              ? ` Der Prüfpunkt wurde am ${formatDateTime(v.checkpointTakenAt)} gesetzt.`
              : ''}
          </p>
        ) : null}
        {v.reason ? (
          <p className="kern-body">
            Meldung des Registers: <span lang="en">{v.reason}</span>
          </p>
        ) : null}
        <p className="kern-body">{checked}</p>
        {event ? (
          <p className="kern-body">
            <Link
              className="kern-link"
              to={adminHref('pruefprotokoll', { objekt: event.entityId })}
              onClick={(click) => {
                click.preventDefault();
                onShowTrail(event.entityId);
              }}
            >
              Prüfprotokoll dieses Objekts anzeigen
            </Link>
          </p>
        ) : null}
      </Alert>
    </div>
  );
}
