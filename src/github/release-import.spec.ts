import { importableRelease, type ReleasePayload } from './release-import';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

function payload(release: Partial<NonNullable<ReleasePayload['release']>>): ReleasePayload {
  return {
    action: 'published',
    release: {
      tag_name: 'v1.4.0',
      body: 'Neue Felder für § 22 WoGG',
      draft: false,
      prerelease: false,
      html_url: 'https://github.com/dataport/wohngeld/releases/tag/v1.4.0',
      assets: [
        {
          name: 'wohngeld-1.4.0.tgz',
          digest: DIGEST,
          browser_download_url:
            'https://github.com/dataport/wohngeld/releases/download/v1.4.0/wohngeld-1.4.0.tgz',
        },
      ],
      ...release,
    },
    sender: { login: 'octo-maintainer' },
  };
}

describe('importableRelease', () => {
  it('takes the tag without its v, the body as notes and the asset digest', () => {
    expect(importableRelease(payload({}), 'd-1')).toEqual({
      version: '1.4.0',
      notes: 'Neue Felder für § 22 WoGG',
      artifactDigest: DIGEST,
      artifactUrl: 'https://github.com/dataport/wohngeld/releases/download/v1.4.0/wohngeld-1.4.0.tgz',
      sender: 'octo-maintainer',
      source: {
        delivery: 'd-1',
        url: 'https://github.com/dataport/wohngeld/releases/tag/v1.4.0',
        sender: 'octo-maintainer',
      },
    });
  });

  it('imports a GitHub pre-release with a pre-release version, and a tag without v', () => {
    const result = importableRelease(payload({ tag_name: '2.0.0-rc.1', prerelease: true }), 'd');
    expect(result).toMatchObject({ version: '2.0.0-rc.1' });
  });

  it.each([
    [{ tag_name: 'release-2026-11' }, 'not a semantic version'],
    [{ tag_name: 'v1.4' }, 'not a semantic version'],
    [{ tag_name: 'v1.4.0+build.7' }, 'not a semantic version'],
    [{ draft: true }, 'is a draft on GitHub'],
    [{ prerelease: true }, 'has no pre-release part'],
    [{ assets: [] }, 'no release asset with a sha256 digest'],
    [{ assets: [{ name: 'a.tgz', digest: null }] }, 'no release asset with a sha256 digest'],
    [{ assets: [{ name: 'a.tgz', digest: 'sha1:abc' }] }, 'no release asset with a sha256 digest'],
  ])('skips %j: %s', (release, reason) => {
    const result = importableRelease(payload(release), 'd');
    expect(result).toMatchObject({ skipped: expect.stringContaining(reason) as string });
  });

  it('takes the artifact beside its checksums, signature and SBOM', () => {
    const other = `sha256:${'cd'.repeat(32)}`;
    const result = importableRelease(
      payload({
        assets: [
          { name: 'checksums.txt', digest: DIGEST },
          { name: 'b.tgz', digest: other, browser_download_url: 'https://example.org/b.tgz' },
          { name: 'b.tgz.sig', digest: DIGEST },
          { name: 'b.spdx.json', digest: DIGEST },
          { name: 'b.tgz.sha256', digest: DIGEST },
        ],
      }),
      'd',
    );
    expect(result).toMatchObject({ artifactDigest: other, artifactUrl: 'https://example.org/b.tgz' });
  });

  it('skips a release with several artifacts: which one would be reviewed?', () => {
    const result = importableRelease(
      payload({
        assets: [
          { name: 'linux.tgz', digest: DIGEST },
          { name: 'windows.zip', digest: DIGEST },
        ],
      }),
      'd',
    );
    expect(result).toEqual({
      skipped: expect.stringContaining('several assets (linux.tgz, windows.zip)') as string,
    });
  });

  it('marks a release without a pinned artifact, so that the API can be asked', () => {
    expect(importableRelease(payload({ assets: [] }), 'd')).toMatchObject({ assetsMissing: true });
    // A checksum list alone is not the artifact, even with a digest: the artifact may come later.
    const onlyChecksums = importableRelease(
      payload({
        assets: [
          { name: 'checksums.txt', digest: DIGEST },
          { name: 'sbom.spdx.json', digest: DIGEST },
        ],
      }),
      'd',
    );
    expect(onlyChecksums).toEqual({
      skipped: expect.stringContaining('no artifact to review') as string,
      assetsMissing: true,
    });
  });
});
