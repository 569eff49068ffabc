import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import { AuditChainVerification, AuditEvent } from './audit.model';
import { auditRepository } from './audit.repository';
import { AuditVerification } from './audit-verification';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly verification: AuditVerification,
  ) {}

  @Roles(Role.OPERATOR)
  @Query(() => [AuditEvent], { description: 'Every event naming the entity, oldest first' })
  auditTrail(@Args('entityId', { type: () => ID }) entityId: string): Promise<AuditEvent[]> {
    return auditRepository.trailOf(this.db, entityId);
  }

  @Roles(Role.OPERATOR)
  @Query(() => AuditChainVerification, {
    description:
      'Recomputes the whole audit chain now, as npm run audit:verify does, with the signed checkpoints of AUDIT_CHECKPOINT_FILE where configured (OPERATOR). It reads every event: expect seconds for a long chain',
  })
  verifyAuditChain(): Promise<AuditChainVerification> {
    return this.verification.verify();
  }
}
