/** One flattened page of the scraped-text dev set, as stored in the cache (one JSON object a line). */
export interface ScrapedPage {
  id: string;
  dataset: 'trafilatura-eval' | 'readability-pages' | 'htmldate-eval';
  url: string | null;
  /** The page's declared language (two letters), when it declares one. */
  lang: string | null;
  /** `confirm` pages are held out: no rule is chosen on them; `seen` ones were dev once and are not read now (see `splitOf`). */
  split: 'dev' | 'confirm' | 'seen';
  /** `document.body.innerText` of the page: everything a scraper sees. */
  text: string;
  gold: ScrapedPageGold;
}

/** Gold fields; null where the page or dataset has none (that field is then not scored for the page). */
export interface ScrapedPageGold {
  title: string | null;
  source: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  byline: string | null;
  /** trafilatura-eval snippets that must / must not be in the body. */
  with: string[] | null;
  without: string[] | null;
  /** Readability's text (recall guard only). */
  readabilityText: string | null;
}
