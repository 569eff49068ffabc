import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Provider } from 'urql';
import { SessionProvider } from '../session/session';
import { callsOf, fakeClient, signIn, viewerAnswer, type Answer } from '../subscriptions/test-support';
import type { Role } from '../graphql/generated/enums';
import { AdminPage } from './verwaltung';

const ITVSH = { __typename: 'Organisation', id: 'org-itvsh', key: 'itvsh', name: 'ITVSH', kind: 'OTHER' };

type Answers = Record<string, Answer | ((variables: Record<string, unknown>) => Answer)>;

/** The page at `url` with the fake API; the router tells where a link or filter led. */
function renderAdmin(url: string, answers: Answers, roles: Role[] | null = ['OPERATOR']) {
  if (roles) {
    signIn();
  }
  const fake = fakeClient((name, variables) => {
    if (name === 'Viewer') {
      return roles ? viewerAnswer(roles, ITVSH) : { data: { viewer: null } };
    }
    const answer = answers[name];
    return typeof answer === 'function' ? answer(variables) : (answer ?? {});
  });
  const router = createMemoryRouter([{ path: '*', element: <AdminPage /> }], { initialEntries: [url] });
  render(
    <SessionProvider onExpired={() => undefined}>
      <Provider value={fake.client}>
        <RouterProvider router={router} />
      </Provider>
    </SessionProvider>,
  );
  const location = () => router.state.location.pathname + router.state.location.search;
  return { ...fake, router, location };
}

const organisation = (
  key: string,
  name: string,
  kind: string,
  parent: { key: string; name: string } | null,
) => ({
  __typename: 'Organisation',
  id: `org-${key}`,
  key,
  name,
  kind,
  ags: kind === 'MUNICIPALITY' ? key.slice(0, 5) + key.slice(9) : null,
  kreisschluessel: kind === 'STATE' ? null : key.slice(0, 5),
  parent: parent ? { __typename: 'Organisation', id: `org-${parent.key}`, ...parent } : null,
});

const AMT = organisation('010585890', 'Amt Hüttener Berge', 'AMT', {
  key: '010580000000',
  name: 'Kreis Rendsburg-Eckernförde',
});
const KREIS = organisation('010580000000', 'Kreis Rendsburg-Eckernförde', 'DISTRICT', {
  key: '010000000000',
  name: 'Land Schleswig-Holstein',
});
const KIEL = organisation('010020000000', 'Landeshauptstadt Kiel', 'MUNICIPALITY', {
  key: '010000000000',
  name: 'Land Schleswig-Holstein',
});

function organisationsAnswer(nodes: unknown[], totalCount = nodes.length, hasNextPage = false): Answer {
  return {
    data: {
      organisations: {
        __typename: 'OrganisationConnection',
        totalCount,
        pageInfo: { __typename: 'PageInfo', endCursor: hasNextPage ? 'cursor-20' : null, hasNextPage },
        edges: nodes.map((node, i) => ({ __typename: 'OrganisationEdge', cursor: `c${i}`, node })),
      },
    },
  };
}

const errorSummary = () =>
  screen.getByText('Bitte prüfen Sie Ihre Angaben').closest<HTMLElement>('.error-summary')!;

