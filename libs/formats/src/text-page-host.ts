/**
 * The page address's host as a witness for the publication's name. A name the page prints (banner, copyright
 * line, masthead) is the publication's when it spells the host ("El Nuevo Día" / elnuevodia.com, "Motorsport-
 * Magazin.com" / motorsport-magazin.com) or its initials do ("Deutscher Handball Bund" / dhb.de). A name that
 * does neither is often the publisher's parent company or a menu word ("Example Media Group", "Subscribe");
 * then a line spelling the host, or the host itself, names the publication better.
 */

/** Second-level labels under a country code ("example.co.uk", "example.com.br"): the name is one label up. */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'gob', 'ac', 'edu', 'or', 'ne', 'go']);
/** Hosting platforms: the site's name is the label before theirs ("harbourwalks.wordpress.com"). */
const PLATFORM_LABELS = new Set(['wordpress', 'blogspot', 'tumblr', 'substack', 'wixsite', 'github', 'medium']);
/**
 * Feed and link redirectors: the address a reader followed, not the publication's ("feedproxy.google.com/~r/…").
 */
const REDIRECT_HOSTS = new Set(['feedproxy.google.com', 'feeds.feedburner.com', 'feedburner.google.com']);
/** Host labels that are not a name ("www", "m", "amp", language editions). */
const SERVICE_LABEL_RE = /^(?:www\d?|m|mobile|amp|edition|beta)$/u;

/**
 * Lower-case, without accents, spaces or punctuation, umlauts and their ae/oe/ue spellings alike ("El Nuevo Día"
 * → "elnuevodia", "Kräuter Löwe" and "kraeuter-loewe" → "krauterlowe").
 */
export function foldedKey(text: string): string {
  const lower = text.toLowerCase();
  // ASCII (most lines): keep the letters and digits in one pass, without the Unicode regexes.
  if (!NOT_ASCII_RE.test(lower)) {
    let key = '';
    let from = -1;
    for (let i = 0; i <= lower.length; i++) {
      const code = i < lower.length ? lower.charCodeAt(i) : 0;
      const kept = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
      if (kept && from < 0) from = i;
      else if (!kept && from >= 0) {
        key += lower.slice(from, i);
        from = -1;
      }
    }
    return key.includes('e') ? foldUmlautSpellings(key) : key;
  }
  return foldUmlautSpellings(foldLetters(text).replace(NOT_LETTER_RE, ''));
}

const NOT_LETTER_RE = /[^\p{L}\p{N}]/gu;
const NOT_ASCII_RE = /[^ -~]/u;
const UMLAUT_SPELLING_RE = /([uoa])e/gu;

