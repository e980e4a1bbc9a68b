import { isSupportedLanguage, STOPWORDS, SUPPORTED_LANGUAGES, type SupportedLanguage } from './stopwords';
import { words } from './text-units';

/** Below this many words the text says too little; trust the declared language. */
const MIN_WORDS = 8;
/** The declared language wins unless another scores clearly higher. */
const DECLARED_PRIOR = 0.04;
/** Stop-word share under which we do not believe any of our languages. */
const MIN_SHARE = 0.08;

/**
 * ISO 639-1 code of the text's language by stop-word share, with the declared language (e.g. "en-GB") as a
 * prior. Returns the declared primary tag when the text is too short or in none of the scored languages.
 */
export function detectLanguage(text: string, declared: string | null): string | null {
  const declaredCode = declared?.split(/[-_]/u)[0]?.toLowerCase() || null;
  const tokens = words(text.toLowerCase()).slice(0, 2000);
  if (tokens.length < MIN_WORDS) return declaredCode;

  let best: { lang: SupportedLanguage; score: number } | null = null;
  for (const lang of SUPPORTED_LANGUAGES) {
    const hits = tokens.filter((token) => STOPWORDS[lang].has(token)).length;
    const share = hits / tokens.length;
    const score = share + (lang === declaredCode ? DECLARED_PRIOR : 0);
    if (share >= MIN_SHARE && (!best || score > best.score)) best = { lang, score };
  }
  if (best) return best.lang;
  return declaredCode && (isSupportedLanguage(declaredCode) || /^[a-z]{2}$/u.test(declaredCode)) ? declaredCode : null;
}
