import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import {
  ChangeType,
  InterfaceDirection,
  VersionBump,
  type ChangeEntry,
  type InterfaceUse,
} from './release-enums';
import type { Impact } from './release.rules';

/**
 * The Atom feed of a service's releases (`GET /services/:slug/releases.atom`, docs/architecture.md,
 * "The releases' Atom feed"): one entry per publication and one per deprecation, newest first.
 * Pure: the controller reads the facts, this file turns them into Atom with the `feed` package.
 * Only what anyone may read goes in; the caller passes PUBLISHED releases only.
 */

/** At most this many entries: a feed reader wants the news, the console has the history. */
export const FEED_ENTRIES = 100;

/** What the feed says about the service. */
export interface FeedService {
  slug: string;
  name: string;
  summary: string;
  /** The owner's name: the feed's author (Atom requires one). */
  ownerName: string;
  /** The feed's `updated` when there is no entry. */
  updatedAt: Date;
}

/** What the feed says about one PUBLISHED release; `impact` is null when it is not known. */
export interface FeedRelease {
  id: string;
  version: string;
  publishedAt: Date;
  notes: string | null;
  changes: ChangeEntry[];
  deprecation: { reason: string; at: string } | null;
  impact: Pick<Impact, 'bump' | 'breaking' | 'added' | 'removed'> | null;
}

/** One entry before it is Atom: `html` is the entry's content (type="html"), already escaped. */
export interface FeedEntry {
  id: string;
  title: string;
  link: string;
  date: Date;
  html: string;
}

const CHANGE_DE: Record<ChangeType, string> = {
  ADDED: 'Neu',
  CHANGED: 'Geändert',
  FIXED: 'Behoben',
  REMOVED: 'Entfernt',
  SECURITY: 'Sicherheit',
  LEGAL: 'Rechtsänderung',
  BREAKING: 'Inkompatible Änderung',
};

const BUMP_DE: Record<VersionBump, string> = {
  INITIAL: 'Erste Version',
  MAJOR: 'Hauptversion (inkompatibel)',
  MINOR: 'Nebenversion (neue Funktionen)',
  PATCH: 'Fehlerbehebung',
  PRERELEASE: 'Vorabversion',
};

const DIRECTION_DE: Record<InterfaceDirection, string> = {
  PROVIDES: 'stellt bereit',
  CONSUMES: 'nutzt',
};

/** The feed's own address: its Atom id and its rel="self" link. */
export function feedUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/services/${encodeURIComponent(slug)}/releases.atom`;
}

/** The service's page in the console: the feed's rel="alternate" link. */
export function servicePageUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/leistungen/${encodeURIComponent(slug)}`;
}

/** The release's page in the console: where each entry links to. */
export function releasePageUrl(publicUrl: string, slug: string, version: string): string {
  return `${servicePageUrl(publicUrl, slug)}/versionen/${encodeURIComponent(version)}`;
}

/**
 * The feed's entries: each release's publication and, if it has one, its deprecation; newest
 * first (ties by id, so the order is stable), at most FEED_ENTRIES.
 */
