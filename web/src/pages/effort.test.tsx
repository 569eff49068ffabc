import { screen, within } from '@testing-library/react';
import { EffortPage } from './effort';
import { callsOf, fakeClient, renderWith, signIn, viewerAnswer } from '../subscriptions/test-support';

const DATAPORT = {
  __typename: 'Organisation',
  id: 'o-dp',
  key: 'dataport',
  name: 'Dataport AöR',
  kind: 'SERVICE_PROVIDER',
};

const service = {
  __typename: 'OnlineService',
  id: 's1',
  slug: 'wohngeld-beantragen',
  name: 'Wohngeld beantragen',
  maintenanceBaseline: {
    __typename: 'ThreePointEstimate',
    optimisticHours: 73,
    likelyHours: 146,
    pessimisticHours: 365,
    expectedHours: 170.33,
  },
};

const plan = {
  data: {
    maintenancePlan: {
      __typename: 'MaintenancePlan',
      from: '2027-01-01',
      to: '2027-03-31',
      calibrationFactor: 1.3,
      calibrationBasis: 1,
      expectedHours: 67.6,
      standardDeviationHours: 16.19,
      p50Hours: 67.6,
      p90Hours: 88.35,
      fte: 0.17,
      costEur: 5137.6,
      hourlyRateEur: 76,
      hoursPerFteYear: 1600,
      owner: DATAPORT,
      items: [
        {
          __typename: 'PlanItem',
          kind: 'BASELINE',
          expectedHours: 42,
          standardDeviationHours: 12,
          service,
          campaignTarget: null,
        },
      ],
    },
  },
};

describe('EffortPage (/aufwand)', () => {
  it("shows the maintainer's own plan rounded as planners read it, with the calibration's basis", async () => {
    signIn();
    const fake = fakeClient((name) =>
      name === 'Viewer'
        ? viewerAnswer(['MAINTAINER'], DATAPORT)
        : name === 'MaintenancePlan'
          ? plan
          : name === 'OwnerWork'
            ? { data: { services: { edges: [{ node: service }] }, campaigns: { edges: [] } } }
            : name === 'EffortEntries'
              ? { data: { effortEntries: { totalCount: 0, edges: [] } } }
              : {},
    );
    renderWith(fake.client, <EffortPage />, '/aufwand?von=2027-01-01&bis=2027-03-31');
    const heading = await screen.findByRole('heading', { level: 2, name: /^Wartungsplan Dataport AöR/ });
    const figures = within(heading.parentElement!)
      .getAllByRole('definition')
      .map((d) => d.textContent);
    expect(figures.map((f) => f?.replace(/\s/g, ' '))).toEqual(['67,6 h', '88,4 h', '0,17', '5.138 €']);
    expect(
      screen.getByText(/^Kalibrierungsfaktor 1,30: Bei einem abgeschlossenen Kampagnenziel/),
    ).toBeVisible();
    expect(callsOf(fake.executeQuery, 'MaintenancePlan')[0]).toEqual({
      ownerKey: 'dataport',
      from: '2027-01-01',
      to: '2027-03-31',
    });
    expect(screen.getByRole('group', { name: 'Wartungsplan herunterladen' })).toHaveTextContent(
      'Als Excel-Datei (XLSX)Als CSV für Excel (deutsch)Als CSV (international)',
    );
    expect(screen.getByRole('table', { name: 'Grundlast je Leistung (Stunden je Jahr)' })).toHaveTextContent(
      '73,0 / 146,0 / 365,0',
    );
  });

  it('lets an operator choose the owner first, and asks for no plan before', async () => {
    signIn();
    const fake = fakeClient((name) =>
      name === 'Viewer'
        ? viewerAnswer(['OPERATOR'], { ...DATAPORT, key: 'itvsh', name: 'ITVSH' })
        : name === 'PlanOwners'
          ? { data: { organisations: { edges: [{ node: DATAPORT }] } } }
          : {},
    );
    renderWith(fake.client, <EffortPage />, '/aufwand');
    expect(
      await screen.findByText('Wählen Sie den Eigentümer, dessen Plan Sie sehen möchten.'),
    ).toBeVisible();
    expect(await screen.findByRole('option', { name: 'Dataport AöR' })).toBeInTheDocument();
    expect(callsOf(fake.executeQuery, 'MaintenancePlan')).toEqual([]);
  });

  it('is for maintainers and the operator', () => {
    signIn();
    const fake = fakeClient((name) => (name === 'Viewer' ? viewerAnswer(['MUNICIPALITY_ADMIN']) : {}));
    renderWith(fake.client, <EffortPage />, '/aufwand');
    expect(screen.getByText(/Ihre Anmeldung hat keine dieser Rollen/)).toBeVisible();
  });
});
