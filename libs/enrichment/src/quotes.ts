import type { Quote } from '@wirestream/contracts';
import type { EntityResult, PersonMention } from './entities';
import { FIRST_NAMES, TITLES } from './gazetteer';
import { quoteSpans, type QuoteSpan } from './quote-spans';
import { execArray, execSlot, WordList, type SlotPattern } from './word-slots';

/** Shorter quoted spans are scare quotes or fragments (“barbaric”), not statements… */
const MIN_QUOTE_WORDS = 8;
/** …unless a speech verb sits right beside them (“I wasn't prepared for that,” Harry said). */
const MIN_ATTRIBUTED_QUOTE_WORDS = 4;
/** Characters either side of a quote searched for its speaker (bounds every attribution regex's input). */
const ATTRIBUTION_WINDOW = 160;
/** Characters before a quote searched for the clause that introduces it (a name, its role, a colon). */
const CLAUSE_WINDOW = 400;
/** Distinct surnames per article looked up as a full name elsewhere in it (each lookup reads the article once). */
const MAX_SURNAME_LOOKUPS = 24;
/** Characters of a quote's own text searched for an inserted attribution (« …, explique X, … »). */
const INCISE_WINDOW = 320;

/** A capitalised name of up to five words; a dot only ends a short word (Dr., C.) or "Prof.", so no name runs into the next sentence. */
const NAME_WORD = String.raw`\p{Lu}(?:[\p{L}'’-]{0,2}\.|(?<=P)rof\.|[\p{L}'’-]*)`;
const NAME = String.raw`(${NAME_WORD}(?:\s+(?:(?:de|da|do|dos|del|van|bin|al)\s+)?(?:d['’])?${NAME_WORD}){0,4})`;
/** Speech verbs of en/es/fr/de/pt/it, `|`-separated (each matches only before a non-letter, see SPEECH_VERBS). */
const VERB_WORDS = [
  'said|says|claimed|claims|maintained|urged|vowed|quipped|joked|insists|warns|argues|notes|recalls|admits|say|told|tells|added|adds|wrote|writes|explained|explains|insisted|warned|argued|stated|continued|replied|asked|tweeted|posted|noted|recalled|admitted|acknowledged|declared|announced|observed|suggested|agreed|conceded|cautioned|stressed|emphasized|emphasised|testified|responded|countered|complained|remembered|recounted|predicted|reported|pointed out|points out|put it|puts it|promised|promises|went on|goes on|concluded|concludes|commented|comments|remarked|remarks|lamented|laments|boasted|pleaded|demanded|confirmed|confirms|reflected|reflects|wondered|acknowledges|concedes|elaborated|shouted|exclaimed|whispered|sighed|scoffed|queried|inquired',
  'dijo|dice|puntualizó|remarcó|recordó|mencionó|detalló|aclaró|reiteró|sentenció|opinó|consideró|estimó|sostiene|advierte|reconoce|admitió|denunció|criticó|resaltó|confirmó|adelantó|argumentó|alertó|subraya|agrega|añade|señalaron|dijeron|afirmaron|afirmó|afirma|declaró|aseguró|asegura|añadió|agregó|explicó|explica|señaló|señala|indicó|sostuvo|precisó|advirtió|manifestó|comentó|expresó|subrayó|destacó|aseveró|apuntó|lamentó|lanzó|acotó|recalcó|enfatizó|reconoció|insistió|exigió|planteó|respondió|concluyó|relató|contó|expuso|corroboró|proclamó|responde|remató|ha dicho|ha declarado|ha añadido|ha señalado|ha explicado|ha asegurado|ha afirmado|ha indicado|ha subrayado|ha destacado|ha manifestado|ha apuntado|ha reconocido|ha advertido|ha comentado|ha precisado|ha insistido|ha recordado|ha lamentado|ha agregado|ha concluido|ha sostenido|ha defendido|ha criticado|ha respondido|ha contado|ha considerado|complementó|narró|cuestionó|reflexionó|ironizó|agregaron|explicaron|indicaron|sostuvieron|aseguraron|declararon|matizó|anunció|defendió|prometió|avisó|valoró|confesó|reprochó|zanjó|insiste|matiza|defiende|decía|explicaba|comentaba|aseguraba|contaba|relataba|reconocía|señalaba|insistía|afirmaba|añadía|recordaba|apuntaba|lamentaba|advertía|sostenía|replicó|replica|ha replicado|contestó|contesta|ha contestado|espetó|rebatió|se expresó|se pronunció|se explayó|se lamentó|se lamenta|se quejó|se queja|se sinceró|se sincera|se justificó|se defendió|se preguntó|se pregunta|cuenta|relata|recuerda|apunta|lamenta|comenta|destaca|concluye|precisa|detalla|opina|considera|critica|denuncia|indica|aclara|confiesa|admite|expresa|valora|resume|reflexiona|ha avisado|ha prometido|ha anunciado|ha matizado|ha sentenciado|ha reiterado|ha denunciado|ha valorado|ha confesado|ha zanjado|ha relatado|ha remarcado|ha aclarado|ha puntualizado|ha detallado|ha expresado|ha confirmado|manifiesta|recalca|puntualiza|enfatiza|remarca|reitera|asevera|menciona|informó|reveló|refirió|resumió|ratificó|ratifica|graficó|sintetizó|plantea|describe|grafica|sintetiza|resalta|celebra|agradece|analiza|reclama|exige|justifica|ironiza|bromea|anticipa|revela|retruca|acota|sugiere|concede|garantiza|anuncia|bromeó|retrucó|ejemplificó|describió|anticipó|celebró|agradeció|reclamó|pidió|justificó|sugirió|definió|evaluó|analizó|garantizó|concedió|deslizó|arriesgó|aventuró|completó|disparó|preguntó|inquirió|se cuestionó|escribió|escribe|ha escrito|tuiteó|publicó|ha publicado|observó|exclamó|reafirmó|manifestaron|expresaron|destacaron|subrayaron|advirtieron|sentencia|dispara|remata|continúa|prosigue|cuestiona|narra|completa',
  "a déclaré|a dit|a réagi|réagit|a répondu|a averti|a prévenu|a insisté|a noté|a admis|a jugé|a déploré|a dénoncé|a regretté|a commenté|a martelé|a témoigné|note|avertit|admet|juge|déplore|dénonce|détaille|répond|analyse|a expliqué|a affirmé|a ajouté|a souligné|a assuré|a précisé|a estimé|a indiqué|a lancé|a confié|a raconté|dit|déclare|explique|affirme|ajoute|souligne|assure|précise|poursuit|estime|insiste|confie|raconte|indique|rappelle|lance|martèle|assène|observe|reconnaît|résume|tranche|commente|prévient|regrette|conclut|conseille|plaide|pointe|s’étonne|s'étonne|glisse|soupire|lâche|ironise|témoigne|s’exclame|s'exclame|s’agace|s'agace|s’inquiète|s'inquiète|a glissé|a lâché|a reconnu|a rappelé|a poursuivi|a conclu|a annoncé|annonce|a rétorqué|rétorque|a renchéri|renchérit|a fustigé|fustige|a confirmé|confirme|a promis|promet|a tranché|a résumé|a ironisé|a nuancé|nuance|a plaidé|s’insurge|s'insurge|s’indigne|s'indigne|se félicite|se réjouit|se désole|s’est félicité|s'est félicité|s’est félicitée|s'est félicitée|s’est indigné|s'est indigné|s’est indignée|s'est indignée|s’interroge|s'interroge|relève|a relevé|signale|a signalé|soutient|a soutenu|défend|a défendu|tempère|a tempéré|justifie|a justifié|rassure|a rassuré|constate|a constaté|fait savoir|a fait savoir|fait valoir|a fait valoir|reprend|a repris|enchaîne|a enchaîné|avoue|a avoué|répète|a répété|a demandé|interroge|a interrogé|décrit|a décrit|écrit|a écrit",
  'sagte|sagt|entgegnete|versicherte|beteuerte|mahnte|betonten|erklärten|äußerte|sagten|erklärte|erklärt|betonte|betont|meinte|meint|ergänzte|ergänzt|berichtete|berichtet|warnte|warnt|schreibt|schrieb|erzählt|erzählte|kritisierte|kritisiert|forderte|fordert|bestätigte|bestätigt|begründete|begründet|bekräftigte|unterstrich|findet|fand|glaubt|räumte|schildert|schilderte|antwortete|antwortet|verriet|mahnt|resümiert|resümierte|fügte|sagen|erläutert|erläuterte|führte|führt|bilanziert|bilanzierte|kündigte|versprach|verspricht|teilte|stellte|kündigt|teilt|stellt|räumt|unterstreicht|bekräftigt|beklagt|beklagte|versichert|gesteht|gestand|lobt|lobte|erinnert|erinnerte|fragt|fragte|argumentiert|argumentierte|hofft|hoffte|urteilt|urteilte|appelliert|appellierte|beteuert|entgegnet|wirft|warf|gibt zu bedenken|gab zu bedenken|zeigte sich|zeigt sich|rief|ruft|klagt|klagte|verrät|kommentiert|kommentierte|schwärmt|schwärmte|bemerkt|bemerkte|beschreibt|beschrieb|verdeutlicht|verdeutlichte|empfiehlt|empfahl|rät|riet|freut sich|freute sich|seufzt|seufzte|betonen|äußert|weiß|ist sich|war sich',
  'disse|diz|salientou|sublinhou|lembrou|apontou|admitiu|reconheceu|alertou|concluiu|contou|relatou|afirmou|declarou|explicou|acrescentou|destacou|ressaltou|avaliou|comentou|observou|defendeu|garantiu|assegurou|reforçou|criticou|pontuou|frisou|completou|argumentou|informa|informou|acrescenta|aponta|falou|ressalta|lembra|avalia|pontua|observa|argumenta|declara|questiona|questionou|disseram|afirmaram|respondeu|referiu|adiantou|considerou|advertiu|realçou|insistiu|prometeu|anunciou|reiterou|sustentou|enfatizou|justificou|avisou|refere|adianta|sublinha|salienta|frisa|garante|defende|conta|avisa|pondera|ponderou|opinou|analisa|analisou|esclareceu|esclarece|revelou|revela|confessou|confessa|desabafou|desabafa|lamentou|assinalou|assinala|indicou|sustenta|mencionou|detalhou|detalha|ironizou|resumiu|vincou|notou|apelou|prosseguiu|continuou|disparou|reconhece|reitera|finalizou|brincou|celebrou|comemorou|alerta|adverte|indagou|perguntou|interrogou|escreveu|escreve|exclamou',
  'ha detto|ha dichiarato|ha spiegato|ha aggiunto|ha affermato|ha sottolineato|ha ribadito|ha commentato|ha precisato|ha concluso|ha annunciato|ha assicurato|ha ricordato|ha evidenziato|ha avvertito|ha ammesso|ha osservato|ha raccontato|ha insistito|ha replicato|ha scritto|ha rimarcato|ha puntualizzato|ha chiarito|ha denunciato|ha confermato|ha garantito|ha sostenuto|ha risposto|ha lanciato|ha ammonito|conferma|evidenzia|chiarisce|rimarca|puntualizza|risponde|garantisce|spiega|aggiunge|afferma|sottolinea|dichiara|osserva|ribadisce|commenta|racconta|avverte|ammette|ricorda|assicura|replica|conclude|ha chiesto|ha domandato|si è chiesto|si è chiesta',
].join('|');
/**
 * The verbs are looked up, not compiled: a regex holding their alternation `(?:said|says|…)(?![\p{L}])` (VERB below)
 * compiled to 150–850 KB of native code per string width, and ~25 quote rules held it (11 MB of code, docs/
 * benchmarks.md). Each rule is now written around a verb slot: a lead regex up to where the verb opens, the verb's
 * ends looked up (word-slots.ts), a tail regex from there (execSlot) — or, where a name precedes the verb, the verb's
 * first letter marked in the text (markVerbsAfterSpace). Each gives the matches the regex with VERB gave. The regex
 * each rule stands for is written in its comment with VERB in the slot.
 */
const PRONOUN = String.raw`(?:he|she|they|él|ella|ellos|il|elle|ils|er|sie|ele|ela|eles|lui|lei)(?![\p{L}])`;

/** The speech verbs looked up by position (word-slots.ts): the regexes below hold a slot for them, not the words. */
const SPEECH_VERBS = new WordList(VERB_WORDS.split('|'));
const verbEnds = (text: string, at: number): readonly number[] => SPEECH_VERBS.endsAt(text, at);
const verbEndsIgnoringCase = (text: string, at: number): readonly number[] => SPEECH_VERBS.endsAt(text, at, true);
/** `(?:VERB|word)`: the verbs' ends, then the word's (when the text has it there), as the regex tries them. */
const verbOrWordEnds = (text: string, at: number, word: string): readonly number[] => {
  const ends = [...verbEnds(text, at)];
  const end = at + word.length;
  if (text.startsWith(word, at) && !ends.includes(end)) ends.push(end);
  return ends;
};
/**
 * A mark for a speech verb's first letter (a private-use character: no letter, no space), for the regexes where a
 * name comes before the verb: they match the mark, as `(?=${VERB_MARK})`, where they held the verb alternation.
 */
const VERB_MARK = '\uE000';
const MARK_CANDIDATE_RE = /(?<=\s)\p{L}/gu;
let lastMarked = { text: '', marked: '' };
/**
 * `text` with the first letter of every speech verb that follows a space replaced by VERB_MARK (same length; a mark
 * already in the text becomes U+E001, which every pattern here treats alike). A name cannot hold such a letter (a
 * name's words open with a capital, and its particles are no verbs), so a regex `…NAME…\s+VERB` run on the marked
 * text as `…NAME…\s+(?=MARK)` matches where it did, with the same groups.
 */
function markVerbsAfterSpace(text: string): string {
  if (lastMarked.text === text) return lastMarked.marked;
  const source = text.includes(VERB_MARK) ? text.replaceAll(VERB_MARK, '\uE001') : text;
  let marked = '';
  let copied = 0;
  MARK_CANDIDATE_RE.lastIndex = 0;
  for (let m = MARK_CANDIDATE_RE.exec(source); m; m = MARK_CANDIDATE_RE.exec(source)) {
    if (verbEnds(source, m.index).length === 0) continue;
    marked += source.slice(copied, m.index) + VERB_MARK;
    copied = m.index + 1;
  }
  lastMarked = { text, marked: marked + source.slice(copied) };
  return lastMarked.marked;
}
/** exec of a marked-verb regex (see markVerbsAfterSpace) from `from`, as the regex with the verb gives it. */
function matchMarkedVerb(re: RegExp, text: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  const m = re.exec(markVerbsAfterSpace(text));
  if (!m) return null;
  const verbAt = m.index + m[0].length;
  const end = verbEnds(text, verbAt)[0] ?? verbAt;
  return execArray([text.slice(m.index, end), ...m.slice(1)], m.index, text);
}
/** Where a verb can open after a quote: `^(?:\s*[,.—–])?\s*` (from one start, only one way ends before a letter). */
const AFTER_LEAD_RE = /^(?:\s*[,.—–])?\s*(?=\p{L})/u;
/** A comma, then a word: `,\s*`. */
const COMMA_LEAD_RE = /,\s*(?=\p{L})/gu;
/** A word's first letter: `(?<![\p{L}])`. */
const WORD_START_RE = /(?<![\p{L}])(?=\p{L})/gu;
const LETTER_BEFORE_RE = /(?<=\p{L})/uy;
const letterBefore = (text: string, at: number): boolean => {
  LETTER_BEFORE_RE.lastIndex = at;
  return LETTER_BEFORE_RE.test(text);
};
/** `^(?:\s*[,.—–])?\s*VERB TAIL`. */
const verbAfterQuote = (tail: string, flags = 'u'): SlotPattern => ({
  lead: AFTER_LEAD_RE,
  slot: verbEnds,
  tail: new RegExp(tail, `${flags}y`),
});
/** A match with `before` unmatched groups put before its own and `after` after them (one alternative of several). */
function withGroups(match: RegExpExecArray | null, before: number, after: number): RegExpExecArray | null {
  if (!match) return null;
  return execArray(
    [match[0], ...Array<undefined>(before), ...match.slice(1), ...Array<undefined>(after)],
    match.index,
    match.input,
  );
}
/** The match of `A|B` from those of A and B: the leftmost, A's on a tie. */
const firstOf = (a: RegExpExecArray | null, b: RegExpExecArray | null): RegExpExecArray | null =>
  a && (!b || a.index <= b.index) ? a : b;

/** “…,” he said / “…”, sagt sie / « … », dit-il / "…", disse. — the speaker is the person last named. */

const A_T_IL_AFTER_RE = /^(?:\s*[,.—–])?\s*(?:a|ont)-t?-?(?:il|elle|ils|elles)\s+\p{Ll}/iu;
const PRONOUN_VERB_AFTER: SlotPattern = {
  lead: new RegExp(String.raw`^(?:\s*[,.—–])?\s*${PRONOUN}\s+(?=\p{L})`, 'iu'),
  slot: verbEndsIgnoringCase,
};
const VERB_PRONOUN_AFTER: SlotPattern = {
  lead: AFTER_LEAD_RE,
  slot: verbEndsIgnoringCase,
  tail: new RegExp(
    String.raw`(?:(?:-t)?[\s-]+${PRONOUN}|\s+(?:the|la|el|o|a|der|die|le)\s+\p{Ll}|\s*(?:[.,;:)]|$|(?:a|al|à|ao|aos|en|em|no|na|during|in|at|to|on|this|last|am|im|vor|gegenüber|mit|auf|dans|lors|este|esta|ayer|hoy|ontem|hoje|desde|durante|tras|ante|por|vor|nach|bei|während|depuis|devant|après|pendant|par|perante|após)(?![\p{L}])))`,
    'iuy',
  ),
};
/** PRONOUN_AFTER: "a-t-il" / a pronoun and a verb / a verb and a pronoun, an article or the clause's end. */
const pronounAfterMatches = (after: string): boolean =>
  A_T_IL_AFTER_RE.test(after) ||
  execSlot(after, PRONOUN_VERB_AFTER) !== null ||
  execSlot(after, VERB_PRONOUN_AFTER) !== null;
