import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { callsOf, fakeClient, renderWith } from './test-support';
import { VersionRangeField } from './version-range-field';

/** What the API answers for a range on a service with 1.0.0, 1.1.0 and a deprecated 0.9.0. */
function resolution(range: string) {
  const base = { __typename: 'RangeResolution', range, problem: null };
  if (range === '^1.0.0') {
    return {
      ...base,
      valid: true,
      version: '1.1.0',
      matchingVersions: ['1.1.0', '1.0.0'],
      deployableVersions: ['1.1.0', '1.0.0'],
    };
  }
  if (range === '^0.9.0') {
    return {
      ...base,
      valid: true,
      version: null,
      problem: 'no published release satisfies the range',
      matchingVersions: [],
      deployableVersions: ['0.9.0'],
    };
  }
  if (range === '^3.0.0') {
    return {
      ...base,
      valid: true,
      version: null,
      problem: 'none',
      matchingVersions: [],
      deployableVersions: [],
    };
  }
  return {
    ...base,
    valid: false,
    version: null,
    problem: `"${range}" is not a semver range`,
    matchingVersions: [],
    deployableVersions: [],
  };
}

function setup() {
  const fake = fakeClient((name, variables) =>
    name === 'ResolveVersionRange'
      ? { data: { resolveVersionRange: resolution(String(variables.range)) } }
      : {},
  );
  function Harness() {
    const [value, setValue] = useState('');
    return <VersionRangeField serviceSlug="baugenehmigung-beantragen" value={value} onChange={setValue} />;
  }
  renderWith(fake.client, <Harness />);
  return fake;
}

describe('VersionRangeField', () => {
  it('explains the syntax in German and says which published version the range resolves to', async () => {
    const { executeQuery } = setup();
    const input = screen.getByLabelText('Versionsbereich');
    expect(input).toHaveAccessibleDescription(/\^1\.0\.0 heißt ab 1\.0\.0 alle Versionen unter 2\.0\.0/);

    await userEvent.type(input, '^1.0.0');
    expect(await screen.findByText('Passt derzeit zu Version 1.1.0')).toHaveAttribute('role', 'status');
    expect(screen.getByText(/Im Bereich liegen die Versionen 1\.1\.0, 1\.0\.0/)).toBeInTheDocument();
    // Asked once the typing paused, for the whole range and the service: not once per key.
    expect(callsOf(executeQuery, 'ResolveVersionRange')).toEqual([
      { serviceSlug: 'baugenehmigung-beantragen', range: '^1.0.0' },
    ]);
    // The live answer is part of the field's description.
    expect(input).toHaveAccessibleDescription(/Passt derzeit zu Version 1\.1\.0/);
  });

  it('says when no published version matches, and when only deprecated ones do', async () => {
    setup();
    const input = screen.getByLabelText('Versionsbereich');
    await userEvent.type(input, '^3.0.0');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        /^Keine veröffentlichte Version passt zu diesem Bereich$/,
      ),
    );

    await userEvent.clear(input);
    await userEvent.type(input, '^0.9.0');
    expect(await screen.findByText(/nur abgekündigte Versionen \(0\.9\.0\)/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Keine veröffentlichte Version passt zu diesem Bereich',
    );
  });

  it('says why a range is invalid', async () => {
    setup();
    await userEvent.type(screen.getByLabelText('Versionsbereich'), 'eins');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        '„eins“ ist kein gültiger Versionsbereich. Schreiben Sie ihn zum Beispiel als ^1.0.0.',
      ),
    );
  });

  it('asks nothing for an empty field', async () => {
    const { executeQuery } = setup();
    const input = screen.getByLabelText('Versionsbereich');
    await userEvent.type(input, '   ');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(callsOf(executeQuery, 'ResolveVersionRange')).toEqual([]);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
