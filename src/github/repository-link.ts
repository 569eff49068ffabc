/** A GitHub repository as the API names it: owner and name, compared case-insensitively. */
export interface RepositoryRef {
  owner: string;
  repo: string;
  /** "owner/repo" in lower case: how deliveries, issues and services are matched. */
  fullName: string;
}

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * The repository a service's `repositoryUrl` links to, or null: `https://github.com/<owner>/<repo>`
 * (optionally ending in `.git` or `/`), or the same on one of the configured Enterprise web hosts.
 * A deeper path (`/tree/main`, a sub-folder of a monorepo) still names the repository.
 */
export function repositoryOf(
  url: string | null | undefined,
  webHosts: readonly string[],
): RepositoryRef | null {
  if (!url) {
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !webHosts.includes(parsed.host.toLowerCase())) {
    return null;
  }
  const [owner, rawRepo] = parsed.pathname.split('/').filter((part) => part !== '');
  const repo = rawRepo?.replace(/\.git$/, '');
  if (!owner || !repo || !NAME.test(owner) || !NAME.test(repo) || repo === '.' || repo === '..') {
    return null;
  }
  return { owner, repo, fullName: `${owner}/${repo}`.toLowerCase() };
}

/** The repository of a webhook payload's `full_name`. */
export function repositoryFromFullName(fullName: string | null | undefined): RepositoryRef | null {
  const [owner, repo, extra] = (fullName ?? '').split('/');
  if (!owner || !repo || extra !== undefined || !NAME.test(owner) || !NAME.test(repo)) {
    return null;
  }
  return { owner, repo, fullName: `${owner}/${repo}`.toLowerCase() };
}
