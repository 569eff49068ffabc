/** The facts a campaign target's issue tells its developers. */
export interface IssueFacts {
  targetId: string;
  campaignId: string;
  campaignTitle: string;
  description: string | null;
  norm: { abbreviation: string; title: string; url: string | null };
  provisions: string[];
  effectiveDate: string;
  amendment: string | null;
  serviceName: string;
  publicUrl: string;
}

/** Every issue the registry opens carries this label: the lookup after a lost response searches by it. */
export const ISSUE_LABEL = 'ozg-registry';

/** A hidden line in the body that names the target: how an issue opened before a crash is found again. */
export function issueMarker(targetId: string): string {
  return `<!-- ozg-registry:campaign-target:${targetId} -->`;
}

/** The target a body's closing marker names, or null. */
export function markedTarget(body: string | null | undefined): string | null {
  return /<!-- ozg-registry:campaign-target:([0-9a-f-]{36}) -->\s*$/.exec(body ?? '')?.[1] ?? null;
}

function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/** Text from the registry made inert in Markdown: no HTML comment can hide in it (or forge a marker). */
function inert(text: string): string {
  return text.replace(/<!--/g, '&lt;!--').replace(/-->/g, '--&gt;');
}

/** Title and Markdown body of the issue: the legal change, provisions, effective date, citation, link back. */
export function composeIssue(given: IssueFacts): { title: string; body: string } {
  const facts: IssueFacts = {
    ...given,
    campaignTitle: inert(given.campaignTitle),
    description: given.description && inert(given.description),
    norm: { ...given.norm, title: inert(given.norm.title) },
    provisions: given.provisions.map(inert),
    amendment: given.amendment && inert(given.amendment),
    serviceName: inert(given.serviceName),
  };
  const provisions = facts.provisions.length ? facts.provisions.join(', ') : 'the whole norm';
  const campaignUrl = `${facts.publicUrl}/campaigns/${facts.campaignId}`;
  const norm = facts.norm.url ? `[${facts.norm.abbreviation}](${facts.norm.url})` : facts.norm.abbreviation;
  const lines = [
    `The legal change **${facts.campaignTitle}** affects ${facts.serviceName}.`,
    '',
    `| | |`,
    `|---|---|`,
    `| Norm | ${norm} (${facts.norm.title}) |`,
    `| Provisions | ${provisions} |`,
    `| In force from | ${germanDate(facts.effectiveDate)} (${facts.effectiveDate}) |`,
    `| Amended by | ${facts.amendment ?? 'not cited yet'} |`,
    '',
    ...(facts.description ? [facts.description, ''] : []),
    `A release of this service that implements the change closes the campaign's target. Name the ` +
      `campaign in the release (\`fulfils\`), or link the release to the target in the registry.`,
    '',
    `Campaign in the OZG reuse registry: ${campaignUrl} (campaign \`${facts.campaignId}\`, target \`${facts.targetId}\`)`,
    '',
    issueMarker(facts.targetId),
  ];
  const title = `${facts.norm.abbreviation} ${provisions === 'the whole norm' ? '' : `${provisions} `}in force from ${germanDate(facts.effectiveDate)}: ${facts.campaignTitle}`;
  return { title: title.length > 250 ? `${title.slice(0, 249)}…` : title, body: lines.join('\n') };
}
