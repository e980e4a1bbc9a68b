import { isSupportedLanguage, STOPWORDS, SUPPORTED_LANGUAGES, type SupportedLanguage } from './stopwords';
import { words } from './text-units';

/** Below this many words the text says too little; trust the declared language. */
const MIN_WORDS = 8;
/** The language shows in the first words; reading more only costs time. */
const MAX_WORDS = 2000;
/** The declared language wins unless another scores clearly higher. */
const DECLARED_PRIOR = 0.04;
/** Stop-word share under which we do not believe any of our languages. */
const MIN_SHARE = 0.08;

/** Bit i set: the word is a stop word of SUPPORTED_LANGUAGES[i]. One lookup per token scores every language. */
const STOPWORD_LANGUAGES = new Map<string, number>();
SUPPORTED_LANGUAGES.forEach((lang, i) => {
  for (const word of STOPWORDS[lang]) STOPWORD_LANGUAGES.set(word, (STOPWORD_LANGUAGES.get(word) ?? 0) | (1 << i));
});

/**
 * ISO 639-1 code of the text's language by stop-word share, with the declared language (e.g. "en-GB") as a
 * prior. Returns the declared primary tag when the text is too short or in none of the scored languages.
 */
export function detectLanguage(text: string, declared: string | null): string | null {
  return detectLanguageOfLowerCaseWords(words(text.toLowerCase()), declared);
}

/** detectLanguage of a text from its lower-cased word tokens, `words(text.toLowerCase())`, for a caller that has them. */
export function detectLanguageOfLowerCaseWords(
  lowerCaseWords: readonly string[],
  declared: string | null,
): string | null {
  const declaredCode = declared?.split(/[-_]/u)[0]?.toLowerCase() || null;
  const tokenCount = Math.min(lowerCaseWords.length, MAX_WORDS);
  if (tokenCount < MIN_WORDS) return declaredCode;

  const hitsByLanguage = new Array<number>(SUPPORTED_LANGUAGES.length).fill(0);
  for (let t = 0; t < tokenCount; t++) {
    const languages = STOPWORD_LANGUAGES.get(lowerCaseWords[t] as string);
    if (languages === undefined) continue;
    for (let i = 0; i < SUPPORTED_LANGUAGES.length; i++) if (languages & (1 << i)) hitsByLanguage[i]! += 1;
  }

  let best: { lang: SupportedLanguage; score: number } | null = null;
  for (let i = 0; i < SUPPORTED_LANGUAGES.length; i++) {
    const lang = SUPPORTED_LANGUAGES[i] as SupportedLanguage;
    const share = hitsByLanguage[i]! / tokenCount;
    const score = share + (lang === declaredCode ? DECLARED_PRIOR : 0);
    if (share >= MIN_SHARE && (!best || score > best.score)) best = { lang, score };
  }
  if (best) return best.lang;
  return declaredCode && (isSupportedLanguage(declaredCode) || /^[a-z]{2}$/u.test(declaredCode)) ? declaredCode : null;
}