export function feedEntries(
  service: FeedService,
  releases: readonly FeedRelease[],
  publicUrl: string,
): FeedEntry[] {
  const entries = releases.flatMap((release) => {
    const link = releasePageUrl(publicUrl, service.slug, release.version);
    const published: FeedEntry = {
      id: `urn:uuid:${release.id}`,
      title: `${service.name} ${release.version}`,
      link,
      date: release.publishedAt,
      html: publicationHtml(release),
    };
    if (!release.deprecation) {
      return [published];
    }
    const deprecated: FeedEntry = {
      id: `urn:uuid:${nameBasedUuid(release.id, 'deprecation')}`,
      title: `${service.name} ${release.version} abgekündigt`,
      link,
      date: new Date(release.deprecation.at),
      html: deprecationHtml(release.version, release.deprecation.reason),
    };
    return [published, deprecated];
  });
  entries.sort((a, b) => b.date.getTime() - a.date.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return entries.slice(0, FEED_ENTRIES);
}

/**
 * The Atom document (RFC 4287) of the service's releases. Its id is its own URL, `updated` the
 * newest entry's date (the service's last change when there is none), so the same facts always
 * give the same bytes (the controller's ETag relies on it).
 */
export function buildReleaseFeed(
  service: FeedService,
  releases: readonly FeedRelease[],
  publicUrl: string,
): string {
  const entries = feedEntries(service, releases, publicUrl);
  const self = feedUrl(publicUrl, service.slug);
  const feed = new Feed({
    id: self,
    title: `${service.name}: Versionen`,
    description: service.summary,
    updated: entries[0]?.date ?? service.updatedAt,
    generator: 'Nachnutzungsregister',
    // The package writes `language` into RSS only; the controller says Content-Language: de.
    language: 'de',
    feed: self,
    link: servicePageUrl(publicUrl, service.slug),
    author: { name: service.ownerName },
    // No <rights>: the package skips an empty statement, and the registry makes none.
    copyright: '',
  });
  for (const entry of entries) {
    feed.addItem({
      id: entry.id,
      // The package writes titles as type="html".
      title: escapeHtml(entry.title),
      link: entry.link,
      date: entry.date,
      published: entry.date,
      content: entry.html,
    });
  }
  return withoutNonXmlCharacters(feed.atom1());
}

/** The publication entry's content: the notes, the changes, and the interface impact. */
function publicationHtml(release: FeedRelease): string {
  const parts: string[] = [];
  for (const paragraph of (release.notes ?? '').split(/\n\s*\n/)) {
    if (paragraph.trim()) {
      parts.push(`<p>${escapeHtml(paragraph.trim())}</p>`);
    }
  }
  if (release.changes.length > 0) {
    const items = release.changes.map(
      (change) => `<li>${escapeHtml(`${CHANGE_DE[change.type] ?? change.type}: ${change.description}`)}</li>`,
    );
    parts.push(`<ul>${items.join('')}</ul>`);
  }
  if (release.impact) {
    parts.push(`<p>${escapeHtml(impactText(release.impact))}</p>`);
  }
  return parts.length > 0
    ? parts.join('\n')
    : `<p>${escapeHtml(`Version ${release.version} ist veröffentlicht.`)}</p>`;
}

/** "Nebenversion (neue Funktionen). Neue Schnittstellen: xbau 2.3 (nutzt)." */
function impactText(impact: NonNullable<FeedRelease['impact']>): string {
  const sentences = [BUMP_DE[impact.bump] ?? impact.bump];
  if (impact.breaking && impact.bump !== VersionBump.MAJOR) {
    sentences.push('Enthält inkompatible Änderungen');
  }
  if (impact.added.length > 0) {
    sentences.push(`Neue Schnittstellen: ${impact.added.map(interfaceText).join(', ')}`);
  }
  if (impact.removed.length > 0) {
    sentences.push(`Entfallene Schnittstellen: ${impact.removed.map(interfaceText).join(', ')}`);
  }
  return `${sentences.join('. ')}.`;
}

function interfaceText(use: InterfaceUse): string {
  return `${use.standard} ${use.version} (${DIRECTION_DE[use.direction] ?? use.direction})`;
}

/** The deprecation entry's content: what it means, and why. */
function deprecationHtml(version: string, reason: string): string {
  return [
    `<p>${escapeHtml(`Version ${version} ist abgekündigt: sie wird keiner Kommune mehr als Zielversion angeboten.`)}</p>`,
    `<p>${escapeHtml(`Grund: ${reason}`)}</p>`,
  ].join('\n');
}

/**
 * Text for an HTML context. Also keeps the package's CDATA sections whole: it breaks up only the
 * first "]]>" of a text, and escaped text has none.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Drops the characters XML 1.0 cannot carry at all, not even escaped (control characters other
 * than tab and line breaks, U+FFFE, U+FFFF, lone surrogates): the database stores them, and one
 * of them in a release note would make the whole feed unreadable.
 */
export function withoutNonXmlCharacters(xml: string): string {
  return xml.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/**
 * A name-based UUID (RFC 9562, version 5: SHA-1 of the namespace's bytes and the name). The
 * deprecation entry needs an id of its own that never changes: derived from the release's id, it
 * is a valid `urn:uuid:` like the publication's and needs nothing stored.
 */
export function nameBasedUuid(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
