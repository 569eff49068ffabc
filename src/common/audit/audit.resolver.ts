import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import { auditRepository } from './audit.repository';

@ObjectType()
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field({ description: "The token's subject, or a system actor such as seed or github" })
  actor!: string;

  @Field({ description: 'e.g. "release.publish"' })
  action!: string;

  @Field()
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => String, { nullable: true, description: 'Canonical JSON' })
  data!: string | null;

  @Field({ description: "sha256 over this event and the previous event's hash" })
  hash!: string;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Roles(Role.OPERATOR)
  @Query(() => [AuditEvent], { description: 'Every event naming the entity, oldest first' })
  auditTrail(@Args('entityId', { type: () => ID }) entityId: string): Promise<AuditEvent[]> {
    return auditRepository.trailOf(this.db, entityId);
  }
}
