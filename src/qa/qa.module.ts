import { Module } from '@nestjs/common';
import { QaPolicies } from './qa-policies';
import { QaRepository } from './qa.repository';
import { SignOffResolver, WaiverResolver } from './qa.resolver';

/** QA gates: policies, gates, sign-offs, waivers and how a gate's status is derived. */
@Module({
  providers: [QaPolicies, QaRepository, SignOffResolver, WaiverResolver],
  exports: [QaPolicies, QaRepository],
})
export class QaModule {}
