import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Access, PUBLIC_POLICY } from '#src/common/auth/access';
import type { Actor } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import { uniqueViolation } from '#src/database/pg-errors';
import { Transactions } from '#src/database/transactions';
import type { RegisterLegalNormInput } from './dto/register-legal-norm.input';
import { LegalNormEntity } from './catalogue.entity';
import { abbreviationProblem, jurisdictionProblem } from './catalogue.rules';
import { httpsUrlProblem } from '#src/common/validation/text';

@Injectable()
export class LegalNormsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transactions: Transactions,
    private readonly access: Access,
  ) {}

  onModuleInit() {
    this.access.register(PUBLIC_POLICY('LegalNorm'));
  }

  /** Norms whose abbreviation or title contains the text (case-insensitive), by abbreviation. */
  list(search: string | null | undefined): Promise<LegalNormEntity[]> {
    const query = this.db.getRepository(LegalNormEntity).createQueryBuilder('n').orderBy('n.abbreviation');
    const text = search?.trim();
    if (text) {
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.where('(n.abbreviation ILIKE :pattern OR n.title ILIKE :pattern)', { pattern });
    }
    return query.limit(500).getMany();
  }

  byId(loaders: RequestLoaders, id: string): Promise<LegalNormEntity | null> {
    return loaders
      .get<string, LegalNormEntity | null>('legalNormById', async (ids) => {
        const rows = await this.db.getRepository(LegalNormEntity).findBy({ id: In([...ids]) });
        return inKeyOrder(ids, rows, (row) => row.id);
      })
      .load(id);
  }

  async register(actor: Actor, input: RegisterLegalNormInput): Promise<LegalNormEntity> {
    const abbreviation = input.abbreviation.trim();
    const jurisdiction = input.jurisdiction.trim();
    const title = input.title.trim();
    const jurisdictionIssue = jurisdictionProblem(jurisdiction);
    if (jurisdictionIssue) {
      throw DomainError.badInput('input.jurisdiction', jurisdictionIssue);
    }
    const abbreviationIssue = abbreviationProblem(abbreviation, jurisdiction);
    if (abbreviationIssue) {
      throw DomainError.badInput('input.abbreviation', abbreviationIssue);
    }
    if (title === '' || title.length > 300) {
      throw DomainError.badInput('input.title', 'must be 1-300 characters');
    }
    const url = input.url?.trim() || null;
    if (url && httpsUrlProblem(url)) {
      throw DomainError.badInput('input.url', httpsUrlProblem(url)!);
    }
    const eli = input.eli?.trim() || null;
    return this.transactions
      .run(actor, async (tx) => {
        const row = tx.manager.create(LegalNormEntity, {
          abbreviation,
          title,
          jurisdiction,
          url,
          eli,
          createdAt: tx.now,
        });
        await tx.manager.insert(LegalNormEntity, row);
        tx.audit('legalNorm.register', 'LegalNorm', row.id, { abbreviation, title, jurisdiction, url, eli });
        return row;
      })
      .catch((error: unknown) => {
        if (uniqueViolation(error) !== undefined) {
          throw DomainError.conflict(
            `A legal norm with the abbreviation ${abbreviation} exists already (abbreviations are unique across jurisdictions)`,
          );
        }
        throw error;
      });
  }
}
