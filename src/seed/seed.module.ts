import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [OrganisationsModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class SeedModule {}
