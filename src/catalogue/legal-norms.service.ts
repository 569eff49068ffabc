import { Injectable } from '@nestjs/common';
import { actorOf, type Actor, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import { uniqueViolation } from '#src/database/pg-errors';
import { Transactions } from '#src/database/transactions';
import type { RegisterLegalNormInput } from './dto/register-legal-norm.input';
import type { LegalNormEntity } from './catalogue.entity';
import { abbreviationProblem, jurisdictionProblem, legalNormTitleProblem } from './catalogue.rules';
import { LegalNormRepository } from './legal-norm.repository';
import { mayRegisterLegalNorm } from './service.access';

/**
 * Legal norms: search, loading and registration (domain.md, "Identifiers" for abbreviations and
 * jurisdictions). The SQL is in LegalNormRepository; the norms are public (service.access.ts).
 */
@Injectable()
export class LegalNormsService {
  constructor(
    private readonly repository: LegalNormRepository,
    private readonly transactions: Transactions,
  ) {}

  /** Norms whose abbreviation or title contains the text (case-insensitive), by abbreviation. */
  list(search: string | null | undefined): Promise<LegalNormEntity[]> {
    return this.repository.search(search?.trim() || null);
  }

  byId(loaders: RequestLoaders, id: string): Promise<LegalNormEntity | null> {
    return loaders
      .get<string, LegalNormEntity | null>('legalNormById', async (ids) =>
        inKeyOrder(ids, await this.repository.byIds(ids), (row) => row.id),
      )
      .load(id);
  }

  /** `registerLegalNorm`, for a viewer (any MAINTAINER, OPERATOR). */
  async registerBy(viewer: Viewer, input: RegisterLegalNormInput): Promise<LegalNormEntity> {
    if (!mayRegisterLegalNorm(viewer)) {
      throw DomainError.forbidden('MAINTAINER_OR_OPERATOR_ONLY');
    }
    return this.register(actorOf(viewer), input);
  }

  /** Also the seed's way in. The URL is checked by the input's decorator. */
  async register(actor: Actor, input: RegisterLegalNormInput): Promise<LegalNormEntity> {
    const abbreviation = input.abbreviation.trim();
    const jurisdiction = input.jurisdiction.trim();
    const title = input.title.trim();
    const jurisdictionIssue = jurisdictionProblem(jurisdiction);
    if (jurisdictionIssue) {
      throw DomainError.badInput('input.jurisdiction', 'INVALID_JURISDICTION', {
        problem: jurisdictionIssue,
      });
    }
    const abbreviationIssue = abbreviationProblem(abbreviation, jurisdiction);
    if (abbreviationIssue) {
      throw DomainError.badInput('input.abbreviation', 'INVALID_ABBREVIATION', {
        problem: abbreviationIssue,
      });
    }
    const titleIssue = legalNormTitleProblem(title);
    if (titleIssue) {
      throw DomainError.badInput('input.title', 'INVALID_LEGAL_NORM_TITLE', { problem: titleIssue });
    }
    const url = input.url?.trim() || null;
    const eli = input.eli?.trim() || null;
    return this.transactions
      .run(actor, async (tx) => {
        const row = await this.repository.insert(tx.manager, {
          abbreviation,
          title,
          jurisdiction,
          url,
          eli,
          createdAt: tx.now,
        });
        tx.audit('legalNorm.register', 'LegalNorm', row.id, { abbreviation, title, jurisdiction, url, eli });
        return row;
      })
      .catch((error: unknown) => {
        if (uniqueViolation(error) !== undefined) {
          throw DomainError.conflict('LEGAL_NORM_EXISTS', { abbreviation });
        }
        throw error;
      });
  }
}