/**
 * The words pronounAfterMatches can open with (after a comma or dash): a speech verb's first word, a subject
 * pronoun, "a"/"ont" of "a-t-il". A set lookup of the first word skips its regexes when it cannot match (kept from
 * when one case-insensitive regex over every verb was the costliest of a quote's attribution).
 */
const PRONOUN_AFTER_OPENERS = new Set(
  [
    ...VERB_WORDS.split('|').map((verb) => verb.split(/[\s-]/u)[0] ?? ''),
    ...'he she they él ella ellos il elle ils er sie ele ela eles lui lei a ont'.split(' '),
  ].map((word) => word.toLowerCase()),
);
const FIRST_WORD_AFTER_RE = /^(?:\s*[,.—–])?\s*([\p{L}’']+)/u;
const pronounAfter = (after: string): boolean => {
  const first = FIRST_WORD_AFTER_RE.exec(after)?.[1]?.toLowerCase();
  return first !== undefined && PRONOUN_AFTER_OPENERS.has(first) && pronounAfterMatches(after);
};
/** The first word of every speech verb ("dijo", "a" of "a déclaré", "gibt" of "gibt zu bedenken"). */
const VERB_OPENERS = new Set(VERB_WORDS.split('|').map((verb) => (verb.split(/[\s-]/u)[0] ?? '').toLowerCase()));
/**
 * An object pronoun before the verb ("le dijo", "nos contó", "nous explique", "m’a confié", "me disse") or glued
 * after it ("contou-nos", "disse-me"): the reader or the outlet told, which the attribution patterns do not expect.
 */
const CLITIC_BEFORE_VERB_RE =
  /^((?:\s*[,.—–])?\s*)(?:le|les|nos|me|te|nous|vous|lui|leur|lhe|lhes|m['’]|t['’]|l['’])(?=\s*([\p{L}]+))/iu;
const CLITIC_AFTER_VERB_RE = /^((?:\s*[,.—–])?\s*)([\p{L}]+)-(?:me|nos|lhe|lhes|te|mir|uns)(?![\p{L}])/u;
/** The text after a quote with such a pronoun blanked out (same length, so offsets into it still hold). */
function withoutClitic(after: string): string {
  const before = CLITIC_BEFORE_VERB_RE.exec(after);
  if (before?.[2] && VERB_OPENERS.has(before[2].toLowerCase())) {
    const lead = before[1]?.length ?? 0;
    const end = before[0].length;
    return `${after.slice(0, lead)}${' '.repeat(end - lead)}${after.slice(end)}`;
  }
  const glued = CLITIC_AFTER_VERB_RE.exec(after);
  if (glued?.[2] && VERB_OPENERS.has(glued[2].toLowerCase())) {
    const from = (glued[1]?.length ?? 0) + glued[2].length;
    return `${after.slice(0, from)}${' '.repeat(glued[0].length - from)}${after.slice(glued[0].length)}`;
  }
  return after;
}
/**
 * ", retrucó." / ", cravou Rui Almeida.": a comma and a third-person preterite (-ó, -ou) that VERB does not list, alone
 * or before a name.
 */

const PRETERITE_LEAD_RE = /^\s*,\s*(?=\p{Ll})/u;
const PRETERITE_TAIL_RE = new RegExp(String.raw`\p{Ll}{3,}(?:ó|ou)(?:\s*[.;]|\s+${NAME}(?=\s*[.,;]))`, 'uy');
const execPreterite = (after: string): RegExpExecArray | null => {
  const lead = PRETERITE_LEAD_RE.exec(after);
  if (!lead || verbEnds(after, lead[0].length).length > 0) return null;
  PRETERITE_TAIL_RE.lastIndex = lead[0].length;
  const tail = PRETERITE_TAIL_RE.exec(after);
  if (!tail) return null;
  return execArray([after.slice(0, lead[0].length + tail[0].length), ...tail.slice(1)], 0, after);
};
/** “…,” the 54-year-old said / said the 54-year-old. / „…“, sagte der 54-Jährige: an age for the person last named. */
const AGE = String.raw`(?:the|der|die)\s+\d{1,3}-(?:year-old|[Jj]ährige)(?![\p{L}-])`;

const AGE_WORD_VERB_AFTER: SlotPattern = {
  lead: new RegExp(String.raw`^(?:\s*[,.—–])?\s*${AGE}\s+\p{Ll}+\s+(?=\p{L})`, 'u'),
  slot: verbEnds,
};
const AGE_VERB_AFTER: SlotPattern = {
  lead: new RegExp(String.raw`^(?:\s*[,.—–])?\s*${AGE}\s+(?=\p{L})`, 'u'),
  slot: verbEnds,
};
const VERB_AGE_AFTER = verbAfterQuote(String.raw`\s+${AGE}`);
const ageAfter = (after: string): boolean =>
  execSlot(after, AGE_WORD_VERB_AFTER) !== null ||
  execSlot(after, AGE_VERB_AFTER) !== null ||
  execSlot(after, VERB_AGE_AFTER) !== null;
/** « … », a expliqué l'éleveur / a estimé l’avocate: an elided article and a lowercase role, no name (as a pronoun). */

const ELIDED_ROLE_AFTER = verbAfterQuote(String.raw`\s+l['’]\p{Ll}`);
/** “…,” Harry said / “…,” Dr. Sobhi Skaik, the director of …, said / «…», so Pfeifer. */

/** NAME_VERB_AFTER with its verb's first letter marked (markVerbsAfterSpace): the verb slot is the mark. */
const NAME_MARKED_VERB_AFTER_RE = new RegExp(
  String.raw`^(?:\s*[,.—–])?\s*(?:(?:so|laut)\s+)?${NAME}(?:\s*,[^,\n]{1,140},)?\s+(?=${VERB_MARK})`,
  'u',
);
const execNameVerbAfter = (after: string): RegExpExecArray | null =>
  matchMarkedVerb(NAME_MARKED_VERB_AFTER_RE, after, 0);
/**
 * The lowercase role words between an affiliation and a name ("Liberal Democrat councillor Sam Patel", "Nobel
 * laureate Jane Roe", "Biden adviser Mike Donilon"): no word that starts an object, a time or a clause ("Jane Doe on
 * Tuesday", "Jane Doe and John Roe").
 */
const DESCRIPTOR_WORDS = String.raw`(?:(?!(?:on|in|at|to|from|with|without|for|about|after|before|during|since|by|and|or|but|who|which|that|while|when|as|than|into|over|under|against|outside|inside|y|e|o|et|ou|und|oder|en|em|no|na|à|au|aux|dans|sur|avec|con|com|para|pour|por|par|am|im|an|auf|mit|bei|nach|vor|für|que|qui|der|die|das|den|dem|le|la|les|el|los|las|os|as|da|do|de|del|des|du|von)\s)\p{Ll}[\p{L}'’-]*\s+){1,3}`;
/**
 * “…,” said Tom Forte / said lead author Jane Doe / sagte der Linken-Abgeordnete Martin Dolzer / dijo Fajardo; a
 * name after capitalised affiliation words and a role ("said Liberal Democrat councillor Sam Patel") is the fourth
 * group.
 */

const VERB_NAME_AFTER = verbAfterQuote(
  String.raw`\s+((?:[\p{Ll}'-]+\s+){0,5})${NAME}(?:\s+(${DESCRIPTOR_WORDS})${NAME})?`,
  'du',
);
/**
 * “…”, dijo el ministro de Obras Públicas, Pedro Gómez / a déclaré la ministre des Transports, Claire Dubois /
 * plaide l'avocate de Yassin K., Claire Dubois (an initial's dot does not end the clause) /
 * sagte die Sprecherin des Ministeriums, Anna Weber / expresó en conferencia de prensa la ministra Ana Beltrán: a verb
 * and the clause after it, where a person (not a prepositional object) or a closing name is the speaker.
 */
/**
 * "according to" and its equivalents, lowercase: the person after them is the source of the quote (es "a juicio de",
 * fr "d’après", de "nach Ansicht von", pt "nas palavras de", it "a detta di"…).
 */
const ACCORDING_WORDS =
  "according to|in the words of|según|de acuerdo con|a juicio de|a juicio del|en palabras de|en palabras del|en opinión de|en opinión del|selon|d’après|d'après|aux yeux de|laut|nach ansicht von|nach angaben von|nach worten von|nach meinung von|segundo|de acordo com|conforme|nas palavras de|na opinião de|secondo|a detta di|a giudizio di";
/** The same, opening a sentence too ("Según la ministra, …", "D’après Jean Dupont, « … »"). */
const ACCORDING = String.raw`(?:${ACCORDING_WORDS.split('|')
  .map((w) => `[${w[0] ?? ''}${(w[0] ?? '').toUpperCase()}]${w.slice(1)}`)
  .join('|')})(?![\p{L}])`;
/** ACCORDING's words, each also with a capital first letter, for a slot `(?:VERB|ACCORDING)`. */
const ACCORDING_LIST = new WordList(
  ACCORDING_WORDS.split('|').flatMap((w) => [w, `${(w[0] ?? '').toUpperCase()}${w.slice(1)}`]),
);
/** `(?:VERB|ACCORDING)`: the verbs' ends, then those of "according to" and its equivalents. */
const verbOrAccordingEnds = (text: string, at: number): readonly number[] => {
  const ends = [...verbEnds(text, at)];
  for (const end of ACCORDING_LIST.endsAt(text, at)) if (!ends.includes(end)) ends.push(end);
  return ends;
};
const ROLE_PHRASE = String.raw`\s+(?:(?:the|el|la|los|las|le|les|o|a|os|as|der|die|das|den)\s+\p{L}|\p{Ll})(?:[^.;!?\n“”"«»„]|(?<=\s\p{Lu})\.){0,120}`;

const VERB_ROLE_AFTER = verbAfterQuote(ROLE_PHRASE);
/** “…”, selon la ministre de la Santé, Claire Martin / de acordo com o ministro das Finanças, Paulo Reis. */
const ACCORDING_ROLE_AFTER_RE = new RegExp(String.raw`^(?:\s*[,.—–])?\s*(?:${ACCORDING_WORDS})${ROLE_PHRASE}`, 'u');
/** “…”, indicó la ministra / erklärte die Sprecherin / “…,” the transport secretary said: the role noun, no name. */

const VERB_ROLE_ONLY_AFTER: SlotPattern = {
  lead: AFTER_LEAD_RE,
  slot: (text, at) => verbOrWordEnds(text, at, 'so'),
  tail: /\s+(?:the|el|la|le|o|a|der|die|das)\s+(?:\p{L}+-)?(\p{L}{4,})(?![\p{L}-])(?!\s+(?:de|del|des|du|do|da|of|von)\s)/uy,
};
const ROLE_VERB_AFTER_LONG: SlotPattern = {
  lead: /^(?:\s*[,.—–])?\s*(?:the|el|la|le|o|a|der|die)\s+\p{Ll}+\s+(\p{Ll}{4,})\s+(?=\p{L})/u,
  slot: verbEnds,
};
const ROLE_VERB_AFTER_SHORT: SlotPattern = {
  lead: /^(?:\s*[,.—–])?\s*(?:the|el|la|le|o|a|der|die)\s+(\p{Ll}{4,})\s+(?=\p{L})/u,
  slot: verbEnds,
};
/** ROLE_ONLY_AFTER: a verb (or "so") and a role noun (group 1), or a role noun (group 2) and a verb. */
const execRoleOnly = (after: string): RegExpExecArray | null => {
  const verbFirst = execSlot(after, VERB_ROLE_ONLY_AFTER);
  if (verbFirst) return withGroups(verbFirst, 0, 1);
  const roleFirst = execSlot(after, ROLE_VERB_AFTER_LONG) ?? execSlot(after, ROLE_VERB_AFTER_SHORT);
  return roleFirst && withGroups(roleFirst, 1, 0);
};
/**
 * German person nouns of neuter gender ("das Staatsoberhaupt", "das Vorstandsmitglied", "das Nachwuchstalent"): after
 * "das" a noun is mostly a body or a thing (das Ministerium), so only these heads stand for a person.
 */
const NEUTER_PERSON_HEADS = ['oberhaupt', 'mitglied', 'talent', 'idol', 'genie', 'opfer', 'model'];
const isNeuterPersonNoun = (word: string): boolean => {
  const lower = word.toLowerCase();
  return NEUTER_PERSON_HEADS.some((head) => lower.endsWith(head));
};
/** Head nouns of a body, not a person, that a quote is attributed to ("the court said", "indicó el ministerio"). */
const INSTITUTIONS = new Set(
  'court government ministry department company police agency agencia agence agência agentur agenzia report statement study tribunal gobierno ministerio empresa policía informe comunicado gouvernement ministère entreprise rapport communiqué regierung ministerium unternehmen polizei bericht gericht mitteilung governo ministério polícia relatório tribunale ministero azienda polizia rapporto'.split(
    ' ',
  ),
);
/** Verbs that carry on a statement (added, agregó, acrescentou, ajoute, ergänzte, concluded): the speaker goes on. */
const CONTINUATION_VERB = String.raw`(?:added|adds|continued|concluded|agregó|añadió|agrega|añade|ha añadido|ha agregado|complementó|remató|concluyó|acrescentou|acrescenta|completou|concluiu|ajoute|a ajouté|poursuit|a poursuivi|conclut|a conclu|ergänzte|ergänzt|aggiunge|ha aggiunto)(?![\p{L}])`;
/**
 * “…”, agregó. / “…”, acrescentou o comandante. / “…,” the mayor added / „…“, fügte die Sprecherin hinzu: a
 * carrying-on verb with no name beside it (a German role noun is capitalised).
 */
const CONTINUATION_AFTER_RE = new RegExp(
  String.raw`^(?:\s*[,.—–])?\s*(?:${CONTINUATION_VERB}(?:\s*(?:[.;,]|$)|\s+(?:the|el|la|le|o|a|der|die)\s+\p{Ll}+(?:\s+\p{Ll}+)?\s*[.;,])|(?:the|el|la|le|o|a|der|die)\s+\p{Ll}+\s+${CONTINUATION_VERB}\s*[.;,]|fügte\s+(?:(?:der|die)\s+\p{Lu}\p{Ll}+\s+)?hinzu\s*[.;,]|(?:ergänzte|ergänzt)\s+(?:der|die)\s+\p{Lu}\p{Ll}+\s*[.;,])`,
  'u',
);
/** Paragraphs back the last attributed quote may be that a carrying-on verb continues. */
const MAX_CONTINUATION_GAP = 4;
/**
 * “…”, afirmó de entrada el comunicador. / a lancé hier soir le maire. / said on Monday the coach.: an adverbial of
 * one or two words between the verb and a role noun that ends the sentence.
 */

const ADVERBIAL_ROLE_AFTER = verbAfterQuote(
  String.raw`\s+((?:\p{Ll}+\s+){1,2})(?:the|el|la|le|o|a|der|die)\s+(\p{Ll}{4,})\s*[.;]`,
);
/** Words that make the article after them a prepositional object ("dijo a la prensa."), not a subject. */
const PREPOSITIONS = new Set(
  'to at in on of for with from by a al à au ao de del des du da do em en con avec para pour por par mit von zu bei für'.split(
    ' ',
  ),
);
/** The role noun heading the phrase after a verb: "advirtió la titular de Interior" → titular. */

const ROLE_HEAD_AFTER = verbAfterQuote(String.raw`\s+(?:(?:the|el|la|le|o|a|der|die)\s+|l['’])(\p{Ll}{4,})(?![\p{L}])`);
/** Mentions looked at, nearest first, for the person introduced with a role noun ("la ministra … Ana Beltrán"). */
const MAX_ROLE_MENTIONS = 12;
/** Characters either side of a mention read for its role ("Ministeriumssprecherin Anna Weber", "Jane Doe, the …"). */
const ROLE_WINDOW = 48;

/**
 * Role nouns a report uses for someone first given another role (es/fr/de/en/pt): "la titular (de Interior)" for
 * "la ministra", "le magistrat" for "le président du tribunal", "l'élu" for "le maire", "the lawmaker" for "the
 * senator". Each line: the later role nouns, then the roles they stand for.
 */
const ROLE_EQUIVALENTS: ReadonlyMap<string, readonly string[]> = new Map(
  [
    'titular|ministro ministra secretario secretaria ministre minister secretary',
    'mandatario mandataria|presidente presidenta président présidente president',
    'magistrat magistrate magistrado magistrada|juge judge juez jueza juiz juíza richter richterin président présidente presidente presidenta procureur fiscal prosecutor',
    'élu élue édile|maire député députée sénateur sénatrice conseiller conseillère',
    'edil edila|alcalde alcaldesa',
    'legislador legisladora parlamentario parlamentaria lawmaker|senador senadora diputado diputada senator representative congressman congresswoman',
    'estratega timonel|entrenador técnico',
    // Abbreviated titles before a name ("Sen. Ted Markham") hold the role a later noun names ("the senator").
    'senator|sen',
    'governor|gov',
    'representative congressman congresswoman|rep',
    'general|gen',
    'professor|prof',
    'regierungschef regierungschefin|ministerpräsident ministerpräsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin',
  ].flatMap((line) => {
    const [later = '', earlier = ''] = line.split('|');
    const roles = earlier.split(' ');
    return later.split(' ').map((word) => [word, roles] as const);
  }),
);

/** "la ministra del Interior, Izkia Soto": a role noun, perhaps "de" and a capitalised word, a comma, a full name. */
const ROLE_APPOSITION_RE =
  /(?<![\p{L}])(\p{Ll}{4,})(?:\s+(?:de|del|des|du|da|do|of|von|der)\s+(?:la\s+|l['’])?\p{Lu}[\p{L}-]*)?,\s+(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2})(?![\p{L}])/gu;
/** Paragraphs back (this one included) searched for a role apposition the tagger did not tag as a person. */
const ROLE_APPOSITION_PARAGRAPHS = 4;

/**
 * The person last named with this role beside the name ("La ministra de Vivienda, Ana Beltrán" for "la ministra",
 * "Ministeriumssprecherin Anna Weber" for "die Sprecherin"): a word ending in the role noun, case aside; failing
 * that, a role it stands for (ROLE_EQUIVALENTS), also in an apposition whose name the tagger missed.
 */
function personWithRole(ctx: Context, offset: number, role: string): string | null {
  const want = role.toLowerCase();
  const equivalents = ROLE_EQUIVALENTS.get(want) ?? [];
  return (
    personWithRoleWord(ctx, offset, (word) => word.endsWith(want)) ??
    (equivalents.length > 0 ? personWithRoleWord(ctx, offset, (word) => equivalents.includes(word)) : null) ??
    roleApposition(ctx, offset, (word) => word.endsWith(want) || equivalents.includes(word)) ??
    laterPersonWithRole(ctx, offset, (word) => word.endsWith(want))
  );
}

/** Paragraphs after a quote (its own included) searched for the person a role names first ("dijo el portavoz"). */
const LATER_ROLE_PARAGRAPHS = 2;

/**
 * "«…», dijo el portavoz. El portavoz, Ulises Contreras, añadió …": no one given the role before the quote, the
 * first person given it just after (at most MAX_ROLE_MENTIONS looked at, LATER_ROLE_PARAGRAPHS paragraphs on).
 */
function laterPersonWithRole(ctx: Context, offset: number, isRole: (word: string) => boolean): string | null {
  const mentions = ctx.entities.personMentions;
  // Past the quote the role attributes, not among the names of the clause before it.
  const quote = (ctx.spans[ctx.paragraphIndex] ?? []).find((s) => s.end > offset);
  const at = mentionIndex(mentions, ctx.paragraphIndex, Math.max(offset, quote?.end ?? offset));
  for (let i = at; i < mentions.length && i < at + MAX_ROLE_MENTIONS; i++) {
    const m = mentions[i] as PersonMention;
    if (m.paragraph > ctx.paragraphIndex + LATER_ROLE_PARAGRAPHS) break;
    // The role before the name ("El portavoz de la compañía, X"), not a subject's after it ("X berichtete die …").
    if (!isFragment(m) && roleBeside(ctx, mentions, i, isRole, true)) return m.name;
  }
  return null;
}

/** A word of the text right beside mention i (not past the names before and after it) is the role. */
function roleBeside(
  ctx: Context,
  mentions: readonly PersonMention[],
  i: number,
  isRole: (word: string) => boolean,
  beforeOnly = false,
): boolean {
  const m = mentions[i] as PersonMention;
  const text = ctx.paragraphs[m.paragraph] ?? '';
  const prev = mentions[i - 1];
  const next = mentions[i + 1];
  const from = Math.max(0, m.offset - ROLE_WINDOW, prev?.paragraph === m.paragraph ? prev.end : 0);
  const to = Math.min(m.end + ROLE_WINDOW, next?.paragraph === m.paragraph ? next.offset : text.length);
  // After the name only an apposition ("X, die Präsidentin", "X (Präsidentin)"), not a role after a verb ("X
  // berichtete die Präsidentin" names two people).
  const rest = text.slice(m.end, Math.max(m.end, to));
  const around = `${text.slice(from, m.offset)} ${beforeOnly || !/^\s*[,(–—-]/u.test(rest) ? '' : rest}`;
  return around
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some(isRole);
}

interface RoleApposition {
  offset: number;
  role: string;
  name: string;
}

/** The role appositions of a paragraph, read once per article (each quote then looks at a bounded few). */
function roleAppositionsOf(ctx: Context, paragraph: number): RoleApposition[] {
  let found = ctx.appositions.get(paragraph);
  if (found) return found;
  found = [];
  const text = ctx.paragraphs[paragraph] ?? '';
  ROLE_APPOSITION_RE.lastIndex = 0;
  for (let m = ROLE_APPOSITION_RE.exec(text); m; m = ROLE_APPOSITION_RE.exec(text))
    if (m[1] && m[2]) found.push({ offset: m.index, role: m[1], name: m[2] });
  ctx.appositions.set(paragraph, found);
  return found;
}

/** The nearest role apposition before `offset` (at most MAX_ROLE_MENTIONS looked at) whose role word fits. */
function roleApposition(ctx: Context, offset: number, isRole: (word: string) => boolean): string | null {
  let looked = 0;
  for (let k = ctx.paragraphIndex; k >= 0 && k > ctx.paragraphIndex - ROLE_APPOSITION_PARAGRAPHS; k--) {
    const found = roleAppositionsOf(ctx, k);
    for (let i = found.length - 1; i >= 0 && looked < MAX_ROLE_MENTIONS; i--) {
      const a = found[i] as RoleApposition;
      if (k === ctx.paragraphIndex && a.offset >= offset) continue;
      looked++;
      if (isRole(a.role)) return a.name;
    }
  }
  return null;
}

/** Equivalent roles match whole words only: "subsecretario" is no "secretario". */
function personWithRoleWord(ctx: Context, offset: number, isRole: (word: string) => boolean): string | null {
  const mentions = ctx.entities.personMentions;
  const at = mentionIndex(mentions, ctx.paragraphIndex, offset);
  for (let i = at - 1; i >= 0 && i >= at - MAX_ROLE_MENTIONS; i--) {
    const m = mentions[i] as PersonMention;
    if (isFragment(m)) continue;
    // Only the role beside this name: not past the person named before or after it.
    if (roleBeside(ctx, mentions, i, isRole)) return m.name;
  }
  return null;
}

/** The name closing a role phrase: "…, Pedro Gómez" / "… Transports Claire Dubois" at the clause's end. */
const NAME_AT_END_RE = new RegExp(String.raw`(?:,\s*|\s)${NAME},?$`, 'u');
/** „…“ Das sagte Ministerin Anna Weber / “…”. Así lo afirmó la ministra Ana Beltrán: a demonstrative, the verb, the name. */

const THAT_NAME_TAIL = String.raw`\s+((?:[\p{Ll}'-]+\s+){0,5})${NAME}`;
const THAT_VERB_NAME_AFTER: SlotPattern = {
  lead: /^(?:\s*[,.—–])?\s*(?:Das|Dies|So|That|This|Así lo|Eso|Lo|Isso|Assim|C'est ce qu'a|C’est ce qu’a)\s+(?=\p{L})/u,
  slot: verbEnds,
  tail: new RegExp(THAT_NAME_TAIL, 'uy'),
};
/** "Así lo dijo" is tried before "Así" and a verb ("Así dijo"), as the alternation orders them. */
const ASI_VERB_NAME_AFTER: SlotPattern = { ...THAT_VERB_NAME_AFTER, lead: /^(?:\s*[,.—–])?\s*Así\s+(?=\p{L})/u };
const WORDS_OF_NAME_AFTER_RE = new RegExp(
  String.raw`^(?:\s*[,.—–])?\s*(?:(?:Son|Fueron|Ce sont|São|Foram|Sono)\s+(?:las\s+|les\s+|as\s+|le\s+)?(?:palabras|mots|propos|palavras|parole)\s+(?:de|del|di|do|da|du|des)|Palabras de|Words of)${THAT_NAME_TAIL}`,
  'u',
);
/** THAT_VERB_NAME_AFTER: "Así lo dijo el ministro Pedro Gómez" / "Son palabras de …" / "Words of …". */
const execThatVerbName = (text: string): RegExpExecArray | null =>
  execSlot(text, THAT_VERB_NAME_AFTER) ?? execSlot(text, ASI_VERB_NAME_AFTER) ?? WORDS_OF_NAME_AFTER_RE.exec(text);
/** “…,” White House press secretary Josh Earnest / chief executive Jane Doe said — up to the verb, in the sentence. */

const SUBJECT_FIRST_LETTER_RE = /^\s*(?:,\s*)?\p{L}/u;
const NOT_IN_SUBJECT = new Set('.!?“”"«»„');
/**
 * SUBJECT_VERB_AFTER: `^\s*(?:,\s*)?\p{L}[^.!?“”"«»„]{0,100}?(?<![\p{L}])VERB` — the nearest speech verb opening a
 * word within 100 characters after the first letter, no sentence end or quote mark between.
 */
const execSubjectVerb = (after: string): RegExpExecArray | null => {
  const first = SUBJECT_FIRST_LETTER_RE.exec(after);
  if (!first) return null;
  const from = first[0].length;
  for (let at = from; at <= from + 100 && at <= after.length; at++) {
    if (at > from && NOT_IN_SUBJECT.has(after[at - 1] ?? '')) return null;
    if (letterBefore(after, at)) continue;
    const end = verbEnds(after, at)[0];
    if (end === undefined) continue;
    return execArray([after.slice(0, end)], 0, after);
  }
  return null;
};
/** “…,” so der CEO / „…“, so Pfeifer / according to X / selon X / laut X / segundo X / según X. */
const ACCORDING_TO_RE = new RegExp(
  String.raw`^(?:\s*[,.—–])?\s*(?:${ACCORDING_WORDS}|so)\s+((?:[\p{Ll}'-]+\s+){0,5})${NAME}`,
  'u',
);
/**
 * « Absurde. Ce processus est la norme, explique Antony Fastier, toxicologue. Les études … » / «No vamos a ceder
 * —aseguró Lucía Herrera—, porque …»
 */

const INCISE: SlotPattern = {
  lead: /(?:,\s*|\s[—–]\s?)(?=\p{L})/gu,
  slot: verbEnds,
  tail: new RegExp(String.raw`\s+${NAME}\s*[,.—–]`, 'uy'),
};

const INCISE_PRONOUN: SlotPattern = { lead: COMMA_LEAD_RE, slot: verbEnds, tail: /-t-(?:il|elle)\s*[,.]/uy };
/** «No vamos a ceder —aseguró—, porque …»: a bare speech verb between dashes inside the quote. */

const INCISE_DASH_VERB: SlotPattern = { lead: /\s[—–]\s?(?=\p{L})/gu, slot: verbEnds, tail: /\s?[—–]/uy };
/** « …, explique l'élu. … » / “…, said the mayor. …”: an inserted attribution by a role noun, no name. */

const INCISE_ROLE: SlotPattern = {
  lead: COMMA_LEAD_RE,
  slot: verbEnds,
  tail: /\s+(?:(?:le|la|el|the|der|die|o|a)\s+|l['’])(\p{Ll}{3,})\s*[,.]/uy,
};
/** "Para la ministra Ana Souza," / "Pour Claire Dubois," / "Für Anna Weber," opening the clause before a quote. */
const FOR_NAME_CLAUSE_RE = new RegExp(
  String.raw`^(?:Para|Pour|Für|For|Per)\s+((?:[\p{Ll}'-]+\s+){0,4})${NAME}(,[^,;:.!?\n“”"«»„]{1,120})?,$`,
  'du',
);
/** "Pour le ministre de l’Intérieur, Gérald Darmanin," / "Para la titular de Hacienda, María Montero,": a role, a comma. */
const FOR_ROLE_CLAUSE_RE =
  /^(?:Para|Pour|Für|For|Per)\s+(?:the|el|la|le|l['’]|o|a|der|die|il)\s*\p{Ll}[^,]{0,80},[^,]{1,60},$/u;
/**
 * "De acordo com o presidente do sindicato, Ademir Lopes, “…”" / "Según la vocera de la red, Yaneth Quispe, «…»": a
 * role set off by commas from the full name that closes the clause, which names the holder though no list knows it.
 */
const ROLE_APPOSED_CLAUSE_RE = new RegExp(
  String.raw`^(?:Para|Pour|Für|For|Per|${ACCORDING})\s+(?:(?:the|el|la|los|las|le|o|a|os|as|der|die|il)\s+|l['’])\p{Ll}[^,;:.!?\n“”"«»„]{0,80},\s*${NAME},$`,
  'u',
);
/** ", so Krüger." / ", so Krüger weiter.": German "so" and a name after a quote, its attribution. */
const SO_NAME_AFTER_RE = new RegExp(
  String.raw`^\s*,\s*so\s+${NAME}(?=\s*[.,;]|\s+(?:weiter|abschließend|zuletzt)(?![\p{L}]))`,
  'u',
);
/** "…, so Precht:" / "…, según Pérez:" / "…, selon Dupont :": "so" or "according to" and a name ending the clause. */
const SOURCE_COLON_RE = new RegExp(String.raw`(?:^|,\s*)(?:so|${ACCORDING})\s+${NAME}\s*:$`, 'u');
/**
 * A sentence closed by a speech verb or "so" and a role noun: "…, so die Industriesprecherin." / "…, dijo la ministra."
 * / "…, the minister said."
 */

const VERB_ROLE_CLOSING: SlotPattern = {
  lead: COMMA_LEAD_RE,
  slot: (text, at) => verbOrWordEnds(text, at, 'so'),
  tail: /\s+(?:the|el|la|le|o|a|der|die)\s+(?:\p{L}+-)?(\p{L}{4,})\s*[.!?]$/uy,
};
const ROLE_VERB_CLOSING: SlotPattern = {
  lead: /,\s*(?:the|el|la|le|o|a|der|die)\s+(\p{Ll}{4,})\s+(?=\p{L})/gu,
  slot: verbEnds,
  tail: /\s*[.!?]$/uy,
};
/** ROLE_CLOSING_SENTENCE: ", dijo el ministro." (group 1) / ", the minister said." (group 2), closing the text. */
const execRoleClosing = (text: string): RegExpExecArray | null =>
  firstOf(withGroups(execSlot(text, VERB_ROLE_CLOSING), 0, 1), withGroups(execSlot(text, ROLE_VERB_CLOSING), 1, 0));
/** "berichtete die Ministerin" / "the secretary said" / "la ministre a répondu": a role noun as a speech verb's subject. */

const VERB_ROLE_SUBJECT: SlotPattern = {
  lead: WORD_START_RE,
  slot: verbEnds,
  tail: /\s+(?:der|die|the|el|la|le|o|a|il)\s+(?:\p{L}+-)?(\p{L}{4,})(?![\p{L}-])/uy,
};
const ROLE_SUBJECT_VERB: SlotPattern = {
  lead: /(?<![\p{L}])(?:the|el|la|le|o|a|der|die|il)\s+(\p{Ll}{4,})\s+(?=\p{L})/gu,
  slot: verbEnds,
};
/** CLAUSE_ROLE_SUBJECT: "sagte der Minister" (group 1) / "the minister said" (group 2). */
const execClauseRoleSubject = (clause: string): RegExpExecArray | null =>
  firstOf(withGroups(execSlot(clause, VERB_ROLE_SUBJECT), 0, 1), withGroups(execSlot(clause, ROLE_SUBJECT_VERB), 1, 0));
/** A speech verb anywhere in a clause, or the clause ending in a colon, "that", "que", "dass". */

const CLAUSE_SPEECH_OTHER_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:${ACCORDING_WORDS})(?![\p{L}])|:$|(?:that|que|dass|qu')$`,
  'iu',
);
const ANY_VERB_IGNORING_CASE: SlotPattern = { lead: WORD_START_RE, slot: verbEndsIgnoringCase };
/** CLAUSE_SPEECH: a speech verb or "according to" anywhere, or a colon or "that" closing the clause. */
const clauseSpeech = (clause: string): boolean =>
  execSlot(clause, ANY_VERB_IGNORING_CASE) !== null || CLAUSE_SPEECH_OTHER_RE.test(clause);
/** A subject pronoun right before a speech verb ("ele responde", "sie sagt", "she said"). */

const PRONOUN_VERB: SlotPattern = {
  lead: new RegExp(String.raw`(?<![\p{L}])${PRONOUN}\s+(?=\p{L})`, 'giu'),
  slot: verbEndsIgnoringCase,
};
/** Words that cannot be a speaker on their own (sentence-initial words the NAME pattern takes). */
const NOT_SPEAKERS = new Set([
  'He',
  'She',
  'They',
  'It',
  'We',
  'I',
  'You',
  'Er',
  'Sie',
  'Es',
  'Wir',
  'Ich',
  'Él',
  'Ella',
  'Il',
  'Elle',
  'Ele',
  'Ela',
  'But',
  'And',
  'The',
  'This',
  'That',
  'Der',
  'Die',
  'Das',
  'El',
  'La',
  'Le',
  'O',
  'A',
  'Mas',
  'Pero',
  'Mais',
  'Aber',
  'Und',
  'Lo',
  'Los',
  'Las',
  'Les',
  'Eso',
  'Esto',
  'Isso',
  'Isto',
  'Cela',
  'Ceci',
  'Es',
  'Dies',
  'Lui',
  'Lei',
  // German determiners and possessives before a capitalised noun ("Ihr Fazit:", "Sein Appell:", "Eine Sprecherin").
  ...'Ihr Ihre Sein Seine Unser Unsere Mein Meine Dein Deine Euer Eure Kein Keine Ein Eine Diese Dieser Dieses Jede Jeder Jedes'.split(
    ' ',
  ),
]);

interface PreviousQuote {
  end: number;
  speaker: string | null;
}

interface Context {
  paragraphs: string[];
  paragraph: string;
  paragraphIndex: number;
  previousParagraph: string;
  entities: EntityResult;
  /** End of the previous quote in this paragraph: the sentence-before rule does not read into it. */
  previousEnd: number;
  /** Surname → full name found in the article (or null), per article. */
  fullNames: Map<string, string | null>;
  /** The quote spans of each paragraph: a name inside a quote is talked about, never the one a pronoun means. */
  spans: QuoteSpan[][];
  /** The last quote given a speaker so far in the article, and its paragraph (shared by every paragraph's context). */
  lastAttributed: { speaker: string | null; paragraph: number };
  /** Role appositions per paragraph ("la ministra del Interior, Ana Soto"), read on first use. */
  appositions: Map<number, RoleApposition[]>;
  /** A sentence opened by an indefinite article in the article's language (null: language unknown, not read). */
  unnamedSubject: RegExp | null;
}

/** Capitalised role words that precede a name in attributions ("Supervisor Alfredo Pedroza", "Sprecher Stefan Gobbin"). */
const ROLE_WORDS = new Set(
  'Supervisor Councilman Councilwoman Commissioner Superintendent Sheriff Trooper Spokesman Spokeswoman Analyst Economist Professor Prof Dr Sprecher Sprecherin Konzernchef Chefarzt Chefärztin Vorsitzende Vorsitzender Abgeordnete Abgeordneter Experte Expertin Trainer Geschäftsführer Geschäftsführerin Direktor Direktorin Bürgermeister Bürgermeisterin Minister Ministerin Präsident Präsidentin Senador Senadora Diputado Diputada Ministro Ministra Deputado Deputada'.split(
    ' ',
  ),
);

/**
 * Direct quotes with a speaker from the surrounding attribution, in order: a name and verb after the quote (either
 * order, with a role or apposition), a pronoun or bare verb after it (the person last named), "according to"/
 * "selon"/"laut"/"segundo", an attribution inserted in the quote, the clause before it (a name and a speech verb or
 * a colon, also the end of the previous paragraph or the previous sentence), and finally the speaker of the
 * previous quote in the paragraph when no one else is named in between.
 */
/** `language` (ISO 639-1, when known) tells an indefinite article from a word of another language ("Um" in German). */
export function extractQuotes(paragraphs: string[], entities: EntityResult, language: string | null = null): Quote[] {
  const quotes: Quote[] = [];
  const fullNames = new Map<string, string | null>();
  const longer = longerNames(entities);
  const spans = paragraphs.map((p) => splitDialogueIncise(p, quoteSpans(p)));
  const lastAttributed = { speaker: null as string | null, paragraph: -1 };
  const appositions = new Map<number, RoleApposition[]>();
  // The last attributed quote of the paragraph before, if nobody else is named after it there.
  let carried: string | null = null;
  paragraphs.forEach((paragraph, paragraphIndex) => {
    const ctx: Context = {
      paragraphs,
      paragraph,
      paragraphIndex,
      entities,
      previousParagraph: paragraphs[paragraphIndex - 1] ?? '',
      previousEnd: 0,
      fullNames,
      spans,
      lastAttributed,
      appositions,
      unnamedSubject: UNNAMED_SUBJECT_RES.get(language ?? '') ?? null,
    };
    let previous = null as PreviousQuote | null;
    for (const span of spans[paragraphIndex] ?? []) {
      const inner = span.inner.trim();
      const wordCount = inner.split(/\s+/u).length;
      const adjacent = attributeAdjacent(span, ctx);
      let speaker = adjacent;
      // "A police spokesman said: “…”": an unnamed speaker between the last named one and this quote speaks it.
      const unnamed = !speaker && unnamedSpeakerBefore(ctx, span.start);
      const continued =
        !speaker &&
        !unnamed &&
        !!previous?.speaker &&
        !otherPersonBetween(entities, paragraph, paragraphIndex, previous.end, span.start, previous.speaker);
      if (continued) speaker = previous?.speaker ?? null;
      if (!speaker && !unnamed && wordCount >= MIN_ATTRIBUTED_QUOTE_WORDS) speaker = attributeAround(span, ctx);
      // A paragraph that is nothing but a quote goes on with the speaker of the quote just before it.
      if (!speaker && carried && span.start === 0 && /^[\s.,;!?)]*$/u.test(paragraph.slice(span.end)))
        speaker = carried;
      // A short span counts only when a speech verb sits beside it, it continues an attributed quote, or a clause
      // with a speaker introduces it with a colon ("Relotius schreibt: »Drückt uns die Daumen.«").
      const kept =
        wordCount >= MIN_QUOTE_WORDS ||
        (wordCount >= MIN_ATTRIBUTED_QUOTE_WORDS &&
          (adjacent !== null || continued || (speaker !== null && colonBefore(paragraph, span.start))));
      if (kept) {
        const tidy = speaker === null ? null : tidySpeaker(speaker);
        const full = tidy === null ? null : fullSpeaker(ctx, tidy, longer);
        quotes.push({ text: inner.replace(/[,;:]$/u, ''), speaker: full });
        if (full) Object.assign(lastAttributed, { speaker: full, paragraph: paragraphIndex });
      }
      if (kept || adjacent) previous = { end: span.end, speaker };
      if (kept) ctx.previousEnd = span.end;
    }
    carried =
      previous?.speaker &&
      !otherPersonBetween(entities, paragraph, paragraphIndex, previous.end, paragraph.length, previous.speaker)
        ? previous.speaker
        : null;
  });
  return quotes;
}

/** The quote opens right after a colon (at most a space between): "Relotius schreibt: »…«". */
function colonBefore(paragraph: string, start: number): boolean {
  const k = paragraph[start - 1] === ' ' ? start - 2 : start - 1;
  return paragraph[k] === ':';
}

/** Dialogue dashes (quote-spans.ts DIALOGUE_DASHES). */
const DIALOGUE_DASHES = '—–―';
/**
 * "– Ich bin zufrieden, sagte Weber." / "— Nous irons jusqu’au bout, lance-t-elle." / "— …, a lancé un éleveur, Paul
 * Martin.": a comma and a speech verb before a name, a pronoun or an article inserted in a dialogue line that no
 * second dash closes.
 */

const DIALOGUE_INCISE: SlotPattern = {
  lead: COMMA_LEAD_RE,
  slot: verbEnds,
  tail: new RegExp(
    String.raw`(?:-t)?[\s-]+(?:${PRONOUN}|\p{Lu}|(?:the|el|la|le|o|a|der|die|il|l['’])|(?:un|une|uno|una|um|uma|ein|eine|an)\s)`,
    'uy',
  ),
};

/** A dialogue line that runs to the end of its paragraph ends at the attribution inserted in it, if any. */
function splitDialogueIncise(paragraph: string, spans: QuoteSpan[]): QuoteSpan[] {
  const span = spans[0];
  if (spans.length !== 1 || !span || span.start !== 0 || span.end <= paragraph.length) return spans;
  if (!DIALOGUE_DASHES.includes(paragraph[0] as string)) return spans;
  const incise = execSlot(paragraph.slice(0, INCISE_WINDOW), DIALOGUE_INCISE);
  if (!incise) return spans;
  return [{ start: 0, end: incise.index, inner: paragraph.slice(1, incise.index) }];
}

/**
 * "Barbosa Delgado" → "Francisco Barbosa Delgado": each name of several words the tagger kept apart from the longer
 * name it ends (the surname after a named first mention), when only one longer name ends with it.
 */
function longerNames(entities: EntityResult): Map<string, string> {
  const tails = new Map<string, string | null>();
  for (const person of entities.people) {
    const words = cleanSpeaker(person.name.split(/\s+/u));
    const name = words.join(' ');
    for (let k = 1; k < words.length - 1; k++) {
      const tail = words.slice(k).join(' ');
      const known = tails.get(tail);
      tails.set(tail, known === undefined || known === name ? name : null);
    }
  }
  const out = new Map<string, string>();
  for (const [tail, name] of tails) if (name) out.set(tail, name);
  return out;
}

/**
 * A bracketed gloss between a quote and its attribution: « Errare humanum est » (l'erreur est humaine), lance X /
 * “Carpe diem” (seize the day), she said. Bounded, and no brackets inside, so the scan is linear.
 */
const GLOSS_AFTER_RE = /^\s*\([^()\n]{1,160}\)/u;

/**
 * “…”, a lancé un éleveur, Paul Martin. / said a local farmer, Paul Martin. / sagte ein Landwirt, Paul Martin.: a verb,
 * an indefinite role and the name set off after it, closing the clause.
 */
const VERB_INDEFINITE_ROLE_NAME_AFTER = verbAfterQuote(
  String.raw`\s+(?:un|une|a|an|ein|eine|einer|una|uno|um|uma)\s+(?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+,\s*${NAME}(?=\s*[.,;!?]|$)`,
  'du',
);

/** Attribution right after the quote: verb + name, pronoun or bare verb, name (+ role) + verb. */
function attributeAdjacent(quoted: QuoteSpan, ctx: Context): string | null {
  // The attribution is read after a gloss of the quote as if the gloss were part of it.
  const gloss = GLOSS_AFTER_RE.exec(ctx.paragraph.slice(quoted.end, quoted.end + 170));
  const span = gloss ? { ...quoted, end: quoted.end + gloss[0].length } : quoted;
  const after = withoutClitic(ctx.paragraph.slice(span.end, span.end + ATTRIBUTION_WINDOW));
  const indefiniteRole = execSlot(after, VERB_INDEFINITE_ROLE_NAME_AFTER);
  if (indefiniteRole?.[1] && indefiniteRole.indices?.[1]) {
    const speaker = speakerAt(ctx, span.end + indefiniteRole.indices[1][0], indefiniteRole[1], true);
    if (speaker) return speaker;
  }
  const verbName = execSlot(after, VERB_NAME_AFTER);
  // "said Liberal Democrat councillor Sam Patel": the person closing the descriptor, not the affiliation before it.
  if (verbName?.[4] && verbName.indices?.[4]) {
    const speaker = speakerAt(ctx, span.end + verbName.indices[4][0], verbName[4], true);
    if (speaker) return speaker;
  }
  // "sagt Cannabis-Autor und -Experte Michael Knodt": a lone hyphenated role word is no name; the person named next in
  // the clause is.
  if (verbName?.[2] && verbName.indices?.[2] && isRoleWord(verbName[2])) {
    const from = span.end + verbName.indices[2][1];
    const clauseEnd = /[,.;:!?“”"«»„]/u.exec(after.slice(verbName.indices[2][1]));
    const to = clauseEnd ? from + clauseEnd.index : span.end + after.length;
    const person = firstPersonIn(ctx.entities.personMentions, ctx.paragraphIndex, from, to, ctx.paragraphs);
    if (person) return person;
  }
  // "dijo en referencia a Pedro Salinas": a name after a preposition is talked about, not talking; but in "o
  // deputado do PS João Silva" the object is the party, and the full name after it is the speaker.
  // "subrayó el vocero presidencial Ulises Contreras.": an article and a person's role (or the outlet told) before a
  // full name that closes the clause make it a person, though no list knows it.
  const roleBefore =
    !!verbName?.[2] &&
    !!verbName.indices?.[2] &&
    isRoleRunBeforeName(verbName[1] ?? '', verbName[2], after, verbName.indices[2][1]);
  const object = !roleBefore && !!verbName?.[2] && OBJECT_BEFORE_RE.test(` ${verbName[1] ?? ''}`);
  if (verbName?.[2] && verbName.indices?.[2] && (!object || isAffiliatedName(verbName[2]))) {
    // A lowercase run before the name ("said in an interview with CNN") only counts if the name is a person.
    const needPerson = !roleBefore && (object || (verbName[1] ?? '').length > 0);
    const speaker = speakerAt(ctx, span.end + verbName.indices[2][0], verbName[2], needPerson);
    if (speaker) return speaker;
  }
  // "lamenta, por su parte, Iris Avellaneda": an aside between the verb and the name.
  const aside = execSlot(after, VERB_ASIDE_NAME_AFTER);
  if (aside?.[1]) {
    const speaker = speakerAt(
      ctx,
      span.end + aside.index + aside[0].length - aside[1].length,
      aside[1],
      !/\s/u.test(aside[1]),
    );
    if (speaker) return speaker;
  }
  // "detalló del Pópolo": no object of "del" when the article names "Silvina del Pópolo" in full.
  if (object && verbName?.[2] && PARTICLE_RE.test(verbName[1] ?? '')) {
    // A short surname may take the full stop after it ("del Río.").
    const surname = verbName[2].replace(/\.$/u, '');
    const full = fullNameFor(ctx, surname.split(/\s+/u)[0] ?? '');
    if (full?.endsWith(`${verbName[1] ?? ''}${surname}`)) return full;
  }
  const so = SO_NAME_AFTER_RE.exec(after);
  if (so?.[1]) {
    const speaker = speakerAt(ctx, span.end + so.index + so[0].length - so[1].length, so[1], false);
    if (speaker) return speaker;
  }
  // "“…” — Maria Santos, governor": a signature dash and a name after the quote.
  const signed = SIGNATURE_RE.exec(after);
  if (signed?.[1]) {
    const speaker = speakerAt(ctx, span.end + signed[0].length - signed[1].length, signed[1], !/\s/u.test(signed[1]));
    if (speaker) return speaker;
  }
  // "«…», la advertencia de Luis Camacho." / "“…”, fueron sus palabras.": the quote named as someone's words.
  const wordsOf = WORDS_OF_AFTER_RE.exec(after);
  if (wordsOf?.[1]) {
    const speaker = speakerAt(ctx, span.end + wordsOf[0].length - wordsOf[1].length, wordsOf[1], true);
    if (speaker) return speaker;
  } else if (wordsOf) return antecedent(ctx, span.start);
  // "“No vamos a ceder”: Luis Fernando Camacho" (a headline's or a caption's form): a colon and a name closing the line.
  const labelled = COLON_NAME_AFTER_RE.exec(after);
  if (labelled?.[1]) {
    const speaker = speakerAt(ctx, span.end + labelled[0].length - labelled[1].length, labelled[1], true);
    if (speaker) return speaker;
  }
  // "« … » Laurence Bloch, directrice de France Inter, Télérama, 2019" (an epigraph's or a caption's form): a paragraph
  // opening with the quote, a person's name right after it and a comma before their role or source.
  const epigraph = span.start <= 1 ? EPIGRAPH_NAME_AFTER_RE.exec(after) : null;
  if (epigraph?.[1]) {
    const speaker = speakerAt(ctx, span.end + epigraph[0].length - epigraph[1].length, epigraph[1], true);
    if (speaker && /\s/u.test(speaker)) return speaker;
  }
  // "”. With those words, Governor Maria Santos ended …" / "». Con esas palabras, la ministra cerró …": the words
  // just quoted are the subject's of the next sentence.
  const words = WITH_THESE_WORDS_AFTER_RE.exec(after);
  if (words) {
    const from = span.end + words.index;
    const speaker =
      firstPersonIn(ctx.entities.personMentions, ctx.paragraphIndex, from, from + words[0].length, ctx.paragraphs) ??
      roleInClause(ctx, words[0]);
    if (speaker) return speaker;
  }
  const that = execThatVerbName(after);
  if (that?.[2]) {
    const nameAt = span.end + that.index + that[0].length - that[2].length;
    const speaker = speakerAt(ctx, nameAt, that[2], (that[1] ?? '').length > 0);
    if (speaker) return speaker;
  }
  const role = execSlot(after, VERB_ROLE_AFTER);
  if (role) {
    const speaker = rolePhraseSpeaker(ctx, span.end + role.index, role[0]);
    if (speaker) return speaker;
  }
  // "advirtió la titular de Interior a los senadores": no name in the role phrase, its head noun is the role.
  const head = execSlot(after, ROLE_HEAD_AFTER)?.[1];
  if (role && head) {
    const person = personWithRole(ctx, span.start, head);
    if (person) return person;
  }
  const roleOnly = execRoleOnly(after);
  const roleWord = roleOnly?.[1] ?? roleOnly?.[2];
  if (roleWord) {
    const person = personWithRole(ctx, span.start, roleWord);
    if (person) return person;
    // "explained the court in its ruling" / "indicó el ministerio": a body speaks, no person.
    if (INSTITUTIONS.has(roleWord.toLowerCase())) return null;
  }
  // The role after an adverbial is the subject as a pronoun would be, unless a preposition makes it an object.
  const adverbial = execSlot(after, ADVERBIAL_ROLE_AFTER);
  const beforeArticle = adverbial?.[1]?.trim().split(/\s+/u).pop() ?? '';
  if (adverbial?.[2] && !PREPOSITIONS.has(beforeArticle))
    return personWithRole(ctx, span.start, adverbial[2]) ?? antecedent(ctx, span.start);
  // A carrying-on verb with no name continues the last quote's speaker, though others were named between.
  const last = ctx.lastAttributed;
  if (last.speaker && ctx.paragraphIndex - last.paragraph <= MAX_CONTINUATION_GAP && CONTINUATION_AFTER_RE.test(after))
    return last.speaker;
  // "”, descaseteó." / "”, desabafou Ana Lima.": a Spanish or Portuguese preterite no list holds, alone or before a name.
  const preterite = execPreterite(after);
  if (preterite?.[1]) {
    const speaker = speakerAt(
      ctx,
      span.end + preterite.index + preterite[0].length - preterite[1].length,
      preterite[1],
      true,
    );
    if (speaker) return speaker;
  } else if (preterite) return recentSpeaker(ctx) ?? antecedent(ctx, span.start);
  const nameVerb = execNameVerbAfter(after);
  const pronounSubject = nameVerb?.[1] !== undefined && NOT_SPEAKERS.has(firstWord(nameVerb[1]));
  // "déplore-t-elle" / "she said": not a person the words beside their name give the other gender.
  if (pronounAfter(after) || execSlot(after, ELIDED_ROLE_AFTER) !== null || ageAfter(after) || pronounSubject) {
    // "A spokeswoman for the company said …. “…,” she said": the pronoun is the unnamed speaker's.
    if (unnamedSpeakerBefore(ctx, span.start)) return null;
    // The tagger may have found no one to go back to: the speaker of the quotes just before goes on.
    // Nobody named before: the pronoun points on, to the person the text goes on to name as a subject.
    return antecedent(ctx, span.start, pronounGender(after)) ?? recentSpeaker(ctx) ?? laterSubject(ctx, span.end);
  }
  if (nameVerb?.[1]) {
    // With an apposition the "name" may be any capitalised sentence opener ("Rendido, tentou …, diz"): a person only.
    const rest = nameVerb[0].slice(nameVerb[0].indexOf(nameVerb[1]) + nameVerb[1].length);
    const apposition = rest.includes(',');
    // "Ulises Contreras, vocero presidencial, aseguró": a full name set off by a lowercase role is a person.
    const roleApposition = apposition && /\s/u.test(nameVerb[1]) && /^\s*,\s*\p{Ll}/u.test(rest);
    const speaker = speakerAt(ctx, span.end + after.indexOf(nameVerb[1]), nameVerb[1], apposition && !roleApposition);
    if (speaker) return speaker;
  }
  // "„…“, so der CDU-Politiker" / "sagte das Staatsoberhaupt": a German person's role no one was given before stands
  // for the subject last named, as a pronoun would.
  if (roleWord && (ROLE_NOUN_RE.test(roleWord) || isNeuterPersonNoun(roleWord))) {
    const person = antecedent(ctx, span.start);
    if (person) return person;
  }
  // "„…“, etwa wenn es ums Augenbrauehochziehen ging, sagt Stefan Lukschy": a subordinate clause inserted between
  // the quote and the verb and name.
  const inserted = INSERTED_CLAUSE_AFTER_RE.exec(after);
  if (inserted) {
    const rest = after.slice(inserted[0].length);
    const named = execSlot(rest, VERB_NAME_AFTER);
    if (named?.[2] && !named[1] && named.indices?.[2]) {
      const speaker = speakerAt(ctx, span.end + inserted[0].length + named.indices[2][0], named[2], true);
      if (speaker) return speaker;
    }
  }
  // “…,” White House press secretary Josh Earnest told reporters: the last person named before the verb.
  const subject = execSubjectVerb(after);
  // "„…“, wie Verkehrsminister Hans Brandt am Montag sagte": in the subordinate clause the subject comes first.
  if (subject && AS_CLAUSE_AFTER_RE.test(after)) {
    const first = firstPersonIn(
      ctx.entities.personMentions,
      ctx.paragraphIndex,
      span.end,
      span.end + subject.index + subject[0].length,
      ctx.paragraphs,
    );
    if (first) return first;
    // "„…“, wie der Minister sagte": the role noun, as a pronoun would.
    const role = roleInClause(ctx, subject[0]);
    if (role) return role;
  }
  if (subject) {
    const verbEnd = span.end + subject.index + subject[0].length;
    const before = lastPersonIn(ctx.entities.personMentions, ctx.paragraphIndex, span.end, verbEnd);
    if (before) return before;
    // "Als „exklusiver Partner“ habe seine Firma die Branche geprägt, schreibt einer der Geschäftsführer Jakob Sons":
    // the sentence goes on past the quote and closes with a comma, the verb and the person it names.
    if (COMMA_BEFORE_VERB_RE.test(subject[0])) {
      const rest = after.slice(subject.index + subject[0].length);
      const end = /[.;!?“”"«»„]/u.exec(rest);
      const to = end ? verbEnd + end.index : span.end + after.length;
      return firstPersonIn(ctx.entities.personMentions, ctx.paragraphIndex, verbEnd, to, ctx.paragraphs);
    }
  }
  return null;
}

/** The text between a quote and a speech verb ends in a comma: ", schreibt" / ", dijo" closing the sentence. */
const COMMA_BEFORE_VERB_RE = /,[\p{L} ]{1,26}$/u;
/** An article and one to three lowercase role words, no preposition: "el vocero presidencial ", "le porte-parole ". */
const ROLE_RUN_RE = new RegExp(String.raw`^(?:the|el|la|le|o|a)\s+${DESCRIPTOR_WORDS}$`, 'u');
/** Lowercase words that make the name after them a body or an outlet ("la agencia Associated Press"), not a person. */
const BODY_WORDS = new Set(
  'agency newspaper paper channel network station company firm group party agencia diario periódico cadena emisora empresa compañía grupo partido agence journal quotidien chaîne société entreprise groupe parti agência jornal emissora empresa grupo'.split(
    ' ',
  ),
);
/** "a este diario ", "to the local paper ", "à notre journal ": the outlet a speaker told, before the speaker. */
const TOLD_OUTLET_RE = /^(?:a|al|to|à|au|ao|à|gegenüber)\s+(?:\p{Ll}+\s+){1,3}$/u;
const OUTLET_WORDS = new Set(
  'diario periódico medio prensa radio emisora agencia newspaper paper reporters journalists journal quotidien presse radio jornal imprensa rádio agência'.split(
    ' ',
  ),
);
/** Characters before a name read for the article and role words that precede it. */
const ROLE_RUN_WINDOW = 60;
/** The article and role words (ROLE_RUN_RE) ending right before `at`, none of them a body's ("la agencia"). */
function roleRunBefore(ctx: Context, at: number): boolean {
  const lead = ctx.paragraph.slice(Math.max(0, at - ROLE_RUN_WINDOW), at);
  const m = ROLE_RUN_TAIL_RE.exec(lead);
  return !!m && !m[0].split(/\s+/u).some((w) => BODY_WORDS.has(w) || INSTITUTIONS.has(w));
}
const ROLE_RUN_TAIL_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:the|el|la|le|o|a|del|al|do|da|du|au|ao)\s+${DESCRIPTOR_WORDS}$`,
  'u',
);

/** A full name of two to four words after an article and role words, closing its clause (a stop or comma next). */
function isRoleRunBeforeName(run: string, name: string, after: string, nameEnd: number): boolean {
  const words = name.split(/\s+/u);
  if (words.length < 2 || words.length > 4) return false;
  // "dijo a este diario Ulises Contreras" / "señaló en diálogo con este medio X": the outlet told is the object, the
  // name after it the subject.
  const told = run.split(/\s+/u).some((w) => OUTLET_WORDS.has(w));
  if (!told && (TOLD_OUTLET_RE.test(run) || !ROLE_RUN_RE.test(run))) return false;
  if (!told && run.split(/\s+/u).some((w) => BODY_WORDS.has(w) || INSTITUTIONS.has(w))) return false;
  if (NOT_SPEAKERS.has(words[0] as string)) return false;
  return /^\s*(?:[.,;]|$)/u.test(after.slice(nameEnd));
}

/** A dash and a name closing its line or followed by a comma or bracket: the signature of a quote ("— X, mayor"). */
const SIGNATURE_RE = new RegExp(String.raw`^\s*(?:[.,]\s*)?[—–―]\s*${NAME}(?=\s*[,(;]|\.?\s*$)`, 'u');
/**
 * ", la advertencia de X" / ", a avaliação de X" / ", le message de X": a noun for what was said and its speaker closing
 * the clause; ", fueron sus palabras" / ", foram as palavras dele": the person last named.
 */
const WORDS_OF_AFTER_RE = new RegExp(
  String.raw`^\s*,\s*(?:(?:la|el|las|los|a|o|as|os|le|les|l['’])\s*(?:advertencia|reflexión|mensaje|conclusión|respuesta|promesa|frase|palabras|avaliação|mensagem|resposta|promessa|palavras|message|réponse|conclusion|mise en garde|promesse|phrase)\s+(?:de|del|do|da|du)\s+${NAME}(?=\s*[.,;]|\s*$)|(?:fueron|son|foram|são)\s+(?:sus|suas)\s+(?:palabras|palavras)\s*[.,;])`,
  'u',
);
/** A name and a comma right after a quote that opens its paragraph: "« … » Laurence Bloch, directrice de …". */
const EPIGRAPH_NAME_AFTER_RE = new RegExp(String.raw`^[^\S\n]+${NAME}(?=\s*,)`, 'u');
/** A colon and a name that ends the paragraph after a quote: "“…”: Luis Fernando Camacho". */
const COLON_NAME_AFTER_RE = new RegExp(String.raw`^\s*:\s*${NAME}(?=\.?\s*$)`, 'u');
/** A sentence after a quote that opens by pointing back at its words, up to that sentence's end. */
const WITH_THESE_WORDS_AFTER_RE = new RegExp(
  String.raw`^\s*(?:\.\s*)?(?:With (?:these|those|that|this) (?:words|remarks|comments?|statement)|Con (?:estas|esas|aquellas|dichas|tales) (?:palabras|declaraciones|frases)|Con (?:esta|esa|aquella|dicha|tal) (?:frase|declaración|afirmación)|Mit (?:diesen|den|solchen|jenen) Worten|Mit (?:diesem|dem|jenem) Satz|(?:Par|Avec|Sur) ces (?:mots|paroles|propos)|Com (?:estas|essas|aquelas|tais) (?:palavras|declarações)|Com (?:esta|essa|aquela|tal) (?:frase|declaração)|Con (?:queste|quelle) parole)(?![\p{L}])[^.!?\n“”"«»„]{0,160}`,
  'u',
);
/** ", wie … sagte" / ", as … said" / ", como … dijo" / ", comme l'a dit …": a subordinate clause of attribution. */
const AS_CLAUSE_AFTER_RE = /^\s*(?:,\s*)?(?:wie|as|como|comme|come)\s/u;

/** The person a role phrase after a quote names: the first person in it that is no object, or the name closing it. */
function rolePhraseSpeaker(ctx: Context, from: number, phrase: string): string | null {
  const person = firstPersonIn(
    ctx.entities.personMentions,
    ctx.paragraphIndex,
    from,
    from + phrase.length,
    ctx.paragraphs,
  );
  if (person) return person;
  const named = NAME_AT_END_RE.exec(phrase.trimEnd());
  const namedAt = named?.[1] ? phrase.lastIndexOf(named[1]) : -1;
  if (named?.[1] && !OBJECT_BEFORE_RE.test(phrase.slice(Math.max(0, namedAt - OBJECT_WINDOW), namedAt))) {
    // "…, dijo el titular de la cartera, Ulises Contreras": a full name set off by a comma after the role is the
    // person holding it, though no list knows it.
    const apposed = /\s/u.test(named[1]) && /,\s*$/u.test(phrase.slice(0, namedAt));
    return speakerAt(ctx, from + namedAt, named[1], !apposed);
  }
  return null;
}

/** Attribution further out: "according to", inside the quote, the clause or sentence before it. */
function attributeAround(span: QuoteSpan, ctx: Context): string | null {
  const mentions = ctx.entities.personMentions;
  const after = ctx.paragraph.slice(span.end, span.end + ATTRIBUTION_WINDOW);
  const according = ACCORDING_TO_RE.exec(after);
  if (according?.[2]) {
    const nameAt = span.end + according.index + according[0].length - according[2].length;
    const speaker = speakerAt(ctx, nameAt, according[2], (according[1] ?? '').length > 0);
    if (speaker) return speaker;
  }
  // "selon la ministre de la Santé, Claire Martin": a role phrase whose person (or closing name) is the speaker.
  const accordingRole = ACCORDING_ROLE_AFTER_RE.exec(after);
  if (accordingRole) {
    const speaker = rolePhraseSpeaker(ctx, span.end + accordingRole.index, accordingRole[0]);
    if (speaker) return speaker;
  }
  const inner = span.inner.slice(0, INCISE_WINDOW);
  const incise = execSlot(inner, INCISE);
  if (incise?.[1] && !NOT_SPEAKERS.has(firstWord(incise[1]))) {
    const speaker = speakerAt(ctx, span.start + 1 + inner.indexOf(incise[1], incise.index), incise[1], false);
    if (speaker) return speaker;
  }
  const incisePronoun = execSlot(inner, INCISE_PRONOUN);
  if (incisePronoun) return antecedent(ctx, span.start, pronounGender(incisePronoun[0]));
  if (execSlot(inner, INCISE_DASH_VERB) !== null) return antecedent(ctx, span.start);
  // The role goes back to the person given it, else to the subject last named, as a pronoun would.
  const inciseRole = execSlot(inner, INCISE_ROLE)?.[1];
  if (inciseRole) return personWithRole(ctx, span.start, inciseRole) ?? antecedent(ctx, span.start);
  // "«…»." / "Así lo explicó el abogado Wilber Huamaní.": a quote closing its paragraph, attributed by the next.
  if (/^[\s.,;!?)]*$/u.test(ctx.paragraph.slice(span.end))) {
    const next = nextParagraphAttribution(ctx);
    if (next) return next;
  }

  const windowFrom = Math.max(0, span.start - CLAUSE_WINDOW);
  const before = ctx.paragraph.slice(windowFrom, span.start).trimEnd();
  const clauseFrom = clauseStart(before);
  const clause = before.slice(clauseFrom);
  // A clause that ends its sentence ("… gekostet haben.") introduces nothing: that is the sentence-before case.
  const sentenceEnded = /[.!?]$/u.test(clause);
  // "Para la ministra Ana Souza, “…”" / "Pour Claire Dubois, « … »": the view of the person named, if a person.
  const forName = FOR_NAME_CLAUSE_RE.exec(clause);
  if (forName?.[2] && forName.indices?.[2]) {
    const at = windowFrom + clauseFrom + forName.indices[2][0];
    // "Para Ulises Contreras, investigador del Colegio de México, «…»": a full name set off by an apposition.
    const apposed = forName[3] !== undefined && /\s/u.test(forName[2]);
    const speaker = speakerAt(ctx, at, forName[2], !apposed);
    if (speaker) return speaker;
  }
  // "Pour le ministre de l’Intérieur, Gérald Darmanin, « … »": a role and a comma before the name, the last person
  // named in the clause (no object).
  if (FOR_ROLE_CLAUSE_RE.test(clause)) {
    const m = mentions[mentionIndex(mentions, ctx.paragraphIndex, span.start) - 1];
    if (
      m &&
      m.paragraph === ctx.paragraphIndex &&
      m.offset >= windowFrom + clauseFrom &&
      !isFragment(m) &&
      !isObjectMention(ctx.paragraphs, m)
    )
      return m.name;
  }
  const apposed = ROLE_APPOSED_CLAUSE_RE.exec(clause);
  if (apposed?.[1] && /\s/u.test(apposed[1])) {
    const at = windowFrom + clauseFrom + apposed.index + apposed[0].lastIndexOf(apposed[1]);
    const speaker = speakerAt(ctx, at, apposed[1], false);
    if (speaker) return speaker;
  }
  // "Frage: Was sagen Sie zu Landrat Hans Brandt?" / "Antwort: „…“": an answer is the interviewee's, not the
  // person the question names.
  // "—¿Y qué dice Tomás Ruiz?" / "—Que lo estudiará …": so is a dialogue line answering a question line.
  const dialogueLine = span.start === 0 && DIALOGUE_DASHES.includes(ctx.paragraph[0] ?? '');
  if (ANSWER_LABEL_RE.test(clause) || dialogueLine) {
    const speaker = interviewee(ctx) ?? (dialogueLine ? alternatingTurn(ctx) : null);
    if (speaker) return speaker;
  }
  if (clause && !sentenceEnded && clauseSpeech(clause)) {
    // "…, sei völlig unangemessen, so Precht: „…“" / "…, según Pérez: «…»": the source named right before the colon,
    // not the people the clause talks about.
    const source = SOURCE_COLON_RE.exec(clause);
    if (source?.[1] && !NOT_SPEAKERS.has(firstWord(source[1]))) {
      const at = windowFrom + clauseFrom + source.index + source[0].lastIndexOf(source[1]);
      const speaker = speakerAt(ctx, at, source[1], false);
      if (speaker) return speaker;
    }
    // "Im Gespräch mit Tim Becker berichtete die Ministerin: „…“" / "Asked by Tim Becker, the secretary said:": a role
    // noun as the verb's subject; the people named before it are not speaking. The person named after the role, else
    // the one given that role before the clause.
    const roleSubject = execClauseRoleSubject(clause);
    const role = roleSubject?.[1] ?? roleSubject?.[2];
    if (roleSubject && role) {
      const at = windowFrom + clauseFrom + roleSubject.index;
      const personRole = ROLE_NOUN_RE.test(role) || isNeuterPersonNoun(role);
      const speaker =
        firstPersonIn(mentions, ctx.paragraphIndex, at, span.start, ctx.paragraphs) ??
        // "fordert der Experte von Tax Justice Network Markus Meinzer:": the name closing the clause holds the role.
        colonName(ctx, clause.slice(roleSubject.index), at) ??
        personWithRole(ctx, windowFrom + clauseFrom, role) ??
        // "Im Gespräch mit X und Y berichtete die Präsidentin:": a German person's role no one was given stands for
        // the subject named before the clause, as a pronoun would; the people the clause names are not speaking.
        (personRole
          ? (antecedent(ctx, windowFrom + clauseFrom) ??
            sentenceOpenerBefore(ctx, before.slice(0, clauseFrom), windowFrom))
          : null);
      if (speaker || personRole) return speaker;
    }
    // "Asked whether Joe Biden should step aside, Nancy Pelosi said:" / "…, antwortete Friedrich Merz:": the name
    // beside the speech verb is its subject, not the people an introductory clause talks about.
    const verbSubject = verbSubjectIn(ctx, clause, windowFrom + clauseFrom);
    if (verbSubject) return verbSubject;
    // "Levi Pay, a former director …, says:" / "Al respecto, señaló:" (no subject: the person last named).
    return (
      firstPersonIn(mentions, ctx.paragraphIndex, windowFrom + clauseFrom, span.start, ctx.paragraphs) ??
      colonName(ctx, clause, windowFrom + clauseFrom) ??
      nameAfterSpeech(ctx, clause, windowFrom + clauseFrom) ??
      clauseOpener(ctx, clause, windowFrom + clauseFrom) ??
      antecedent(ctx, span.start)
    );
  }
  // The sentence before names the speaker: "Auf weitere Nachfrage sagt Keuter, er könne … „Der Ihnen …“"
  if (sentenceEnded || (clauseFrom > 0 && clause.trim() === '')) {
    const sentence = sentenceEnded ? before : before.slice(0, clauseFrom).trimEnd();
    const sentenceFrom = Math.max(clauseStart(sentence), ctx.previousEnd - windowFrom);
    // "…, so die Industriesprecherin. „…“" / "…, dijo la ministra. «…»": reported speech closed by a role noun.
    const closing = sentenceFrom >= 0 ? execRoleClosing(sentence.slice(sentenceFrom)) : null;
    const closingRole = closing?.[1] ?? closing?.[2];
    if (closingRole)
      return personWithRole(ctx, span.start, closingRole) ?? recentSpeaker(ctx) ?? antecedent(ctx, span.start);
    if (clauseSpeech(sentence.slice(sentenceFrom))) {
      const person =
        firstPersonIn(
          mentions,
          ctx.paragraphIndex,
          windowFrom + sentenceFrom,
          windowFrom + sentence.length,
          ctx.paragraphs,
        ) ?? nameAfterSpeech(ctx, sentence.slice(sentenceFrom), windowFrom + sentenceFrom);
      if (person) return person;
      // "Perguntado sobre o livro, ele responde de pronto. “…”": a pronoun and a speech verb, the person last named.
      if (execSlot(sentence.slice(sentenceFrom), PRONOUN_VERB) !== null) return antecedent(ctx, span.start);
    } else if (sentenceEnded && sentenceFrom >= 0) {
      // "Jane Doe, the transport secretary, was blunt. “…”": no speech verb, but the sentence before opens with
      // its subject (a name, perhaps after a role: "Die Ministerin Anna Weber ist zuversichtlich.").
      const subjectFrom = windowFrom + sentenceFrom;
      const opener = sentenceSubject(ctx, ctx.paragraphIndex, subjectFrom);
      if (opener) return opener;
      // A name the tagger missed opening the sentence: it must be a person (a known given name or surname).
      const opening = SENTENCE_NAME_RE.exec(sentence.slice(sentenceFrom, sentenceFrom + SUBJECT_LEAD + 40));
      if (opening?.[1]) {
        const speaker = speakerAt(ctx, subjectFrom + opening[0].length - opening[1].length, opening[1], true);
        if (speaker) return speaker;
      }
    }
  }
  // "Herrera calificó las cuentas de «ficción contable …»": a quote inside a sentence with no speech verb is the
  // words of the sentence's subject, when a person opens it.
  if (clause.trim() && !sentenceEnded) {
    const opener = sentenceSubject(ctx, ctx.paragraphIndex, windowFrom + clauseFrom, true);
    if (opener) return opener;
  }
  const subject = paragraphSubject(ctx, span, before.slice(clauseStart(before)));
  if (subject) return subject;
  // A paragraph that is nothing but a quote, after a paragraph without quotes whose last sentence opens with its
  // subject: "Sophie Leroy ne cache pas sa colère." / "« On nous avait promis … »".
  const previous = ctx.paragraphIndex - 1;
  if (
    span.start === 0 &&
    previous >= 0 &&
    (ctx.spans[previous] ?? []).length === 0 &&
    /^[\s.,;!?)]*$/u.test(ctx.paragraph.slice(span.end))
  ) {
    const prev = ctx.previousParagraph.trimEnd();
    if (/[.!?]$/u.test(prev)) {
      const tailFrom = Math.max(0, prev.length - CLAUSE_WINDOW);
      const opener = sentenceSubject(ctx, previous, tailFrom + clauseStart(prev.slice(tailFrom, -1)), true);
      if (opener) return opener;
    }
  }
  // A quote opening its paragraph after one that ends in a colon: "…, sieht sie die Sache etwas anders:"
  if (span.start === 0 && ctx.previousParagraph.trimEnd().endsWith(':')) {
    const prev = ctx.previousParagraph.trimEnd();
    const tail = prev.slice(Math.max(0, prev.length - CLAUSE_WINDOW));
    const from = prev.length - tail.length + clauseStart(tail);
    // "Ulises Contreras:" as a paragraph of its own: the label of the quote below, though the tagger missed it.
    const labelCtx: Context = { ...ctx, paragraph: prev, paragraphIndex: ctx.paragraphIndex - 1, previousEnd: 0 };
    return (
      firstPersonIn(mentions, ctx.paragraphIndex - 1, from, prev.length, ctx.paragraphs) ??
      (from === 0 ? colonName(labelCtx, prev, 0) : null) ??
      roleInClause(ctx, prev.slice(from)) ??
      lastPersonBefore(mentions, ctx.paragraphIndex, 0, ctx.paragraphs)
    );
  }
  return null;
}

/** An interview's answer label, all the clause before a quote: "R:", "Antwort:", "Réponse :", "A.:". */
const ANSWER_LABEL_RE = /^(?:[—–-]\s*)?(?:R|A|Antwort|Respuesta|Réponse|Resposta|Risposta|Answer)\s*(?:\.\s*)?:$/u;
/** An interview's question paragraph: a question label opening it, or a question mark closing it. */
const QUESTION_PARAGRAPH_RE = /^(?:[—–-]\s*)?(?:P|Q|F|Frage|Pregunta|Question|Pergunta|Domanda)\s*(?:\.\s*)?:|\?\s*$/u;
/** Question paragraphs skipped back to the interview's last statement. */
const MAX_QUESTION_PARAGRAPHS = 3;

/** The person last named (as a subject, outside quotes) before the question paragraphs that precede this answer. */
function interviewee(ctx: Context): string | null {
  let k = ctx.paragraphIndex - 1;
  while (
    k >= 0 &&
    ctx.paragraphIndex - k <= MAX_QUESTION_PARAGRAPHS &&
    QUESTION_PARAGRAPH_RE.test(ctx.paragraphs[k] ?? '')
  )
    k--;
  if (k === ctx.paragraphIndex - 1) return null;
  return lastSubjectBefore(ctx.entities.personMentions, k + 1, 0, ctx.paragraphs, ctx.spans)?.name ?? null;
}

/**
 * "–Y vuelve contra Chile." / "–Todavía recuerdo el silencio …": the turns of a dash interview alternate, so a dialogue
 * line two lines after one given a speaker, past a line no one was given (the interviewer's), is that speaker's again.
 */
function alternatingTurn(ctx: Context): string | null {
  const k = ctx.paragraphIndex;
  const last = ctx.lastAttributed;
  if (!last.speaker || last.paragraph !== k - 2) return null;
  const isLine = (paragraph: string | undefined): boolean => DIALOGUE_DASHES.includes(paragraph?.[0] ?? ' ');
  return isLine(ctx.paragraphs[k - 1]) && isLine(ctx.paragraphs[k - 2]) ? last.speaker : null;
}

/** The first person named as a subject after `offset` in this paragraph, else opening the next paragraph. */
function laterSubject(ctx: Context, offset: number): string | null {
  const mentions = ctx.entities.personMentions;
  return (
    firstPersonIn(mentions, ctx.paragraphIndex, offset, ctx.paragraph.length, ctx.paragraphs) ??
    (ctx.paragraphIndex + 1 < ctx.paragraphs.length ? sentenceSubject(ctx, ctx.paragraphIndex + 1, 0) : null)
  );
}

/**
 * The speaker the paragraph after this one names as it opens by pointing back ("Así lo explicó …", "Das sagte …",
 * "Son palabras de …", "With those words, …").
 */
function nextParagraphAttribution(ctx: Context): string | null {
  const index = ctx.paragraphIndex + 1;
  const paragraph = ctx.paragraphs[index];
  if (!paragraph) return null;
  const head = paragraph.slice(0, ATTRIBUTION_WINDOW);
  const next: Context = { ...ctx, paragraph, paragraphIndex: index, previousParagraph: ctx.paragraph, previousEnd: 0 };
  // "—Ulises Contreras, alcalde de la localidad.": a signature line under the quote.
  const signed = SIGNATURE_RE.exec(head);
  if (signed?.[1]) {
    const speaker = speakerAt(next, signed[0].length - signed[1].length, signed[1], !/\s/u.test(signed[1]));
    if (speaker) return speaker;
  }
  const that = execThatVerbName(head);
  if (that?.[2]) {
    const speaker = speakerAt(next, that.index + that[0].length - that[2].length, that[2], (that[1] ?? '').length > 0);
    if (speaker) return speaker;
  }
  const words = WITH_THESE_WORDS_AFTER_RE.exec(head);
  if (words)
    return (
      firstPersonIn(ctx.entities.personMentions, index, 0, words[0].length, ctx.paragraphs) ??
      roleInClause(ctx, words[0])
    );
  return null;
}

/**
 * The person tagged as the subject opening the sentence at (paragraph, from): named within SUBJECT_LEAD characters
 * of its start, perhaps after a role ("Die Ministerin Anna Weber ist zuversichtlich."), and no prepositional object.
 */
function sentenceSubject(ctx: Context, paragraph: number, from: number, strict = false): string | null {
  const mentions = ctx.entities.personMentions;
  const m = mentions[mentionIndex(mentions, paragraph, from)];
  if (!m || m.paragraph !== paragraph || m.offset - from > SUBJECT_LEAD || isFragment(m)) return null;
  const lead = (ctx.paragraphs[paragraph] ?? '').slice(from, m.offset);
  if (/[.!?]/u.test(lead) || isObjectMention(ctx.paragraphs, m)) return null;
  // Strict: only a role before the name, perhaps set off by a comma ("La ministra de Trabajo, Lucía Herrera"), no
  // clause ("La oposición, encabezada por María Pérez").
  if (strict) {
    // An introductory phrase may come first if an article and a role open the name's own part ("Consultada sobre el
    // tema, la alcaldesa Evelyn Matthei …").
    const trimmed = lead.replace(/,\s*$/u, '');
    const comma = trimmed.lastIndexOf(',');
    if (comma >= 0 && !ROLE_LEAD_RE.test(trimmed.slice(comma + 1))) return null;
  }
  return m.name;
}

/** The speaker of the last attributed quote, if at most MAX_CONTINUATION_GAP paragraphs back. */
function recentSpeaker(ctx: Context): string | null {
  const last = ctx.lastAttributed;
  return last.speaker && ctx.paragraphIndex - last.paragraph <= MAX_CONTINUATION_GAP ? last.speaker : null;
}

/** A subject pronoun anywhere in a sentence ("…, aus welcher er auswählen sollte."). */
const SUBJECT_PRONOUN_RE = new RegExp(String.raw`(?<![\p{L}])${PRONOUN}`, 'iu');

/**
 * "Der Trainer Anna Weber verließ das Team. … wurde ihr eine Gruppe präsentiert, aus der sie wählen sollte. „…“": a
 * quote closing a paragraph with no attribution, whose sentence before it refers back with a subject pronoun, is the
 * paragraph's opening subject when nobody else is named outside quotes before it.
 */
function paragraphSubject(ctx: Context, span: QuoteSpan, sentenceBefore: string): string | null {
  if (!/^[\s.,;!?)]*$/u.test(ctx.paragraph.slice(span.end)) || !SUBJECT_PRONOUN_RE.test(sentenceBefore)) return null;
  const mentions = ctx.entities.personMentions;
  const at = mentionIndex(mentions, ctx.paragraphIndex, 0);
  const first = mentions[at];
  if (!first || first.paragraph !== ctx.paragraphIndex || first.offset > SUBJECT_LEAD || first.offset >= span.start)
    return null;
  if (
    isFragment(first) ||
    isObjectMention(ctx.paragraphs, first) ||
    /[.!?]/u.test(ctx.paragraph.slice(0, first.offset))
  )
    return null;
  // Bounded: a paragraph naming many people has no single subject.
  for (let i = at + 1; i < mentions.length; i++) {
    const m = mentions[i] as PersonMention;
    if (m.paragraph !== ctx.paragraphIndex || m.offset >= span.start) break;
    if (i - at > MAX_ANTECEDENT_MENTIONS) return null;
    if (m.name !== first.name && !isQuoted(ctx.spans, m, ctx.paragraphs)) return null;
  }
  return first.name;
}

/** An article and a noun: a role that may stand for a person named before ("the secretary", "die Ministerin"). */
const ARTICLE_NOUN_RE = /(?<![\p{L}])(?:the|el|la|le|o|a|der|die|il)\s+(\p{L}{4,})(?![\p{L}])/gu;
/** Article-and-noun pairs of a clause looked at for a role. */
const MAX_CLAUSE_ROLES = 4;

/**
 * "Afterwards the secretary was blunt:" / "Danach stellte die Ministerin klar:": the person given the first role of
 * the clause (at most MAX_CLAUSE_ROLES looked at) that someone named before this paragraph holds.
 */
function roleInClause(ctx: Context, clause: string): string | null {
  let looked = 0;
  ARTICLE_NOUN_RE.lastIndex = 0;
  for (let m = ARTICLE_NOUN_RE.exec(clause); m && looked < MAX_CLAUSE_ROLES; m = ARTICLE_NOUN_RE.exec(clause)) {
    looked++;
    const person = m[1] ? personWithRole(ctx, 0, m[1]) : null;
    if (person) return person;
  }
  return null;
}

/** The start of the last sentence in `text`: after [.!?] (and a closing mark) and a space, not after "Dr." or "30.". */
function clauseStart(text: string): number {
  let from = 0;
  for (let i = 1; i < text.length; i++) {
    if (!/\s/u.test(text[i] as string)) continue;
    let k = i - 1;
    if ('”"»“'.includes(text[k] as string)) k--;
    const c = text[k];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    if (c === '.') {
      // "Dr.", "C." or a German ordinal ("30. März") does not end a sentence.
      const word = /(?:^|\s)(\S{1,3})$/u.exec(text.slice(Math.max(0, k - 4), k))?.[1];
      if (word && /^(?:\p{Lu}|\d)/u.test(word)) continue;
    }
    from = i + 1;
  }
  return from;
}

/** "… laut Ulrich Müller, Experte …" / "sagt Keuter, er könne …": a name right after a speech verb in a clause. */
/**
 * A capitalised German role noun (Modejournalistin, Verkehrsexperte, Stadtplaner): eight letters or more, ending as
 * role nouns do. Two joined by "und" may precede a name ("findet Modejournalistin und Trendexpertin Karolina L.").
 */
const ROLE_NOUN = String.raw`\p{Lu}\p{Ll}{7,}(?<=in|er|ent|ist|te|or|eur|ge)`;
const ROLE_NOUN_RE = new RegExp(String.raw`^${ROLE_NOUN}$`, 'u');

const NAME_AFTER_SPEECH: SlotPattern = {
  lead: WORD_START_RE,
  slot: verbOrAccordingEnds,
  tail: new RegExp(String.raw`\s+(?:${ROLE_NOUN}\s+und\s+)?${NAME}`, 'uy'),
};
/** "… Wolfgang Steubing:" — a name right before the colon that ends a clause. */
const NAME_BEFORE_COLON_RE = new RegExp(String.raw`(?<![\p{L}'’-])${NAME}\s*:$`, 'u');
/** "Hape Kerkeling konstatiert:" — a clause of a name and one lowercase verb before a colon. */
const NAME_VERB_COLON_RE = new RegExp(String.raw`^\s*${NAME}\s+\p{Ll}+\s*:$`, 'u');
/** "Selon la ministre des Transports Claire Dubois, « … »": an article and role words before the name. */

const ROLE_NAME_AFTER_SPEECH: SlotPattern = {
  lead: WORD_START_RE,
  slot: verbOrAccordingEnds,
  tail: new RegExp(String.raw`\s+((?:[\p{Ll}'-]+\s+){1,5})${NAME}`, 'uy'),
};

/**
 * "Der Vorsitzende des Aufsichtsrats Wolfgang Steubing:" / "Hape Kerkeling konstatiert:": a full name right before
 * the colon, or opening a clause of the name and one verb, that the tagger did not find.
 */
function colonName(ctx: Context, clause: string, clauseAt: number): string | null {
  const m = NAME_BEFORE_COLON_RE.exec(clause) ?? NAME_VERB_COLON_RE.exec(clause);
  const name = m?.[1];
  if (!m || !name || NOT_SPEAKERS.has(firstWord(name))) return null;
  const at = clauseAt + m.index + m[0].indexOf(name);
  // "… bei Vertragspartnern des Staates Deutschland:": a name after an article or a preposition is talked about.
  const lead = ctx.paragraph.slice(Math.max(0, at - 12), at);
  const wordBefore = /\s$/u.test(lead) ? (lead.trimEnd().split(/\s/u).pop() ?? '') : '';
  if ((ARTICLES.has(wordBefore) || PREPOSITIONS.has(wordBefore)) && !name.split(/\s+/u).some(isGivenName)) return null;
  // "Contreras: «…»": a lone word labelling the quote is a surname only if the article names that person in full.
  if (!/\s/u.test(name))
    return /^\s*(?:[—–-]\s*)?$/u.test(clause.slice(0, m.index)) ? speakerAt(ctx, at, name, true) : null;
  return speakerAt(ctx, at, name, false);
}

/**
 * "Der Finanzexperte Markus Meinzer von … hält das für ein Problem:": a person's name (perhaps after an article and a
 * role) opening a clause that introduces a quote with a colon, though the tagger missed it.
 */
function clauseOpener(ctx: Context, clause: string, clauseAt: number): string | null {
  if (!clause.endsWith(':')) return null;
  const opening = SENTENCE_NAME_RE.exec(clause.slice(0, SUBJECT_LEAD + 40));
  if (!opening?.[1]) return null;
  return speakerAt(ctx, clauseAt + opening[0].length - opening[1].length, opening[1], true);
}

/** The person's name opening the last sentence of `text` (at `textAt`), though the tagger missed it. */
function sentenceOpenerBefore(ctx: Context, text: string, textAt: number): string | null {
  const trimmed = text.trimEnd();
  if (!/[.!?]$/u.test(trimmed)) return null;
  const from = clauseStart(trimmed.slice(0, -1));
  const opening = SENTENCE_NAME_RE.exec(trimmed.slice(from, from + SUBJECT_LEAD + 40));
  if (!opening?.[1]) return null;
  return speakerAt(ctx, textAt + from + opening[0].length - opening[1].length, opening[1], true);
}

function nameAfterSpeech(ctx: Context, clause: string, clauseAt: number): string | null {
  const match = execSlot(clause, NAME_AFTER_SPEECH);
  if (match?.[1] && !NOT_SPEAKERS.has(firstWord(match[1])))
    return speakerAt(ctx, clauseAt + match.index + match[0].length - match[1].length, match[1], false);
  // Words between the verb and the name: the name must be a person ("selon la loi Evin" is not).
  const role = execSlot(clause, ROLE_NAME_AFTER_SPEECH);
  if (!role?.[2] || NOT_SPEAKERS.has(firstWord(role[2]))) return null;
  return speakerAt(ctx, clauseAt + role.index + role[0].length - role[2].length, role[2], true);
}

const firstWord = (name: string): string => name.split(/\s+/u)[0] ?? '';

/**
 * Index of the first mention at or after (paragraph, offset) in the reading-order list: a binary search, so each
 * quote costs O(log mentions) however long the article is.
 */
function mentionIndex(mentions: readonly PersonMention[], paragraph: number, offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = mentions[mid] as PersonMention;
    if (m.paragraph < paragraph || (m.paragraph === paragraph && m.offset < offset)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The canonical person for a name written at `at`: the tagger's person mention covering it (full name for a
 * surname), else the name as written without titles or role words. `needPerson` (the name came after other words)
 * rejects a name that is neither a tagged person, nor holds a known given name, nor is a surname named in full.
 */
function speakerAt(ctx: Context, at: number, written: string, needPerson: boolean): string | null {
  const mentions = ctx.entities.personMentions;
  const i = mentionIndex(mentions, ctx.paragraphIndex, at);
  const covering = mentions[i - 1];
  const inside = mentions[i];
  let name: string | null = null;
  if (covering && covering.paragraph === ctx.paragraphIndex && covering.end > at) name = covering.name;
  else if (inside && inside.paragraph === ctx.paragraphIndex && inside.offset < at + written.length) name = inside.name;
  const tokens = cleanSpeaker((name ?? written).split(/\s+/u));
  if (tokens.length === 0 || NOT_SPEAKERS.has(tokens[0] as string)) return null;
  if (tokens.length === 1) {
    const full = ctx.entities.resolvePerson(tokens[0] as string) ?? fullNameFor(ctx, tokens[0] as string);
    if (full && full.includes(' ')) return full;
    if (needPerson && !name) return null;
    return tokens[0] as string;
  }
  // A full name after a dropped role ("Wirtschaftsministerin Mona Neubaur") is a person too, and so is one after an
  // article and lowercase role words ("el vocero presidencial Ulises Contreras").
  const afterRole = tokens.length < written.split(/\s+/u).length || roleRunBefore(ctx, at);
  if (needPerson && !name && !afterRole && !tokens.some((t) => FIRST_NAMES.has(t))) return null;
  const cleaned = tokens.join(' ');
  return name ? cleaned : (ctx.entities.resolvePerson(cleaned) ?? cleaned);
}

/** The endings of agent and role nouns ("Youtuber", "Aktivistin", "Präsident", "Ingenieur", "Soziologe"). */
const AGENT_NOUN_RE = /^\p{Lu}\p{Ll}+(?:er|ist|ent|eur|ant|loge|iker)(?:in)?$/u;

/** A surname left alone by tidying ("M. Caldwell" → "Caldwell") is the person named in full in the article. */
function fullSpeaker(ctx: Context, tidy: string, longer: ReadonlyMap<string, string>): string {
  const known = longer.get(tidy);
  if (known) return known;
  const words = tidy.split(' ');
  // "sagt Youtuber Kehl": a capitalised word that is no given name before the surname of someone the article names
  // in full with a known given name ("Thomas Kehl") is a role, not a second person.
  if (words.length === 2 && !isGivenName(words[0] as string) && AGENT_NOUN_RE.test(words[0] as string)) {
    const surname = words[1] as string;
    const full = ctx.entities.resolvePerson(surname) ?? fullNameFor(ctx, surname);
    const fullWords = full?.split(' ') ?? [];
    if (
      full &&
      full !== tidy &&
      fullWords.length === 2 &&
      fullWords[1] === surname &&
      isGivenName(fullWords[0] as string)
    )
      return full;
  }
  if (/\s/u.test(tidy)) return tidy;
  const full = ctx.entities.resolvePerson(tidy) ?? fullNameFor(ctx, tidy);
  return full && full.includes(' ') ? full : tidy;
}

/** The speaker as returned: no titles or role words, and never a lowercase fragment the tagger took ("de Colombia"). */
function tidySpeaker(name: string): string | null {
  const tidy = cleanSpeaker(name.split(/\s+/u)).join(' ');
  return /^\p{Lu}/u.test(tidy) ? tidy : null;
}

/**
 * "PS João Silva", "Ambiente Graça Carvalho": a party or body before a full name, which tidying drops. After a
 * preposition the body is its object and the person named after it may speak; a title ("to President Joe Biden")
 * leaves the person the object.
 */
function isAffiliatedName(written: string): boolean {
  const tokens = written.split(/\s+/u);
  const first = tokens[0] as string;
  if (TITLES.has(first) || ROLE_WORDS.has(first.replace(/\.$/u, '')) || first.includes('-') || ROLE_NOUN_RE.test(first))
    return false;
  const kept = cleanSpeaker(tokens);
  return kept.length >= 2 && kept.length < tokens.length;
}

/** One hyphenated capitalised word that is a role, not a name: "Cannabis-Autor", "VW-Chef" (not "Ann-Kathrin"). */
const isRoleWord = (word: string): boolean => !/\s/u.test(word) && word.includes('-') && !isGivenName(word);

/** A known given name, also a compound of known ones ("Ann-Kathrin", "Kai-Uwe"), no role ("VW-Chef"). */
const isGivenName = (word: string): boolean =>
  FIRST_NAMES.has(word) || (word.includes('-') && word.split('-').every((part) => FIRST_NAMES.has(part)));

/** Drops titles and role words before a name, and anything before its given name ("Readly-CEO Maria Hedengrens"). */
function cleanSpeaker(raw: string[]): string[] {
  // The sentence's full stop goes, not an initial's dot nor a suffix's ("Robert Kennedy Jr.").
  let tokens = raw
    .map((t, k) => (k === raw.length - 1 && !/^(?:Jr|Sr)\.$/u.test(t) ? t.replace(/(?<![\s.]\p{Lu})\.$/u, '') : t))
    .filter(Boolean);
  const given = tokens.findIndex((t, k) => k < tokens.length - 1 && isGivenName(t));
  // Keep initials before the given name ("C. Eugene Steuerle").
  if (given > 0 && !/^\p{Lu}\.$/u.test(tokens[given - 1] as string)) tokens = tokens.slice(given);
  // An acronym role or party before a full name ends the role words: "Labour MP Jo Smith", "UN envoy …".
  const acronym = tokens.findLastIndex(
    (t, k) => k < tokens.length - 2 && /^\p{Lu}{2,10}$/u.test(t) && /^\p{Lu}\p{Ll}/u.test(tokens[k + 1] as string),
  );
  if (acronym >= 0) tokens = tokens.slice(acronym + 1);
  // French "M. Caldwell" (Monsieur), not an initial: "M." before a lone surname.
  if (tokens.length === 2 && tokens[0] === 'M.') tokens = tokens.slice(1);
  const isRole = (k: number): boolean => {
    const t = tokens[k] as string;
    // A German role noun counts only before a given name and surname ("Trendexpertin Karolina Landowski").
    const roleNoun = tokens.length - k > 2 && ROLE_NOUN_RE.test(t) && !FIRST_NAMES.has(t);
    // A hyphenated word is a role ("VW-Chef") unless it is a compound given name ("Marie-Claire").
    const hyphenRole = t.includes('-') && !isGivenName(t);
    // An abbreviated title before a given name and surname ("Dra.", "Lic.", "Mtro.", "Gral.").
    const abbreviation = tokens.length - k > 2 && /^\p{Lu}\p{Ll}{1,4}\.$/u.test(t);
    return TITLES.has(t) || ROLE_WORDS.has(t.replace(/\.$/u, '')) || hyphenRole || roleNoun || abbreviation;
  };
  let first = 0;
  while (first < tokens.length - 1) {
    // A possessive before a role belongs to it: "Bayerns Umweltministerin Ulrike Scharf", "Britain's Prime Minister".
    const possessiveRole =
      first < tokens.length - 2 && /(?:s|['’]s?)$/u.test(tokens[first] as string) && isRole(first + 1);
    if (!(isRole(first) || possessiveRole)) break;
    first++;
  }
  return tokens.slice(first);
}

/** ", lamenta, por su parte, Iris Avellaneda" / ", said, however, Jane Doe": a verb, a short aside, a name. */

const VERB_ASIDE_NAME_AFTER = verbAfterQuote(String.raw`,\s+\p{Ll}[^,.;:\n“”"«»„]{0,30},\s+${NAME}`);
/** Only the lowercase particles of a surname ("del ", "van der "). */
const PARTICLE_RE = /^(?:de|del|da|do|dos|das|di|du|van|von)\s(?:(?:la|le|der|den)\s)?$/u;
/** The given name right before a surname, and a lowercase particle between them ("del ", "van der "). */
const GIVEN_BEFORE_SURNAME_RE =
  /(?:^|[\s(])(\p{Lu}[\p{Ll}'’-]{1,20})\s((?:de|del|da|do|dos|das|di|du|van|von)\s(?:(?:la|le|der|den)\s)?)?$/u;

/** ", etwa wenn …," / "especially when …," / ", sobre todo cuando …,": a subordinate clause set off by commas after a quote. */
const INSERTED_CLAUSE_AFTER_RE =
  /^\s*(?:,\s*)?(?:\p{Ll}+\s+){0,2}(?:wenn|als|weil|während|when|while|because|cuando|mientras|porque|quand|lorsque|parce qu['’]|quando|enquanto|mentre|perché)\s[^,.;!?“”"«»„\n]{1,100}(?=,)/u;

/** Articles and determiners before a noun: a capitalised word after one is a noun, no given name. */
const ARTICLES = new Set(
  'der die das des dem den ein eine eines einem einen einer the a an el la los las del le les du un une il lo gli della dello dei degli o os as do da dos das um uma'.split(
    ' ',
  ),
);

/**
 * "des Humoristen Loriot", "Schauspieler, Humoristen und Karikaturisten Loriot": the capitalised word before a surname
 * is a German noun (a role), not the given name, after an article or in a role noun's form (also inflected, -en),
 * unless a list knows it as a given name ("der Peter Müller", "Christopher").
 */
function nounBeforeSurname(text: string, givenAt: number, given: string): boolean {
  if (isGivenName(given)) return false;
  if (ROLE_NOUN_RE.test(given) || ROLE_NOUN_RE.test(given.replace(/e?n$/u, ''))) return true;
  // The word before, read from the few characters that can hold an article (no regex over the text).
  const before = text.slice(Math.max(0, givenAt - 8), givenAt);
  return /\s$/u.test(before) && ARTICLES.has(before.trimEnd().split(/\s/u).pop() ?? '');
}

/**
 * "Yücel" → "Deniz Yücel": the first "<Given> <Surname>" in the article, where <Given> is a known given name or a
 * capitalised word that is no title, role or sentence opener. Cached per article and capped (MAX_SURNAME_LOOKUPS).
 */
function fullNameFor(ctx: Context, surname: string): string | null {
  const cached = ctx.fullNames.get(surname);
  if (cached !== undefined) return cached;
  if (ctx.fullNames.size >= MAX_SURNAME_LOOKUPS || surname.length < 3) return null;
  let found: string | null = null;
  for (const text of ctx.paragraphs) {
    for (let at = text.indexOf(surname); at > 0 && !found; at = text.indexOf(surname, at + surname.length)) {
      if (/[\p{L}\p{N}]/u.test(text[at + surname.length] ?? '')) continue;
      // "Silvina del Pópolo" for "Pópolo": a lowercase particle may stand between the given name and the surname.
      const leadFrom = Math.max(0, at - 32);
      const lead = GIVEN_BEFORE_SURNAME_RE.exec(text.slice(leadFrom, at));
      const given = lead?.[1];
      if (
        given &&
        lead &&
        !nounBeforeSurname(text, leadFrom + lead.index + lead[0].indexOf(given), given) &&
        !TITLES.has(given) &&
        !ROLE_WORDS.has(given) &&
        !NOT_SPEAKERS.has(given) &&
        (!given.includes('-') || isGivenName(given)) &&
        // With a particle between them, no place for a surname: not "Fiom di Torino".
        (!lead?.[2] || !ctx.entities.places.some((place) => place.name === surname))
      )
        found = `${given} ${lead?.[2] ?? ''}${surname}`;
    }
    if (found) break;
  }
  ctx.fullNames.set(surname, found);
  return found;
}

/**
 * The first person named in (paragraph, from…to) that can be a subject: no tagger fragment, and with `paragraphs`,
 * no prepositional object ("La secretaria de Estado, señaló que" names no one).
 */
function firstPersonIn(
  mentions: readonly PersonMention[],
  paragraph: number,
  from: number,
  to: number,
  paragraphs?: readonly string[],
): string | null {
  const at = mentionIndex(mentions, paragraph, from);
  for (let i = at; i < mentions.length && i < at + MAX_ANTECEDENT_MENTIONS; i++) {
    const m = mentions[i] as PersonMention;
    if (m.paragraph > paragraph || (m.paragraph === paragraph && m.offset >= to)) return null;
    if (!isFragment(m) && !(paragraphs && isObjectMention(paragraphs, m))) return m.name;
  }
  return null;
}

function lastPersonIn(mentions: readonly PersonMention[], paragraph: number, from: number, to: number): string | null {
  const m = mentions[mentionIndex(mentions, paragraph, to) - 1];
  if (!m || m.paragraph !== paragraph || m.offset < from) return null;
  return m.name;
}

/**
 * A person named only to describe the speaker named right after ("DeSantis donor Dan Eberhart", "Biden's adviser
 * Jane Doe", "Merkel-Vertrauter Peter Altmaier"): up to three lowercase words (no conjunction), or a hyphen, between
 * the two names.
 */
const MODIFIER_GAP_RE =
  /^(?:['’]s)?(?:-|\s+)(?:(?!(?:and|or|with|und|oder|mit|y|o|con|et|ou|avec|e|com)\s)\p{Ll}[\p{L}-]*\s+){0,3}$/u;

/** Someone other than `speaker` is named between two quotes: the second is not a continuation of the first. */
function otherPersonBetween(
  entities: EntityResult,
  text: string,
  paragraph: number,
  from: number,
  to: number,
  speaker: string | null,
): boolean {
  const mentions = entities.personMentions;
  for (let i = mentionIndex(mentions, paragraph, from); i < mentions.length; i++) {
    const m = mentions[i] as PersonMention;
    if (m.paragraph !== paragraph || m.offset >= to) return false;
    if (m.name === speaker) continue;
    const next = mentions[i + 1];
    const modifier =
      !!next &&
      next.paragraph === paragraph &&
      next.name === speaker &&
      next.offset - m.end <= 40 &&
      MODIFIER_GAP_RE.test(text.slice(m.end, next.offset));
    if (!modifier) return true;
  }
  return false;
}

/** The capitalised words opening a sentence ("Die Ministerin Anna Weber"): role words are dropped later. */
const SENTENCE_NAME_RE = new RegExp(String.raw`^\s*${NAME}`, 'u');
/** Characters a sentence's subject may sit from its start, after a role ("Die Ministerin Anna Weber …"). */
const SUBJECT_LEAD = 48;
/** Mentions looked at, nearest first, for the person a pronoun, a role ("la titular") or a bare verb refers to. */
const MAX_ANTECEDENT_MENTIONS = 6;
/**
 * A name that is the object of a preposition ("bajo el gobierno de Iván Duque", "contra del sacerdote Felipe
 * Berríos", "apoyo a Sandra Quiñónez", "a letter to Smith") is talked about, not talking: the end of the text before
 * it. "de/of/von…" may have a role in between; "a/to/à" must touch the name; "according to"/"laut" are attribution.
 */
/** An article opens a new noun phrase: "de prensa la ministra Ana Beltrán" is no object of "de". */
const ARTICLE = String.raw`(?:the|el|la|los|las|le|les|o|a|os|as|der|die|das|den|dem|un|una|um|uma|une)`;
/** An article and one or two role words, all that stands before a name after a comma: " la alcaldesa ". */
const ROLE_LEAD_RE = new RegExp(String.raw`^\s*${ARTICLE}\s+(?:\p{Ll}[\p{L}-]*\s+){1,2}$`, 'u');
const OBJECT_BEFORE_RE = new RegExp(
  String.raw`(?:(?:(?:^|[^\p{L}])(?:of|with|against|under|about|de|del|con|contra|bajo|sobre|entre|da|do|das|dos|com|von|vom|mit|gegen|über|unter|avec|contre|sous)|(?<=\p{Ll}\s)(?<!(?:Mais|Pero|Aber|But|Et|Y|E|Und|Mas)\s)(?:for|para|pour|für))\s+(?:${ARTICLE}\s+)?(?:(?!${ARTICLE}\s)\p{Ll}[\p{L}-]*\s+){0,3}|(?:^|[^\p{L}])(?<!according\s)(?:to|a|al|à|au|aux|ao|aos|zu)\s+)$`,
  'u',
);

/** Characters before a mention read to tell an object from a subject (bounds OBJECT_BEFORE_RE's input). */
const OBJECT_WINDOW = 48;

function isObjectMention(paragraphs: readonly string[], m: PersonMention): boolean {
  const text = paragraphs[m.paragraph];
  if (text === undefined) return false;
  // "A ministra do Ambiente Graça Carvalho": the object is the ministry, the person named after it.
  return (
    OBJECT_BEFORE_RE.test(text.slice(Math.max(0, m.offset - OBJECT_WINDOW), m.offset)) && !isAffiliatedName(m.name)
  );
}

/** A tagger fragment that is no name ("de Colombia", "del Paraguay"). */
const isFragment = (m: PersonMention): boolean => !/^\p{Lu}/u.test(m.name);

/**
 * The person last named before (paragraph, offset), skipping tagger fragments and, when `paragraphs` is given,
 * prepositional objects: the subject a pronoun, a role noun or a bare verb goes back to. Reads at most
 * MAX_ANTECEDENT_MENTIONS mentions; if all are objects, the nearest real name.
 */
function lastPersonBefore(
  mentions: readonly PersonMention[],
  paragraph: number,
  offset: number,
  paragraphs?: readonly string[],
): string | null {
  return lastSubjectBefore(mentions, paragraph, offset, paragraphs)?.name ?? null;
}

function lastSubjectBefore(
  mentions: readonly PersonMention[],
  paragraph: number,
  offset: number,
  paragraphs?: readonly string[],
  spans?: readonly QuoteSpan[][],
  gender?: Gender | null,
): PersonMention | null {
  let fallback: PersonMention | null = null;
  const at = mentionIndex(mentions, paragraph, offset);
  for (let i = at - 1; i >= 0 && i >= at - MAX_ANTECEDENT_MENTIONS; i--) {
    const m = mentions[i] as PersonMention;
    if (isFragment(m) || (spans && isQuoted(spans, m, paragraphs))) continue;
    if (
      gender &&
      paragraphs &&
      (markedGender(mentions, i, paragraphs) ?? pronounGenderOf(mentions, paragraphs).get(m.name)) ===
        otherGender(gender)
    )
      continue;
    if (!paragraphs || !isObjectMention(paragraphs, m)) return m;
    fallback ??= m;
  }
  return fallback;
}

type Gender = 'f' | 'm';
/** Pronouns after a name in its own sentence that give the person's gender ("Haley … in her criticism"). */
const FOLLOWING_PRONOUN_GENDER = new Map<string, Gender>([
  ...'she her herself ella elle ela'.split(' ').map((w) => [w, 'f'] as const),
  ...'he his him himself él ele er'.split(' ').map((w) => [w, 'm'] as const),
]);
/** Characters after a mention read for a pronoun (up to the sentence's end or the next person named). */
const FOLLOWING_PRONOUN_WINDOW = 80;
const pronounGenders = new WeakMap<readonly PersonMention[], Map<string, Gender | null>>();
/**
 * Each person's gender from the pronouns that follow their mentions in the same sentence before anyone else is
 * named ("Haley was even less aggressive in her criticism"); null when the article's pronouns disagree. Once per
 * article (cached on its mention list), linear in its mentions.
 */
function pronounGenderOf(
  mentions: readonly PersonMention[],
  paragraphs: readonly string[],
): Map<string, Gender | null> {
  const cached = pronounGenders.get(mentions);
  if (cached) return cached;
  const out = new Map<string, Gender | null>();
  mentions.forEach((m, i) => {
    const text = paragraphs[m.paragraph] ?? '';
    const next = mentions[i + 1];
    let to = Math.min(text.length, m.end + FOLLOWING_PRONOUN_WINDOW);
    if (next?.paragraph === m.paragraph) to = Math.min(to, next.offset);
    let window = text.slice(m.end, Math.max(m.end, to));
    const stop = window.search(/[.!?;:"“”«»„]/u);
    if (stop >= 0) window = window.slice(0, stop);
    for (const word of window.toLowerCase().split(/[^\p{L}]+/u)) {
      const g = FOLLOWING_PRONOUN_GENDER.get(word);
      if (!g) continue;
      const known = out.get(m.name);
      out.set(m.name, known === undefined || known === g ? g : null);
      break;
    }
  });
  pronounGenders.set(mentions, out);
  return out;
}
const otherGender = (g: Gender): Gender => (g === 'f' ? 'm' : 'f');
/** Singular subject pronouns of one gender (German "sie" is also "they", so left out). */
const PRONOUN_GENDER = new Map<string, Gender>([
  ...'she ella elle ela lei'.split(' ').map((w) => [w, 'f'] as const),
  ...'he él il ele er lui'.split(' ').map((w) => [w, 'm'] as const),
]);
/** Words beside a name that give its gender: "X, un homme …", "Mme X", "X, mother of two", "Herr X". */
const GENDER_WORDS = new Map<string, Gender>([
  ...'woman women femme mujer frau mulher madame mme mrs ms señora senhora mère mother madre mãe mutter daughter fille hija filha tochter'
    .split(' ')
    .map((w) => [w, 'f'] as const),
  ...'homme hombre mann homem monsieur señor senhor herr mr père father padre pai vater fils hijo filho sohn'
    .split(' ')
    .map((w) => [w, 'm'] as const),
]);
/** The first gendered pronoun in the attribution after a quote ("déplore-t-elle", "she said"), if any. */
function pronounGender(attribution: string): Gender | null {
  const words = attribution
    .slice(0, 40)
    .toLowerCase()
    .split(/[^\p{L}]+/u);
  for (const [k, word] of words.entries()) {
    const g = PRONOUN_GENDER.get(word);
    if (g) return g;
    // German "sagt sie" / "betonte sie": "sie" after a singular verb (no -en) is "she", not "they".
    const verb = k > 0 ? (words[k - 1] ?? '') : '';
    if (word === 'sie' && verb.length > 3 && (verb.endsWith('t') || verb.endsWith('te'))) return 'f';
  }
  return null;
}
/** The gender the words right beside mention i state, not past the names before and after it; null if none or both. */
function markedGender(mentions: readonly PersonMention[], i: number, paragraphs: readonly string[]): Gender | null {
  const m = mentions[i] as PersonMention;
  const text = paragraphs[m.paragraph] ?? '';
  const prev = mentions[i - 1];
  const next = mentions[i + 1];
  const from = Math.max(0, m.offset - ROLE_WINDOW, prev?.paragraph === m.paragraph ? prev.end : 0);
  const to = Math.min(m.end + ROLE_WINDOW, next?.paragraph === m.paragraph ? next.offset : text.length);
  let after = text.slice(m.end, Math.max(m.end, to));
  // A title right before the next name is that name's ("…, Mr. Paul Renard"), not this one's: drop the last word.
  if (next?.paragraph === m.paragraph && to === next.offset) {
    const trimmed = after.trimEnd();
    after = trimmed.slice(0, trimmed.lastIndexOf(' ') + 1);
  }
  // The role before the name, or opening the name as tagged ("Bürgermeisterin Petra Lang").
  const before = text.slice(from, m.offset);
  let found: Gender | null = roleGender(before) ?? roleGender(`${before}${m.name.split(/\s+/u)[0] ?? ''} `);
  for (const word of `${text.slice(from, m.offset)} ${after}`.toLowerCase().split(/[^\p{L}]+/u)) {
    const g = GENDER_WORDS.get(word);
    if (g && found && g !== found) return null;
    if (g) found = g;
  }
  return found;
}

/**
 * The role right before a name and the gender it gives: a German feminine role noun ("Bürgermeisterin Petra Lang",
 * "die Grünen-Chefin") or its masculine form, or a Romance article before a lowercase role ("la alcaldesa Evelyn
 * Matthei", "o treinador Rui Almeida", "il sindaco Luca Ferri").
 */
const ROLE_GENDER_BEFORE_RE =
  /(?:(?<![\p{L}])(la|a|à|da|el|al|del|o|ao|do|il|le|lo|au|du)\s+\p{Ll}{4,}|(?<![\p{L}])\p{Lu}[\p{L}-]{2,}?(?:(erin|entin|istin|orin|chefin|ärztin|anwältin|rätin)|(?:meister|minister|kanzler|sprecher|präsident|chef|arzt|anwalt)))\s+$/u;
const ROMANCE_ARTICLE_GENDER = new Map<string, Gender>([
  ['la', 'f'],
  ['a', 'f'],
  ['à', 'f'],
  ['da', 'f'],
  ['el', 'm'],
  ['al', 'm'],
  ['del', 'm'],
  ['ao', 'm'],
  ['do', 'm'],
  ['au', 'm'],
  ['du', 'm'],
  ['o', 'm'],
  ['il', 'm'],
  ['le', 'm'],
  ['lo', 'm'],
]);
function roleGender(before: string): Gender | null {
  const m = ROLE_GENDER_BEFORE_RE.exec(before.slice(-48));
  if (!m) return null;
  if (m[1]) return ROMANCE_ARTICLE_GENDER.get(m[1]) ?? null;
  return m[2] ? 'f' : 'm';
}

/** « …, pointe Jean Dupont, le maire. … »: a name after a speech verb inside a quote is its inserted attribution. */

const INCISE_BEFORE_NAME: SlotPattern = {
  lead: COMMA_LEAD_RE,
  slot: verbEnds,
  tail: /\s+(?:[\p{Ll}'’-]+\s+){0,3}$/uy,
};

/**
 * The mention sits inside a quote of its paragraph ("…Pancha Merino es un poco despistada…"), and is not the
 * speaker of an attribution inserted in it.
 */
function isQuoted(spans: readonly QuoteSpan[][], m: PersonMention, paragraphs?: readonly string[]): boolean {
  for (const span of spans[m.paragraph] ?? []) {
    if (span.start > m.offset) return false;
    if (m.offset < span.end) {
      const text = paragraphs?.[m.paragraph] ?? '';
      return (
        execSlot(text.slice(Math.max(span.start, m.offset - OBJECT_WINDOW), m.offset), INCISE_BEFORE_NAME) === null
      );
    }
  }
  return false;
}

/** "Wirtschaftsministerin Mona Neubaur sagte, …" / "Jane Doe said": a name right before a speech verb. */
/** The next match of NAME_AFTER_SPEECH from `from` on (a global regex's exec loop). */
const nameAfterSpeechFrom = (text: string, from: number): RegExpExecArray | null => {
  return execSlot(text, NAME_AFTER_SPEECH, from);
};
/** A global regex's next match from `from` on. */
const regexFrom =
  (re: RegExp) =>
  (text: string, from: number): RegExpExecArray | null => {
    re.lastIndex = from;
    return re.exec(text);
  };
const NAME_BEFORE_MARKED_VERB_RE = new RegExp(String.raw`(?<![\p{L}'’-])${NAME}\s+(?=${VERB_MARK})`, 'gu');
const nameBeforeSpeechFrom = (text: string, from: number): RegExpExecArray | null =>
  matchMarkedVerb(NAME_BEFORE_MARKED_VERB_RE, text, from);

/**
 * The person named right before or right after a speech verb in a clause ("Nancy Pelosi said", "antwortete Friedrich
 * Merz"), the last such in the clause; a name before the verb must be a person ("Thyssenkrupp erklärte").
 */
function verbSubjectIn(ctx: Context, clause: string, clauseAt: number): string | null {
  const spans = ctx.spans[ctx.paragraphIndex] ?? [];
  const afterVerb = lastNameMatch(nameAfterSpeechFrom, clause, spans, clauseAt);
  const beforeVerb = lastNameMatch(nameBeforeSpeechFrom, clause, spans, clauseAt);
  const objectBefore = (at: number): boolean =>
    OBJECT_BEFORE_RE.test(ctx.paragraph.slice(Math.max(0, at - OBJECT_WINDOW), at));
  // The name before the verb first: after it may stand the person told ("Sarah Collins told Governor Mark Davis:").
  const candidates: Array<{ name: string; at: number; needPerson: boolean }> = [];
  if (beforeVerb && (!objectBefore(beforeVerb[1]) || isAffiliatedName(beforeVerb[0])))
    candidates.push({ name: beforeVerb[0], at: beforeVerb[1], needPerson: true });
  if (afterVerb) candidates.push({ name: afterVerb[0], at: afterVerb[1], needPerson: !/\s/u.test(afterVerb[0]) });
  for (const { name, at, needPerson } of candidates) {
    // "Laut Unterlagen, …": a source word opening the sentence is no name.
    if (SOURCE_OPENERS.has(firstWord(name))) continue;
    const speaker = speakerAt(ctx, at, name, needPerson);
    if (speaker) return speaker;
  }
  return null;
}
/** Capitalised "according to" words that open a sentence ("Laut Unterlagen", "Según fuentes"). */
const SOURCE_OPENERS = new Set('Laut Según Selon Segundo Secondo Conforme'.split(' '));

/**
 * A given name and surname set off by a role: "Konrad Duffy, Finanzexperte bei …", "Ulises Contreras, vocero del …",
 * "Jane Doe, a spokeswoman for …", "Anne Roy, la maire de …".
 */
const NAME_ROLE_APPOSITION_ALL_RE = new RegExp(
  String.raw`(?<![\p{L}'’-])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}[\p{L}'’-]*),\s+(?:${ROLE_NOUN}|(?:the|a|an|el|la|le|o|un|una|une|um|uma|ein|eine)\s+\p{Ll}{4,}|\p{Ll}{4,}\s+(?:de|del|do|da|of|for|at|bei|von|du|des|der))(?=[\s,])`,
  'gu',
);

/** The last match of a global name pattern in `window` whose name may be a speaker, and where the name starts. */
function lastNameMatch(
  next: (text: string, from: number) => RegExpExecArray | null,
  window: string,
  spans: readonly QuoteSpan[],
  from: number,
): [string, number] | null {
  let last: [string, number] | null = null;
  for (let m = next(window, 0); m; m = next(window, m.index + m[0].length)) {
    const name = m[1];
    if (!name || NOT_SPEAKERS.has(firstWord(name))) continue;
    const at = from + m.index + m[0].indexOf(name);
    // A name inside a quote is talked about.
    if (!spans.some((s) => s.start <= at && at < s.end)) last = [name, at];
  }
  return last;
}

/**
 * Who "er"/"she"/a bare verb or a descriptor before `offset` in this paragraph refers to: the subject last named,
 * unless a name beside a speech verb comes later ("…, sagte Dolzer. Er fordert: «…»", "Ministerin Mona Neubaur
 * sagte, … „…“, sagte die Grünen-Politikerin"): the tagger may have missed that speaker.
 */
/**
 * A sentence opened by an indefinite article and a noun ("A spokeswoman for Harbour Logistics said …",
 * "Un porte-parole a déclaré …", "Ein Sprecher sagte …", "Un portavoz dijo …") with a speech verb and no person named
 * in it or after it, before `offset` in this paragraph: the words after it are that unnamed speaker's.
 */
function unnamedSpeakerBefore(ctx: Context, offset: number): boolean {
  const re = ctx.unnamedSubject;
  if (!re) return false;
  const from = Math.max(0, offset - CLAUSE_WINDOW, ctx.previousEnd);
  const window = ctx.paragraph.slice(from, offset);
  let start = -1;
  re.lastIndex = 0;
  for (let m = re.exec(window); m; m = re.exec(window)) start = m.index + m[0].length - m[1]!.length;
  if (start < 0) return false;
  const rest = window.slice(start);
  const stop = rest.search(/[.!?:](?:\s|$)/u);
  if (!clauseSpeech(stop >= 0 ? rest.slice(0, stop + 1) : rest)) return false;
  return firstPersonIn(ctx.entities.personMentions, ctx.paragraphIndex, from + start, offset, ctx.paragraphs) === null;
}
/** Per language: an indefinite article opening a sentence, before a noun (German nouns are capitalised). */
const UNNAMED_SUBJECT_RES = new Map<string, RegExp>(
  (
    [
      ['en', 'A|An|One', String.raw`\p{Ll}`],
      ['fr', 'Un|Une', String.raw`\p{Ll}`],
      ['de', 'Ein|Eine', String.raw`\p{L}`],
      ['es', 'Un|Una', String.raw`\p{Ll}`],
      ['pt', 'Um|Uma', String.raw`\p{Ll}`],
      ['it', 'Un|Uno|Una', String.raw`\p{Ll}`],
    ] as const
  ).map(([language, articles, noun]) => [
    language,
    new RegExp(String.raw`(?:^\s*|[.!?]["”»“]?\s+)((?:${articles})\s+(?=${noun}))`, 'gu'),
  ]),
);

function antecedent(ctx: Context, offset: number, gender: Gender | null = null): string | null {
  const mentions = ctx.entities.personMentions;
  const subject = lastSubjectBefore(mentions, ctx.paragraphIndex, offset, ctx.paragraphs, ctx.spans, gender);
  const from = Math.max(0, offset - CLAUSE_WINDOW);
  const window = ctx.paragraph.slice(from, offset);
  const spans = ctx.spans[ctx.paragraphIndex] ?? [];
  const afterVerb = lastNameMatch(nameAfterSpeechFrom, window, spans, from);
  const beforeVerb = lastNameMatch(nameBeforeSpeechFrom, window, spans, from);
  // Nearest first. A lone word must be a person ("fordert Transparenz" names no one; "sagte Dolzer" does, named in
  // full before); so must any name before the verb, where a sentence opener stands ("Thyssenkrupp erklärte").
  const candidates: Array<{ name: string; at: number; needPerson: boolean; reports?: boolean }> = [];
  if (afterVerb) candidates.push({ name: afterVerb[0], at: afterVerb[1], needPerson: !/\s/u.test(afterVerb[0]) });
  // "La secretaria de Estado señaló": a name after a preposition is no subject.
  const objectBefore = (at: number): boolean =>
    OBJECT_BEFORE_RE.test(ctx.paragraph.slice(Math.max(0, at - OBJECT_WINDOW), at));
  if (beforeVerb && (!objectBefore(beforeVerb[1]) || isAffiliatedName(beforeVerb[0])))
    candidates.push({ name: beforeVerb[0], at: beforeVerb[1], needPerson: true, reports: true });
  // "Ähnlich sieht es Konrad Duffy, Finanzexperte bei …: „…“, sagt er": a full name set off by a role is a person,
  // though the tagger missed it.
  const apposed = lastNameMatch(regexFrom(NAME_ROLE_APPOSITION_ALL_RE), window, spans, from);
  const known = (name: string): boolean =>
    ctx.entities.places.some((p) => p.name === name) || ctx.entities.organizations.some((o) => o.name === name);
  if (apposed && !objectBefore(apposed[1]) && !known(apposed[0]))
    candidates.push({ name: apposed[0], at: apposed[1], needPerson: false });
  candidates.sort((a, b) => b.at - a.at);
  for (const { name, at, needPerson, reports } of candidates) {
    // "And, DeSantis added, Trump promised …. “…,” he said": a person named later in the sentence a speech verb
    // opens is inside the words it reports; the one reporting them is the pronoun's.
    const reported = reports && subject && !/[.!?]\s/u.test(ctx.paragraph.slice(at, subject.offset));
    if (subject && subject.paragraph === ctx.paragraphIndex && subject.offset >= at && !reported) break;
    const speaker = speakerAt(ctx, at, name, needPerson);
    if (speaker) return speaker;
  }
  return subject?.name ?? headlinePerson(ctx);
}

/** The one person the headline names in full, when the body names no one before: the headline is read first. */
function headlinePerson(ctx: Context): string | null {
  const named = new Set((ctx.entities.titlePeople ?? []).filter((name) => /\s/u.test(name)));
  return named.size === 1 ? ([...named][0] ?? null) : null;
}
