import { burndownSteps } from './burndown';
import { campaignInput, missingFields, EMPTY_CAMPAIGN } from './open-campaign-model';
import { doneTargets } from './progress';

describe('burndownSteps', () => {
  it('keeps the first and the last day and the days on which the number changed', () => {
    const points = [
      { date: '2026-10-01', openTargets: 4 },
      { date: '2026-10-02', openTargets: 4 },
      { date: '2026-10-03', openTargets: 3 },
      { date: '2026-10-04', openTargets: 3 },
      { date: '2026-10-05', openTargets: 4 },
      { date: '2026-10-06', openTargets: 4 },
    ];
    expect(burndownSteps(points).map((p) => `${p.date}:${p.openTargets}`)).toEqual([
      '2026-10-01:4',
      '2026-10-03:3',
      '2026-10-05:4',
      '2026-10-06:4',
    ]);
  });

  it('answers a single day as itself', () => {
    expect(burndownSteps([{ date: '2026-10-01', openTargets: 2 }])).toHaveLength(1);
  });
});

describe('doneTargets', () => {
  it('counts RELEASED, ROLLED_OUT and EXCLUDED as done', () => {
    expect(
      doneTargets([
        { state: 'OPEN', count: 2 },
        { state: 'PLANNED', count: 1 },
        { state: 'RELEASED', count: 3 },
        { state: 'ROLLED_OUT', count: 4 },
        { state: 'EXCLUDED', count: 1 },
      ]),
    ).toBe(8);
  });
});

describe('opening a campaign', () => {
  it('names the missing fields', () => {
    expect(Object.keys(missingFields(EMPTY_CAMPAIGN)).sort()).toEqual(['effectiveDate', 'norm', 'title']);
  });

  it('sends one provision per line, trimmed, and null for empty optional text', () => {
    expect(
      campaignInput({
        ...EMPTY_CAMPAIGN,
        title: ' Wohngeld 2027 ',
        norm: 'WoGG ',
        provisions: '§ 12\n\n  § 19 Abs. 2 \n',
        effectiveDate: '2027-01-01',
      }),
    ).toEqual({
      title: 'Wohngeld 2027',
      norm: 'WoGG',
      provisions: ['§ 12', '§ 19 Abs. 2'],
      amendment: null,
      effectiveDate: '2027-01-01',
      description: null,
    });
  });
});
