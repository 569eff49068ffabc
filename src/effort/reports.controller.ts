import { Controller, Get, Header, Query } from '@nestjs/common';
import { CurrentViewer, Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { isCalendarDate } from '#src/common/graphql/scalars';
import { EffortService } from './effort.service';

/**
 * RFC 4180: quote a cell when it holds a comma, a quote or a line break. Text that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP CSV injection).
 */
function cell(value: string | number | null): string {
  let text = value === null ? '' : typeof value === 'number' ? value.toFixed(2) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

@Controller('reports')
export class ReportsController {
  constructor(private readonly effort: EffortService) {}

  /** The maintenance plan for spreadsheets: a header row, one row per item, and a last row "Total". */
  @Roles(Role.MAINTAINER, Role.OPERATOR)
  @Get('maintenance-plan.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async maintenancePlanCsv(
    @CurrentViewer() viewer: Viewer,
    @Query('owner') owner: string | undefined,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
  ): Promise<string> {
    if (!owner) {
      throw DomainError.badInput('owner', 'REQUIRED');
    }
    if (!from || !isCalendarDate(from)) {
      throw DomainError.badInput('from', 'NOT_A_DATE');
    }
    if (!to || !isCalendarDate(to)) {
      throw DomainError.badInput('to', 'NOT_A_DATE');
    }
    const plan = await this.effort.plan(viewer, owner, from, to);
    const lines = [
      ['kind', 'service', 'campaign', 'plannedReleaseDate', 'expectedHours', 'standardDeviationHours'].join(
        ',',
      ),
      ...plan.items.map((row) =>
        [
          row.kind,
          row.serviceSlug,
          row.campaignTitle,
          row.plannedReleaseDate,
          row.expectedHours,
          row.standardDeviationHours,
        ]
          .map(cell)
          .join(','),
      ),
      [
        'Total',
        `calibration ${plan.calibrationFactor.toFixed(3)}; P50 ${plan.p50Hours.toFixed(2)} h; P90 ${plan.p90Hours.toFixed(2)} h; FTE ${plan.fte.toFixed(2)}; EUR ${plan.costEur.toFixed(2)}`,
        null,
        null,
        plan.expectedHours,
        plan.standardDeviationHours,
      ]
        .map(cell)
        .join(','),
    ];
    return `${lines.join('\r\n')}\r\n`;
  }
}
