import { Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { constraintError } from './constraint-reason';

/**
 * A scalar argument checked by the same decorators as input fields:
 * `@Args('reason', new ArgPipe('reason', Text({ max: 2_000 })))`, `new ArgPipe('artifactDigest', Digest())`.
 */
@Injectable()
export class ArgPipe implements PipeTransform {
  private readonly holder: new () => { value: unknown };

  constructor(
    private readonly field: string,
    rule: PropertyDecorator,
  ) {
    class Holder {
      value: unknown;
    }
    rule(Holder.prototype, 'value');
    this.holder = Holder;
  }

  async transform(value: unknown): Promise<unknown> {
    if (value === undefined) {
      return value;
    }
    const holder = plainToInstance(this.holder, { value });
    const [error] = await validate(holder);
    if (error) {
      throw constraintError(this.field, error);
    }
    return holder.value;
  }
}
