import { useMutation } from 'urql';
import { TextActionForm } from './action-form';
import type { SubscriptionView } from './subscription-fields';
import {
  ApproveSubscriptionMutation,
  RejectSubscriptionMutation,
  SuspendSubscriptionMutation,
} from './subscription-mutations';

interface ActionProps {
  subscription: SubscriptionView;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const who = (s: SubscriptionView) => `${s.organisation.name} für „${s.service.name}“`;

/** "Annehmen", with the reuse agreement's reference if there is one. */
export function ApproveForm({ subscription: s, onDone, onCancel }: ActionProps) {
  const [result, approve] = useMutation(ApproveSubscriptionMutation);
  return (
    <TextActionForm
      title={`Antrag annehmen: ${who(s)}`}
      intro={<p className="kern-body">Die Nachnutzung ist danach aktiv.</p>}
      label="Aktenzeichen der Vereinbarung"
      field="agreementReference"
      optional
      multiline={false}
      submitLabel="Antrag annehmen"
      fetching={result.fetching}
      error={result.error}
      onCancel={onCancel}
      onSubmit={(reference) =>
        void approve({ id: s.id, agreementReference: reference || null }).then((answer) => {
          if (answer.data) {
            onDone(`Der Antrag von ${who(s)} ist angenommen; die Nachnutzung ist aktiv.`);
          }
        })
      }
    />
  );
}

export function RejectForm({ subscription: s, onDone, onCancel }: ActionProps) {
  const [result, reject] = useMutation(RejectSubscriptionMutation);
  return (
    <TextActionForm
      title={`Antrag ablehnen: ${who(s)}`}
      intro={<p className="kern-body">Die Kommune sieht den Grund bei ihrer Nachnutzung.</p>}
      label="Grund der Ablehnung"
      field="reason"
      submitLabel="Antrag ablehnen"
      fetching={result.fetching}
      error={result.error}
      onCancel={onCancel}
      onSubmit={(reason) =>
        void reject({ id: s.id, reason }).then((answer) => {
          if (answer.data) {
            onDone(`Der Antrag von ${who(s)} ist abgelehnt.`);
          }
        })
      }
    />
  );
}

export function SuspendForm({ subscription: s, onDone, onCancel }: ActionProps) {
  const [result, suspend] = useMutation(SuspendSubscriptionMutation);
  return (
    <TextActionForm
      title={`Nachnutzung aussetzen: ${who(s)}`}
      intro={
        <p className="kern-body">
          Zum Beispiel nach einem Sicherheitsvorfall. Sie können die Nachnutzung später fortsetzen.
        </p>
      }
      label="Grund"
      field="reason"
      submitLabel="Nachnutzung aussetzen"
      fetching={result.fetching}
      error={result.error}
      onCancel={onCancel}
      onSubmit={(reason) =>
        void suspend({ id: s.id, reason }).then((answer) => {
          if (answer.data) {
            onDone(`Die Nachnutzung von ${who(s)} ist ausgesetzt.`);
          }
        })
      }
    />
  );
}
