import { Injectable } from '@nestjs/common';
import type { Tx } from './transactions';

/**
 * Domain events delivered inside the transaction that caused them: how a lower module lets a
 * higher one react without importing it (a release created with `fulfils` links campaign
 * targets; new campaign targets queue their GitHub issues). Each event type is declared by the
 * module that emits it, by augmenting `TransactionEventMap`; handlers register in their module's
 * `onModuleInit`, so the wiring is visible to Nest's container. A handler that throws rolls the
 * whole transaction back, which is the point: the reaction is part of the change.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by the modules
export interface TransactionEventMap {}

export type TransactionEventHandler<K extends keyof TransactionEventMap> = (
  tx: Tx,
  event: TransactionEventMap[K],
) => Promise<void>;

@Injectable()
export class TransactionEvents {
  private readonly handlers = new Map<keyof TransactionEventMap, TransactionEventHandler<never>[]>();

  on<K extends keyof TransactionEventMap>(type: K, handler: TransactionEventHandler<K>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler);
    this.handlers.set(type, list);
  }

  /** Runs every handler of the event in turn, in the transaction. */
  async emit<K extends keyof TransactionEventMap>(
    tx: Tx,
    type: K,
    event: TransactionEventMap[K],
  ): Promise<void> {
    for (const handler of this.handlers.get(type) ?? []) {
      await (handler as TransactionEventHandler<K>)(tx, event);
    }
  }
}
