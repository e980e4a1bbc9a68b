import { parseTextPage } from './parse-text-page';
import { abbreviates, addressDate, archivedAddress, foldedKey, nameFitsHost, pageHost } from './text-page-host';

describe('pageHost', () => {
  it('names the site by the label before the public suffix', () => {
    expect(pageHost('https://www.harbour-times.example.com/world/a')).toEqual({
      host: 'harbour-times.example.com',
      label: 'example',
    });
    expect(pageHost('https://www.valleycourier.co.uk/news/a')).toEqual({
      host: 'valleycourier.co.uk',
      label: 'valleycourier',
    });
    expect(pageHost('https://m.folhadovale.com.br/a')?.label).toBe('folhadovale');
  });

  it('takes the blog, not the hosting platform', () => {
    expect(pageHost('https://harbourwalks.wordpress.com/2026/05/04/a/')?.label).toBe('harbourwalks');
  });

  it('reads the original address of a web-archive copy', () => {
    const url = 'https://web.archive.org/web/20140101000000/http://www.kraeuterlexikon.example.de/salbei/';
    expect(archivedAddress(url)).toBe('http://www.kraeuterlexikon.example.de/salbei/');
    expect(pageHost(url)?.label).toBe('example');
  });

  it('has no host for bad addresses and bare IPs', () => {
    expect(pageHost(null)).toBeNull();
    expect(pageHost('not a url')).toBeNull();
    expect(pageHost('http://192.168.0.10/a')).toBeNull();
  });
});

describe('nameFitsHost', () => {
  const host = (url: string) => pageHost(url)!;

  it('accepts names that spell the host, with accents and umlaut spellings folded', () => {
    expect(foldedKey('Kräuter Löwe')).toBe(foldedKey('kraeuter-loewe'));
    expect(nameFitsHost('El Diario Día', host('https://eldiariodia.com/a'))).toBe(true);
    expect(nameFitsHost('Kräuter Löwe', host('https://www.kraeuter-loewe.de/a'))).toBe(true);
    expect(nameFitsHost('Valley Courier Online', host('https://valleycourier.co.uk/a'))).toBe(true);
  });

  it('accepts names the host abbreviates', () => {
    expect(abbreviates('nytimes', 'The New York Times')).toBe(true);
    expect(abbreviates('ksta', 'Kölner Stadt-Anzeiger')).toBe(true);
    expect(abbreviates('dtb', 'Deutscher Turner-Bund e.V.')).toBe(true);
    expect(abbreviates('latimes', 'L.A. Times')).toBe(true);
    // One word alone is not an abbreviation.
    expect(abbreviates('courier', 'The Courier')).toBe(false);
    expect(abbreviates('vegolosi', 'di Vegolosi.it')).toBe(false);
  });

  it('rejects parent companies and menu words', () => {
    expect(nameFitsHost('Northgate Media Group', host('https://www.valleycourier.co.uk/a'))).toBe(false);
    expect(nameFitsHost('Subscribe', host('https://www.valleycourier.co.uk/a'))).toBe(false);
  });
});

