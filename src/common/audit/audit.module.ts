import { Global, Module } from '@nestjs/common';
import { AuditCheckpoints } from './audit-checkpoints';
import { AuditLog } from './audit-log';
import { AuditResolver } from './audit.resolver';

@Global()
@Module({ providers: [AuditLog, AuditResolver, AuditCheckpoints], exports: [AuditLog, AuditCheckpoints] })
export class AuditModule {}
