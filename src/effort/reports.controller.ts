import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentViewer, Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';
import { DomainError } from '#src/common/errors/domain-error';
import { isCalendarDate } from '#src/common/graphql/scalars';
import { roundedPlan } from './effort.rules';
import { EffortService, type PlanReport } from './effort.service';
import {
  CSV_FORMATS,
  exportFileName,
  maintenancePlanCsv,
  maintenancePlanXlsx,
  type CsvFormat,
} from './plan-export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The maintenance plan for spreadsheets (docs/estimation.md, "Exports"), for the owner's
 * MAINTAINERs and OPERATORs: as CSV (`format=de` for German spreadsheets) and as an XLSX
 * workbook. Both show the plan as the API does (`roundedPlan`), as an attachment.
 */
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly effort: EffortService,
    private readonly clock: Clock,
  ) {}

  @Roles(Role.MAINTAINER, Role.OPERATOR)
  @Get('maintenance-plan.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async maintenancePlanCsv(
    @CurrentViewer() viewer: Viewer,
    @Query('owner') owner: string | undefined,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const variant = formatOf(single('format', format));
    const plan = await this.plan(viewer, owner, from, to);
    reply.header('content-disposition', attachment(exportFileName(plan, variant === 'de', 'csv')));
    return maintenancePlanCsv(plan, variant);
  }

  @Roles(Role.MAINTAINER, Role.OPERATOR)
  @Get('maintenance-plan.xlsx')
  @Header('content-type', XLSX)
  async maintenancePlanXlsx(
    @CurrentViewer() viewer: Viewer,
    @Query('owner') owner: string | undefined,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const plan = await this.plan(viewer, owner, from, to);
    reply.header('content-disposition', attachment(exportFileName(plan, true, 'xlsx')));
    return maintenancePlanXlsx(plan, this.clock.now());
  }

  /** The query's owner and period checked, the plan read (its access check included) and rounded. */
  private async plan(
    viewer: Viewer,
    owner: string | undefined,
    from: string | undefined,
    to: string | undefined,
  ): Promise<PlanReport> {
    owner = single('owner', owner);
    from = single('from', from);
    to = single('to', to);
    if (!owner) {
      throw DomainError.badInput('owner', 'REQUIRED');
    }
    if (!from || !isCalendarDate(from)) {
      throw DomainError.badInput('from', 'NOT_A_DATE');
    }
    if (!to || !isCalendarDate(to)) {
      throw DomainError.badInput('to', 'NOT_A_DATE');
    }
    return roundedPlan(await this.effort.plan(viewer, owner, from, to));
  }
}

/** A query parameter given twice arrives as an array: refused by its name, not left to fail later. */
function single(name: string, value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) {
    throw DomainError.badInput(name, 'REPEATED_PARAMETER');
  }
  return value;
}

/** `format`: left out is the international variant; "de" the German one; anything else BAD_USER_INPUT. */
function formatOf(format: string | undefined): CsvFormat {
  if (format === undefined || format === '') {
    return 'international';
  }
  const variant = Object.hasOwn(CSV_FORMATS, format) ? CSV_FORMATS[format] : undefined;
  if (!variant) {
    throw DomainError.badInput('format', 'UNKNOWN_FORMAT');
  }
  return variant;
}

/** RFC 6266; the names are ASCII letters, digits, dashes and dots (exportFileName). */
const attachment = (fileName: string) => `attachment; filename="${fileName}"`;