describe('parseTextPage source name and host', () => {
  const body = [
    'The regional authority said on Monday that construction would start in the autumn and last two years.',
    'Residents of the lower town had asked for higher walls since the floods of last spring damaged forty homes.',
    'Engineers expect the work to cost about twelve million euros, shared between the region and the state.',
  ];

  it('prefers the name the page prints for its host over the parent company in the copyright line', () => {
    const page = [
      'Valley Courier',
      'Home | Region | Sport',
      'Flood defences along the river to be raised by a metre',
      ...body,
      'Valley Courier Shop',
      '© 2026 Northgate Media Group. All rights reserved.',
    ].join('\n\n');
    const item = parseTextPage(page, { url: 'https://www.valleycourier.co.uk/region/flood-defences-raised/' });
    expect(item.sourceName).toBe('Valley Courier');
  });

  it('falls back to the host when the page prints no name for it', () => {
    const page = ['Flood defences along the river to be raised by a metre', ...body].join('\n\n');
    const item = parseTextPage(page, { url: 'https://www.valleycourier.co.uk/region/flood-defences-raised/' });
    expect(item.sourceName).toBe('valleycourier.co.uk');
  });

  it('takes the host over a printed sub-brand when the footer names a parent company', () => {
    const url = 'https://www.valleycourier.co.uk/region/flood-defences-raised/';
    const footer = '© 2026 Northgate Media Group. All rights reserved.';
    const withShop = ['Flood defences along the river to be raised by a metre', ...body, 'Valley Courier Shop', footer];
    expect(parseTextPage(withShop.join('\n\n'), { url }).sourceName).toBe('valleycourier.co.uk');
    const withName = ['Flood defences along the river to be raised by a metre', ...body, 'ValleyCourier.co.uk', footer];
    expect(parseTextPage(withName.join('\n\n'), { url }).sourceName).toBe('ValleyCourier.co.uk');
  });

  it('keeps a copyright holder that spells the host, and prints no host without an address', () => {
    const page = [
      'Flood defences along the river to be raised by a metre',
      ...body,
      '© 2026 The Valley Courier Ltd. All rights reserved.',
    ].join('\n\n');
    expect(parseTextPage(page, { url: 'https://valleycourier.co.uk/a' }).sourceName).toBe('The Valley Courier');
    expect(parseTextPage(page, { url: null }).sourceName).toBe('The Valley Courier');
  });
});

describe('addressDate', () => {
  it('reads a full date or a year and month from the path', () => {
    expect(addressDate('https://example.org/2026/05/04/harbour-strike-ends/')).toEqual({
      date: '2026-05-04',
      full: true,
    });
    expect(addressDate('https://example.org/news/2026-5-4-harbour-strike-ends')).toEqual({
      date: '2026-05-04',
      full: true,
    });
    expect(addressDate('https://example.org/2026/05/harbour-strike-ends/')).toEqual({ date: '2026-05', full: false });
  });

  it('ignores ids and impossible days', () => {
    expect(addressDate('https://example.org/2026/08/23646/')).toEqual({ date: '2026-08', full: false });
    expect(addressDate('https://example.org/2026/02/30/a')).toBeNull();
    expect(addressDate('https://example.org/article/20260504')).toBeNull();
    expect(addressDate(null)).toBeNull();
  });
});

describe('parseTextPage date and address', () => {
  const page = (dateLine: string | null): string =>
    [
      'Harbour strike ends after three weeks',
      ...(dateLine ? [dateLine] : []),
      'Dock workers voted on Sunday to accept a new pay offer, ending a strike that had halted most container traffic.',
      'The port authority said ships waiting offshore would be unloaded first, starting on Monday morning.',
    ].join('\n\n');

  it('fills a missing date from the address', () => {
    const item = parseTextPage(page(null), { url: 'https://example.org/2026/05/04/harbour-strike-ends/' });
    expect(item.publishedAt).toBe('2026-05-04T00:00:00.000Z');
  });

  it('replaces a date before the address day, keeps a later one', () => {
    const url = 'https://example.org/2026/05/04/harbour-strike-ends/';
    expect(parseTextPage(page('1 May 2026'), { url }).publishedAt?.slice(0, 10)).toBe('2026-05-04');
    expect(parseTextPage(page('6 May 2026'), { url }).publishedAt?.slice(0, 10)).toBe('2026-05-06');
  });

  it('swaps day and month read the wrong way round for the address month', () => {
    const url = 'https://example.org/2026/11/harbour-strike-ends/';
    expect(parseTextPage(page('2026-08-11'), { url }).publishedAt?.slice(0, 10)).toBe('2026-11-08');
    expect(parseTextPage(page('2026-11-08'), { url }).publishedAt?.slice(0, 10)).toBe('2026-11-08');
  });
});
