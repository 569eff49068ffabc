import { repositoryFromFullName, repositoryOf } from './repository-link';

const HOSTS = ['github.com', 'git.dataport.de'];

describe('repositoryOf', () => {
  it.each([
    ['https://github.com/dataport/wohngeld', 'dataport/wohngeld'],
    ['https://github.com/Dataport/Wohngeld.git', 'dataport/wohngeld'],
    ['https://github.com/dataport/wohngeld/', 'dataport/wohngeld'],
    ['https://github.com/dataport/ozg-monorepo/tree/main/services/wohngeld', 'dataport/ozg-monorepo'],
    ['https://git.dataport.de/ozg/kfz-zulassung', 'ozg/kfz-zulassung'],
  ])('%s links to %s', (url, fullName) => {
    expect(repositoryOf(url, HOSTS)?.fullName).toBe(fullName);
  });

  it('keeps owner and name as written, for the API calls', () => {
    expect(repositoryOf('https://github.com/Dataport/Wohngeld.git', HOSTS)).toEqual({
      owner: 'Dataport',
      repo: 'Wohngeld',
      fullName: 'dataport/wohngeld',
    });
  });

  it.each([
    [null],
    [''],
    ['not a url'],
    ['http://github.com/dataport/wohngeld'],
    ['https://gitlab.opencode.de/dataport/wohngeld'],
    ['https://github.com/dataport'],
    ['https://github.com/'],
    ['https://github.com/dataport/..'],
    ['https://github.com.evil.example/dataport/wohngeld'],
  ])('%s links to no repository', (url) => {
    expect(repositoryOf(url, HOSTS)).toBeNull();
  });
});

describe('repositoryFromFullName', () => {
  it('reads owner/name from a payload', () => {
    expect(repositoryFromFullName('Dataport/Wohngeld')?.fullName).toBe('dataport/wohngeld');
    expect(repositoryFromFullName('dataport')).toBeNull();
    expect(repositoryFromFullName('a/b/c')).toBeNull();
    expect(repositoryFromFullName(undefined)).toBeNull();
  });
});
