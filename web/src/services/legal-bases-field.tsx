import { useState } from 'react';
import { Alert } from '../ui/alert';
import { Button, Field, inputClass } from '../ui/field';
import { NormCombobox } from './norm-combobox';
import { RegisterNormForm } from './register-norm-form';
import { changeRow, newRow, removeRow, type FieldErrors, type LegalBasisRow } from './service-form-model';

/** The ids of a row's controls (the error summary links to them). */
export function rowFieldId(idPrefix: string, key: string, part: 'norm' | 'provision'): string {
  return `${idPrefix}-legalBases-${key}-${part}`;
}

/** After React has rendered the change: focus the element with the id, if it is there. */
function focusSoon(id: string) {
  setTimeout(() => document.getElementById(id)?.focus());
}

/**
 * "Rechtsgrundlagen": one group per legal basis (norm and provision), rows added and removed by
 * buttons; a row whose norm is missing from the register opens "Rechtsnorm registrieren" below
 * it, and the new norm is then chosen in that row. Focus follows: to a new row's norm, after a
 * removal to "Weitere Rechtsgrundlage hinzufügen", after a registration to the row's provision.
 */
export function LegalBasesField({
  rows,
  onChange,
  errors,
  idPrefix,
}: {
  rows: LegalBasisRow[];
  /** Changes the rows (a function of the current ones: a registration answers after other edits). */
  onChange: (change: (rows: LegalBasisRow[]) => LegalBasisRow[]) => void;
  errors: FieldErrors;
  idPrefix: string;
}) {
  const [registeringFor, setRegisteringFor] = useState<string | null>(null);
  const [registered, setRegistered] = useState<{ row: string; message: string } | null>(null);
  const addId = `${idPrefix}-legalBases-add`;

  return (
    <div className="stack">
      <p className="kern-body">
        Die Rechtsnormen, auf denen die Leistung beruht: je eine Rechtsnorm aus dem Register, wo nötig mit der
        Fundstelle. Eine Kampagne zu einer Rechtsänderung erreicht über sie jede betroffene Leistung.
      </p>
      {rows.length === 0 ? <p className="kern-body">Noch keine Rechtsgrundlage eingetragen.</p> : null}
      {rows.map((row, index) => {
        const position = index + 1;
        const normId = rowFieldId(idPrefix, row.key, 'norm');
        const provisionId = rowFieldId(idPrefix, row.key, 'provision');
        const normError = errors[`legalBases.${row.key}.norm`];
        const provisionError = errors[`legalBases.${row.key}.provision`];
        return (
          <fieldset className="kern-fieldset legal-basis" key={row.key}>
            <legend className="kern-label">Rechtsgrundlage {position}</legend>
            <div className="kern-fieldset__body stack">
              <NormCombobox
                id={normId}
                value={row.norm}
                error={normError}
                onChange={(norm) => onChange((current) => changeRow(current, row.key, { norm }))}
              />
              <Field
                id={provisionId}
                label="Fundstelle"
                optional
                hint="Paragraf, Absatz, Nummer, z. B. „§ 12 Abs. 1“; leer lassen, wenn die ganze Norm gilt."
                error={provisionError}
              >
                {(control) => (
                  <input
                    {...control}
                    className={inputClass(provisionError)}
                    type="text"
                    autoComplete="off"
                    value={row.provision}
                    onChange={(event) => {
                      const provision = event.target.value;
                      onChange((current) => changeRow(current, row.key, { provision }));
                    }}
                  />
                )}
              </Field>
              {registered?.row === row.key ? <Alert tone="success">{registered.message}</Alert> : null}
              {registeringFor === row.key ? (
                <RegisterNormForm
                  abbreviation={row.norm}
                  onRegistered={(norm) => {
                    onChange((current) => changeRow(current, row.key, { norm: norm.abbreviation }));
                    setRegisteringFor(null);
                    setRegistered({
                      row: row.key,
                      message: `Die Rechtsnorm ${norm.abbreviation} (${norm.title}) ist registriert und in Rechtsgrundlage ${position} gewählt.`,
                    });
                    focusSoon(provisionId);
                  }}
                  onCancel={() => {
                    setRegisteringFor(null);
                    focusSoon(`${normId}-register`);
                  }}
                />
              ) : null}
              <div className="inline-actions">
                {registeringFor === row.key ? null : (
                  <Button
                    variant="tertiary"
                    id={`${normId}-register`}
                    onClick={() => {
                      setRegistered(null);
                      setRegisteringFor(row.key);
                    }}
                  >
                    Rechtsnorm fehlt? Neu registrieren
                    <span className="sr-suffix"> (Rechtsgrundlage {position})</span>
                  </Button>
                )}
                <Button
                  variant="secondary"
                  onClick={() => {
                    if (registeringFor === row.key) {
                      setRegisteringFor(null);
                    }
                    onChange((current) => removeRow(current, row.key));
                    focusSoon(addId);
                  }}
                >
                  Entfernen<span className="sr-suffix"> (Rechtsgrundlage {position})</span>
                </Button>
              </div>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button
          variant="secondary"
          id={addId}
          onClick={() => {
            const added = newRow();
            onChange((current) => [...current, added]);
            focusSoon(rowFieldId(idPrefix, added.key, 'norm'));
          }}
        >
          {rows.length === 0 ? 'Rechtsgrundlage hinzufügen' : 'Weitere Rechtsgrundlage hinzufügen'}
        </Button>
      </div>
    </div>
  );
}
