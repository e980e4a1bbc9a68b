import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pageHost } from './text-page-host';
import { analyzeTextPageLayout, copyrightHolder, publicationName, titleCase } from './text-page-layout';

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

describe('a copyright holder that does not spell the host', () => {
  const page = (footer: string[]): string =>
    [
      'Menu',
      'News',
      'Harbour strike ends after three weeks',
      '4 May 2026',
      paragraph('agreement'),
      paragraph('pay rise'),
      'Contact',
      ...footer,
    ].join('\n');
  const url = 'https://www.hbv.example/news/harbour-strike-ends/';

  it('names the site when it is an institution, in several languages and as a German compound', () => {
    const cases: Array<[string, string]> = [
      ['© 2026 Bundesministerium für Häfen und Wasserstraßen', 'Bundesministerium für Häfen und Wasserstraßen'],
      ['© Harbour Rowing Association 2026', 'Harbour Rowing Association'],
      ['© 2026 Hafenverein Nord e.V.', 'Hafenverein Nord e.V'],
      ['© 2026 Fundación Puerto Viejo', 'Fundación Puerto Viejo'],
      ['© 2026 Comité des fêtes du port', 'Comité des fêtes du port'],
      ['© 2026 Landesverband der Hafenlotsen', 'Landesverband der Hafenlotsen'],
    ];
    for (const [copyright, name] of cases)
      expect(analyzeTextPageLayout(page([copyright, 'Impressum']), { url }).siteName).toBe(name);
  });

  it('gives way to the host when it is a company, a person or an institution run as a company', () => {
    for (const copyright of [
      '© 2026 Quayside Media Group Ltd',
      '© 2026 Jane Doe',
      '© 2026 Harbour Foundation Publishing GmbH',
    ])
      expect(analyzeTextPageLayout(page([copyright, 'Impressum']), { url }).siteName).toBe('hbv.example');
  });

  it('ends where footer links flattened without spaces run into it', () => {
    expect(
      analyzeTextPageLayout(page(['© 2026 Hafenlotsen KomiteeImpressumPrivacy & AGBsSitemap']), { url }).siteName,
    ).toBe('Hafenlotsen Komitee');
    expect(analyzeTextPageLayout(page(['© 2026 Harbour Rowing ClubDatenschutz'])).siteName).toBe('Harbour Rowing Club');
  });

  it('is the quoted name after a legal or agency form', () => {
    expect(analyzeTextPageLayout(page(['© 2026 ИА «Гавань»']), { url }).siteName).toBe('Гавань');
    expect(analyzeTextPageLayout(page(['© 2026 SARL « Le Port »']), { url }).siteName).toBe('Le Port');
    // A long phrase before the quotes is no form: the host stays.
    expect(
      analyzeTextPageLayout(page(['© 2026 Published by the friends of the old quay «Le Port»']), { url }).siteName,
    ).toBe('hbv.example');
  });

  it('is read after the footer links printed before the copyright mark on its line', () => {
    const line = 'KONTAKT DATENSCHUTZ MEDIADATEN IMPRESSUM SITEMAP © 2026 Hafen-Bote';
    expect(analyzeTextPageLayout(page([line]), { url: 'https://www.hafen-bote.example/a' }).siteName).toBe(
      'Hafen-Bote',
    );
    // Other words before the mark are a caption's credit, not a copyright line.
    expect(analyzeTextPageLayout(page(['Boats in the harbour © 2026 Jane Doe'])).siteName).toBeNull();
  });
});

describe('a name spelling the host with a company word after it', () => {
  const page = (copyright: string): string =>
    ['Menu', 'Harbour strike ends after three weeks', paragraph('agreement'), paragraph('pay rise'), copyright].join(
      '\n',
    );

  it('loses the company word when the rest spells the host', () => {
    const url = 'https://www.harbourtimes.example/a';
    expect(analyzeTextPageLayout(page('© 2026 Harbour Times Media GmbH'), { url }).siteName).toBe('Harbour Times');
    expect(analyzeTextPageLayout(page('© 2026 Harbour Times Verlag'), { url }).siteName).toBe('Harbour Times');
  });

  it('keeps it when the host spells it too', () => {
    const url = 'https://www.harbourmedia.example/a';
    expect(analyzeTextPageLayout(page('© 2026 Harbour Media GmbH'), { url }).siteName).toBe('Harbour Media');
  });
});