/** Lower case without accents ("Grüße" → "grusse"); ASCII text skips the Unicode passes. */
export function foldLetters(text: string): string {
  const lower = text.toLowerCase();
  if (!NOT_ASCII_RE.test(lower)) return lower;
  return lower.replace(/ß/gu, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
}

/** "ue", "oe", "ae" as the letters they spell out ("grusse" stays, "gruesse" → "grusse"). */
export function foldUmlautSpellings(key: string): string {
  return key.replace(UMLAUT_SPELLING_RE, '$1');
}

export interface PageHost {
  /** The host without "www." ("tennis-weekly.example.com"). */
  host: string;
  /** The label that names the site, folded ("tennisweekly"). */
  label: string;
  /** A blogging platform's host ("harbourwalks.wordpress.com"): the label is an account's name, not the blog's. */
  platform?: true;
}

/** The host of an address and its naming label; null without a usable host (IP addresses, no dot). */
export function pageHost(url: string | null | undefined): PageHost | null {
  const address = archivedAddress(url);
  if (!address) return null;
  let hostname: string;
  try {
    hostname = new URL(address).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (!hostname.includes('.') || /^[\d.]+$/u.test(hostname) || hostname.includes(':')) return null;
  if (REDIRECT_HOSTS.has(hostname)) return null;
  const labels = hostname.split('.');
  while (labels.length > 2 && SERVICE_LABEL_RE.test(labels[0] ?? '')) labels.shift();
  const n = labels.length;
  let at = n >= 3 && SECOND_LEVEL.has(labels[n - 2] ?? '') ? n - 3 : Math.max(0, n - 2);
  const platform = at > 0 && PLATFORM_LABELS.has(labels[at] ?? '');
  if (platform) at -= 1;
  const named = labels[at];
  const label = foldedKey(named ?? '');
  if (label.length < 2) return null;
  return platform ? { host: labels.join('.'), label, platform } : { host: labels.join('.'), label };
}

/** The name spells the host's label, the label spells the name, or the label abbreviates the name. */
export function nameFitsHost(name: string, host: PageHost): boolean {
  const key = foldedKey(name);
  if (key.length < 2) return false;
  if (key.includes(host.label) || (key.length >= 3 && host.label.includes(key))) return true;
  return abbreviates(host.label, name);
}

/** Words a host may leave out of a name ("The New York Times" → nytimes). */
const SKIPPABLE_WORDS = new Set([
  'the',
  'of',
  'and',
  'for',
  'de',
  'del',
  'la',
  'le',
  'el',
  'der',
  'die',
  'das',
  'des',
  'du',
  'di',
  'da',
  'und',
  'y',
  'et',
  '&',
]);
/** Longer names or labels are not compared letter by letter. */
const MAX_ABBREVIATED_WORDS = 8;
const MAX_LABEL_CHARS = 40;

/**
 * The label is made of a leading part of every word of the name, in order, at least two words spelling part of it
 * ("nytimes" ← New York Times, "ksta" ← Kölner Stadt-Anzeiger, "dhb" ← Deutscher Handball-Bund, "lemonde" ← Le
 * Monde); articles, particles and lower-case words ("e.V.") may be left out. Bounded: at most 8 words and a 40-letter label.
 */
export function abbreviates(label: string, name: string): boolean {
  if (!label || label.length > MAX_LABEL_CHARS) return false;
  const parts = name
    .split(/[\s\-–—/]+/u)
    .map((w) => ({ key: foldedKey(w), skippable: SKIPPABLE_WORDS.has(w.toLowerCase()) || /^\p{Ll}/u.test(w) }))
    .filter((w) => w.key);
  if (parts.length < 2 || parts.length > MAX_ABBREVIATED_WORDS) return false;
  // Quick rejections: the label starts with a letter of a word up to the first one that must be spelt, and every
  // word that must be spelt gives it at least one letter.
  const firstRequired = parts.findIndex((p) => !p.skippable);
  if (!parts.slice(0, firstRequired < 0 ? parts.length : firstRequired + 1).some((p) => p.key[0] === label[0]))
    return false;
  if (parts.filter((p) => !p.skippable).length > label.length) return false;
  // reach[j] bit u: the label's first j letters are spelt by the words so far, u of them (capped at 2) spelling some.
  let reach = new Uint8Array(label.length + 1);
  reach[0] = 1;
  for (const part of parts) {
    const next = new Uint8Array(label.length + 1);
    for (let j = 0; j <= label.length; j++) {
      const here = reach[j]!;
      if (!here) continue;
      if (part.skippable) next[j]! |= here;
      // Spelling part of this word moves every state up one word (bit 0 → 1, 1 → 2, 2 stays 2).
      const moved = (here & 1 ? 2 : 0) | (here & 6 ? 4 : 0);
      for (let k = 1; k <= part.key.length && j + k <= label.length; k++) {
        if (label[j + k - 1] !== part.key[k - 1]) break;
        next[j + k]! |= moved;
      }
    }
    reach = next;
  }
  return (reach[label.length]! & 4) !== 0;
}

/** Web-archive copies carry the original address in their path ("…/web/20131110121040/http://example.org/a"). */
const ARCHIVED_RE = /^https?:\/\/web\.archive\.org\/web\/[^/]*\/(https?:\/\/.+)$/iu;

/** The address a page was first published at: an archive copy's original, else the address itself. */
export function archivedAddress(url: string | null | undefined): string | null {
  if (!url) return null;
  const archived = ARCHIVED_RE.exec(url);
  return archived?.[1] ?? url;
}

/** "/2026/05/04/", "/2026-05-04-slug", "/2026/5/4/": a publication date in the path. */
const PATH_DATE_RE = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)/u;
/** "/2026/05/": a year and month in the path (archives by month). */
const PATH_MONTH_RE = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//u;

export interface AddressDate {
  /** YYYY-MM-DD when the path has a full date, else YYYY-MM. */
  date: string;
  full: boolean;
}

/** The date a page address carries in its path (sites file articles under their publication day or month). */
export function addressDate(url: string | null | undefined): AddressDate | null {
  const address = archivedAddress(url);
  if (!address) return null;
  let path: string;
  try {
    path = new URL(address).pathname;
  } catch {
    return null;
  }
  const day = PATH_DATE_RE.exec(path);
  if (day) {
    const [, y, m, d] = day;
    const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    // A calendar date only ("2026-02-30" is a slug number, not a day).
    return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? { date: iso, full: true } : null;
  }
  const month = PATH_MONTH_RE.exec(path);
  return month ? { date: `${month[1]}-${month[2]}`, full: false } : null;
}
