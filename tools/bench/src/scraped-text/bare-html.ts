/*
 * The scraped-text set's pages as HTML without their metadata: Open Graph, Twitter, article:, author and Dublin Core
 * meta tags and JSON-LD removed, as on pages of older markup eras (table layouts, <font> headlines) and on sites
 * that never added them. Scores the fallbacks from the markup itself (<title>, headings, byline and date lines)
 * against the same gold as the flattened text.
 */
import path from 'node:path';
import { parseHtmlPage } from '@wirestream/formats';
import { readHtmlGz } from '../datasets';
import { enrichedExtraction } from './extraction';
import type { ScrapedPage } from './page';
import type { ScrapedExtraction } from './score';

/** The dataset file a page of the set was flattened from. */
export function htmlFileOf(datasetsDir: string, id: string): string {
  const [dataset, ...rest] = id.split('/');
  const name = rest.join('/');
  if (dataset === 'readability-pages') return path.join(datasetsDir, dataset, `${name}.html.gz`);
  return path.join(datasetsDir, dataset ?? '', 'html', `${name}.gz`);
}

const METADATA_META_RE =
  /<meta\b[^>]*\b(?:property|name|itemprop)\s*=\s*["']?(?:og:|twitter:|article:|author|dc\.|dcterms\.|parsely-|sailthru\.|application-name|publisher|byl\b|datePublished|dateModified|date\b|pubdate|publish)[^>]*>/giu;
const JSON_LD_RE = /<script\b[^>]*application\/ld\+json[^>]*>[\s\S]*?<\/script>/giu;

/** The page's HTML with its metadata tags and JSON-LD taken out. */
export function withoutMetadata(html: string): string {
  return html.replace(JSON_LD_RE, '').replace(METADATA_META_RE, '');
}

/**
 * The pipeline under test on the page's HTML, bare (metadata removed) or as published: the ingestor's HTML parser,
 * then the enricher.
 */
export function htmlExtraction(datasetsDir: string, bare: boolean): (page: ScrapedPage) => ScrapedExtraction {
  return (page) => {
    const published = readHtmlGz(htmlFileOf(datasetsDir, page.id));
    const html = bare ? withoutMetadata(published) : published;
    let item;
    try {
      item = parseHtmlPage(html, { url: page.url ?? undefined });
    } catch {
      // A page the ingestor refuses (nested too deep) scores as nothing found.
      return { title: null, source: null, date: null, byline: null, body: '' };
    }
    return enrichedExtraction(item);
  };
}