describe('an address on a feed redirector', () => {
  it('is no host: the page names itself', () => {
    expect(pageHost('http://feedproxy.google.com/~r/HarbourTimes/~3/abc123/')).toBeNull();
    const text = [
      'Menu',
      'Harbour strike ends after three weeks',
      paragraph('agreement'),
      paragraph('pay rise'),
      'Todos los Derechos Reservados. Diario del Puerto ©2026',
    ].join('\n');
    expect(analyzeTextPageLayout(text, { url: 'http://feedproxy.google.com/~r/x/~3/abc/' }).siteName).toBe(
      'Diario del Puerto',
    );
  });
});

describe('a copyright line that names the site before its mark', () => {
  const page = (footer: string[]): string =>
    ['Menu', 'Harbour strike ends after three weeks', paragraph('agreement'), paragraph('pay rise'), ...footer].join(
      '\n',
    );

  it('names the site before the mark when a company owner follows it', () => {
    expect(analyzeTextPageLayout(page(['Harbourtimes.com © 2026 Quayside Media Group'])).siteName).toBe(
      'Harbourtimes.com',
    );
    expect(analyzeTextPageLayout(page(['Harbour Times © 2026 Quayside Productions, Inc.'])).siteName).toBe(
      'Harbour Times',
    );
    // A person after the mark is a credit: no copyright line.
    expect(analyzeTextPageLayout(page(['Harbour Times © 2026 Jane Doe'])).siteName).toBeNull();
  });

  it('reads the holder after a sentence that ends before the mark', () => {
    const line = 'Part of the Harbour Network. © 2026 Quayside Media Ltd. All rights reserved.';
    expect(analyzeTextPageLayout(page([line])).siteName).toBe('Quayside Media');
  });

  it('is read among the last lines even when the article seems to reach them', () => {
    const blurb =
      'Harbour Times, the daily of the old port, gives its readers the news of the quays, the boats and the town every morning, from politics to sport and the weather, written by the people who live here.';
    expect(analyzeTextPageLayout(page(['© Harbour Times | Kontakt | Impressum', blurb])).siteName).toBe(
      'Harbour Times',
    );
  });
});

describe('a footer link to the page about the site', () => {
  const page = (footer: string[]): string =>
    [
      'Menu',
      'Harbour strike ends after three weeks',
      paragraph('agreement'),
      paragraph('pay rise'),
      'Contact Us',
      ...footer,
    ].join('\n');

  it('names the site when nothing else does, or over a company holding the copyright', () => {
    expect(analyzeTextPageLayout(page(['About Harbour Times', 'Privacy Policy'])).siteName).toBe('Harbour Times');
    expect(analyzeTextPageLayout(page(['About hbTimes', '© 2026 Quayside Media Group Ltd.'])).siteName).toBe('hbTimes');
    expect(analyzeTextPageLayout(page(['Über die Hafenzeitung', 'Impressum'])).siteName).toBe('Hafenzeitung');
  });

  it('is not a page about the visitor or the site’s dealings, and leaves another holder alone', () => {
    for (const link of ['About Us', 'About Cookies', 'About our newsletter'])
      expect(analyzeTextPageLayout(page([link, 'Privacy Policy'])).siteName).toBeNull();
    expect(analyzeTextPageLayout(page(['About Harbour Times', '© 2026 Jane Doe'])).siteName).toBe('Jane Doe');
  });
});

describe('an acronym naming the site', () => {
  const page = (head: string[], copyright: string): string =>
    [...head, 'Harbour strike ends after three weeks', paragraph('agreement'), paragraph('pay rise'), copyright].join(
      '\n',
    );

  it('is the name the page spells out for it', () => {
    expect(analyzeTextPageLayout(page(['Menu', 'Harbour Rowing Association'], '© 2026 HRA')).siteName).toBe(
      'Harbour Rowing Association',
    );
    expect(
      analyzeTextPageLayout(page(['Menu', 'HRA: Harbour Rowing Association'], '© 2026 HRA'), {
        url: 'https://www.hra.example/a',
      }).siteName,
    ).toBe('Harbour Rowing Association');
    expect(
      analyzeTextPageLayout(page(['Menu', 'News from the Harbour Rowing Association (HRA) and friends'], '© 2026 HRA'))
        .siteName,
    ).toBe('Harbour Rowing Association');
  });

  it('stays when the page only prints a sub-brand or lines that do not spell it', () => {
    for (const line of ['HRA Rowing', 'Harbour Regatta Results', 'Boats at rest'])
      expect(analyzeTextPageLayout(page(['Menu', line], '© 2026 HRA')).siteName).toBe('HRA');
  });
});

