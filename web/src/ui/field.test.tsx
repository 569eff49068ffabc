import { render, screen } from '@testing-library/react';
import { Field, inputClass } from './field';

describe('Field', () => {
  it('ties label, hint and error to the control and marks it invalid', () => {
    render(
      <Field label="Versionsbereich" hint="z. B. ^1.0.0" error="Kein gültiger Versionsbereich">
        {(control) => <input className={inputClass('x')} {...control} />}
      </Field>,
    );
    const input = screen.getByLabelText('Versionsbereich');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.map((id) => document.getElementById(id)?.textContent)).toEqual([
      'z. B. ^1.0.0',
      'Kein gültiger Versionsbereich',
    ]);
    expect(screen.getByRole('alert')).toHaveTextContent('Kein gültiger Versionsbereich');
  });

  it('without an error, describes the control by its hint only', () => {
    render(
      <Field label="Suche" hint="Name oder Stichwort">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByLabelText('Suche');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toHaveLength(1);
  });
});
