/**
 * Forge namespaces (docs/domain.md, "Repositories and forge namespaces"): an OPERATOR maps a
 * GitHub organisation (or user) or a GitLab group to an organisation, and a service links only a
 * repository inside a namespace mapped to its owner. That is the registry's proof that the owner
 * controls the repository whose signed deliveries create its releases.
 */
import { Forge } from './organisation-kind';

export { Forge };

/** The web hosts of each forge: where a repository URL names a repository the registry acts on. */
export interface ForgeHosts {
  github: readonly string[];
  gitlab: readonly string[];
}

/** A repository on a forge, as a repositoryUrl names it; names in lower case. */
export interface ForgeRepository {
  forge: Forge;
  /** The GitHub owner, or the GitLab group path ("opencode/komfit"). */
  namespace: string;
  /** "owner/repo", "group/subgroup/project". */
  fullName: string;
}

const GITHUB_LOGIN = /^[a-z0-9](?:[a-z0-9-]{0,38})$/;
const GITLAB_SEGMENT = /^[a-z0-9_][a-z0-9_.-]*$/;
const NAME = /^[a-z0-9_.-]{1,100}$/;

/** The namespace as stored: trimmed, lower case, without surrounding slashes. */
export function normaliseNamespace(namespace: string): string {
  return namespace
    .trim()
    .toLowerCase()
    .replace(/^\/+|\/+$/g, '');
}

/** Why `namespace` (normalised) is not a namespace of `forge`, or null. */
export function namespaceProblem(forge: Forge, namespace: string): string | null {
  if (forge === Forge.GITHUB) {
    return GITHUB_LOGIN.test(namespace)
      ? null
      : 'a GitHub namespace is an organisation or user name: letters, digits and "-", at most 39 characters';
  }
  const segments = namespace.split('/');
  return namespace.length <= 255 && segments.every((segment) => GITLAB_SEGMENT.test(segment))
    ? null
    : 'a GitLab namespace is a group path such as "opencode/komfit": letters, digits, "_", "." and "-" in groups joined by "/"';
}

/**
 * The repository a URL names on a configured forge, or null (another host, or no repository):
 * `https://<github host>/<owner>/<repo>[.git][/…]` or `https://<gitlab host>/<group>[/<subgroup>…]/<project>[.git][/-/…]`.
 */
export function forgeRepositoryOf(url: string | null | undefined, hosts: ForgeHosts): ForgeRepository | null {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return null;
  }
  const host = parsed.host.toLowerCase();
  if (parsed.protocol !== 'https:') {
    return null;
  }
  const segments = parsed.pathname
    .toLowerCase()
    .split('/')
    .filter((part) => part !== '');
  if (hosts.github.includes(host)) {
    const [owner, rawRepo] = segments;
    const repo = rawRepo?.replace(/\.git$/, '');
    return owner && repo && NAME.test(owner) && NAME.test(repo) && repo !== '.' && repo !== '..'
      ? { forge: Forge.GITHUB, namespace: owner, fullName: `${owner}/${repo}` }
      : null;
  }
  if (hosts.gitlab.includes(host)) {
    // GitLab's deep links put "/-/" between the project and the rest ("/-/tree/main").
    const dash = segments.indexOf('-');
    const path = (dash === -1 ? segments : segments.slice(0, dash)).map((part, i, all) =>
      i === all.length - 1 ? part.replace(/\.git$/, '') : part,
    );
    if (path.length < 2 || !path.every((part) => GITLAB_SEGMENT.test(part))) {
      return null;
    }
    return { forge: Forge.GITLAB, namespace: path.slice(0, -1).join('/'), fullName: path.join('/') };
  }
  return null;
}

/** Whether a mapped namespace covers a repository: the same GitHub owner, or the GitLab group or one above it. */
export function covers(mapped: { forge: Forge; namespace: string }, repository: ForgeRepository): boolean {
  if (mapped.forge !== repository.forge) {
    return false;
  }
  return (
    repository.namespace === mapped.namespace ||
    (repository.forge === Forge.GITLAB && repository.namespace.startsWith(`${mapped.namespace}/`))
  );
}