describe('a follow button around the masthead', () => {
  it('leaves the name it follows', () => {
    expect(publicationName('Follow Harbour Times Followed')).toBe('Harbour Times');
    expect(publicationName('Folgen Hafenzeitung Gefolgt')).toBe('Hafenzeitung');
  });

  it('is not a name that merely starts or ends with the word', () => {
    expect(publicationName('Follow the Harbour')).toBe('Follow the Harbour');
    expect(publicationName('Follow Followed')).toBe('Follow Followed');
  });
});

describe('a line spelling the host, then where its holder sits', () => {
  const page = (footer: string): string =>
    [
      'Skip to main content',
      'Fraktion',
      'Harbour strike ends after three weeks',
      paragraph('agreement'),
      paragraph('pay rise'),
      footer,
      'Kontakt',
    ].join('\n');
  const url = 'https://www.hafenpartei.example/themen/streik';

  it('names the site without the place', () => {
    expect(analyzeTextPageLayout(page('Hafenpartei-Fraktion im Hamburger Landtag'), { url }).siteName).toBe(
      'Hafenpartei-Fraktion',
    );
  });

  it('keeps the place when the words before it do not spell the host', () => {
    expect(analyzeTextPageLayout(page('Die Fraktion im Hafenpartei Haus'), { url }).siteName).toBe(
      'hafenpartei.example',
    );
  });
});

describe('readSiteName: false (the caller has the name)', () => {
  it('finds the same chrome, headline, span and meta lines, and leaves the site name as the header scan read it', () => {
    for (const file of [
      'global-village-space-trump-petro.txt',
      'lakeshore-gazette-water-rationing.txt',
      'metro-wire-trump-petro-republished.txt',
    ]) {
      const text = readFileSync(path.resolve(__dirname, '../../../examples', file), 'utf8');
      const url = `https://example.org/news/${file.replace('.txt', '')}`;
      const full = analyzeTextPageLayout(text, { url, sourceName: 'Known Name' });
      const lean = analyzeTextPageLayout(text, { url, sourceName: 'Known Name', readSiteName: false });
      expect({ ...lean, siteName: null }).toEqual({ ...full, siteName: null });
    }
  });
});

describe('a prompt naming the site', () => {
  const page = (head: string[], foot: string[]): string =>
    [...head, 'Harbour strike ends after three weeks', paragraph('agreement'), paragraph('pay rise'), ...foot].join(
      '\n',
    );

  it('names the site by a greeting anywhere in the header, or a follow button with both states', () => {
    expect(
      analyzeTextPageLayout(page(['We use cookies to improve your visit.', 'Welcome to Harbour Times!'], [])).siteName,
    ).toBe('Harbour Times');
    expect(analyzeTextPageLayout(page(['Log in', 'Follow Harbour Times Followed', 'Blogs'], [])).siteName).toBe(
      'Harbour Times',
    );
    expect(analyzeTextPageLayout(page(['Menü', 'Willkommen bei Hafenblatt!'], [])).siteName).toBe('Hafenblatt');
  });

  it('names the site by a newsletter or app prompt in the footer, in several languages', () => {
    expect(analyzeTextPageLayout(page([], ['Subscribe to Harbour Times via Email'])).siteName).toBe('Harbour Times');
    expect(analyzeTextPageLayout(page([], ['Download the Harbour Times app for the latest news'])).siteName).toBe(
      'Harbour Times',
    );
    expect(analyzeTextPageLayout(page([], ['Descarga la app de Diario del Puerto'])).siteName).toBe(
      'Diario del Puerto',
    );
    expect(analyzeTextPageLayout(page([], ['Téléchargez l’application Le Port'])).siteName).toBe('Le Port');
    expect(analyzeTextPageLayout(page([], ['Laden Sie die Hafenblatt-App herunter'])).siteName).toBe('Hafenblatt');
  });

  it('names the site by a social follow prompt, in several languages', () => {
    expect(analyzeTextPageLayout(page([], ['Follow Harbour Times on Instagram'])).siteName).toBe('Harbour Times');
    expect(analyzeTextPageLayout(page([], ['Folgen Sie Hafenblatt auf Facebook'])).siteName).toBe('Hafenblatt');
    expect(analyzeTextPageLayout(page([], ['Suivez Écho Hebdo sur X'])).siteName).toBe('Écho Hebdo');
    expect(analyzeTextPageLayout(page([], ['Sigue a Diario del Puerto en Instagram'])).siteName).toBe(
      'Diario del Puerto',
    );
    expect(analyzeTextPageLayout(page([], ['Siga o Porto Diário no Instagram'])).siteName).toBe('Porto Diário');
    expect(analyzeTextPageLayout(page([], ['Baixe o app do Porto Diário'])).siteName).toBe('Porto Diário');
  });

  it('is no name for the platform’s default words, the visitor’s own, or a plain follow link', () => {
    for (const line of ['Follow us on Twitter', 'Folgen Sie uns auf Instagram', 'Follow @harbourtimes on X'])
      expect(analyzeTextPageLayout(page([], [line])).siteName).toBeNull();
    for (const line of [
      'Subscribe to Blog via Email',
      'Download our app',
      'Get the app',
      'Follow us',
      'Follow Jane Doe',
    ])
      expect(analyzeTextPageLayout(page([], [line])).siteName).toBeNull();
  });

  it('gives way to a name the page states otherwise, and to the host when it does not fit it', () => {
    expect(analyzeTextPageLayout(page([], ['Subscribe to Harbour Times via Email', '© 2026 Quay Post'])).siteName).toBe(
      'Quay Post',
    );
    expect(
      analyzeTextPageLayout(page([], ['Download the Quay Post app']), { url: 'https://www.harbourtimes.example/a' })
        .siteName,
    ).toBe('harbourtimes.example');
  });
});

