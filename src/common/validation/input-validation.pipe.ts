import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { constraintError } from './constraint-reason';

type Constructor = new () => object;

/**
 * Applies the validation decorators of an input class (see `text.ts`) to a resolver's argument
 * before the resolver runs: `@Args('input', InputValidationPipe)`. The first problem is
 * BAD_USER_INPUT naming the field's path ("input.changes[0].description"). It is put on the input
 * arguments, not registered globally: a global pipe runs for every parameter of every field
 * resolver (each row's `@Parent`, `@Context`), which cost the subscriptions page about a third of
 * its throughput in `npm run bench:catalogue`.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  private readonly checked = new Map<Constructor, boolean>();

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype as Constructor | undefined;
    if (value == null || typeof value !== 'object' || !type || !this.hasRules(type)) {
      return value;
    }
    const instance = plainToInstance(type, value);
    const errors = await validate(instance, { forbidUnknownValues: false });
    if (errors.length > 0) {
      const [path, problem] = firstProblem(errors[0]);
      throw constraintError(
        [metadata.data ?? 'input', path].filter(Boolean).join('.').replace(/\.\[/g, '['),
        problem,
      );
    }
    return instance;
  }

  private hasRules(type: Constructor): boolean {
    let known = this.checked.get(type);
    if (known === undefined) {
      known = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
      this.checked.set(type, known);
    }
    return known;
  }
}

/** The path and the error of the first problem, descending into nested inputs and lists. */
function firstProblem(error: ValidationError, prefix = ''): [string, ValidationError] {
  const segment = /^\d+$/.test(error.property) ? `[${error.property}]` : error.property;
  const path =
    prefix === '' ? segment : segment.startsWith('[') ? `${prefix}${segment}` : `${prefix}.${segment}`;
  if (error.constraints) {
    return [path, error];
  }
  return firstProblem(error.children![0], path);
}
