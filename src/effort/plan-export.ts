import ExcelJS from 'exceljs';
import { PlanItemKind } from './effort.model';
import type { PlanReport, PlanRow } from './effort.service';

/**
 * The maintenance plan for spreadsheets (docs/estimation.md, "Exports"): the CSV in its
 * international and German variants and the XLSX workbook. They print the plan as the API shows
 * it (`roundedPlan`): one row per item (its uncalibrated estimate) and a last row with the plan's
 * calibrated figures, one number per column. One table of columns serves all three.
 */

/** `format` of GET /reports/maintenance-plan.csv: the default, or German spreadsheets. */
export type CsvFormat = 'international' | 'de';
export const CSV_FORMATS: Record<string, CsvFormat> = { international: 'international', de: 'de' };

type Value = { text: string | null } | { date: string | null } | { number: number | null };

interface Column {
  en: string;
  de: string;
  /** Excel's width in characters. */
  width: number;
  /** Excel's number format, for number and date cells. */
  numFmt?: string;
  item: (row: PlanRow, german: boolean) => Value;
  total: (plan: PlanReport, german: boolean) => Value;
}

const KIND_DE: Record<PlanItemKind, string> = {
  [PlanItemKind.BASELINE]: 'Grundlast',
  [PlanItemKind.CAMPAIGN]: 'Kampagne',
};
const HOURS = '0.0';
const EMPTY = { text: null };
const NONE = { number: null };

const COLUMNS: Column[] = [
  {
    en: 'kind',
    de: 'Art',
    width: 12,
    item: (row, german) => ({ text: german ? KIND_DE[row.kind] : row.kind }),
    total: (_plan, german) => ({ text: german ? 'Summe' : 'Total' }),
  },
  {
    en: 'service',
    de: 'Leistung',
    width: 36,
    // German spreadsheets are read by people: the service's name; the international one keeps the key.
    item: (row, german) => ({ text: german ? row.serviceName : row.serviceSlug }),
    total: () => EMPTY,
  },
  {
    en: 'campaign',
    de: 'Kampagne',
    width: 36,
    item: (row) => ({ text: row.campaignTitle }),
    total: () => EMPTY,
  },
  {
    en: 'plannedReleaseDate',
    de: 'Geplante Freigabe',
    width: 18,
    numFmt: 'dd.mm.yyyy',
    item: (row) => ({ date: row.plannedReleaseDate }),
    total: () => ({ date: null }),
  },
  {
    en: 'expectedHours',
    de: 'Erwartete Stunden',
    width: 18,
    numFmt: HOURS,
    item: (row) => ({ number: row.expectedHours }),
    total: (plan) => ({ number: plan.expectedHours }),
  },
  {
    en: 'standardDeviationHours',
    de: 'Standardabweichung (Stunden)',
    width: 28,
    numFmt: HOURS,
    item: (row) => ({ number: row.standardDeviationHours }),
    total: (plan) => ({ number: plan.standardDeviationHours }),
  },
  {
    en: 'p90Hours',
    de: 'P90 (Stunden)',
    width: 14,
    numFmt: HOURS,
    item: () => NONE,
    total: (plan) => ({ number: plan.p90Hours }),
  },
  {
    en: 'fte',
    de: 'VZÄ',
    width: 8,
    numFmt: '0.00',
    item: () => NONE,
    total: (plan) => ({ number: plan.fte }),
  },
  {
    en: 'costEur',
    de: 'Kosten (EUR)',
    width: 14,
    numFmt: '#,##0 "€"',
    item: () => NONE,
    total: (plan) => ({ number: plan.costEur }),
  },
  {
    en: 'calibrationFactor',
    de: 'Kalibrierungsfaktor',
    width: 20,
    numFmt: '0.00',
    item: () => NONE,
    total: (plan) => ({ number: plan.calibrationFactor }),
  },
];

// ------------------------------------------------------------------ CSV

/**
 * RFC 4180: quote a cell when it holds the separator, a quote or a line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe
 * (OWASP CSV injection). Numbers and dates are written by this code and need neither.
 */