describe('an about link in Spanish, Portuguese and French', () => {
  const page = (footer: string[]): string =>
    ['Menu', 'Harbour strike ends after three weeks', paragraph('agreement'), paragraph('pay rise'), ...footer].join(
      '\n',
    );

  it('names the site', () => {
    expect(analyzeTextPageLayout(page(['Sobre El Puerto Digital', 'Aviso legal'])).siteName).toBe('Puerto Digital');
    expect(analyzeTextPageLayout(page(['Sobre o Porto Diário', 'Contato'])).siteName).toBe('Porto Diário');
    expect(analyzeTextPageLayout(page(['À propos d’Écho Hebdo', 'Contact'])).siteName).toBe('Écho Hebdo');
  });

  it('is not a page about the visitor or the author', () => {
    for (const link of ['Sobre Nosotros', 'Sobre Nós', 'Sobre mí', 'Sobrevivientes'])
      expect(analyzeTextPageLayout(page([link, 'Contacto'])).siteName).toBeNull();
  });
});

describe('a footer line the host abbreviates', () => {
  const page = (foot: string[]): string =>
    ['Menü', 'Hafenstreik endet nach drei Wochen', paragraph('agreement'), paragraph('pay rise'), ...foot].join('\n');

  it('names the site when no line spells the host’s label', () => {
    expect(
      analyzeTextPageLayout(page(['Evangelischer Hafen-Verein in Lübeck', 'Impressum']), {
        url: 'https://www.ehvluebeck.example/a',
      }).siteName,
    ).toBe('Evangelischer Hafen-Verein in Lübeck');
    expect(
      analyzeTextPageLayout(page(['Harbour Rowing Club', 'Contact']), { url: 'https://www.hrc.example/a' }).siteName,
    ).toBe('Harbour Rowing Club');
  });

  it('gives way to a line spelling the label', () => {
    expect(
      analyzeTextPageLayout(page(['Harbour Rowing Club', 'HRC Online']), { url: 'https://www.hrc.example/a' }).siteName,
    ).toBe('HRC Online');
  });
});

describe('a name the host adds a generic word to', () => {
  const page = (foot: string[]): string =>
    ['Menu', 'Harbour strike ends after three weeks', paragraph('agreement'), paragraph('pay rise'), ...foot].join(
      '\n',
    );

  it('is printed alone, over a company holding the copyright, in several languages', () => {
    expect(
      analyzeTextPageLayout(page(['HAFEN', '© Quayside Verlag GmbH & Co. KG']), {
        url: 'https://www.hafenmagazin.example/a',
      }).siteName,
    ).toBe('HAFEN');
    expect(
      analyzeTextPageLayout(page(['Puerto', '© 2026 Grupo Costa S.A.']), { url: 'https://puertonoticias.example/a' })
        .siteName,
    ).toBe('Puerto');
    expect(analyzeTextPageLayout(page(['Quay', 'Contact']), { url: 'https://www.quaynews.example/a' }).siteName).toBe(
      'Quay',
    );
  });

  it('is not a name when the rest of the host is no generic word, or a line spells the whole label', () => {
    expect(
      analyzeTextPageLayout(page(['Hafen', '© Quayside Verlag GmbH & Co. KG']), {
        url: 'https://www.hafenkante.example/a',
      }).siteName,
    ).toBe('hafenkante.example');
    expect(
      analyzeTextPageLayout(page(['Hafen', 'Hafen Magazin', 'Impressum']), {
        url: 'https://www.hafenmagazin.example/a',
      }).siteName,
    ).toBe('Hafen Magazin');
  });
});

