import { PlanItemKind } from './effort.model';
import type { PlanReport } from './effort.service';
import { exportFileName, maintenancePlanCsv } from './plan-export';

const plan: PlanReport = {
  ownerId: 'o-1',
  ownerKey: 'dataport',
  ownerName: 'Dataport',
  from: '2027-01-01',
  to: '2027-12-31',
  items: [
    {
      kind: PlanItemKind.CAMPAIGN,
      serviceId: 's-1',
      campaignTargetId: 't-1',
      serviceSlug: 'bauantrag',
      serviceName: 'Bauantrag "digital"',
      campaignTitle: '=HYPERLINK("http://evil")',
      plannedReleaseDate: '2027-03-01',
      expectedHours: 1234.5,
      standardDeviationHours: 0.05,
    },
    {
      kind: PlanItemKind.BASELINE,
      serviceId: 's-2',
      campaignTargetId: null,
      serviceSlug: 'wohngeld',
      serviceName: '-Wohngeld, Antrag',
      campaignTitle: null,
      plannedReleaseDate: null,
      expectedHours: 10,
      standardDeviationHours: 2,
    },
  ],
  expectedHours: 1244.5,
  standardDeviationHours: 2,
  p50Hours: 1244.5,
  p90Hours: 1247.06,
  fte: 0.78,
  costEur: 94582,
  calibrationFactor: 1,
  calibrationBasis: 0,
  hourlyRateEur: 76,
  hoursPerFteYear: 1600,
};

describe('the maintenance plan for spreadsheets', () => {
  it('writes the international CSV: commas, points, ISO dates, quotes and the formula guard', () => {
    expect(maintenancePlanCsv(plan, 'international').split('\r\n')).toEqual([
      'kind,service,campaign,plannedReleaseDate,expectedHours,standardDeviationHours,p90Hours,fte,costEur,calibrationFactor',
      `CAMPAIGN,bauantrag,"'=HYPERLINK(""http://evil"")",2027-03-01,1234.50,0.05,,,,`,
      'BASELINE,wohngeld,,,10.00,2.00,,,,',
      'Total,,,,1244.50,2.00,1247.06,0.78,94582.00,1.00',
      '',
    ]);
  });

  it('writes the German CSV: a BOM, semicolons, decimal commas without thousands separators, TT.MM.JJJJ', () => {
    const csv = maintenancePlanCsv(plan, 'de');
    expect(csv.startsWith('\uFEFFArt;Leistung;Kampagne;')).toBe(true);
    expect(csv.slice(1).split('\r\n').slice(1)).toEqual([
      // A name with quotes is quoted; text that a spreadsheet would run as a formula gets an apostrophe.
      `Kampagne;"Bauantrag ""digital""";"'=HYPERLINK(""http://evil"")";01.03.2027;1234,50;0,05;;;;`,
      `Grundlast;'-Wohngeld, Antrag;;;10,00;2,00;;;;`,
      'Summe;;;;1244,50;2,00;1247,06;0,78;94582,00;1,00',
      '',
    ]);
  });

  it('names the attachment after the owner and the period, in the variant’s language', () => {
    expect(exportFileName(plan, true, 'xlsx')).toBe('wartungsplan-dataport-2027-01-01-2027-12-31.xlsx');
    expect(exportFileName(plan, false, 'csv')).toBe('maintenance-plan-dataport-2027-01-01-2027-12-31.csv');
    expect(exportFileName({ ...plan, ownerKey: 'a"b/c' }, true, 'csv')).toBe(
      'wartungsplan-abc-2027-01-01-2027-12-31.csv',
    );
  });
});
