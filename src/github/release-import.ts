import semver from 'semver';
import { versionProblem } from '#src/common/graphql/scalars';
import { DIGEST_PATTERN } from '#src/common/validation/text';
import type { ImportedRelease } from '#src/releases/releases.service';

/** The parts of a `release` webhook payload the import reads (GitHub's REST "release" object). */
export interface ReleasePayload {
  action?: string;
  release?: {
    id?: number;
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
 * - the artifact is the one asset with a `sha256:` digest, not counting checksum lists, signatures
 *   and SBOMs; without one there is nothing pinned to review, with several it is unclear which.
 */
/** Assets that accompany an artifact: checksums, signatures, attestations, SBOMs. */
const ACCOMPANYING =
  /(^|[._-])(checksums?|sha(256|512)sums?)([._-]|$)|\.(sha256|sha512|md5|asc|sig|pem|crt|minisig|intoto\.jsonl|sbom\.json|spdx\.json|spdx|cdx\.json)$/i;

export interface Skipped {
  skipped: string;
  /** The release has no pinned asset yet: the API may have it (assets are often uploaded after publishing). */
  assetsMissing?: boolean;
}

export function importableRelease(payload: ReleasePayload, delivery: string): ImportedRelease | Skipped {
  const release = payload.release;
  if (!release?.tag_name) {
    return { skipped: 'the payload has no release tag' };
  }
  if (release.draft) {
    return { skipped: `${release.tag_name} is a draft on GitHub` };
  }
  const version = release.tag_name.replace(/^[vV](?=\d)/, '');
  if (versionProblem(version)) {
    return {
      skipped: `tag "${release.tag_name}" is not a semantic version (e.g. v1.2.0 or 1.2.0-rc.1, without build metadata)`,
    };
  }
  if (release.prerelease && semver.prerelease(version) === null) {
    return {
      skipped: `${release.tag_name} is a pre-release on GitHub but ${version} has no pre-release part (e.g. ${version}-rc.1)`,
    };
  }
  const pinned = (release.assets ?? []).filter((a) => DIGEST_PATTERN.test(a.digest ?? ''));
  if (pinned.length === 0) {
    return {
      skipped: `${release.tag_name} has no release asset with a sha256 digest: an unpinned artifact cannot be reviewed`,
      assetsMissing: true,
    };
  }
  // Checksum lists, signatures and SBOMs accompany the artifact; they are not what is reviewed.
  const artifacts = pinned.filter((a) => !ACCOMPANYING.test(a.name ?? ''));
  if (artifacts.length === 0) {
    return {
      skipped: `${release.tag_name} has only checksums, signatures or SBOMs with a digest, no artifact to review`,
      assetsMissing: true,
    };
  }
  if (artifacts.length > 1) {
    const names = artifacts.map((a) => a.name ?? '?').join(', ');
    return {
      skipped: `${release.tag_name} has several assets (${names}): it is not clear which one is the artifact to review`,
    };
  }
  const asset = artifacts[0];
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