describe('a long footer line separated by tildes', () => {
  it('is read segment by segment for the name spelling the host', () => {
    const text = [
      'Menu',
      'Harbour strike ends after three weeks',
      paragraph('agreement'),
      paragraph('pay rise'),
      `Harbour Local Quayside ~ 1 Main St., Harbourtown ~ Privacy Policy ~ Terms Of Service ~ ${'Cookie Policy ~ '.repeat(8)}Contact`,
    ].join('\n');
    expect(analyzeTextPageLayout(text, { url: 'https://quayside.harbourlocal.example/a' }).siteName).toBe(
      'Harbour Local Quayside',
    );
  });
});

describe('footer links run into the copyright holder with spaces', () => {
  it('end the holder, in several languages', () => {
    expect(copyrightHolder('© 2026 Harbour Times, LLC Terms of Use/Privacy Policy')).toBe('Harbour Times, LLC');
    expect(copyrightHolder('©HAFEN Kontakt Datenschutz ImpressumIBAN: DE00 1234 5678')).toBe('HAFEN');
    expect(copyrightHolder('© 2026 Diario del Puerto Aviso legal Contacto')).toBe('Diario del Puerto');
    expect(copyrightHolder('© 2026 Écho du Port Mentions légales')).toBe('Écho du Port');
  });

  it('leave a holder whose words only look like a link', () => {
    expect(copyrightHolder('© 2026 Privacy International')).toBe('Privacy International');
    expect(copyrightHolder('© 2026 Harbour Contact Lenses Ltd')).toBe('Harbour Contact Lenses Ltd');
  });
});

describe('a page read without its address that prints it at the top', () => {
  const page = (first: string, copyright: string): string =>
    [
      first,
      'News',
      'Harbour strike ends after three weeks',
      paragraph('agreement'),
      paragraph('pay rise'),
      copyright,
    ].join('\n');

  it('is named after that host over a holder that does not fit it', () => {
    expect(analyzeTextPageLayout(page('m.harbourtimes.example', '© Quayside Weekly Times')).siteName).toBe(
      'harbourtimes.example',
    );
    expect(analyzeTextPageLayout(page('www.hafenblatt.example', '© Hafenblatt')).siteName).toBe('Hafenblatt');
  });

  it('leaves other first lines and a known address alone', () => {
    expect(analyzeTextPageLayout(page('Harbour strike news.', '© Quayside Weekly Times')).siteName).toBe(
      'Quayside Weekly Times',
    );
    expect(
      analyzeTextPageLayout(page('m.harbourtimes.example', '© Quay Post'), { url: 'https://www.quaypost.example/a' })
        .siteName,
    ).toBe('Quay Post');
  });
});

describe('a copyright holder naming its parent after a comma', () => {
  it('is the publication, in several languages', () => {
    expect(publicationName('Harbour Times, a Quayside Media company')).toBe('Harbour Times');
    expect(publicationName('Harbour Times Inc., a subsidiary of Quayside Media')).toBe('Harbour Times');
    expect(publicationName('Harbour Times, part of Quayside Media Group')).toBe('Harbour Times');
    expect(publicationName('Hafenblatt, ein Unternehmen der Quayside Gruppe')).toBe('Hafenblatt');
    expect(publicationName('Diario del Puerto, una publicación de Grupo Costa S.A.')).toBe('Diario del Puerto');
    expect(publicationName('Écho Hebdo, une marque du Groupe Quai')).toBe('Écho Hebdo');
  });

  it('keeps names with commas and legal forms that are no parent phrase', () => {
    expect(publicationName('Smith, Jones & Partners')).toBe('Smith, Jones & Partners');
    expect(publicationName('Přístav, a.s.')).toBe('Přístav, a.s');
  });
});

describe('the site’s own name over a company holding the copyright', () => {
  const page = (foot: string[]): string =>
    ['Menu', 'Harbour strike ends after three weeks', paragraph('agreement'), paragraph('pay rise'), ...foot].join(
      '\n',
    );
  const url = 'https://www.harbourtimes.example/a';

  it('is a line spelling the host and a generic word', () => {
    expect(analyzeTextPageLayout(page(['© 2026 Quayside Media Ltd', 'Harbour Times Online']), { url }).siteName).toBe(
      'Harbour Times Online',
    );
    expect(
      analyzeTextPageLayout(page(['© 2026 Quayside Verlag GmbH', 'Hafenblatt Nachrichten']), {
        url: 'https://hafenblatt.example/a',
      }).siteName,
    ).toBe('Hafenblatt Nachrichten');
    expect(analyzeTextPageLayout(page(['© 2026 Quayside Media Ltd', 'Harbour Times Shop']), { url }).siteName).toBe(
      'harbourtimes.example',
    );
  });

  it('is a prompt naming the site', () => {
    expect(
      analyzeTextPageLayout(page(['Download the Harbour Times app', '© 2026 Quayside Media Ltd']), { url }).siteName,
    ).toBe('Harbour Times');
    expect(
      analyzeTextPageLayout(page(['Descarga la app de Diario del Puerto', '© 2026 Grupo Costa S.A.'])).siteName,
    ).toBe('Diario del Puerto');
    expect(analyzeTextPageLayout(page(['Download the Harbour Times app', '© 2026 Jane Doe'])).siteName).toBe(
      'Jane Doe',
    );
  });
});

