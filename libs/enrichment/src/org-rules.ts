/**
 * Organisations no list knows, read from their structure: the head word a name ends in, an acronym the text
 * defines for it, the plural team name after "the". Every check is a set lookup or a bounded look at the text
 * right after a span.
 */

/**
 * Last words that make a capitalised name a business, institution or venue run as one ("Cesaroni Design",
 * "Mark Hopkins Hotel", "Fairmont Mall"). Only as the last word: inside a name they are often ordinary words.
 */
export const ORG_HEADS = new Set(
  'Hotel|Motel|Water|Utilities|Casino|Lounge|Store|Shop|Mall|Supermarket|Restaurant|Cafe|Café|Bakery|Pharmacy|Outlet|Design|Designs|Transport|Logistics|Cable|Consulting|Capital|Ventures|Insurance|Solutions|Dynamics|Robotics|Analytics|Aerospace|Automotive|Chemicals|Construction|Investments|Properties|Realty|Pharma|Biotech|Therapeutics|Semiconductor|Electronics|Networks|Interactive|Games|Project|Mission|Brotherhood|Sisterhood|Fellowship|Affiliation|Consortium|Syndicate|Collective|Cooperative|Caucus|Diocese|Archdiocese|Auditorium|Center|Centre|Agentur|Verlag|Stiftung|Verband|Verein|Konzern|Bundesamt|Ministerium|Gruppe|Empresa|Grupo|Banco|Compañía|Fundación|Sindicato|Agence|Groupe|Banque|Fondation|Syndicat|Compagnie|Editora|Fundação|Companhia'.split(
    '|',
  ),
);

/** "World Health Organization (WHO)": the initials of the name's capitalised words, as written in the brackets. */
export function definesAcronym(words: readonly string[], after: string): boolean {
  const match = /^\s*\(([\p{Lu}&]{2,8})\)/u.exec(after);
  if (!match?.[1]) return false;
  const initials = words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  return initials === match[1].replace(/&/gu, '');
}

/** The acronym a span's text defines right after it, if any: "(WHO)" → "WHO". */
export function definedAcronym(after: string): string | null {
  return /^\s*\(([\p{Lu}&]{2,8})\)/u.exec(after)?.[1] ?? null;
}

/** Common nouns that say what kind of organisation a name is, in a definition or apposition right after it. */
const ORG_NOUNS =
  'company|corporation|firm|manufacturer|maker|producer|retailer|brand|chain|band|label|club|network|station|broadcaster|newspaper|magazine|publisher|developer|distributor|airline|carrier|bank|agency|startup|start-up|subsidiary|conglomerate|insurer|lender|automaker|carmaker|supermarket|franchise|organization|organisation|charity|foundation|nonprofit|non-profit|university|college|party|union|association|league|ministry|duo|trio|quartet|orchestra|choir|ensemble|cooperative|consortium|operator|provider|supplier|website|hotel|restaurant|casino|nightclub|store|studio|empresa|compañía|marca|banda|grupo|entreprise|société|marque|groupe|Unternehmen|Firma|Konzern|Hersteller|Marke|Verlag|Verein|empresa|marca|banda';

/**
 * "Caloi is a Brazilian bicycle manufacturer", "Acme, a Texas-based retailer": the text defines the name as an
 * organisation. Read on the (bounded) text right after the span; up to four words may qualify the noun, none a preposition ("a member of the band" is a person).
 */
const DEFINED_AS_ORG_RE = new RegExp(
  String.raw`^(?:['’]s)?(?:\s+(?:is|was|are|were|became|remains|es|fue|est|était|ist|war|é|foi)\s+)(?:a|an|the|one of the|un|una|une|el|la|le|ein|eine|der|die|das|um|uma|o)\s+(?:(?!(?:of|in|for|with|at|on|de|en|für|von|bei)\s)[\p{L}\d-]+\s+){0,4}?(?:${ORG_NOUNS})(?![\p{L}])`,
  'iu',
);

export function definedAsOrganisation(after: string): boolean {
  return DEFINED_AS_ORG_RE.test(after);
}
