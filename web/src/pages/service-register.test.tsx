import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { callsOf, type Answer } from '../subscriptions/test-support';
import { DATAPORT, ITVSH, maintainer, normsAnswer, renderRoutes, viewerWith } from '../services/test-support';
import { ServiceRegisterPage } from './service-register';

const routes = [{ path: '/leistungen/neu', element: <ServiceRegisterPage /> }];

function setup(answers: Record<string, Answer | ((variables: Record<string, unknown>) => Answer)>) {
  return renderRoutes(
    (name, variables) => {
      const answer = answers[name] ?? (name === 'LegalNormChoices' ? normsAnswer : undefined);
      return typeof answer === 'function' ? answer(variables) : (answer ?? {});
    },
    routes,
    '/leistungen/neu',
  );
}

const registered = {
  data: {
    registerService: {
      __typename: 'OnlineService',
      id: 'svc-new',
      slug: 'hundesteuer-anmelden',
      name: 'Hundesteuer anmelden',
    },
  },
};

/** The summary at the form's top ("Bitte prüfen Sie Ihre Angaben"). */
const errorSummary = () =>
  screen.getByText('Bitte prüfen Sie Ihre Angaben').closest<HTMLElement>('.error-summary')!;

/** The group of the n-th legal basis ("Rechtsgrundlage n"). */
const row = (n: number) => screen.getByRole('group', { name: `Rechtsgrundlage ${n}` });

type User = ReturnType<typeof userEvent.setup>;