describe('a copyright line in another order', () => {
  it('names the holder after the rights phrase, in several languages', () => {
    expect(copyrightHolder('All rights reserved © 2026 Harbour Times')).toBe('Harbour Times');
    expect(copyrightHolder('Todos los derechos reservados © 2026 Diario del Puerto')).toBe('Diario del Puerto');
    expect(copyrightHolder('Alle Rechte vorbehalten © 2026 Hafenblatt')).toBe('Hafenblatt');
    expect(copyrightHolder('Todos os direitos reservados © 2026 Porto Diário')).toBe('Porto Diário');
  });

  it('names the holder before the sign when only the footer’s links follow the year', () => {
    expect(copyrightHolder('Harbour Times © 2026 | Impressum | Datenschutz')).toBe('Harbour Times');
    expect(copyrightHolder('Écho Hebdo © 2026 · Mentions légales · Contact')).toBe('Écho Hebdo');
    expect(copyrightHolder('Harbour Times © 2026 | Lokales | Sport')).toBeUndefined();
  });
});

describe('a weaker prompt naming the site', () => {
  const page = (foot: string[]): string =>
    ['Menu', 'Harbour strike ends after three weeks', paragraph('agreement'), paragraph('pay rise'), ...foot].join(
      '\n',
    );
  const url = 'https://www.harbourtimes.example/a';

  it('names the site when it spells the host, in several languages', () => {
    expect(analyzeTextPageLayout(page(['Follow Harbour Times']), { url }).siteName).toBe('Harbour Times');
    expect(analyzeTextPageLayout(page(['Sign up for the Harbour Times newsletter']), { url }).siteName).toBe(
      'Harbour Times',
    );
    expect(
      analyzeTextPageLayout(page(['Folgen Sie Hafenblatt']), { url: 'https://www.hafenblatt.example/a' }).siteName,
    ).toBe('Hafenblatt');
    expect(
      analyzeTextPageLayout(page(['Suscríbete al boletín de Diario del Puerto']), {
        url: 'https://www.diariodelpuerto.example/a',
      }).siteName,
    ).toBe('Diario del Puerto');
  });

  it('is no name for a person, another newsletter, or a page without its address', () => {
    expect(analyzeTextPageLayout(page(['Follow Jane Doe']), { url }).siteName).toBe('harbourtimes.example');
    expect(analyzeTextPageLayout(page(['Sign up for the Morning Briefing newsletter']), { url }).siteName).toBe(
      'harbourtimes.example',
    );
    expect(analyzeTextPageLayout(page(['Follow Harbour Times'])).siteName).toBeNull();
  });
});

describe('a local edition on a subdomain', () => {
  const page = (foot: string[]): string =>
    ['Menu', 'Harbour strike ends after three weeks', paragraph('agreement'), paragraph('pay rise'), ...foot].join(
      '\n',
    );

  it('is named by a line spelling the host’s label and the edition, in either order', () => {
    const url = 'https://quayside.harbourtimes.example/news/a';
    expect(analyzeTextPageLayout(page(['Harbour Times Quayside', '© 2026 Harbour Media Co']), { url }).siteName).toBe(
      'Harbour Times Quayside',
    );
    const de = 'https://altstadt.hafenblatt.example/lokales/a';
    expect(analyzeTextPageLayout(page(['Altstadt Hafenblatt', '© 2026 Hafen Verlag GmbH']), { url: de }).siteName).toBe(
      'Altstadt Hafenblatt',
    );
  });

  it('is not named by a line adding another word, nor on a blogging platform', () => {
    const url = 'https://quayside.harbourtimes.example/news/a';
    expect(analyzeTextPageLayout(page(['Harbour Times Shopping', '© 2026 Harbour Media Co']), { url }).siteName).toBe(
      'quayside.harbourtimes.example',
    );
    expect(pageHost('https://quayside.harbourtimes.example/a')?.label).toBe('harbourtimes');
  });
});

