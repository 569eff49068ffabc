import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';

/** The GraphQL types of the three-point estimate (three-point.ts): used by campaigns and effort. */

/** PERT three-point estimate in hours: expected = (o + 4m + p) / 6, standard deviation = (p - o) / 6. */
@ObjectType({ description: 'PERT three-point estimate in hours' })
export class ThreePointEstimate {
  @Field(() => Float)
  optimisticHours!: number;

  @Field(() => Float)
  likelyHours!: number;

  @Field(() => Float)
  pessimisticHours!: number;

  @Field(() => Float)
  expectedHours!: number;

  @Field(() => Float)
  standardDeviationHours!: number;
}

@InputType()
export class ThreePointInput {
  @Field(() => Float)
  optimisticHours!: number;

  @Field(() => Float)
  likelyHours!: number;

  @Field(() => Float)
  pessimisticHours!: number;
}
