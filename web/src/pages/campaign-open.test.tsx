import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CampaignOpenPage } from './campaign-open';
import { callsOf, fakeClient, renderWith, signIn, viewerAnswer } from '../subscriptions/test-support';

const preview = (targets: unknown[], warnings: string[]) => ({
  data: {
    campaignPreview: {
      __typename: 'CampaignPreview',
      subscribersTotal: targets.length ? 3 : 0,
      warnings,
      norm: { __typename: 'LegalNorm', id: 'n1', abbreviation: 'WoGG', title: 'Wohngeldgesetz' },
      targets,
    },
  },
});

const wohngeld = {
  __typename: 'CampaignPreviewTarget',
  citedProvisions: ['§ 22'],
  subscribersTotal: 3,
  service: {
    __typename: 'OnlineService',
    id: 's1',
    slug: 'wohngeld-beantragen',
    name: 'Wohngeld beantragen',
    owner: { __typename: 'Organisation', id: 'o1', name: 'Dataport AöR' },
  },
};

async function fillIn(user: ReturnType<typeof userEvent.setup>, effectiveDate: string) {
  await user.type(screen.getByRole('textbox', { name: 'Titel' }), 'Wohngeld 2027');
  await user.type(screen.getByRole('combobox', { name: 'Rechtsnorm' }), 'WoGG');
  await user.type(screen.getByLabelText(/^Gilt ab/), effectiveDate);
  await user.click(screen.getByRole('button', { name: 'Weiter: betroffene Leistungen prüfen' }));
}

describe('CampaignOpenPage (/kampagnen/neu)', () => {
  it('names the missing fields in a focused summary and asks the API nothing', async () => {
    signIn();
    const fake = fakeClient((name) =>
      name === 'Viewer' ? viewerAnswer(['MAINTAINER']) : { data: { legalNorms: [] } },
    );
    renderWith(fake.client, <CampaignOpenPage />, '/kampagnen/neu');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Weiter: betroffene Leistungen prüfen' }));
    const summary = screen.getByText('Bitte prüfen Sie Ihre Angaben').closest<HTMLElement>('.kern-alert');
    expect(summary?.parentElement).toHaveFocus();
    expect(
      within(summary as HTMLElement)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      expect.stringMatching(/^Titel:/),
      expect.stringMatching(/^Rechtsnorm:/),
      expect.stringMatching(/^Gilt ab:/),
    ]);
    expect(callsOf(fake.executeQuery, 'CampaignPreview')).toEqual([]);
  });

  it('shows the reach before opening, and opens with exactly the input it previewed', async () => {
    signIn();
    const fake = fakeClient((name) =>
      name === 'Viewer'
        ? viewerAnswer(['MAINTAINER'])
        : name === 'CampaignPreview'
          ? preview([wohngeld], [])
          : name === 'OpenCampaign'
            ? { data: { openCampaign: { __typename: 'Campaign', id: 'c9', title: 'Wohngeld 2027' } } }
            : { data: { legalNorms: [] } },
    );
    renderWith(fake.client, <CampaignOpenPage />, '/kampagnen/neu');
    const user = userEvent.setup();
    await fillIn(user, '2027-01-01');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kampagne prüfen und eröffnen' }),
    ).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Die Kampagne erfasst 1 Leistung mit 3 Nachnutzungen.',
    );
    const row = within(screen.getByRole('table')).getAllByRole('row')[1];
    expect(row).toHaveTextContent('Wohngeld beantragen');
    expect(row).toHaveTextContent('§ 22');
    expect(callsOf(fake.executeMutation, 'OpenCampaign')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Kampagne jetzt eröffnen' }));
    expect(callsOf(fake.executeQuery, 'CampaignPreview')[0]).toEqual({
      input: { norm: 'WoGG', provisions: [], effectiveDate: '2027-01-01' },
    });
    expect(callsOf(fake.executeMutation, 'OpenCampaign')).toEqual([
      {
        input: {
          title: 'Wohngeld 2027',
          norm: 'WoGG',
          provisions: [],
          amendment: null,
          effectiveDate: '2027-01-01',
          description: null,
        },
      },
    ]);
  });

  it('warns when no service cites the norm and when the date has passed', async () => {
    signIn();
    const fake = fakeClient((name) =>
      name === 'Viewer'
        ? viewerAnswer(['MAINTAINER'])
        : name === 'CampaignPreview'
          ? preview([], ['NO_TARGETS', 'EFFECTIVE_DATE_PASSED'])
          : { data: { legalNorms: [] } },
    );
    renderWith(fake.client, <CampaignOpenPage />, '/kampagnen/neu');
    const user = userEvent.setup();
    await fillIn(user, '2020-01-01');
    expect(await screen.findByText('Keine Leistung zitiert diese Rechtsgrundlage')).toBeVisible();
    expect(screen.getByText('Das Datum liegt in der Vergangenheit')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Angaben ändern' }));
    expect(screen.getByRole('textbox', { name: 'Titel' })).toHaveValue('Wohngeld 2027');
  });

  it('is for maintainers and the operator', () => {
    signIn();
    const fake = fakeClient((name) => (name === 'Viewer' ? viewerAnswer(['MUNICIPALITY_ADMIN']) : {}));
    renderWith(fake.client, <CampaignOpenPage />, '/kampagnen/neu');
    expect(screen.getByText(/Kampagnen eröffnen Maintainer und der Betrieb\. Ihre Anmeldung/)).toBeVisible();
  });
});
