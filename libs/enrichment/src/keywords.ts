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
 * Top terms by frequency over non-stop-word tokens (title weighted). Each keyword is shown in its most frequent
 * written form, so proper nouns keep their capitals.
 */
export function extractKeywords(title: string | null, paragraphs: string[], language: string | null): string[] {
  const stop = stopWordsFor(isSupportedLanguage(language) ? language : null);

  const stats = new Map<string, { score: number; firstSeen: number; forms: Map<string, number> }>();
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
        /^\d+$/u.test(key)
      )
        continue;
      const entry = stats.get(key) ?? { score: 0, firstSeen: position, forms: new Map<string, number>() };
      entry.score += weight;
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
      stats.set(key, entry);
    }
  };
  if (title) count(title, TITLE_WEIGHT);
  for (const paragraph of paragraphs) count(paragraph, 1);

  return [...stats.values()]
    .sort((a, b) => b.score - a.score || a.firstSeen - b.firstSeen)
    .slice(0, MAX_KEYWORDS)
    .map((entry) => [...entry.forms.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '');
}
