import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTextPage } from './parse-text-page';
import { analyzeTextPageLayout } from './text-page-layout';

// The sample article in the repo's examples/ (a pure lib may not import libs/testing, which owns the helper).
const GLOBAL_VILLAGE_EXAMPLE = path.resolve(__dirname, '../../../examples/global-village-space-trump-petro.txt');

const gvs = readFileSync(GLOBAL_VILLAGE_EXAMPLE, 'utf8');

describe('parseTextPage', () => {
  it('reads title, date and site name from the Global Village Space page', () => {
    const item = parseTextPage(gvs, { url: null });
    expect(item.title).toBe('Trump meets with Colombia’s Petro after diplomatic row over cartels');
    expect(item.publishedAt).toBe('2026-02-04T00:00:00.000Z');
    expect(item.sourceName).toBe('Global Village Space');
    expect(item.format).toBe('text');
    expect(item.contentType).toBe('text');
    expect(item.content).toBe(gvs);
    expect(item.externalId).toBeNull();
    expect(item.pubStatus).toBe('usable');
  });

  it('prefers a source name given by the caller, and keeps the url', () => {
    const item = parseTextPage(gvs, { url: 'https://example.org/a', sourceName: 'GVS' });
    expect(item.sourceName).toBe('GVS');
    expect(item.url).toBe('https://example.org/a');
  });

  it('finds banner, date line, headline and footer lines', () => {
    const layout = analyzeTextPageLayout(gvs);
    expect(layout.chrome.map((line) => line.kind)).toEqual(['banner', 'dateline', 'headline', 'footer']);
    expect(layout.chrome.at(-1)?.text).toBe('Global Village Space');
  });

  it('handles a masthead, crumbs and a byline + time date line', () => {
    const page = [
      'The Daily Ledger',
      'Home | World | Africa',
      'Kenya reopens northern border crossing after six-month closure',
      'By Ana Ruiz and Tom Hale | Feb. 4, 2026 10:31 AM EST',
      'NAIROBI, Feb 4 (Reuters) - Kenya reopened its northern border crossing at Moyale on Wednesday, six months after it was shut.',
      '© 2026 The Daily Ledger. All rights reserved.',
    ].join('\n');
    const item = parseTextPage(page);
    expect(item.title).toBe('Kenya reopens northern border crossing after six-month closure');
    expect(item.publishedAt).toBe('2026-02-04T15:31:00.000Z');
    expect(item.byline).toBe('Ana Ruiz and Tom Hale');
    expect(item.sourceName).toBe('The Daily Ledger');
  });

  it('handles a Spanish page with a "Bienvenidos a" banner and a Spanish date', () => {
    const page = 'Bienvenidos a Diario del Sur\n\nmiércoles, 4 de febrero de 2026\n\nBogotá aprueba un plan de movilidad\n\nLa alcaldía de Bogotá aprobó este miércoles un plan de movilidad para el centro histórico.';
    const item = parseTextPage(page);
    expect(item.sourceName).toBe('Diario del Sur');
    expect(item.title).toBe('Bogotá aprueba un plan de movilidad');
    expect(item.publishedAt).toBe('2026-02-04T00:00:00.000Z');
  });

  it('handles pipe-wrapped banners and Published/Updated stamps', () => {
    const page = 'Skip to content\n| Harbour Times |\nPort expansion approved after decade-long dispute\nPublished: 2026-03-12T08:15:00Z | Updated: 2026-03-12T10:00:00Z\nThe regional council approved the expansion on Thursday after a long dispute.';
    const item = parseTextPage(page);
    expect(item.sourceName).toBe('Harbour Times');
    expect(item.title).toBe('Port expansion approved after decade-long dispute');
    expect(item.publishedAt).toBe('2026-03-12T08:15:00.000Z');
    expect(item.updatedAt).toBe('2026-03-12T10:00:00.000Z');
  });

  it('does not take a prose paragraph for the headline', () => {
    const item = parseTextPage('The council met on Thursday and approved the plan after a long debate.\n\nMore text follows here.');
    expect(item.title).toBeNull();
  });
});