describe('AdminPage (Verwaltung)', () => {
  it('asks a visitor to sign in and comes back here, without asking the API for anything but the viewer', () => {
    const { executeQuery } = renderAdmin('/verwaltung?bereich=github', {}, null);
    expect(screen.getByRole('heading', { level: 1, name: 'Verwaltung' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Anmelden' })).toHaveAttribute(
      'href',
      `/anmelden?${new URLSearchParams({ zurueck: '/verwaltung?bereich=github' })}`,
    );
    expect(callsOf(executeQuery, 'AdminGithubDeliveries')).toEqual([]);
  });

  it('tells a signed-in person without the OPERATOR role that the desk is the operator’s', () => {
    const { executeQuery } = renderAdmin('/verwaltung', {}, ['MAINTAINER', 'REVIEWER_SECURITY']);
    expect(screen.getByText(/dem Betrieb des Registers vorbehalten/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Bereiche der Verwaltung' })).toBeNull();
    expect(callsOf(executeQuery, 'AdminOrganisations')).toEqual([]);
  });

  it('lists the organisations with their key, parent and audit trail link, filters by kind in the URL and pages', async () => {
    const user = userEvent.setup();
    const { executeQuery, location } = renderAdmin('/verwaltung', {
      AdminOrganisations: (variables) =>
        variables.kind === 'AMT'
          ? organisationsAnswer([AMT])
          : organisationsAnswer([KIEL, AMT, KREIS], 34, true),
    });
    const nav = screen.getByRole('navigation', { name: 'Bereiche der Verwaltung' });
    expect(within(nav).getByRole('link', { name: 'Organisationen' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Prüfprotokoll' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('heading', { level: 2, name: 'Organisationen' })).toBeInTheDocument();

    const table = await screen.findByRole('table', { name: '34 Organisationen' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Landeshauptstadt Kiel',
      'Amt Hüttener Berge',
      'Kreis Rendsburg-Eckernförde',
    ]);
    // An AGS for Gemeinden and kreisfreie Städte only; a Kreis shows its Kreisschlüssel.
    expect(rows[1].textContent).not.toContain('AGS');
    expect(rows[2].textContent).toContain('Kreisschlüssel 01058');
    expect(rows[2].textContent).not.toContain('AGS');
    expect(rows[0].textContent).toContain('010020000000');
    expect(rows[0].textContent).toContain('AGS 01002000');
    expect(rows[1].textContent).toContain('Kreis Rendsburg-Eckernförde');
    expect(
      within(rows[1]).getByRole('link', { name: /^Ereignisse ?von Amt Hüttener Berge$/ }),
    ).toHaveAttribute('href', '/verwaltung?bereich=pruefprotokoll&objekt=org-010585890');
    expect(screen.getByRole('link', { name: 'Nächste Seite' })).toHaveAttribute(
      'href',
      '/verwaltung?bereich=organisationen&nach=cursor-20',
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Nach Art filtern' }), 'Amt');
    expect(location()).toBe('/verwaltung'); // the choice alone does not reload the list
    await user.click(screen.getByRole('button', { name: 'Anzeigen' }));
    expect(location()).toBe('/verwaltung?bereich=organisationen&art=AMT');
    const filtered = await screen.findByRole('table', { name: '1 Organisation der Art „Amt“' });
    expect(callsOf(executeQuery, 'AdminOrganisations').at(-1)).toEqual({
      kind: 'AMT',
      first: 20,
      after: null,
    });
    await waitFor(() => expect(within(filtered).getByText('1 Organisation der Art „Amt“')).toHaveFocus());
  });

  it('hints the ARS format for the kind while typing, sends ARS as key, and shows the API’s refusal at the field', async () => {
    const user = userEvent.setup();
    const { executeMutation } = renderAdmin('/verwaltung?bereich=organisationen', {
      AdminOrganisations: organisationsAnswer([AMT]),
      RegisterOrganisation: {
        errors: [
          {
            message:
              'input.ars: passt nicht zur Art der Organisation: Behörden tragen ihren ARS als Schlüssel.',
            extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_ORGANISATION', field: 'input.ars' },
          },
        ],
      },
    });
    const form = screen.getByRole('form', { name: 'Organisation registrieren' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Art' }), 'Amt');
    const ars = within(form).getByRole('textbox', { name: 'Amtlicher Regionalschlüssel (ARS)' });
    expect(ars).toHaveAccessibleDescription(/^9 Ziffern, z\. B\. 010585890/);
    await user.type(ars, '01058589');
    expect(ars).toHaveAccessibleDescription(/Ihre Eingabe hat 8 Ziffern\.$/);
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Amt Dänischer Wohld');
    await user.type(
      within(form).getByRole('textbox', { name: /Übergeordnete Organisation/ }),
      '010580000000',
    );
    await user.click(within(form).getByRole('button', { name: 'Organisation registrieren' }));

    // The client's hint never blocks: the API's rule decides.
    expect(callsOf(executeMutation, 'RegisterOrganisation')).toEqual([
      {
        input: {
          kind: 'AMT',
          name: 'Amt Dänischer Wohld',
          key: '01058589',
          ars: '01058589',
          parentKey: '010580000000',
        },
      },
    ]);
    expect(ars).toHaveAttribute('aria-invalid', 'true');
    expect(ars).toHaveAccessibleDescription(
      /Amtlicher Regionalschlüssel \(ARS\) passt nicht zur Art der Organisation/,
    );
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(
      within(errorSummary()).getByRole('link', { name: /^Amtlicher Regionalschlüssel \(ARS\): / }),
    ).toBeInTheDocument();
  });

  it('sends nothing while a required field is empty, and registers a slug-keyed organisation', async () => {
    const user = userEvent.setup();
    const { executeMutation } = renderAdmin('/verwaltung', {
      AdminOrganisations: organisationsAnswer([]),
      RegisterOrganisation: {
        data: {
          registerOrganisation: {
            __typename: 'Organisation',
            id: 'org-new',
            key: 'govdigital',
            name: 'govdigital eG',
            kind: 'SERVICE_PROVIDER',
          },
        },
      },
    });
    const form = screen.getByRole('form', { name: 'Organisation registrieren' });
    await user.click(within(form).getByRole('button', { name: 'Organisation registrieren' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(
      within(errorSummary())
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Art: Bitte wählen Sie die Art der Organisation.',
      'Name: Bitte geben Sie den Namen der Organisation an.',
      'Schlüssel: Bitte geben Sie den Schlüssel der Organisation an.',
    ]);
    expect(callsOf(executeMutation, 'RegisterOrganisation')).toEqual([]);

    await user.selectOptions(within(form).getByRole('combobox', { name: 'Art' }), 'IT-Dienstleister');
    const key = within(form).getByRole('textbox', { name: 'Schlüssel' });
    expect(key).toHaveAccessibleDescription(/Kurzname aus Kleinbuchstaben/);
    await user.type(key, 'govdigital');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'govdigital eG');
    await user.click(within(form).getByRole('button', { name: 'Organisation registrieren' }));
    expect(callsOf(executeMutation, 'RegisterOrganisation')).toEqual([
      { input: { kind: 'SERVICE_PROVIDER', name: 'govdigital eG', key: 'govdigital' } },
    ]);
    const outcome = await screen.findByText(
      'Die Organisation „govdigital eG“ ist registriert (Schlüssel govdigital).',
    );
    await waitFor(() => expect(outcome.closest('.outcome')).toHaveFocus());
    expect(key).toHaveValue('');
  });

  it('lists and registers interface standards, an existing key at its field', async () => {
    const user = userEvent.setup();
    const { executeMutation } = renderAdmin('/verwaltung?bereich=schnittstellenstandards', {
      AdminInterfaceStandards: {
        data: {
          interfaceStandards: [
            { __typename: 'InterfaceStandard', key: 'xbau', name: 'XBau', kind: 'XOEV_STANDARD' },
            { __typename: 'InterfaceStandard', key: 'fit-connect', name: 'FIT-Connect', kind: 'TRANSPORT' },
          ],
        },
      },
      RegisterInterfaceStandard: {
        errors: [
          {
            message: 'Es gibt bereits einen Schnittstellenstandard mit dem Schlüssel xbau.',
            extensions: { code: 'CONFLICT', reason: 'INTERFACE_STANDARD_EXISTS' },
          },
        ],
      },
    });
    const table = await screen.findByRole('table', { name: '2 Schnittstellenstandards' });
    expect(within(table).getAllByRole('row')[2].textContent).toContain('Transportverfahren');
    const form = screen.getByRole('form', { name: 'Schnittstellenstandard registrieren' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'XBau');
    await user.type(within(form).getByRole('textbox', { name: 'Schlüssel' }), 'xbau');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Art' }), 'XÖV-Standard');
    await user.click(within(form).getByRole('button', { name: 'Schnittstellenstandard registrieren' }));
    expect(callsOf(executeMutation, 'RegisterInterfaceStandard')).toEqual([
      { input: { key: 'xbau', name: 'XBau', kind: 'XOEV_STANDARD' } },
    ]);
    expect(within(form).getByRole('textbox', { name: 'Schlüssel' })).toHaveAccessibleDescription(
      /Es gibt bereits einen Schnittstellenstandard mit dem Schlüssel xbau\./,
    );
  });

  it('shows the audit trail of the object in the URL, with abbreviated hashes', async () => {
    renderAdmin('/verwaltung?bereich=pruefprotokoll&objekt=org-010585890', {
      AdminAuditTrail: (variables) => ({
        data: {
          auditTrail:
            variables.entityId === 'org-010585890'
              ? [
                  {
                    __typename: 'AuditEvent',
                    id: 'e1',
                    at: '2026-11-28T10:00:00.000Z',
                    actor: 'olaf.operator',
                    action: 'organisation.register',
                    entityType: 'Organisation',
                    entityId: 'org-010585890',
                    hash: 'a'.repeat(64),
                  },
                ]
              : [],
        },
      }),
    });
    const table = await screen.findByRole('table', { name: '1 Ereignis zu Organisation org-010585890' });
    const [, row] = within(table).getAllByRole('row');
    expect(within(row).getByRole('rowheader').textContent).toBe('28. November 2026 um 11:00');
    expect(row.textContent).toContain('olaf.operator');
    expect(row.textContent).toContain('organisation.register');
    expect(row.textContent).toContain(`${'a'.repeat(12)}…`);
    expect(row.textContent).not.toContain('a'.repeat(13));
    expect(screen.getByRole('textbox', { name: 'ID des Objekts' })).toHaveValue('org-010585890');
  });

  it('checks the chain on the button only: intact with the count as a status, broken as an alert naming the event and why', async () => {
    const user = userEvent.setup();
    let intact = true;
    const { executeQuery } = renderAdmin('/verwaltung?bereich=pruefprotokoll', {
      VerifyAuditChain: () => ({
        data: {
          verifyAuditChain: {
            __typename: 'AuditChainVerification',
            ok: intact,
            verifiedEvents: intact ? 1234 : 2,
            problem: intact ? null : 'CONTENT_MISMATCH',
            reason: intact ? null : 'content does not match its hash',
            brokenEventId: intact ? null : 'ev-3',
            brokenEventSeq: intact ? null : 3,
            brokenEvent: intact
              ? null
              : {
                  __typename: 'AuditEvent',
                  id: 'ev-3',
                  at: '2026-11-28T10:00:00.000Z',
                  action: 'organisation.register',
                  entityType: 'Organisation',
                  entityId: 'org-komfit',
                },
            checkpointLine: null,
            checkpointTakenAt: null,
            checkpointsChecked: null,
            checkedAt: intact ? '2026-11-28T12:00:00.000Z' : '2026-11-28T12:05:00.000Z',
          },
        },
      }),
    });
    expect(callsOf(executeQuery, 'VerifyAuditChain')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Kette prüfen' }));
    const success = await screen.findByText('Kette intakt: 1.234 Ereignisse geprüft');
    expect(success.closest('[role="status"]')).not.toBeNull();
    await waitFor(() => expect(success.closest('.outcome')).toHaveFocus());
    expect(screen.getByText(/Ohne Prüfpunktdatei/)).toBeInTheDocument();

    intact = false;
    await user.click(screen.getByRole('button', { name: 'Kette prüfen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Kette gebrochen');
    expect(alert.textContent).toContain('Ereignis Nr. 3 ev-3: organisation.register an Organisation');
    expect(alert.textContent).toContain('das Ereignis wurde nachträglich verändert');
    expect(alert.textContent).toContain('Die 2 Ereignisse davor sind intakt.');
    expect(within(alert).getByText('content does not match its hash')).toHaveAttribute('lang', 'en');
    expect(
      within(alert).getByRole('link', { name: 'Prüfprotokoll dieses Objekts anzeigen' }),
    ).toHaveAttribute('href', '/verwaltung?bereich=pruefprotokoll&objekt=org-komfit');
    expect(callsOf(executeQuery, 'VerifyAuditChain')).toHaveLength(2);
  });

  it('says when no GitHub delivery came, and replays a failed one, showing the answer', async () => {
    const user = userEvent.setup();
    const delivery = (id: string, outcome: string) => ({
      __typename: 'GithubDelivery',
      id,
      event: 'release',
      action: 'published',
      repository: 'dataport/wohngeld',
      receivedAt: '2026-11-28T09:00:00.000Z',
      outcome,
      detail: outcome === 'FAILED' ? 'no service links dataport/wohngeld' : null,
      attempts: 3,
    });
    const page = (nodes: unknown[]) => ({
      data: {
        githubDeliveries: {
          __typename: 'GithubDeliveryConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          edges: nodes.map((node, i) => ({ __typename: 'GithubDeliveryEdge', cursor: `c${i}`, node })),
        },
      },
    });
    const { executeMutation } = renderAdmin('/verwaltung?bereich=github', {
      AdminGithubDeliveries: (variables) =>
        variables.outcome === 'PENDING'
          ? page([])
          : page([delivery('d-failed', 'FAILED'), delivery('d-done', 'PROCESSED')]),
      ReplayGithubDelivery: {
        data: {
          replayGithubDelivery: {
            __typename: 'GithubDelivery',
            id: 'd-failed',
            outcome: 'PENDING',
            detail: null,
            attempts: 0,
          },
        },
      },
    });
    const table = await screen.findByRole('table', { name: '2 Zustellungen' });
    const [, failed, done] = within(table).getAllByRole('row');
    expect(failed.textContent).toContain('release.published');
    expect(failed.textContent).toContain('Gescheitert');
    expect(failed.textContent).toContain('no service links dataport/wohngeld');
    expect(within(done).queryByRole('button')).toBeNull();
    await user.click(
      within(failed).getByRole('button', { name: /^Erneut verarbeiten ?\(Zustellung d-failed\)$/ }),
    );
    expect(callsOf(executeMutation, 'ReplayGithubDelivery')).toEqual([{ id: 'd-failed' }]);
    expect(
      await screen.findByText('Die Zustellung d-failed ist erneut eingereiht: Ausstehend.'),
    ).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Nach Ergebnis filtern' }), 'Ausstehend');
    await user.click(screen.getByRole('button', { name: 'Anzeigen' }));
    expect(await screen.findByText('Keine Zustellung mit dem Ergebnis „Ausstehend“')).toBeInTheDocument();
  });
});
