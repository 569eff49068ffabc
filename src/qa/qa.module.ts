import { Module } from '@nestjs/common';
import { QaPolicies } from './qa-policies';

/** QA gates: policies, gates, sign-offs, waivers and how a gate's status is derived. */
@Module({
  providers: [QaPolicies],
  exports: [QaPolicies],
})
export class QaModule {}
