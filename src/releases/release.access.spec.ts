import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { ReleaseState } from './release-enums';
import { mayChangeRelease, mayReadGates, maySeeRelease, releaseAccessSql } from './release.access';

/** Who may see, change and read the review of a release, and the SQL twin of each, viewer by viewer. */

const OWNER = 'org-dataport';
const person = (roles: Role[], organisation: string | null = null): Viewer => ({
  subject: 's',
  name: null,
  roles,
  organisation: organisation ? { id: organisation, key: organisation } : null,
});

// viewer, sees an unpublished release, changes it
const viewers: [string, Viewer | null, boolean, boolean][] = [
  ['anonymous', null, false, false],
  ['the owner’s MAINTAINER', person([Role.MAINTAINER], OWNER), true, true],
  ['another MAINTAINER', person([Role.MAINTAINER], 'org-komfit'), false, false],
  ['a reviewer', person([Role.REVIEWER_SECURITY], 'org-komfit'), true, false],
  ['an OPERATOR', person([Role.OPERATOR]), true, true],
  ['a MUNICIPALITY_ADMIN of the owner', person([Role.MUNICIPALITY_ADMIN], OWNER), false, false],
];

describe.each(viewers)('%s', (_label, viewer, seesUnpublished, changes) => {
  it.each(Object.values(ReleaseState))(
    'sees a %s release when it is PUBLISHED or may read reviews',
    (state) => {
      expect(maySeeRelease(viewer, { state }, OWNER)).toBe(
        state === ReleaseState.PUBLISHED || seesUnpublished,
      );
    },
  );

  it('changes releases only as the owner', () => {
    expect(mayChangeRelease(viewer, OWNER)).toBe(changes);
  });

  it('reads the gates exactly when it sees unpublished releases', async () => {
    expect(await mayReadGates(viewer, () => Promise.resolve(OWNER))).toBe(seesUnpublished);
  });

  it('is seen by the SQL twin the same way', () => {
    const sql = releaseAccessSql.visible(viewer, 'r', ':org');
    const org = releaseAccessSql.org(viewer);
    // Everything, or PUBLISHED plus the releases of the organisation bound to :org.
    if (sql === 'true') {
      expect(seesUnpublished).toBe(true);
    } else {
      expect(sql).toContain(`r.state = 'PUBLISHED'`);
      expect(org === OWNER).toBe(seesUnpublished);
    }
  });
});
