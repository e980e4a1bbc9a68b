/**
 * The lib's stop words. Per language (STOPWORDS): small lists, enough to tell the six languages apart and to keep
 * keywords and entities meaningful. All at once (ANY_LANGUAGE_STOPWORDS): the block classifier's prose signal.
 */
export type SupportedLanguage = 'en' | 'es' | 'fr' | 'de' | 'it' | 'pt';

export const SUPPORTED_LANGUAGES: readonly SupportedLanguage[] = ['en', 'es', 'fr', 'de', 'it', 'pt'];

const LISTS: Record<SupportedLanguage, string> = {
  en: 'the of and to a in is that for it on was with as he she at by be this are from his her have has had not but or an they their we you were which been will would its who said says also after before about into than more over when there what all one can could up out if no so them him our us any other just these those while during did do does being most some such only since then very where how because under against between through new last first two three',
  es: 'el la los las de del que y en un una es por con para se su sus al lo como más pero fue ha han sin sobre este esta entre cuando muy ya también desde son hay está están dijo según porque ni todo durante tras le les nos ese esa eso fueron ser sido había otro otra donde quien',
  fr: 'le la les de des du et un une est en que qui dans pour par sur au aux pas plus ne se ce cette il elle ils sont ont été avec mais ou son sa ses leur été était comme aussi après avant entre sans sous depuis lors selon dit a très tout nous vous',
  de: 'der die das und ist in den von zu mit sich des auf für nicht im dem ein eine einer eines als auch es an werden aus er sie hat dass wird bei nach wie um am noch wurde sind war über vor durch zum zur hatte haben nur oder aber kann sagte sein ihre seine',
  it: 'il lo la gli le di del della dei delle e che un una è per con non sono da al alla nel nella si ha come ma anche più dopo prima tra fra questo questa loro suo sua ha hanno stato essere detto secondo ancora sul sulla degli',
  pt: 'o a os as de do da dos das e que em um uma é para com não por se na no mais mas foi ao à como seu sua ele ela são também pelo pela entre após sem sobre já disse segundo quando muito está foram ser tem havia nos nas',
};

export const STOPWORDS: Record<SupportedLanguage, ReadonlySet<string>> = Object.fromEntries(
  SUPPORTED_LANGUAGES.map((lang) => [lang, new Set(LISTS[lang].split(/\s+/u))]),
) as unknown as Record<SupportedLanguage, ReadonlySet<string>>;

/**
 * More of the commonest words, for the block classifier's stop-word density only: German pronouns and particles,
 * "daß", "je", and Dutch and Polish (prose in them must read as prose; they are not languages we detect). Kept out
 * of STOPWORDS because they do not tell languages apart.
 */
const DENSITY_ONLY = [
  // de
  'daß ich wir ihr uns man mehr wenn schon sehr hier dann nun diese dieser dieses einem einen wieder keine kein sondern bis doch gibt ganz mich mir dir ihm ihn',
  // fr
  'je',
  // nl, pl (a few of the commonest)
  'het een van en op te dat zijn voor met niet aan er maar om ook als bij nog wel naar dan worden door uit hij ze wordt wat kan hebben hun deze nie się na jest do że to jak ale po tak co za od już przez tylko może są jego lub przy',
];

/** Stop words of every language we meet (jusText's density signal is robust with small lists). */
export const ANY_LANGUAGE_STOPWORDS: ReadonlySet<string> = new Set(
  [...SUPPORTED_LANGUAGES.map((lang) => LISTS[lang]), ...DENSITY_ONLY].join(' ').split(/\s+/u),
);

export function isSupportedLanguage(code: string | null | undefined): code is SupportedLanguage {
  return !!code && (SUPPORTED_LANGUAGES as readonly string[]).includes(code);
}
