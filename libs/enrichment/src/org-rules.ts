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
  'Brewing|Breweries|Shipping|Fisheries|Textiles|Timber|Metals|Minerals|Resources|Materials|Plastics|Cement|Farms|Dairy|Beverages|Brands|Apparel|Cosmetics|Shipyards|Freight|Telecommunications|Research|Economics|Intelligence|Advisors|Advisers|Advisory|Consultants|Securities|Hotel|Motel|Water|Utilities|Casino|Lounge|Store|Shop|Mall|Supermarket|Restaurant|Cafe|Café|Bakery|Pharmacy|Outlet|Design|Designs|Transport|Logistics|Cable|Consulting|Capital|Ventures|Insurance|Solutions|Dynamics|Robotics|Analytics|Aerospace|Automotive|Chemicals|Construction|Investments|Properties|Realty|Pharma|Biotech|Therapeutics|Semiconductor|Electronics|Networks|Interactive|Games|Project|Mission|Brotherhood|Sisterhood|Fellowship|Affiliation|Consortium|Syndicate|Collective|Cooperative|Caucus|Diocese|Archdiocese|Auditorium|Center|Centre|Agentur|Verlag|Stiftung|Verband|Verein|Konzern|Bundesamt|Ministerium|Gruppe|Empresa|Grupo|Banco|Compañía|Fundación|Sindicato|Agence|Groupe|Banque|Fondation|Syndicat|Compagnie|Editora|Fundação|Companhia'.split(
    '|',
  ),
);

/**
 * First words of institutions' names in the languages that capitalise only the first word ("Fédération
 * départementale des …", "Câmara Municipal de Moura", "Verband der Automobilindustrie"). Words English names also
 * open with ("Union Station", "Office Depot") are left to the keyword lists.
 */
export const INSTITUTION_LEADS = new Set(
  'Fédération|Confédération|Chambre|Syndicat|Conseil|Ministère|Agence|Caisse|Banque|Société|Compagnie|Institut|Comité|Cour|Tribunal|Mutuelle|Coopérative|Université|École|Observatoire|Mairie|Préfecture|Assemblée|Câmara|Assembleia|Cámara|Federación|Federação|Federazione|Associação|Asociación|Associazione|Confederación|Confederação|Confederazione|Sindicato|Sindacato|Ministerio|Ministério|Ministero|Consejo|Conselho|Consiglio|Agencia|Agência|Agenzia|Comisión|Comissão|Commissione|Comitê|Comitato|Instituto|Istituto|Universidad|Universidade|Università|Ayuntamiento|Junta|Diputación|Prefeitura|Comune|Banco|Banca|Caixa|Caja|Cassa|Companhia|Compañía|Compagnia|Sociedad|Sociedade|Società|Fundación|Fundação|Fondazione|Fondation|Tribunale|Autoridad|Autoridade|Autorità|Autorité|Partido|Parti|Partito|Verband|Ministerium|Kammer|Stiftung|Gewerkschaft|Partei'.split(
    '|',
  ),
);

/** German compounds that open an institution's name: "Bundesverband der …", "Landesamt für …". */
const GERMAN_INSTITUTION_RE =
  /\p{Ll}(?:verband|ministerium|kammer|amt|gericht|behörde|partei|gewerkschaft|stiftung|agentur)$/u;

/** Whether a word opens an institution's name; German compounds ("Bundesverband") only in German text. */
export function opensInstitution(word: string, german = false): boolean {
  return INSTITUTION_LEADS.has(word) || (german && GERMAN_INSTITUTION_RE.test(word));
}

/**
 * Adjective endings (fr/es/pt/it) that may follow an institution's first word: "départementale", "agricoles". Endings
 * shared with common verbs ("appelle", "indique", "explica", "active") are left out.
 */
const ADJECTIVE_RE =
  /^\p{Ll}{2,}(?:al|ales|ale|aux|el|els|nelle|nelles|relle|relles|uelle|uelles|tiques?|miques?|niques?|fiques?|bliques?|oliques?|ier|iers|ière|ières|ien|iens|ienne|iennes|éen|éens|éenne|éennes|aire|aires|ais|aise|aises|ois|oise|oises|tif|tifs|tive|tives|sif|sive|sives|cole|coles|ícola|ícolas|ñol|ñola|ñoles|ñolas|nhol|nhola|nholas|ano|anos|ana|anas|eiro|eiros|eira|eiras|ense|enses|ista|istas|ário|ários|ária|árias|ario|arios|aria|arias|tivo|tivos|tiva|tivas|sivo|siva|ese|esi|ês|eses|esa|esas|ável|áveis|ível|íveis|ile|ili)$/u;
/**
 * "pública", "económico", "técnica": es/pt adjectives in -ico/-ica carry a written accent, the verbs that end so
 * ("indica", "explica", "publica") do not.
 */
const ACCENTED_ADJECTIVE_RE = /^\p{Ll}{2,}ic[oa]s?$/u;
const ACCENT_RE = /[áéíóúâêô]/u;
const NAME_CONNECTORS = new Set([
  'de',
  'des',
  'du',
  'del',
  'della',
  'delle',
  'dei',
  'degli',
  'di',
  'da',
  'do',
  'dos',
  'das',
]);
const ARTICLES = new Set(['la', 'le', 'les', 'el', 'los', 'las', 'lo', 'il', 'a', 'o', 'os', 'as']);
/** "d'exploitants", "l'Intérieur", "dell'Economia": an elided connector or article joined to the word. */
const ELIDED_RE = /^(?:d|l|dell|all|nell|dall)['’]\p{L}/u;

/**
 * How many lower-case words after an institution's first word still belong to its name: adjectives, and
 * connector + (article +) noun groups, ending on a noun or adjective ("Fédération départementale des syndicats
 * d'exploitants agricoles"). Capitalised words after a connector belong too ("Chambre d'agriculture des Pays de la
 * Loire"). At most `limit` words, so a long lower-case sentence is never walked.
 */
export function institutionTail(words: readonly string[], limit = 10): number {
  let taken = 0;
  let k = 0;
  while (k < words.length && k < limit) {
    const word = words[k] ?? '';
    if (ADJECTIVE_RE.test(word) || (ACCENTED_ADJECTIVE_RE.test(word) && ACCENT_RE.test(word)) || ELIDED_RE.test(word)) {
      taken = ++k;
      continue;
    }
    if (!NAME_CONNECTORS.has(word)) break;
    let n = k + 1;
    if (ARTICLES.has(words[n] ?? '')) n++;
    const noun = words[n] ?? '';
    if (!/^\p{L}[\p{L}-]{2,}$/u.test(noun) && !ELIDED_RE.test(noun)) break;
    k = n + 1;
    taken = k;
  }
  return taken;
}

/** "World Health Organization (WHO)": the initials of the name's capitalised words, as written in the brackets. */
export function definesAcronym(words: readonly string[], after: string): boolean {
  const match = /^\s*\(([\p{Lu}&]{2,8})\)/u.exec(after);
  if (!match?.[1]) return false;
  const acronym = match[1].replace(/&/gu, '');
  const initials = words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  if (initials === acronym) return true;
  // "Fédération départementale des syndicats d'exploitants agricoles (FDSEA)": every content word's initial.
  const contentInitials = words
    .filter((w) => !NAME_CONNECTORS.has(w) && !ARTICLES.has(w))
    .map((w) => (ELIDED_RE.test(w) ? w.replace(/^[^'’]*['’]/u, '') : w)[0] ?? '')
    .join('')
    .toUpperCase();
  return contentInitials === acronym;
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
