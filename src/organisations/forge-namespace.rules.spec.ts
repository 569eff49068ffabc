import {
  covers,
  Forge,
  forgeRepositoryOf,
  namespaceProblem,
  normaliseNamespace,
} from './forge-namespace.rules';

const HOSTS = { github: ['github.com', 'git.example.org'], gitlab: ['gitlab.opencode.de'] };

describe('forge namespaces', () => {
  it.each([
    ['https://github.com/Dataport/Wohngeld', Forge.GITHUB, 'dataport', 'dataport/wohngeld'],
    ['https://github.com/dataport/wohngeld.git', Forge.GITHUB, 'dataport', 'dataport/wohngeld'],
    ['https://github.com/dataport/wohngeld/tree/main/docs', Forge.GITHUB, 'dataport', 'dataport/wohngeld'],
    ['https://git.example.org/land-sh/bauantrag', Forge.GITHUB, 'land-sh', 'land-sh/bauantrag'],
    ['https://gitlab.opencode.de/komfit/wohngeld', Forge.GITLAB, 'komfit', 'komfit/wohngeld'],
    [
      'https://gitlab.opencode.de/opencode/komfit/apps/wohngeld.git',
      Forge.GITLAB,
      'opencode/komfit/apps',
      'opencode/komfit/apps/wohngeld',
    ],
    ['https://gitlab.opencode.de/komfit/wohngeld/-/tree/main/src', Forge.GITLAB, 'komfit', 'komfit/wohngeld'],
  ])('reads %s as a repository of its forge', (url, forge, namespace, fullName) => {
    expect(forgeRepositoryOf(url, HOSTS)).toEqual({ forge, namespace, fullName });
  });

  it.each([
    ['a host that is no configured forge', 'https://codeberg.org/dataport/wohngeld'],
    ['http', 'http://github.com/dataport/wohngeld'],
    ['an owner without a repository', 'https://github.com/dataport'],
    ['a GitLab project without a group', 'https://gitlab.opencode.de/wohngeld'],
    ['no URL', 'kein Link'],
  ])('reads %s as no forge repository', (_label, url) => {
    expect(forgeRepositoryOf(url, HOSTS)).toBeNull();
  });

  it('covers a GitHub owner exactly, and a GitLab group with its subgroups', () => {
    const repo = (url: string) => forgeRepositoryOf(url, HOSTS)!;
    expect(
      covers({ forge: Forge.GITHUB, namespace: 'dataport' }, repo('https://github.com/Dataport/x')),
    ).toBe(true);
    expect(covers({ forge: Forge.GITHUB, namespace: 'data' }, repo('https://github.com/dataport/x'))).toBe(
      false,
    );
    const deep = repo('https://gitlab.opencode.de/opencode/komfit/apps/wohngeld');
    expect(covers({ forge: Forge.GITLAB, namespace: 'opencode/komfit' }, deep)).toBe(true);
    expect(covers({ forge: Forge.GITLAB, namespace: 'opencode/kom' }, deep)).toBe(false);
    expect(covers({ forge: Forge.GITHUB, namespace: 'opencode' }, deep)).toBe(false);
  });

  it('normalises and checks namespaces per forge', () => {
    expect(normaliseNamespace('  /OpenCoDE/KomFIT/ ')).toBe('opencode/komfit');
    expect(namespaceProblem(Forge.GITHUB, 'dataport')).toBeNull();
    expect(namespaceProblem(Forge.GITHUB, 'opencode/komfit')).toContain('GitHub namespace');
    expect(namespaceProblem(Forge.GITHUB, 'a'.repeat(40))).toContain('at most 39');
    expect(namespaceProblem(Forge.GITLAB, 'opencode/komfit')).toBeNull();
    expect(namespaceProblem(Forge.GITLAB, 'opencode//komfit')).toContain('GitLab namespace');
  });
});