function csvCell(value: Value, german: boolean): string {
  const separator = german ? ';' : ',';
  let text: string;
  if ('number' in value) {
    // Two decimals; German: a decimal comma and no thousands separator.
    const fixed = value.number === null ? '' : value.number.toFixed(2);
    text = german ? fixed.replace('.', ',') : fixed;
  } else if ('date' in value) {
    text = value.date === null ? '' : german ? value.date.split('-').reverse().join('.') : value.date;
  } else {
    text = value.text ?? '';
    if (/^[=+\-@\t\r]/.test(text)) {
      text = `'${text}`;
    }
  }
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV: the header, one row per item, the plan's row (Total / Summe), CRLF line ends. German:
 * German headers and kinds, `;`, decimal commas, dates as TT.MM.JJJJ, and a byte order mark so
 * that Excel reads it as UTF-8.
 */
export function maintenancePlanCsv(plan: PlanReport, format: CsvFormat): string {
  const german = format === 'de';
  const separator = german ? ';' : ',';
  const line = (values: Value[]) => values.map((value) => csvCell(value, german)).join(separator);
  const lines = [
    COLUMNS.map((column) => (german ? column.de : column.en)).join(separator),
    ...plan.items.map((row) => line(COLUMNS.map((column) => column.item(row, german)))),
    line(COLUMNS.map((column) => column.total(plan, german))),
  ];
  return `${german ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

// ------------------------------------------------------------------ XLSX

/** A calendar date (YYYY-MM-DD) as Excel's date: midnight UTC, which exceljs writes as the serial day. */
const excelDate = (date: string) => new Date(`${date}T00:00:00Z`);

function excelValue(value: Value): ExcelJS.CellValue {
  if ('number' in value) {
    return value.number;
  }
  if ('date' in value) {
    return value.date === null ? null : excelDate(value.date);
  }
  return value.text;
}

/**
 * The workbook: sheet "Wartungsplan" (German headers, frozen, the items and the "Summe" row, real
 * numbers and dates with number formats) and sheet "Angaben" (owner, period, calibration factor
 * and its basis, hourly rate, hours per FTE-year, when it was made). Text cells are strings,
 * never formulas, so no text runs as one.
 */
export async function maintenancePlanXlsx(
  plan: PlanReport & { ownerName: string },
  generatedAt: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OZG-Nachnutzungsregister';
  workbook.created = generatedAt;

  const sheet = workbook.addWorksheet('Wartungsplan', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({
    header: column.de,
    width: column.width,
    style: column.numFmt ? { numFmt: column.numFmt } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of plan.items) {
    sheet.addRow(COLUMNS.map((column) => excelValue(column.item(row, true))));
  }
  sheet.addRow(COLUMNS.map((column) => excelValue(column.total(plan, true)))).font = { bold: true };

  const facts = workbook.addWorksheet('Angaben');
  facts.columns = [
    { header: 'Angabe', width: 34 },
    { header: 'Wert', width: 40 },
  ];
  facts.getRow(1).font = { bold: true };
  const fact = (label: string, value: ExcelJS.CellValue, numFmt?: string) => {
    const cell = facts.addRow([label, value]).getCell(2);
    if (numFmt) {
      cell.numFmt = numFmt;
    }
    cell.alignment = { horizontal: 'left' };
  };
  fact('Eigentümer', `${plan.ownerName} (${plan.ownerKey})`);
  fact('Zeitraum von', excelDate(plan.from), 'dd.mm.yyyy');
  fact('Zeitraum bis', excelDate(plan.to), 'dd.mm.yyyy');
  fact('Kalibrierungsfaktor', plan.calibrationFactor, '0.00');
  fact('Abgeschlossene Kampagnenziele (Grundlage des Faktors)', plan.calibrationBasis, '0');
  fact('Stundensatz (EUR)', plan.hourlyRateEur, '#,##0.00 "€"');
  fact('Stunden je VZÄ-Jahr', plan.hoursPerFteYear, '#,##0');
  fact('Erstellt am (UTC)', generatedAt, 'dd.mm.yyyy hh:mm');

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The attachment's file name: wartungsplan-<owner>-<from>-<to> (German) or maintenance-plan-… */
export function exportFileName(plan: PlanReport, german: boolean, extension: 'csv' | 'xlsx'): string {
  // Keys are ARS digits or slugs; anything else is left out, so the header needs no quoting rules.
  const owner = plan.ownerKey.replace(/[^A-Za-z0-9-]/g, '');
  return `${german ? 'wartungsplan' : 'maintenance-plan'}-${owner}-${plan.from}-${plan.to}.${extension}`;
}
