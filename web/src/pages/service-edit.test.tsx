import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { callsOf, KIEL, type Answer } from '../subscriptions/test-support';
import { DATAPORT, ITVSH, maintainer, normsAnswer, renderRoutes, viewerWith } from '../services/test-support';
import { ServiceEditPage } from './service-edit';

const routes = [{ path: '/leistungen/:slug/bearbeiten', element: <ServiceEditPage /> }];

const wohngeld = {
  __typename: 'OnlineService',
  id: 'svc-wohngeld',
  slug: 'wohngeld-beantragen',
  name: 'Wohngeld beantragen',
  summary: 'Zuschuss zur Miete.',
  description: 'Erster Absatz.',
  leikaKeys: ['99107023037000'],
  keywords: ['Mietzuschuss', 'Lastenzuschuss'],
  themenfeld: 'BAUEN_WOHNEN',
  maturityLevel: 3,
  maturityModel: 'V1_1',
  reuseModel: 'EFA_CENTRAL',
  subscriptionApproval: 'MANUAL',
  lifecycle: 'ACTIVE',
  repositoryUrl: 'https://github.com/dataport/wohngeld',
  license: 'EUPL-1.2',
  sdgRelevant: false,
  owner: { __typename: 'Organisation', id: DATAPORT.id, key: 'dataport', name: 'Dataport AöR' },
  legalBases: [
    {
      __typename: 'LegalReference',
      provision: '§ 22 Abs. 1',
      norm: { __typename: 'LegalNorm', id: 'n-wogg', abbreviation: 'WoGG', title: 'Wohngeldgesetz' },
    },
  ],
  qaPolicy: {
    __typename: 'QaPolicy',
    rules: [
      { __typename: 'QaGateRule', kind: 'USABILITY', requiredApprovals: 1 },
      { __typename: 'QaGateRule', kind: 'SECURITY', requiredApprovals: 1 },
      { __typename: 'QaGateRule', kind: 'INTERFACES', requiredApprovals: 1 },
    ],
  },
};

function setup(answers: Record<string, Answer>) {
  return renderRoutes(
    (name, variables) =>
      answers[name] ??
      (name === 'LegalNormChoices' ? normsAnswer(variables) : { data: { service: wohngeld } }),
    routes,
    '/leistungen/wohngeld-beantragen/bearbeiten',
  );
}

const updated = {
  data: {
    updateService: {
      __typename: 'OnlineService',
      id: wohngeld.id,
      slug: wohngeld.slug,
      name: wohngeld.name,
      summary: 'neu',
      updatedAt: '2026-12-02T10:00:00Z',
    },
  },
};

