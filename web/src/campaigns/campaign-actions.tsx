import { useState } from 'react';
import { useMutation } from 'urql';
import type { CampaignAction } from '../graphql/generated/enums';
import { problemsOf } from '../graphql/errors';
import { FormButtons, Outcome, TextActionForm } from '../subscriptions/action-form';
import { Problems } from '../ui/alert';
import { Button } from '../ui/field';
import { useOpener } from '../ui/opener';
import { SearchField } from '../catalogue/search-field';
import { problemFor } from '../graphql/errors';
import { AddTargetMutation, CancelCampaignMutation, CompleteCampaignMutation } from './campaign-queries';

const ACTION_LABEL = {
  ADD_TARGET: 'Leistung hinzufügen',
  COMPLETE: 'Kampagne abschließen',
  CANCEL: 'Kampagne abbrechen',
} as const;

/** "Leistung hinzufügen", "Kampagne abschließen" and "Kampagne abbrechen", where the API says the viewer may. */
export function CampaignActions({ id, actions }: { id: string; actions: CampaignAction[] }) {
  const [open, setOpen] = useState<'ADD_TARGET' | 'COMPLETE' | 'CANCEL' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const opener = useOpener();
  const [completion, complete] = useMutation(CompleteCampaignMutation);
  const [cancellation, cancel] = useMutation(CancelCampaignMutation);
  const offered = (['ADD_TARGET', 'COMPLETE', 'CANCEL'] as const).filter((a) => actions.includes(a));
  // Adding a target leaves the campaign open: its outcome stands above the buttons, which stay.
  if (done && !actions.includes('ADD_TARGET')) {
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
      {done ? <Outcome message={done} /> : null}
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
            {ACTION_LABEL[a]}
          </Button>
        ))}
      </div>
      {completeLater ? (
        <p className="kern-body kern-body--small">
          Abschließen können Sie die Kampagne, sobald jedes Ziel erledigt ist: mit einer veröffentlichten
          Version oder ausgenommen.
        </p>
      ) : null}
      {open === 'ADD_TARGET' ? (
        <AddTargetForm
          campaignId={id}
          onDone={(name) => {
            setOpen(null);
            setDone(`${name} ist jetzt ein Ziel der Kampagne.`);
          }}
          onCancel={() => {
            setOpen(null);
            opener.refocus();
          }}
        />
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

/**
 * "Leistung hinzufügen": a service that the change concerns although it does not cite the norm
 * (or not yet), picked from the catalogue's suggestions while typing.
 */
function AddTargetForm({
  campaignId,
  onDone,
  onCancel,
}: {
  campaignId: string;
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<{ slug: string; name: string } | null>(null);
  const [missing, setMissing] = useState(false);
  const [result, add] = useMutation(AddTargetMutation);
  const problems = problemsOf(result.error);
  const fieldProblem = missing
    ? 'Bitte wählen Sie eine Leistung aus den Vorschlägen.'
    : (problemFor(problems, 'serviceSlug') ?? problemFor(problems, 'campaignId'))?.message;
  return (
    <form
      className="action-form stack"
      aria-label="Leistung hinzufügen"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (result.fetching) {
          return;
        }
        const service = chosen && chosen.name === text ? chosen : null;
        setMissing(!service);
        if (!service) {
          return;
        }
        void add({ campaignId, serviceSlug: service.slug }).then((answer) => {
          if (!answer.error) {
            onDone(service.name);
          }
        });
      }}
    >
      <h3 className="kern-heading-small">Leistung hinzufügen</h3>
      <p className="kern-body">
        Für eine Leistung, die die Änderung betrifft, obwohl sie die Rechtsgrundlage nicht nennt.
      </p>
      <Problems problems={problems.filter((p) => p.message !== fieldProblem)} />
      <SearchField
        label="Leistung"
        hint="Name oder Stichwort; wählen Sie einen Vorschlag"
        name="leistung"
        value={text}
        error={fieldProblem}
        onChange={setText}
        onChoose={(service) => {
          setChosen(service);
          setText(service.name);
          setMissing(false);
        }}
      />
      <FormButtons submitLabel="Hinzufügen" fetching={result.fetching} onCancel={onCancel} />
    </form>
  );
}
