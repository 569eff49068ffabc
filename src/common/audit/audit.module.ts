import { Global, Module } from '@nestjs/common';
import { AuditCheckpoints } from './audit-checkpoints';
import { AuditLog } from './audit-log';
import { AuditVerification } from './audit-verification';
import { AuditResolver } from './audit.resolver';

@Global()
@Module({
  providers: [AuditLog, AuditResolver, AuditCheckpoints, AuditVerification],
  exports: [AuditLog, AuditCheckpoints],
})
export class AuditModule {}
