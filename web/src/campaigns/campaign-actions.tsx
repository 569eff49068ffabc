import { useState } from 'react';
import { useMutation } from 'urql';
import type { CampaignAction } from '../graphql/generated/enums';
import { problemsOf } from '../graphql/errors';
import { FormButtons, Outcome, TextActionForm } from '../subscriptions/action-form';
import { Problems } from '../ui/alert';
import { Button } from '../ui/field';
import { useOpener } from '../ui/opener';
import { CancelCampaignMutation, CompleteCampaignMutation } from './campaign-queries';

/** "Kampagne abschließen" and "Kampagne abbrechen", where the API says the viewer may. */
export function CampaignActions({ id, actions }: { id: string; actions: CampaignAction[] }) {
  const [open, setOpen] = useState<'COMPLETE' | 'CANCEL' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const opener = useOpener();
  const [completion, complete] = useMutation(CompleteCampaignMutation);
  const [cancellation, cancel] = useMutation(CancelCampaignMutation);
  const offered = (['COMPLETE', 'CANCEL'] as const).filter((a) => actions.includes(a));
  if (done) {
    return <Outcome message={done} />;
  }
  if (offered.length === 0) {
    return null;
  }
  // Whoever may cancel could complete too, once every target is done: say so instead of hiding it.
  const completeLater = actions.includes('CANCEL') && !actions.includes('COMPLETE');
  return (
    <section className="stack" aria-labelledby="campaign-actions-heading">
      <h2 className="kern-sr-only" id="campaign-actions-heading">
        Aktionen der Kampagne
      </h2>
      <div className="inline-actions">
        {offered.map((a) => (
          <Button
            key={a}
            variant="secondary"
            aria-expanded={open === a}
            onClick={(event) => {
              opener.remember(event);
              setOpen(open === a ? null : a);
            }}
          >
            {a === 'COMPLETE' ? 'Kampagne abschließen' : 'Kampagne abbrechen'}
          </Button>
        ))}
      </div>
      {completeLater ? (
        <p className="kern-body kern-body--small">
          Abschließen können Sie die Kampagne, sobald jedes Ziel erledigt ist: mit einer veröffentlichten
          Version oder ausgenommen.
        </p>
      ) : null}
      {open === 'COMPLETE' ? (
        <form
          className="action-form stack"
          aria-label="Kampagne abschließen"
          onSubmit={(event) => {
            event.preventDefault();
            if (completion.fetching) {
              return;
            }
            void complete({ id }).then((answer) => {
              if (!answer.error) {
                setDone('Die Kampagne ist abgeschlossen.');
              }
            });
          }}
        >
          <h3 className="kern-heading-small">Kampagne abschließen</h3>
          <p className="kern-body">
            Alle Ziele sind erledigt. Nach dem Abschluss lässt sich an der Kampagne nichts mehr ändern.
          </p>
          <Problems problems={problemsOf(completion.error)} />
          <FormButtons
            submitLabel="Abschließen"
            fetching={completion.fetching}
            onCancel={() => {
              setOpen(null);
              opener.refocus();
            }}
          />
        </form>
      ) : null}
      {open === 'CANCEL' ? (
        <TextActionForm
          title="Kampagne abbrechen"
          intro="Etwa wenn die Rechtsänderung nicht kommt. Offene GitHub-Issues werden nicht mehr angelegt."
          label="Grund"
          field="reason"
          submitLabel="Kampagne abbrechen"
          fetching={cancellation.fetching}
          error={cancellation.error}
          onSubmit={(reason) =>
            void cancel({ id, reason }).then((answer) => {
              if (!answer.error) {
                setDone('Die Kampagne ist abgebrochen.');
              }
            })
          }
          onCancel={() => {
            setOpen(null);
            opener.refocus();
          }}
        />
      ) : null}
    </section>
  );
}
