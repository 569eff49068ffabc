import semver from 'semver';
import { DIGEST_PATTERN } from '../releases/release.rules';
import type { ImportedRelease } from '../releases/releases.service';

/** The parts of a `release` webhook payload the import reads (GitHub's REST "release" object). */
export interface ReleasePayload {
  action?: string;
  release?: {
    tag_name?: string;
    name?: string | null;
    body?: string | null;
    draft?: boolean;
    prerelease?: boolean;
    html_url?: string;
    assets?: { name?: string; digest?: string | null; browser_download_url?: string }[];
  };
  sender?: { login?: string };
}

/**
 * What a published GitHub release becomes in the registry, or why it is skipped:
 * - the tag is the version, a leading "v" stripped; it must be SemVer 2.0.0 without build metadata;
 * - a GitHub draft is not imported; a GitHub pre-release only with a pre-release version, since the
 *   registry would list "1.2.0" as a full release whatever GitHub calls it;
 * - the artifact is the first asset with a `sha256:` digest: without one there is nothing pinned to review.
 */
export function importableRelease(
  payload: ReleasePayload,
  delivery: string,
): ImportedRelease | { skipped: string } {
  const release = payload.release;
  if (!release?.tag_name) return { skipped: 'the payload has no release tag' };
  if (release.draft) return { skipped: `${release.tag_name} is a draft on GitHub` };
  const version = release.tag_name.replace(/^[vV](?=\d)/, '');
  if (semver.valid(version) !== version) {
    return {
      skipped: `tag "${release.tag_name}" is not a semantic version (e.g. v1.2.0 or 1.2.0-rc.1, without build metadata)`,
    };
  }
  if (release.prerelease && semver.prerelease(version) === null) {
    return {
      skipped: `${release.tag_name} is a pre-release on GitHub but ${version} has no pre-release part (e.g. ${version}-rc.1)`,
    };
  }
  const asset = (release.assets ?? []).find((a) => DIGEST_PATTERN.test(a.digest ?? ''));
  if (!asset) {
    return {
      skipped: `${release.tag_name} has no release asset with a sha256 digest: an unpinned artifact cannot be reviewed`,
    };
  }
  const sender = payload.sender?.login ?? null;
  const artifactUrl = asset.browser_download_url?.startsWith('https://') ? asset.browser_download_url : null;
  return {
    version,
    notes: release.body?.trim() || null,
    artifactDigest: asset.digest!,
    artifactUrl,
    sender,
    source: { delivery, url: release.html_url ?? null, sender },
  };
}
