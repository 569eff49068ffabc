/** What "Kampagne eröffnen" asks for, as typed. */
export interface OpenCampaignValues {
  title: string;
  norm: string;
  /** One provision per line, e.g. "§ 5" and "§ 7 Abs. 2"; empty: the whole norm. */
  provisions: string;
  amendment: string;
  effectiveDate: string;
  description: string;
}

export const EMPTY_CAMPAIGN: OpenCampaignValues = {
  title: '',
  norm: '',
  provisions: '',
  amendment: '',
  effectiveDate: '',
  description: '',
};

export type CampaignField = 'title' | 'norm' | 'effectiveDate';

export const FIELD_LABEL: Record<CampaignField, string> = {
  title: 'Titel',
  norm: 'Rechtsnorm',
  effectiveDate: 'Gilt ab',
};

/** The fields a person must fill before the preview, with what to say at each. */
export function missingFields(values: OpenCampaignValues): Partial<Record<CampaignField, string>> {
  const problems: Partial<Record<CampaignField, string>> = {};
  if (values.title.trim() === '') {
    problems.title = 'Bitte geben Sie der Kampagne einen Titel.';
  }
  if (values.norm.trim() === '') {
    problems.norm = 'Bitte wählen Sie die Rechtsnorm, die sich ändert.';
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.effectiveDate)) {
    problems.effectiveDate = 'Bitte geben Sie das Datum an, ab dem die Änderung gilt.';
  }
  return problems;
}

export function provisionsOf(values: OpenCampaignValues): string[] {
  return values.provisions
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The input of campaignPreview and openCampaign alike: what is previewed is what is opened. */
export function campaignInput(values: OpenCampaignValues) {
  return {
    title: values.title.trim(),
    norm: values.norm.trim(),
    provisions: provisionsOf(values),
    amendment: values.amendment.trim() || null,
    effectiveDate: values.effectiveDate,
    description: values.description.trim() || null,
  };
}
