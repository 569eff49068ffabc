import { DomainError } from '#src/common/errors/domain-error';

/**
 * Workflow rules as data. Each module lists its actions in a table (in its `*.rules.ts`): from
 * which states, by whom, to which state, and whether a reason is required. `checkTransition` is
 * the one place that executes such a row, so every workflow answers the same way:
 * FORBIDDEN when the viewer acts in none of the row's capacities, then CONFLICT naming the
 * current state. (NOT_FOUND, for objects the viewer may not see, is decided before: by the
 * module's access policy, when it loads the object.)
 */
export interface TransitionRule<State extends string, Capacity extends string> {
  /** The states the action starts from. */
  readonly from: readonly State[];
  /** The capacities in which a viewer may act (e.g. 'owner', 'subscriber'); OPERATOR acts in all of them. */
  readonly by: readonly Capacity[];
  /** The state after the action; `same` keeps it, `derived` leaves it to a derivation (e.g. from gates). */
  readonly to: State | 'same' | 'derived';
  readonly reason: 'required' | 'optional' | 'none';
}

export type TransitionTable<Action extends string, State extends string, Capacity extends string> = {
  readonly [A in Action]: TransitionRule<State, Capacity>;
};

export interface TransitionSubject<State extends string, Capacity extends string> {
  state: State;
  /** The capacities in which the viewer acts on this object (from the module's access policy). */
  capacities: ReadonlySet<Capacity>;
  /** Words for the messages: "Cannot <verb> <what>: it is <STATE>". */
  verb: string;
  what: string;
  /** Who may: for the FORBIDDEN message. */
  forbidden: string;
}

/** Runs one row of a transition table against an object; answers the state it moves to. */
export function checkTransition<State extends string, Capacity extends string>(
  rule: TransitionRule<State, Capacity>,
  subject: TransitionSubject<State, Capacity>,
): State {
  if (!rule.by.some((capacity) => subject.capacities.has(capacity))) {
    throw DomainError.forbidden('ACTION_FORBIDDEN', { problem: subject.forbidden });
  }
  if (!rule.from.includes(subject.state)) {
    throw DomainError.conflict(
      'WRONG_STATE',
      { verb: subject.verb, what: subject.what, state: subject.state },
      { state: subject.state },
    );
  }
  return rule.to === 'same' || rule.to === 'derived' ? subject.state : rule.to;
}

/** The states from which an action of the table is allowed: for queries that list candidates. */
export function statesAllowing<State extends string, Capacity extends string>(
  rule: TransitionRule<State, Capacity>,
): readonly State[] {
  return rule.from;
}
