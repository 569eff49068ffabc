import { isOperator, type Viewer } from '#src/common/auth/viewer';
import { isDomainError, type DomainError } from '#src/common/errors/domain-error';
import type { QaGateKind } from '#src/qa/qa-policy.rules';
import { assertFourEyes, assertMayReview } from '#src/qa/qa.rules';
import { mayChangeRelease } from './release.access';
import { publicationFactsOf, type Evaluation } from './release-evaluation';
import { ReleaseActionKind } from './release.model';
import {
  assertNotDeprecated,
  assertPublishable,
  checkRelease,
  RELEASE_TRANSITIONS,
  type ReleaseAction,
  type ReleaseCapacity,
} from './release.rules';

/**
 * What a viewer may do with a release now, and why not (`Release.actions`, `QaGate.viewerMaySignOff`):
 * each answer runs the very checks the mutation runs, in its order, and keeps the error the
 * mutation would throw. The console shows buttons from this, so it cannot offer what the API
 * refuses, nor hide what it allows.
 */

export interface Availability<A = ReleaseActionKind> {
  action: A;
  /** The error the mutation would give now; null when it would go through. */
  refusal: DomainError | null;
}

const ACTIONS: [ReleaseActionKind, ReleaseAction][] = [
  [ReleaseActionKind.UPDATE_NOTES, 'updateNotes'],
  [ReleaseActionKind.UPDATE_CONTENTS, 'updateContents'],
  [ReleaseActionKind.UPDATE_ARTIFACT, 'updateArtifact'],
  [ReleaseActionKind.SUBMIT, 'submit'],
  [ReleaseActionKind.PUBLISH, 'publish'],
  [ReleaseActionKind.WITHDRAW, 'withdraw'],
  [ReleaseActionKind.DEPRECATE, 'deprecate'],
  [ReleaseActionKind.WAIVE, 'waive'],
];

/** The capacities in which the viewer acts on a release of the owner (release.rules.ts, ReleaseCapacity). */
export function capacitiesOf(viewer: Viewer | null, ownerId: string): Set<ReleaseCapacity> {
  const capacities = new Set<ReleaseCapacity>();
  if (viewer && mayChangeRelease(viewer, ownerId)) {
    capacities.add('owner');
  }
  if (isOperator(viewer)) {
    capacities.add('operator');
  }
  return capacities;
}

/** The lifecycle actions the viewer holds the capacity for, each with its refusal (or none). */
export function releaseAvailability(
  evaluation: Evaluation,
  capacities: ReadonlySet<ReleaseCapacity>,
): Availability[] {
  return ACTIONS.filter(([, action]) => RELEASE_TRANSITIONS[action].by.some((by) => capacities.has(by))).map(
    ([kind, action]) => ({
      action: kind,
      refusal: refusalOf(() => checkAction(action, evaluation, capacities)),
    }),
  );
}

/** As release-lifecycle.service.ts and release-review.service.ts check each action. */
function checkAction(
  action: ReleaseAction,
  evaluation: Evaluation,
  capacities: ReadonlySet<ReleaseCapacity>,
): void {
  const { release } = evaluation;
  if (action === 'publish') {
    // publishRelease judges the state shown now (derived from the gates and the clock).
    assertPublishable(publicationFactsOf(evaluation));
    return;
  }
  checkRelease(action, release, capacities);
  if (action === 'deprecate') {
    assertNotDeprecated(release);
  }
}

/** Whether the viewer may sign off the gate: signOff's checks (role, four-eyes, state), in its order. */
export function signOffAvailability(
  viewer: Viewer | null,
  gate: { kind: QaGateKind },
  release: Evaluation['release'],
): Availability<'signOff'> | null {
  if (!viewer) {
    return null;
  }
  return {
    action: 'signOff',
    refusal: refusalOf(() => {
      assertMayReview(viewer, gate.kind);
      assertFourEyes(release.authorSubject, viewer);
      checkRelease('signOff', release, new Set<ReleaseCapacity>(['reviewer']));
    }),
  };
}

function refusalOf(check: () => void): DomainError | null {
  try {
    check();
    return null;
  } catch (error) {
    if (isDomainError(error)) {
      return error;
    }
    throw error;
  }
}
