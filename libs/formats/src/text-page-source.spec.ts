import { pageHost } from './text-page-host';
import { analyzeTextPageLayout, titleCase } from './text-page-layout';

const paragraph = (topic: string): string =>
  `The ${topic} was discussed at length by the harbour board on Monday, and the members agreed to publish the figures before the end of the month.`;

describe('a blog on a blogging platform', () => {
  const blog = (first: string): string =>
    [
      first,
      'Home',
      'About',
      'Harbour strike ends after three weeks',
      '4 May 2026',
      paragraph('agreement'),
      paragraph('pay rise'),
      'Leave a reply',
    ].join('\n');
  const url = 'https://quaywalker.wordpress.com/2026/05/04/harbour-strike-ends/';

  it('marks the host as a platform account', () => {
    expect(pageHost(url)).toEqual({ host: 'quaywalker.wordpress.com', label: 'quaywalker', platform: true });
    expect(pageHost('https://www.harbour-times.example/a')?.platform).toBeUndefined();
  });

  it('is named by its first line, whatever its shape, not by the account in the host', () => {
    expect(analyzeTextPageLayout(blog('Notes from the pier, mostly…'), { url }).siteName).toBe(
      'Notes from the pier, mostly…',
    );
    expect(analyzeTextPageLayout(blog('too long; did not sail'), { url }).siteName).toBe('too long; did not sail');
  });

  it('skips a skip link, and keeps the host when the first line is a date or a sentence', () => {
    expect(analyzeTextPageLayout(`Skip to content\n${blog('Quay Notes')}`, { url }).siteName).toBe('Quay Notes');
    expect(analyzeTextPageLayout(blog('3 May 2026'), { url }).siteName).toBe('quaywalker.wordpress.com');
    expect(analyzeTextPageLayout(blog('This is my blog about the harbour.'), { url }).siteName).toBe(
      'quaywalker.wordpress.com',
    );
  });

  it('leaves a site on its own host to the host check', () => {
    const own = 'https://www.quaywalker.example/2026/05/04/harbour-strike-ends/';
    expect(analyzeTextPageLayout(blog('Notes from the pier, mostly…'), { url: own }).siteName).toBe(
      'quaywalker.example',
    );
  });
});

describe('a long copyright notice in the footer', () => {
  it('names its holder by its first words', () => {
    const notice = `Copyright Harbour Courier. All rights reserved. No part of this page may be copied, stored or passed on in any form, printed or electronic, without the written consent of the publisher and of its agents and partners.`;
    const page = [
      'Menu',
      'Harbour strike ends after three weeks',
      '4 May 2026',
      paragraph('agreement'),
      paragraph('pay rise'),
      'Related articles',
      'Contact',
      notice,
    ].join('\n');
    expect(notice.length).toBeGreaterThan(200);
    expect(analyzeTextPageLayout(page).siteName).toBe('Harbour Courier');
  });
});

describe('a menu entry that spells the host', () => {
  const page = (entry: string): string =>
    [
      'Menu',
      entry,
      'Harbour strike ends after three weeks',
      '4 May 2026',
      paragraph('agreement'),
      paragraph('pay rise'),
      'Contact',
    ].join('\n');
  const url = 'https://www.harbourtimes.example/2026/05/04/harbour-strike-ends/';

  it('is not the name when it sells a service under it', () => {
    for (const entry of ['HarbourTimes-Shop', 'HARBOURTIMES APP', 'HarbourTimes Reisen', 'HarbourTimes entdecken'])
      expect(analyzeTextPageLayout(page(entry), { url }).siteName).toBe('harbourtimes.example');
  });

  it('is the name otherwise', () => {
    expect(analyzeTextPageLayout(page('HarbourTimes Online'), { url }).siteName).toBe('HarbourTimes Online');
  });
});

