import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The field names selected at `path` below the current field (through inline fragments and named
 * fragments), e.g. selectedUnder(info, ['edges', 'node']) for a connection's nodes. Used to plan
 * one statement for what the client asked for; DataLoaders still cover anything it misses.
 */
export function selectedUnder(info: GraphQLResolveInfo, path: string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) =>
    node.selectionSet ? [node.selectionSet] : [],
  );
  for (const name of path) {
    sets = sets.flatMap((set) =>
      fieldsOf(set, info)
        .filter((f) => f.name === name)
        .flatMap((f) => f.sets),
    );
  }
  return new Set(sets.flatMap((set) => fieldsOf(set, info).map((f) => f.name)));
}

function fieldsOf(
  set: SelectionSetNode,
  info: GraphQLResolveInfo,
): { name: string; sets: SelectionSetNode[] }[] {
  return set.selections.flatMap((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return [{ name: selection.name.value, sets: selection.selectionSet ? [selection.selectionSet] : [] }];
      case Kind.INLINE_FRAGMENT:
        return fieldsOf(selection.selectionSet, info);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = info.fragments[selection.name.value];
        return fragment ? fieldsOf(fragment.selectionSet, info) : [];
      }
    }
  });
}