describe('ServiceEditPage', () => {
  it("fills the form with the service, sends only what changed, and leads back to the service's page", async () => {
    const user = userEvent.setup();
    const { executeMutation, executeQuery } = setup({ Viewer: maintainer(), UpdateService: updated });
    expect(await screen.findByRole('heading', { level: 1, name: 'Leistung bearbeiten' })).toBeInTheDocument();
    expect(document.title).toBe('Leistung bearbeiten – Nachnutzungsregister');
    expect(callsOf(executeQuery, 'ServiceEdit')).toEqual([{ slug: 'wohngeld-beantragen' }]);

    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Wohngeld beantragen');
    expect(screen.getByRole('textbox', { name: /LeiKa-Schlüssel/ })).toHaveValue('99107023037000');
    expect(screen.getByRole('textbox', { name: /Suchbegriffe/ })).toHaveValue('Mietzuschuss\nLastenzuschuss');
    expect(screen.getByRole('combobox', { name: /Themenfeld/ })).toHaveValue('BAUEN_WOHNEN');
    expect(screen.getByRole('combobox', { name: /Reifegrad/ })).toHaveValue('V1_1:3');
    expect(screen.getByRole('combobox', { name: /Lebensphase/ })).toHaveValue('ACTIVE');
    expect(screen.getByRole('radio', { name: 'Von Hand' })).toBeChecked();
    const first = screen.getByRole('group', { name: 'Rechtsgrundlage 1' });
    expect(within(first).getByRole('combobox', { name: 'Rechtsnorm' })).toHaveValue('WoGG');
    expect(within(first).getByRole('textbox', { name: /Fundstelle/ })).toHaveValue('§ 22 Abs. 1');
    // Set once at registration: shown, not offered.
    expect(screen.queryByRole('textbox', { name: 'Kurzname' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Nachnutzungsmodell' })).not.toBeInTheDocument();
    expect(screen.getByText('Einer für Alle (zentral betrieben)')).toBeInTheDocument();

    const summary = screen.getByRole('textbox', { name: 'Kurzbeschreibung' });
    await user.clear(summary);
    await user.click(summary);
    await user.paste('Zuschuss zur Miete oder zur Belastung bei Wohneigentum.');
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));

    expect(callsOf(executeMutation, 'UpdateService')).toEqual([
      { id: 'svc-wohngeld', input: { summary: 'Zuschuss zur Miete oder zur Belastung bei Wohneigentum.' } },
    ]);
    expect(
      await screen.findByText(
        'Gelandet auf /leistungen/wohngeld-beantragen: Ihre Änderungen sind gespeichert.',
      ),
    ).toBeInTheDocument();
  });

  it('sends nothing when nothing changed', async () => {
    const user = userEvent.setup();
    const { executeMutation } = setup({ Viewer: maintainer() });
    await user.click(await screen.findByRole('button', { name: 'Änderungen speichern' }));
    expect(callsOf(executeMutation, 'UpdateService')).toEqual([]);
    expect(
      await screen.findByText('Gelandet auf /leistungen/wohngeld-beantragen: Sie haben nichts geändert.'),
    ).toBeInTheDocument();
  });

  it('shows an unknown norm at its row, named, and stays on the page', async () => {
    const user = userEvent.setup();
    setup({
      Viewer: maintainer(),
      UpdateService: {
        errors: [
          {
            message:
              'input.legalBases[0].norm: ist keine gültige Rechtsgrundlage: nennen Sie eine registrierte Rechtsnorm mit ihrer Abkürzung.',
            extensions: {
              code: 'BAD_USER_INPUT',
              reason: 'INVALID_LEGAL_BASIS',
              field: 'input.legalBases[0].norm',
            },
          },
        ],
      },
    });
    const norm = within(await screen.findByRole('group', { name: 'Rechtsgrundlage 1' })).getByRole(
      'combobox',
      {
        name: 'Rechtsnorm',
      },
    );
    await user.clear(norm);
    await user.click(norm);
    await user.paste('WoGX');
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));
    await waitFor(() => expect(norm).toHaveAttribute('aria-invalid', 'true'));
    expect(norm).toHaveAccessibleDescription(/„WoGX“ ist keine gültige Rechtsgrundlage/);
    expect(screen.getByRole('link', { name: /^Rechtsgrundlage 1: Rechtsnorm: „WoGX“/ })).toBeInTheDocument();
    expect(screen.queryByText(/Gelandet auf/)).not.toBeInTheDocument();
  });

  it('is not offered to a maintainer of another organisation', async () => {
    setup({ Viewer: viewerWith(['MAINTAINER'], { ...KIEL, id: 'org-kiel' }) });
    expect(
      await screen.findByText(
        'Diese Leistung bearbeiten die Maintainer von Dataport AöR und der Betrieb des Registers.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Änderungen speichern' })).not.toBeInTheDocument();
  });

  it('asks an anonymous visitor to sign in and come back', async () => {
    renderRoutes(
      () => ({ data: { viewer: null, service: wohngeld } }),
      routes,
      '/leistungen/wohngeld-beantragen/bearbeiten',
      {
        signedIn: false,
      },
    );
    expect(await screen.findByRole('link', { name: 'Anmelden' })).toHaveAttribute(
      'href',
      '/anmelden?zurueck=%2Fleistungen%2Fwohngeld-beantragen%2Fbearbeiten',
    );
  });

  describe('QA-Richtlinie', () => {
    it('lets an OPERATOR set the approvals per gate, 0 leaving a gate out', async () => {
      const user = userEvent.setup();
      const { executeMutation } = setup({
        Viewer: viewerWith(['OPERATOR'], ITVSH),
        SetQaPolicy: {
          data: {
            setQaPolicy: {
              __typename: 'OnlineService',
              id: wohngeld.id,
              qaPolicy: {
                __typename: 'QaPolicy',
                rules: [
                  { __typename: 'QaGateRule', kind: 'USABILITY', requiredApprovals: 2 },
                  { __typename: 'QaGateRule', kind: 'SECURITY', requiredApprovals: 1 },
                ],
              },
            },
          },
        },
      });
      const section = (await screen.findByRole('heading', { level: 2, name: 'QA-Richtlinie' })).closest(
        'section',
      )!;
      const usability = within(section).getByRole('combobox', { name: 'Gebrauchstauglichkeit' });
      expect(usability).toHaveValue('1');
      expect(usability).toHaveAccessibleDescription('Barrierefreiheit (BITV 2.0) und Usability');
      await user.selectOptions(usability, '2');
      await user.selectOptions(within(section).getByRole('combobox', { name: 'Schnittstellen' }), '0');
      await user.click(within(section).getByRole('button', { name: 'QA-Richtlinie speichern' }));

      expect(callsOf(executeMutation, 'SetQaPolicy')).toEqual([
        {
          serviceId: 'svc-wohngeld',
          rules: [
            { kind: 'USABILITY', requiredApprovals: 2 },
            { kind: 'SECURITY', requiredApprovals: 1 },
          ],
        },
      ]);
      const outcome = await within(section).findByText('Die QA-Richtlinie ist gespeichert.');
      expect(outcome.closest('.outcome')).toHaveFocus();
      expect(outcome.closest('[role="status"]')).toHaveTextContent(
        'Gebrauchstauglichkeit: 2 Freigaben; Sicherheit: 1 Freigabe; Schnittstellen: nicht erforderlich.',
      );
    });

    it('asks for at least one gate before sending, and shows a refusal at its gate', async () => {
      const user = userEvent.setup();
      const { executeMutation } = setup({
        Viewer: viewerWith(['OPERATOR'], ITVSH),
        SetQaPolicy: {
          errors: [
            {
              message: 'rules[0].requiredApprovals: ist keine gültige Prüfregel.',
              extensions: {
                code: 'BAD_USER_INPUT',
                reason: 'INVALID_QA_POLICY',
                field: 'rules[0].requiredApprovals',
              },
            },
          ],
        },
      });
      const section = (await screen.findByRole('heading', { level: 2, name: 'QA-Richtlinie' })).closest(
        'section',
      )!;
      for (const gate of ['Gebrauchstauglichkeit', 'Sicherheit', 'Schnittstellen']) {
        await user.selectOptions(within(section).getByRole('combobox', { name: gate }), '0');
      }
      await user.click(within(section).getByRole('button', { name: 'QA-Richtlinie speichern' }));
      expect(
        within(section).getByRole('group', { name: 'Erforderliche Freigaben je Prüfung' }),
      ).toHaveAccessibleDescription(/Mindestens eine Prüfung muss erforderlich sein/);
      expect(callsOf(executeMutation, 'SetQaPolicy')).toEqual([]);

      await user.selectOptions(within(section).getByRole('combobox', { name: 'Sicherheit' }), '3');
      await user.click(within(section).getByRole('button', { name: 'QA-Richtlinie speichern' }));
      // The first rule sent was the security gate's.
      await waitFor(() =>
        expect(within(section).getByRole('combobox', { name: 'Sicherheit' })).toHaveAccessibleDescription(
          /Die Zahl der Freigaben ist keine gültige Prüfregel\./,
        ),
      );
    });

    it("shows a maintainer the service's policy without a form", async () => {
      setup({ Viewer: maintainer() });
      const section = (await screen.findByRole('heading', { level: 2, name: 'QA-Richtlinie' })).closest(
        'section',
      )!;
      expect(section).toHaveTextContent(
        'Erforderliche Freigaben je Prüfung: Gebrauchstauglichkeit: 1 Freigabe; Sicherheit: 1 Freigabe; Schnittstellen: 1 Freigabe.',
      );
      expect(within(section).queryByRole('button')).not.toBeInTheDocument();
    });
  });
});
