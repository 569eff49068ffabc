import { useQuery } from 'urql';
import { graphql } from './generated';
import type { Role } from './generated/enums';

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      subject
      name
      roles
      organisation {
        id
        key
        name
        kind
      }
    }
  }
`);

export type ViewerInfo = NonNullable<ReturnType<typeof useViewer>['viewer']>;

/** The signed-in person as the API sees them (null when anonymous or still loading). */
export function useViewer() {
  const [{ data, fetching }] = useQuery({ query: ViewerQuery, requestPolicy: 'cache-first' });
  const viewer = data?.viewer ?? null;
  return {
    viewer,
    fetching,
    has: (...roles: Role[]) => Boolean(viewer && roles.some((role) => viewer.roles.includes(role))),
  };
}