describe('a logo run into its own alternative text', () => {
  it('names the site once', () => {
    expect(publicationName('Harbour Wiki Harbour Wiki')).toBe('Harbour Wiki');
    expect(publicationName('Hafenblatt Hafenblatt')).toBe('Hafenblatt');
    expect(publicationName('Harbour Wiki Harbour News')).toBe('Harbour Wiki Harbour News');
  });

  it('is the name at the head that the footer prints again, whatever the host', () => {
    const page = [
      'Harbour Wiki Harbour Wiki',
      'Navigation',
      'Recent changes',
      'Harbour crane',
      paragraph('crane'),
      paragraph('quay'),
      'Privacy policy',
      'About Harbour Wiki',
      'Disclaimers',
    ].join('\n');
    expect(analyzeTextPageLayout(page, { url: 'https://wiki.quay-fans.example/index.php?title=A' }).siteName).toBe(
      'Harbour Wiki',
    );
  });
});

describe('a name at the head that the page repeats in lines of its own', () => {
  const page = (name: string, repeats: string[]): string =>
    [
      name,
      'Harbour strike ends after three weeks',
      '4 May 2026',
      paragraph('agreement'),
      paragraph('pay rise'),
      ...repeats,
      ...['Weather', 'Traffic', 'Contests', 'Jobs', 'Contact us', 'Advertise', 'Careers', 'Privacy policy'],
      ...['Terms of use', 'Public file', 'Cookie settings'],
    ].join('\n');
  const url = 'https://www.wqtv.example/news/a';

  it('names the site over the host it does not spell, in several languages', () => {
    expect(
      analyzeTextPageLayout(page('News 4 Harbour', ['NEWS 4 HARBOUR VIDEO', 'More from News 4 Harbour']), { url })
        .siteName,
    ).toBe('News 4 Harbour');
    expect(
      analyzeTextPageLayout(page('Kanal 4 Hafen', ['Mehr von Kanal 4 Hafen', 'Kanal 4 Hafen im Radio']), { url })
        .siteName,
    ).toBe('Kanal 4 Hafen');
  });

  it('is not the name when printed again only once, or when it is one word', () => {
    expect(analyzeTextPageLayout(page('News 4 Harbour', ['More from News 4 Harbour']), { url }).siteName).toBe(
      'wqtv.example',
    );
    expect(analyzeTextPageLayout(page('Harbour', ['More from Harbour', 'Harbour video']), { url }).siteName).toBe(
      'wqtv.example',
    );
  });
});

describe('a sentence naming the site by the host’s label', () => {
  const page = (foot: string[]): string =>
    ['Menu', 'Harbour strike ends after three weeks', paragraph('agreement'), paragraph('pay rise'), ...foot].join(
      '\n',
    );

  it('names the site by its capitalised words that start with the label, in several languages', () => {
    const url = 'https://www.harbour.example/a';
    expect(
      analyzeTextPageLayout(page(['Read every article on HARBOUR ONLINE for free this week']), { url }).siteName,
    ).toBe('HARBOUR ONLINE');
    expect(
      analyzeTextPageLayout(page(['Alle Artikel auf HARBOUR ONLINE jetzt eine Woche lang frei lesen']), { url })
        .siteName,
    ).toBe('HARBOUR ONLINE');
    expect(
      analyzeTextPageLayout(page(['Der Harbour-Podcast steht unter einer freien Lizenz für alle Hörer']), {
        url: 'https://harbour-podcast.example/a',
      }).siteName,
    ).toBe('Harbour-Podcast');
  });

  it('reads particles between the capitalised words, and the name inside a longer run, in several languages', () => {
    expect(
      analyzeTextPageLayout(
        page(['Geschichte der Hafenstadt ist ein Online-Magazin für Beiträge aus der Stadtgeschichte und mehr']),
        { url: 'https://geschichtederhafenstadt.example/a' },
      ).siteName,
    ).toBe('Geschichte der Hafenstadt');
    expect(
      analyzeTextPageLayout(page(['Lee todos los artículos de Diario del Puerto gratis durante esta semana']), {
        url: 'https://www.diariodelpuerto.example/a',
      }).siteName,
    ).toBe('Diario del Puerto');
    expect(
      analyzeTextPageLayout(page(['Read every Weekly Harbour Online article for free this week']), {
        url: 'https://www.harbour.example/a',
      }).siteName,
    ).toBe('Harbour Online');
  });

  it('is no name when the capitalised words do not start with the label, or add a word that is not generic', () => {
    const url = 'https://www.harbour.example/a';
    expect(
      analyzeTextPageLayout(page(['Read every article on THE QUAY HARBOUR for free this week']), { url }).siteName,
    ).toBe('harbour.example');
    expect(
      analyzeTextPageLayout(page(['Die Fraktion tagt heute im Harbour Haus am alten Kai der Stadt']), { url }).siteName,
    ).toBe('harbour.example');
  });
});

