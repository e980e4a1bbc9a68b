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
  (
    'Hotel|Motel|Casino|Lounge|Store|Shop|Mall|Supermarket|Restaurant|Cafe|Café|Bakery|Pharmacy|Outlet|Design|Designs|Transport|Logistics|Cable|Consulting|Capital|Ventures|Insurance|Solutions|Dynamics|Robotics|Analytics|Aerospace|Automotive|Chemicals|Construction|Investments|Properties|Realty|Pharma|Biotech|Therapeutics|Semiconductor|Electronics|Networks|Interactive|Games|Project|Mission|Brotherhood|Sisterhood|Fellowship|Affiliation|Consortium|Syndicate|Collective|Cooperative|Caucus|Diocese|Archdiocese|Auditorium|Center|Centre|Agentur|Verlag|Stiftung|Verband|Verein|Konzern|Bundesamt|Ministerium|Gruppe|Empresa|Grupo|Banco|Compañía|Fundación|Sindicato|Agence|Groupe|Banque|Fondation|Syndicat|Compagnie|Editora|Fundação|Companhia'
  ).split('|'),
);

/** "World Health Organization (WHO)": the initials of the name's capitalised words, as written in the brackets. */
export function definesAcronym(words: readonly string[], after: string): boolean {
  const match = /^\s*\(([\p{Lu}&]{2,8})\)/u.exec(after);
  if (!match?.[1]) return false;
  const initials = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return initials === match[1].replace(/&/gu, '');
}

/** The acronym a span's text defines right after it, if any: "(WHO)" → "WHO". */
export function definedAcronym(after: string): string | null {
  return /^\s*\(([\p{Lu}&]{2,8})\)/u.exec(after)?.[1] ?? null;
}