describe('a banner over a copyright holder that is a company', () => {
  const page = (banner: string, mention: string, copyright: string, first = 'Skip to main content'): string =>
    [
      first,
      banner,
      'News',
      'Sport',
      'Harbour strike ends after three weeks',
      'By Jane Doe',
      paragraph('agreement'),
      `${paragraph('pay rise')} ${mention}`,
      'Contact us',
      copyright,
    ].join('\n');

  it('names the publication when the page prints the name again, title-cased from capitals', () => {
    const cases: Array<[string, string, string, string]> = [
      [
        'THE HARBOUR ECHO',
        'Jane Doe is the Harbour Echo’s political editor.',
        '© 2026 Quayside Media Group Ltd',
        'The Harbour Echo',
      ],
      [
        'LE COURRIER DU PORT',
        'Elle écrit pour le Courrier du Port.',
        '© 2026 Groupe Presse Ouest SAS',
        'Le Courrier du Port',
      ],
      ['HAFENZEITUNG', 'Sie schreibt für die Hafenzeitung.', '© 2026 Nordmedien GmbH', 'Hafenzeitung'],
      ['JORNAL DO PORTO', 'Ela escreve para o JORNAL DO PORTO.', '© 2026 Grupo Media Norte, S.A.', 'Jornal do Porto'],
      ['HBT', 'Call HBT at any time with a tip.', '© 2026 Harbour Productions, Inc. All rights reserved', 'HBT'],
    ];
    for (const [banner, mention, copyright, name] of cases)
      expect(analyzeTextPageLayout(page(banner, mention, copyright)).siteName).toBe(name);
  });

  it('keeps the holder when it is not a company, the banner is not printed again, or the holder spells the host', () => {
    const mention = 'Jane Doe is the Harbour Echo’s political editor.';
    expect(analyzeTextPageLayout(page('THE HARBOUR ECHO', mention, '© 2026 Jane Doe')).siteName).toBe('Jane Doe');
    expect(analyzeTextPageLayout(page('THE HARBOUR ECHO', '', '© 2026 Quayside Media Ltd')).siteName).toBe(
      'Quayside Media',
    );
    const url = 'https://www.quaysidemedia.example/2026/05/04/harbour-strike-ends/';
    expect(
      analyzeTextPageLayout(page('THE HARBOUR ECHO', mention, '© 2026 Quayside Media Ltd'), { url }).siteName,
    ).toBe('Quayside Media');
  });

  it('keeps the holder when the first line is a menu word, a byline or a sentence', () => {
    const copyright = '© 2026 Quayside Media Group Ltd';
    for (const first of ['Premium', 'By John Roe', 'Read the Harbour Echo every day.'])
      expect(analyzeTextPageLayout(page(first, `${first} again.`, copyright, 'Menu')).siteName).toBe(
        'Quayside Media Group',
      );
  });
});

describe('title-casing a name printed in capitals', () => {
  it('capitalises words, lowers particles and keeps short acronyms', () => {
    expect(titleCase('THE NORTHERN ECHO')).toBe('The Northern Echo');
    expect(titleCase("LE COURRIER DE L'OUEST")).toBe("Le Courrier de l'Ouest");
    expect(titleCase('BBC NEWS')).toBe('BBC News');
    expect(titleCase('CNET')).toBe('CNET');
    expect(titleCase('INTELLIGENCER')).toBe('Intelligencer');
    expect(titleCase('Harbour Times')).toBe('Harbour Times');
  });
});

describe('a masthead naming its section at the top of the page', () => {
  const page = (first: string): string =>
    [
      first,
      'Menu',
      'Search',
      'Harbour strike ends after three weeks of talks',
      '4 May 2026',
      paragraph('agreement'),
      paragraph('pay rise'),
      '© 2026 Harbour Media Group Ltd. All rights reserved.',
    ].join('\n');

  it.each([
    ['THE HARBOUR POST — World', 'The Harbour Post'],
    ['El Diario del Puerto | Portada', 'El Diario del Puerto'],
    ['Le Courrier du Port - Actualités', 'Le Courrier du Port'],
  ])('names the publication over the copyright holder (%s)', (banner, name) => {
    expect(analyzeTextPageLayout(page(banner)).siteName).toBe(name);
  });

  it('is not a line whose second part is no section, nor one below the first lines', () => {
    expect(analyzeTextPageLayout(page('Harbour Post | Dock strike ends')).siteName).not.toBe('Harbour Post');
    const deeper = [
      'Menu',
      'Search',
      'Login',
      'Harbour Post | World',
      'Harbour strike ends after three weeks of talks',
    ];
    expect(
      analyzeTextPageLayout([...deeper, paragraph('agreement'), paragraph('pay rise')].join('\n')).siteName,
    ).not.toBe('Harbour Post');
  });
});
