import { DomainError } from '#src/common/errors/domain-error';
import { MaturityModel } from './catalogue-enums';
import type { OnlineServiceEntity } from './catalogue.entity';
import {
  leikaProblem,
  MAX_KEYWORD_LENGTH,
  MAX_KEYWORDS,
  normaliseKeywords,
  licenseProblem,
  MAX_MATURITY,
  maturityModelName,
  maturityProblem,
  ozgIdProblem,
} from './catalogue.rules';
import type { UpdateServiceInput } from './dto/update-service.input';

/**
 * The service fields that register and update share, checked together with the update semantics
 * (domain.md, "Services"). Text lengths and the repository URL are checked by the input's
 * decorators (dto/register-service.input.ts) before a resolver runs; what needs the update
 * semantics or the identifier rules (catalogue.rules.ts) is here. Also the seed's way in.
 */
export type ServiceFields = Partial<
  Pick<
    OnlineServiceEntity,
    | 'name'
    | 'summary'
    | 'description'
    | 'leikaKeys'
    | 'keywords'
    | 'ozgIds'
    | 'themenfeld'
    | 'maturityLevel'
    | 'maturityModel'
    | 'sdgRelevant'
    | 'lifecycle'
    | 'subscriptionApproval'
    | 'license'
    | 'repositoryUrl'
  >
>;

/** Required fields: in an update, omitted keeps them, null is refused. */
const REQUIRED_ON_UPDATE = [
  'name',
  'summary',
  'leikaKeys',
  'keywords',
  'ozgIds',
  'sdgRelevant',
  'lifecycle',
  'subscriptionApproval',
  'legalBases',
] as const;

/**
 * Checks and normalises the fields present in `input` (register and update share the rules);
 * absent fields stay absent, `null` clears an optional field and is refused for a required one.
 */
export function checkServiceFields(
  input: UpdateServiceInput,
  prefix = 'input',
  /** The service's current Reifegrad model, on update: a level given without a model keeps it. */
  currentModel: MaturityModel | null = null,
): ServiceFields {
  const out: ServiceFields = {};
  const f = (name: string) => `${prefix}.${name}`;
  for (const key of REQUIRED_ON_UPDATE) {
    if (input[key] === null) {
      throw DomainError.badInput(f(key), 'REQUIRED_NOT_NULL');
    }
  }
  if (input.name != null) {
    out.name = input.name.trim();
  }
  if (input.summary != null) {
    out.summary = input.summary.trim();
  }
  if (input.description !== undefined) {
    out.description = input.description?.trim() || null;
  }
  if (input.leikaKeys != null) {
    input.leikaKeys.forEach((key, i) => {
      const problem = leikaProblem(key.trim());
      if (problem) {
        throw DomainError.badInput(`${f('leikaKeys')}[${i}]`, 'INVALID_LEIKA_KEY', { problem });
      }
    });
    out.leikaKeys = [...new Set(input.leikaKeys.map((key) => key.trim()))];
  }
  if (input.keywords != null) {
    out.keywords = checkKeywords(input.keywords, f('keywords'));
  }
  if (input.ozgIds != null) {
    input.ozgIds.forEach((id, i) => {
      const problem = ozgIdProblem(id);
      if (problem) {
        throw DomainError.badInput(`${f('ozgIds')}[${i}]`, 'INVALID_OZG_ID', { problem });
      }
    });
    out.ozgIds = [...new Set(input.ozgIds.map((id) => id.trim()))];
  }
  if (input.themenfeld !== undefined) {
    out.themenfeld = input.themenfeld;
  }
  Object.assign(out, checkMaturity(input, f, currentModel));
  if (input.sdgRelevant != null) {
    out.sdgRelevant = input.sdgRelevant;
  }
  if (input.lifecycle != null) {
    out.lifecycle = input.lifecycle;
  }
  if (input.subscriptionApproval != null) {
    out.subscriptionApproval = input.subscriptionApproval;
  }
  if (input.license !== undefined) {
    const license = input.license?.trim() || null;
    const problem = license ? licenseProblem(license) : null;
    if (problem) {
      throw DomainError.badInput(f('license'), 'INVALID_LICENSE', { problem });
    }
    out.license = license;
  }
  if (input.repositoryUrl !== undefined) {
    out.repositoryUrl = input.repositoryUrl?.trim() || null;
  }
  return out;
}

/**
 * The Reifegrad with its model (domain.md, "Other catalogue fields"): a level without a model
 * keeps the service's current model (`current`; 1.1 for a service not rated yet, or on register),
 * null clears both, a model without a level is refused.
 */
function checkMaturity(
  input: Pick<UpdateServiceInput, 'maturityLevel' | 'maturityModel'>,
  f: (name: string) => string,
  current: MaturityModel | null,
): Pick<ServiceFields, 'maturityLevel' | 'maturityModel'> {
  if (input.maturityLevel == null) {
    if (input.maturityModel != null) {
      throw DomainError.badInput(f('maturityModel'), 'MATURITY_MODEL_WITHOUT_LEVEL');
    }
    return input.maturityLevel === null ? { maturityLevel: null, maturityModel: null } : {};
  }
  const model = input.maturityModel ?? current ?? MaturityModel.V1_1;
  const problem = maturityProblem(input.maturityLevel, model);
  if (problem) {
    throw DomainError.badInput(f('maturityLevel'), 'INVALID_MATURITY', {
      problem,
      model: maturityModelName(model),
      max: MAX_MATURITY[model],
    });
  }
  return { maturityLevel: input.maturityLevel, maturityModel: model };
}

/** The keywords normalised (catalogue.rules.ts), or BAD_USER_INPUT naming the keyword at fault. */
export function checkKeywords(keywords: readonly string[], field: string): string[] {
  const { keywords: out, problem } = normaliseKeywords(keywords);
  if (problem?.reason === 'TOO_MANY') {
    throw DomainError.badInput(field, 'TOO_MANY_KEYWORDS', { max: MAX_KEYWORDS, got: out.length });
  }
  if (problem) {
    throw DomainError.badInput(`${field}[${problem.index}]`, 'INVALID_KEYWORD', {
      blank: problem.reason === 'BLANK',
      max: MAX_KEYWORD_LENGTH,
    });
  }
  return out;
}
