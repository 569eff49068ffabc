import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SERVICE_ID_DESCRIPTION, SERVICE_SLUG_DESCRIPTION } from '#src/catalogue/service-ref';
import { ConnectionType } from '#src/common/graphql/pagination';
import { DateScalar } from '#src/common/graphql/scalars';
import { Text } from '#src/common/validation/text';

export enum PlanItemKind {
  BASELINE = 'BASELINE',
  CAMPAIGN = 'CAMPAIGN',
}
registerEnumType(PlanItemKind, {
  name: 'PlanItemKind',
  valuesMap: {
    BASELINE: { description: 'Routine maintenance, pro rata for the period' },
    CAMPAIGN: { description: 'Planned legal-change work with a planned release date in the period' },
  },
});

@ObjectType()
export class PlanItem {
  serviceId!: string;
  campaignTargetId!: string | null;

  @Field(() => PlanItemKind)
  kind!: PlanItemKind;

  @Field(() => Float, { description: 'To the hundredth' })
  expectedHours!: number;

  @Field(() => Float, { description: 'To the hundredth' })
  standardDeviationHours!: number;
}

@ObjectType()
export class MaintenancePlan {
  ownerId!: string;

  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => [PlanItem], { description: 'As estimated (uncalibrated), hours to the hundredth' })
  items!: PlanItem[];

  @Field(() => Float, { description: 'Sum of items, times the calibration factor; to the hundredth' })
  expectedHours!: number;

  @Field(() => Float, {
    description: 'Of the sum (variances added), times the calibration factor; to the hundredth',
  })
  standardDeviationHours!: number;

  @Field(() => Float, { description: 'To the hundredth' })
  p50Hours!: number;

  @Field(() => Float, { description: 'expected + 1.2816 * standard deviation; to the hundredth' })
  p90Hours!: number;

  @Field(() => Float, {
    description: 'Actual / expected over finished work; 1 without history (not rounded)',
  })
  calibrationFactor!: number;

  @Field(() => Int, {
    description:
      'How many finished targets (with an estimate and recorded hours) the calibration factor rests on',
  })
  calibrationBasis!: number;

  @Field(() => Float, {
    description: 'expectedHours / (hours per FTE-year, pro rata for the period); to the hundredth',
  })
  fte!: number;

  @Field(() => Float, { description: 'expectedHours * hourly rate; to the cent' })
  costEur!: number;

  @Field(() => Float, { description: 'The hourly rate the cost is computed with (HOURLY_RATE_EUR)' })
  hourlyRateEur!: number;

  @Field(() => Float, { description: 'The working hours of one FTE-year (HOURS_PER_FTE_YEAR)' })
  hoursPerFteYear!: number;
}

@ObjectType()
export class EffortEntry {
  @Field(() => ID)
  id!: string;

  serviceId!: string;
  campaignTargetId!: string | null;
  recordedByUser!: { subject: string; name: string | null; organisation: string | null };

  @Field(() => Float)
  hours!: number;

  @Field(() => DateScalar)
  date!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType()
export class EffortEntryConnection extends ConnectionType(EffortEntry) {}

@InputType()
export class RecordEffortInput {
  @Field(() => ID, { nullable: true, description: SERVICE_ID_DESCRIPTION })
  serviceId?: string | null;

  @Field(() => String, { nullable: true, description: SERVICE_SLUG_DESCRIPTION })
  serviceSlug?: string | null;

  @Field(() => ID, { nullable: true })
  campaignTargetId?: string | null;

  @Field(() => Float)
  hours!: number;

  @Field(() => DateScalar)
  date!: string;

  @Field(() => String, { nullable: true })
  @Text({ max: 2_000, optional: true })
  note?: string | null;
}