/** Puts text into a field at once (typing it key by key re-renders the whole form per key). */
async function fill(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function fillRequired(user: User) {
  await fill(user, await screen.findByRole('textbox', { name: 'Name' }), 'Hundesteuer anmelden');
  await fill(
    user,
    screen.getByRole('textbox', { name: 'Kurzbeschreibung' }),
    'Einen Hund zur Steuer anmelden.',
  );
  await user.click(screen.getByRole('radio', { name: 'Open Source, selbst betrieben' }));
}

describe('ServiceRegisterPage', () => {
  it('registers a service for the maintainer’s organisation with a norm chosen from the list, and leads to its page', async () => {
    const user = userEvent.setup();
    const { executeMutation, router } = setup({ Viewer: maintainer(), RegisterService: registered });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Leistung registrieren' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Eigentümer:/)).toHaveTextContent('Eigentümer: Dataport AöR (Ihre Organisation)');
    expect(screen.queryByRole('combobox', { name: 'Eigentümer' })).not.toBeInTheDocument();

    await fillRequired(user);
    // The slug follows the name until it is changed.
    expect(screen.getByRole('textbox', { name: 'Kurzname' })).toHaveValue('hundesteuer-anmelden');
    await fill(
      user,
      screen.getByRole('textbox', { name: /LeiKa-Schlüssel/ }),
      '99102013104000\nurn:de:fim:leika:leistung:99102013105000',
    );
    await fill(user, screen.getByRole('textbox', { name: /Suchbegriffe/ }), 'Hundemarke, Hund anmelden');
    await user.selectOptions(screen.getByRole('combobox', { name: /Themenfeld/ }), 'STEUERN_ZOLL');
    await user.selectOptions(
      screen.getByRole('combobox', { name: /Reifegrad/ }),
      '5 – digitale Bearbeitung in der Verwaltung (Modell 2.0)',
    );

    const norm = within(row(1)).getByRole('combobox', { name: 'Rechtsnorm' });
    await fill(user, norm, 'kommunal');
    const option = await screen.findByRole('option', { name: /^KAG SH – Kommunalabgabengesetz/ });
    await user.keyboard('{ArrowDown}');
    expect(option).toHaveAttribute('aria-selected', 'true');
    expect(norm).toHaveAttribute('aria-activedescendant', option.id);
    await user.keyboard('{Enter}');
    expect(norm).toHaveValue('KAG SH');
    expect(await within(row(1)).findByText(/^Registrierte Rechtsnorm: KAG SH/)).toHaveAttribute(
      'role',
      'status',
    );
    await user.type(within(row(1)).getByRole('textbox', { name: /Fundstelle/ }), '§ 3');
    await fill(user, screen.getByRole('textbox', { name: /Lizenz/ }), 'EUPL-1.2');

    await user.click(screen.getByRole('button', { name: 'Leistung registrieren' }));
    expect(callsOf(executeMutation, 'RegisterService')).toEqual([
      {
        input: {
          slug: 'hundesteuer-anmelden',
          name: 'Hundesteuer anmelden',
          summary: 'Einen Hund zur Steuer anmelden.',
          reuseModel: 'SELF_HOSTED_OPEN_SOURCE',
          leikaKeys: ['99102013104000', '99102013105000'],
          keywords: ['Hundemarke', 'Hund anmelden'],
          subscriptionApproval: 'MANUAL',
          lifecycle: 'DEVELOPMENT',
          sdgRelevant: false,
          legalBases: [{ norm: 'KAG SH', provision: '§ 3' }],
          themenfeld: 'STEUERN_ZOLL',
          maturityLevel: 5,
          maturityModel: 'V2_0',
          license: 'EUPL-1.2',
        },
      },
    ]);
    expect(
      await screen.findByText(
        'Gelandet auf /leistungen/hundesteuer-anmelden: Die Leistung „Hundesteuer anmelden“ ist registriert.',
      ),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/leistungen/hundesteuer-anmelden');
  });

  it('sends nothing while required fields are empty: the summary takes the focus and links to each field', async () => {
    const user = userEvent.setup();
    const { executeMutation } = setup({ Viewer: maintainer() });
    await screen.findByRole('heading', { level: 1, name: 'Leistung registrieren' });
    await user.type(within(row(1)).getByRole('textbox', { name: /Fundstelle/ }), '§ 1');
    await user.click(screen.getByRole('button', { name: 'Leistung registrieren' }));

    const summary = errorSummary();
    expect(summary).toHaveFocus();
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Name: Bitte geben Sie den Namen der Leistung an.',
      'Kurzname: Bitte geben Sie einen Kurznamen an, zum Beispiel „wohngeld-beantragen“.',
      'Kurzbeschreibung: Bitte geben Sie eine Kurzbeschreibung an.',
      'Rechtsgrundlage 1: Rechtsnorm: Bitte wählen Sie eine Rechtsnorm oder entfernen Sie diese Rechtsgrundlage.',
      'Nachnutzungsmodell: Bitte wählen Sie das Nachnutzungsmodell.',
    ]);
    expect(callsOf(executeMutation, 'RegisterService')).toEqual([]);

    // The link moves the focus to its field, which says what is wrong.
    await user.click(links[2]);
    const summaryField = screen.getByRole('textbox', { name: 'Kurzbeschreibung' });
    expect(summaryField).toHaveFocus();
    expect(summaryField).toHaveAttribute('aria-invalid', 'true');
    expect(summaryField).toHaveAccessibleDescription(/Bitte geben Sie eine Kurzbeschreibung an\./);
    await user.click(links[4]);
    expect(screen.getByRole('radio', { name: 'Einer für Alle (zentral betrieben)' })).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Nachnutzungsmodell' })).toHaveAccessibleDescription(
      /Bitte wählen Sie das Nachnutzungsmodell\./,
    );
  });

  it("shows the API's problems at their fields, the value at fault named, and all of them in the summary", async () => {
    const user = userEvent.setup();
    setup({
      Viewer: maintainer(),
      RegisterService: {
        errors: [
          {
            message: 'input.leikaKeys[1]: ist kein LeiKa-Schlüssel: ein LeiKa-Schlüssel hat 14 Ziffern.',
            extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_LEIKA_KEY', field: 'input.leikaKeys[1]' },
          },
        ],
      },
    });
    await fillRequired(user);
    await fill(user, screen.getByRole('textbox', { name: /LeiKa-Schlüssel/ }), '99102013104000, 9910201310');
    await user.click(screen.getByRole('button', { name: 'Leistung registrieren' }));

    const leika = screen.getByRole('textbox', { name: /LeiKa-Schlüssel/ });
    await waitFor(() => expect(leika).toHaveAttribute('aria-invalid', 'true'));
    expect(leika).toHaveAccessibleDescription(
      /„9910201310“ ist kein LeiKa-Schlüssel: ein LeiKa-Schlüssel hat 14 Ziffern\./,
    );
    const summary = errorSummary();
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('link')).toHaveTextContent(
      'LeiKa-Schlüssel: „9910201310“ ist kein LeiKa-Schlüssel',
    );
  });

  it('puts a taken slug at the slug field, and a refusal without a field in the summary', async () => {
    const user = userEvent.setup();
    setup({
      Viewer: maintainer(),
      RegisterService: {
        errors: [
          {
            message:
              'Es gibt bereits eine Leistung mit dem Kurznamen hundesteuer-anmelden: wählen Sie einen anderen.',
            extensions: { code: 'CONFLICT', reason: 'SLUG_TAKEN' },
          },
          {
            message: 'Als MAINTAINER registrieren Sie Leistungen nur für Ihre eigene Organisation.',
            extensions: { code: 'FORBIDDEN', reason: 'OWN_ORGANISATION_ONLY' },
          },
        ],
      },
    });
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Leistung registrieren' }));
    const slug = screen.getByRole('textbox', { name: 'Kurzname' });
    await waitFor(() =>
      expect(slug).toHaveAccessibleDescription(/Es gibt bereits eine Leistung mit dem Kurznamen/),
    );
    expect(errorSummary()).toHaveTextContent(
      'Als MAINTAINER registrieren Sie Leistungen nur für Ihre eigene Organisation. Diese Aktion ist Ihrer Rolle nicht erlaubt.',
    );
  });

  it('registers a missing norm from a row, and the new norm is chosen in that row', async () => {
    const user = userEvent.setup();
    const { executeMutation } = setup({
      Viewer: maintainer(),
      RegisterLegalNorm: {
        data: {
          registerLegalNorm: {
            __typename: 'LegalNorm',
            id: 'n-hstg',
            abbreviation: 'HStS Kiel',
            title: 'Hundesteuersatzung der Landeshauptstadt Kiel',
            jurisdiction: 'DE-SH',
            url: null,
          },
        },
      },
      RegisterService: registered,
    });
    await fillRequired(user);
    const norm = within(row(1)).getByRole('combobox', { name: 'Rechtsnorm' });
    await fill(user, norm, 'HStS Kiel');
    expect(
      await within(row(1)).findByText(/^Keine registrierte Rechtsnorm hat diese Abkürzung/),
    ).toBeInTheDocument();

    await user.click(within(row(1)).getByRole('button', { name: /Rechtsnorm fehlt\? Neu registrieren/ }));
    const form = within(row(1)).getByRole('group', { name: 'Rechtsnorm registrieren' });
    const abbreviation = within(form).getByRole('textbox', { name: 'Abkürzung' });
    expect(abbreviation).toHaveFocus();
    expect(abbreviation).toHaveValue('HStS Kiel');
    await user.type(
      within(form).getByRole('textbox', { name: 'Titel' }),
      'Hundesteuersatzung der Landeshauptstadt Kiel',
    );
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'Rechtsraum' }),
      'Schleswig-Holstein (DE-SH)',
    );
    // Enter registers the norm and does not submit the service.
    await user.keyboard('{Enter}');

    expect(callsOf(executeMutation, 'RegisterLegalNorm')).toEqual([
      {
        input: {
          abbreviation: 'HStS Kiel',
          title: 'Hundesteuersatzung der Landeshauptstadt Kiel',
          jurisdiction: 'DE-SH',
        },
      },
    ]);
    expect(callsOf(executeMutation, 'RegisterService')).toEqual([]);
    expect(
      await within(row(1)).findByText(
        'Die Rechtsnorm HStS Kiel (Hundesteuersatzung der Landeshauptstadt Kiel) ist registriert und in Rechtsgrundlage 1 gewählt.',
      ),
    ).toBeInTheDocument();
    expect(within(row(1)).queryByRole('group', { name: 'Rechtsnorm registrieren' })).not.toBeInTheDocument();
    await waitFor(() => expect(within(row(1)).getByRole('textbox', { name: /Fundstelle/ })).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Leistung registrieren' }));
    expect(callsOf(executeMutation, 'RegisterService')[0]).toMatchObject({
      input: { legalBases: [{ norm: 'HStS Kiel', provision: null }] },
    });
  });

  it("shows a norm that exists already at the new norm's abbreviation", async () => {
    const user = userEvent.setup();
    setup({
      Viewer: maintainer(),
      RegisterLegalNorm: {
        errors: [
          {
            message: 'Es gibt bereits eine Rechtsnorm mit der Abkürzung WoGG: verwenden Sie die vorhandene.',
            extensions: { code: 'CONFLICT', reason: 'LEGAL_NORM_EXISTS' },
          },
        ],
      },
    });
    await screen.findByRole('heading', { level: 1 });
    await user.click(within(row(1)).getByRole('button', { name: /Neu registrieren/ }));
    const form = within(row(1)).getByRole('group', { name: 'Rechtsnorm registrieren' });
    await user.click(within(form).getByRole('button', { name: 'Rechtsnorm registrieren' }));
    // Required first, without a request.
    expect(within(form).getByRole('textbox', { name: 'Abkürzung' })).toHaveAccessibleDescription(
      /Bitte geben Sie die Abkürzung der Rechtsnorm an/,
    );
    await user.type(within(form).getByRole('textbox', { name: 'Abkürzung' }), 'WoGG');
    await fill(user, within(form).getByRole('textbox', { name: 'Titel' }), 'Wohngeldgesetz');
    await user.click(within(form).getByRole('button', { name: 'Rechtsnorm registrieren' }));
    await waitFor(() =>
      expect(within(form).getByRole('textbox', { name: 'Abkürzung' })).toHaveAccessibleDescription(
        /Es gibt bereits eine Rechtsnorm mit der Abkürzung WoGG/,
      ),
    );
  });

  it('adds and removes legal-basis rows, the focus on the new row and after a removal on "hinzufügen"', async () => {
    const user = userEvent.setup();
    setup({ Viewer: maintainer() });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('button', { name: 'Weitere Rechtsgrundlage hinzufügen' }));
    await waitFor(() => expect(within(row(2)).getByRole('combobox', { name: 'Rechtsnorm' })).toHaveFocus());
    await user.type(within(row(2)).getByRole('combobox', { name: 'Rechtsnorm' }), 'WoGV');

    await user.click(within(row(1)).getByRole('button', { name: /^Entfernen ?\(Rechtsgrundlage 1\)$/ }));
    expect(screen.queryByRole('group', { name: 'Rechtsgrundlage 2' })).not.toBeInTheDocument();
    expect(within(row(1)).getByRole('combobox', { name: 'Rechtsnorm' })).toHaveValue('WoGV');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Weitere Rechtsgrundlage hinzufügen' })).toHaveFocus(),
    );

    await user.click(within(row(1)).getByRole('button', { name: /^Entfernen ?\(Rechtsgrundlage 1\)$/ }));
    expect(screen.getByText('Noch keine Rechtsgrundlage eingetragen.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rechtsgrundlage hinzufügen' })).toBeInTheDocument();
  });

  it('lets an OPERATOR choose the owner, and sends it', async () => {
    const user = userEvent.setup();
    const org = (id: string, key: string, name: string) => ({
      node: { __typename: 'Organisation', id, key, name },
    });
    const { executeMutation } = setup({
      Viewer: viewerWith(['OPERATOR'], ITVSH),
      ServiceOwnerChoices: {
        data: {
          owners: {
            edges: [
              org('o1', 'dataport', 'Dataport AöR'),
              org('o2', '010020000000', 'Landeshauptstadt Kiel'),
            ],
          },
          providers: { edges: [org('o1', 'dataport', 'Dataport AöR'), org('o3', 'komfit', 'KomFIT')] },
          states: { edges: [org('o4', '010000000000', 'Land Schleswig-Holstein')] },
          districts: { edges: [] },
        },
      },
      RegisterService: registered,
    });
    const owner = await screen.findByRole('combobox', { name: 'Eigentümer' });
    expect(
      within(owner)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Bitte wählen', 'Dataport AöR', 'KomFIT', 'Land Schleswig-Holstein', 'Landeshauptstadt Kiel']);
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Leistung registrieren' }));
    expect(owner).toHaveAccessibleDescription(/Bitte wählen Sie die Organisation, der die Leistung gehört\./);
    expect(callsOf(executeMutation, 'RegisterService')).toEqual([]);

    await user.selectOptions(owner, 'KomFIT');
    await user.click(screen.getByRole('button', { name: 'Leistung registrieren' }));
    expect(callsOf(executeMutation, 'RegisterService')[0]).toMatchObject({ input: { ownerKey: 'komfit' } });
  });

  it('tells a municipality that maintainers and the operator register services', async () => {
    setup({ Viewer: viewerWith(['MUNICIPALITY_ADMIN'], { ...DATAPORT, name: 'Landeshauptstadt Kiel' }) });
    expect(
      await screen.findByText(/Leistungen registrieren Maintainer \(für ihre eigene Organisation\)/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Name' })).not.toBeInTheDocument();
  });
});