describe('the root of an arrow breadcrumb trail', () => {
  const page = (crumbs: string, name: string, first = 'Menu'): string =>
    [
      first,
      'Login',
      'Harbour strike ends after three weeks of talks',
      '4 May 2026',
      paragraph('agreement'),
      paragraph('pay rise'),
      name,
      crumbs,
      'Imprint | Privacy',
    ].join('\n');
  const url = 'https://qg-online.example/local/harbour-strike';

  it('names the site when the page also prints it alone (English, German)', () => {
    expect(analyzeTextPageLayout(page('Quay Gazette > Local > Harbour >', 'Quay Gazette'), { url }).siteName).toBe(
      'Quay Gazette',
    );
    expect(
      analyzeTextPageLayout(page('Hafen & Kai › Nachrichten › 2026 › Streik beendet', 'Hafen & Kai'), { url }).siteName,
    ).toBe('Hafen & Kai');
  });

  it('is not a menu root, a one-word section or a root printed only in the trail', () => {
    expect(analyzeTextPageLayout(page('Home Page > Local > Harbour', 'Home Page'), { url }).siteName).not.toBe(
      'Home Page',
    );
    expect(analyzeTextPageLayout(page('Sport > Rowing > Harbour', 'Sport'), { url }).siteName).not.toBe('Sport');
    expect(analyzeTextPageLayout(page('Quay Gazette > Local > Harbour >', 'Share'), { url }).siteName).not.toBe(
      'Quay Gazette',
    );
  });
});

describe("an association's formal name ending in the host's label", () => {
  const page = (foot: string[]): string =>
    ['Menu', 'Harbour strike ends after three weeks', paragraph('agreement'), paragraph('pay rise'), ...foot].join(
      '\n',
    );
  const url = 'https://www.hafenbund.example/a';

  it('names the site without its legal form and acronym', () => {
    for (const line of [
      'Bayerischer Hafenbund e. V. (BHB)',
      'Bayerischer Hafenbund e.V.',
      'Bayerischer Hafenbund (BHB)',
    ])
      expect(analyzeTextPageLayout(page(['Kontakt', line, 'Impressum']), { url }).siteName).toBe(
        'Bayerischer Hafenbund',
      );
  });

  it('is not read from a link or a menu entry that ends in the label', () => {
    for (const line of ['Über Hafenbund', 'Join Hafenbund', 'Der Hafenbund', 'Blog Hafenbund'])
      expect(analyzeTextPageLayout(page(['Kontakt', line, 'Impressum']), { url }).siteName).not.toBe(line);
    expect(analyzeTextPageLayout(page(['Kontakt', 'Mindeststandards Hafenbund (neu)']), { url }).siteName).toBe(
      'hafenbund.example',
    );
  });
});

describe('a language edition of a site that prints no name', () => {
  const page = ['Menu', 'Harbour strike ends after three weeks', paragraph('agreement'), paragraph('pay rise')].join(
    '\n',
  );

  it('falls back to the host without the language label', () => {
    expect(analyzeTextPageLayout(page, { url: 'https://de.harbourtimes.example/a' }).siteName).toBe(
      'harbourtimes.example',
    );
    expect(analyzeTextPageLayout(page, { url: 'https://fr.harbourtimes.example/a' }).siteName).toBe(
      'harbourtimes.example',
    );
  });

  it('keeps other labels and two-label hosts', () => {
    expect(analyzeTextPageLayout(page, { url: 'https://quay.harbourtimes.example/a' }).siteName).toBe(
      'quay.harbourtimes.example',
    );
    expect(analyzeTextPageLayout(page, { url: 'https://de.example/a' }).siteName).toBe('de.example');
  });
});

describe('a copyright line with the mark before the word', () => {
  it('names the holder after the years', () => {
    expect(copyrightHolder('© Copyright 2016 - 2026 Das Harbour Blog')).toBe('Das Harbour Blog');
    expect(copyrightHolder('(c) Copyright 2026 Harbour Times. All rights reserved.')).toBe('Harbour Times');
    expect(copyrightHolder('©Copyright 2019–2026 Harbour Times')).toBe('Harbour Times');
    expect(copyrightHolder('Copyright © 2016 - 2026 Harbour Times')).toBe('Harbour Times');
  });
});
