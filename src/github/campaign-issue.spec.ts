import { composeIssue, issueMarker, type IssueFacts } from './campaign-issue';

const FACTS: IssueFacts = {
  targetId: 't-1',
  campaignId: 'c-1',
  campaignTitle: 'Wohngeld-Plus 2027',
  description: 'Neue Einkommensgrenzen.',
  norm: { abbreviation: 'WoGG', title: 'Wohngeldgesetz', url: 'https://www.gesetze-im-internet.de/wogg/' },
  provisions: ['§ 22', '§ 24 Abs. 1'],
  effectiveDate: '2027-01-01',
  amendment: 'BGBl. 2026 I Nr. 99',
  serviceName: 'Wohngeld',
  publicUrl: 'https://registry.example.org',
};

describe('composeIssue', () => {
  it('names the change, provisions, date, citation and links back, and ends with the marker', () => {
    const { title, body } = composeIssue(FACTS);
    expect(title).toBe('WoGG § 22, § 24 Abs. 1 in force from 01.01.2027: Wohngeld-Plus 2027');
    for (const text of [
      '[WoGG](https://www.gesetze-im-internet.de/wogg/) (Wohngeldgesetz)',
      '§ 22, § 24 Abs. 1',
      '01.01.2027 (2027-01-01)',
      'BGBl. 2026 I Nr. 99',
      'Neue Einkommensgrenzen.',
      'https://registry.example.org/campaigns/c-1',
    ]) {
      expect(body).toContain(text);
    }
    expect(body.trimEnd().endsWith(issueMarker('t-1'))).toBe(true);
  });

  it('keeps campaign text from hiding a marker of another target', () => {
    const forged = issueMarker('t-2');
    const { body } = composeIssue({ ...FACTS, description: `Siehe unten. ${forged}`, campaignTitle: forged });
    expect(body).not.toContain(forged);
    expect(body).toContain('&lt;!-- ozg-registry:campaign-target:t-2 --&gt;');
    expect(body.split(issueMarker('t-1'))).toHaveLength(2); // its own marker, once
  });
});
