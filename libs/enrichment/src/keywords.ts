import { FIELD_LIMITS } from '@wirestream/contracts';
import { STOPWORDS, SUPPORTED_LANGUAGES, isSupportedLanguage, type SupportedLanguage } from './stopwords';
import { words } from './text-units';

const MAX_KEYWORDS = 10;
/** Title words say what the story is about; count them extra. */
const TITLE_WEIGHT = 2;

/** Words that carry no topic but are not grammatical stop words. */
const NEWS_FILLER = new Set(
  'said says told according added year years week weeks month months today yesterday tuesday monday wednesday thursday friday saturday sunday time people way without just like many much well also'.split(
    ' ',
  ),
);

/** Stop words per detected language (null: not one we know, so all of them), built once rather than per article. */
const stopWordsByLanguage = new Map<SupportedLanguage | null, ReadonlySet<string>>();

/** English stop words (wire copy quotes English everywhere) and those of `language`, or of every language if null. */
function stopWordsFor(language: SupportedLanguage | null): ReadonlySet<string> {
  let stop = stopWordsByLanguage.get(language);
  if (!stop) {
    const words = new Set<string>(STOPWORDS.en);
    for (const lang of language ? [language] : SUPPORTED_LANGUAGES) for (const word of STOPWORDS[lang]) words.add(word);
    stop = words;
    stopWordsByLanguage.set(language, stop);
  }
  return stop;
}

/** "Colombia’s" → "Colombia": a word without its possessive 's (straight or curly apostrophe). */
export function withoutPossessive(word: string): string {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 0x73 /* s */) return word;
  const apostrophe = word.charCodeAt(n - 2);
  return apostrophe === 0x27 /* ' */ || apostrophe === 0x2019 /* ’ */ ? word.slice(0, -2) : word;
}

/**
 * A keyword's score and written forms. Most words are written one way: the form map is made only for a second form.
 */
interface KeywordStats {
  score: number;
  firstSeen: number;
  /** The first form seen, and how often it was seen. */
  form: string;
  formCount: number;
  /** Every form with its count, once a second one is seen; null while `form` is the only one. */
  forms: Map<string, number> | null;
}

function isAllDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return word.length > 0;
}

/**
 * Top terms by frequency over non-stop-word tokens (title weighted). Each keyword is shown in its most frequent
 * written form, so proper nouns keep their capitals.
 */
export function extractKeywords(title: string | null, paragraphs: string[], language: string | null): string[] {
  const stop = stopWordsFor(isSupportedLanguage(language) ? language : null);

  const stats = new Map<string, KeywordStats>();
  let position = 0;
  const count = (text: string, weight: number): void => {
    for (const raw of words(text)) {
      const form = withoutPossessive(raw);
      const key = form.toLowerCase();
      position += 1;
      // A token longer than the indexed keyword field (a URL, a 100 KB run of letters) is not a topic word.
      if (
        key.length < 3 ||
        key.length > FIELD_LIMITS.keyword ||
        stop.has(key) ||
        NEWS_FILLER.has(key) ||
        isAllDigits(key)
      )
        continue;
      const entry = stats.get(key);
      if (!entry) stats.set(key, { score: weight, firstSeen: position, form, formCount: 1, forms: null });
      else {
        entry.score += weight;
        if (entry.forms) entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
        else if (form === entry.form) entry.formCount += 1;
        else
          entry.forms = new Map([
            [entry.form, entry.formCount],
            [form, 1],
          ]);
      }
    }
  };
  if (title) count(title, TITLE_WEIGHT);
  for (const paragraph of paragraphs) count(paragraph, 1);

  return [...stats.values()]
    .sort((a, b) => b.score - a.score || a.firstSeen - b.firstSeen)
    .slice(0, MAX_KEYWORDS)
    .map((entry) =>
      entry.forms ? ([...entry.forms.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '') : entry.form,
    );
}
