import {
  findArticleSpan,
  isArticleEndHeading,
  isCommenterLine,
  isCommentFormHeading,
  isCommentSectionHeading,
  isContactLine,
  isListEndHeading,
  isPostNavigationLine,
  isReadMoreLink,
  isTagLine,
  shapeBlocks,
  spanUnderHeadline,
} from './text-page-span';

describe('isTagLine', () => {
  it('recognises labelled tag lists in several languages', () => {
    expect(isTagLine('Themen: Formel 1, Saison 2026, Hafenstadt')).toBe(true);
    expect(isTagLine('Tags: harbour, strike, dock workers')).toBe(true);
    expect(isTagLine('Etiquetas: puerto | huelga | transporte')).toBe(true);
  });

  it('recognises tag links joined by spaces when every word is capitalised', () => {
    expect(isTagLine('Etiquetas: COLONIA RÍO VERDE FISCAL JOSÉ GODOY IMPUTADOS SAN PEDRO SECUESTRO EXPRÉS')).toBe(true);
    expect(isTagLine('Tags: Harbour Strike Dock Workers Ferry Route 2026')).toBe(true);
    expect(isTagLine('Themen: Die Stadt will den Hafen bis zum Jahr 2030 erweitern')).toBe(false);
    expect(isTagLine('Topics: Harbour Strike Ends. Dock Workers Return To The Quays')).toBe(false);
    expect(isTagLine(`Tags: ${'Harbour '.repeat(40)}Strike`)).toBe(false);
  });

  it('does not take prose after a label for a tag list', () => {
    expect(
      isTagLine(
        'Themen: Die Stadt will den Hafen bis zum Jahr 2030 um zwei Liegeplätze erweitern, sagte der Bürgermeister.',
      ),
    ).toBe(false);
    expect(isTagLine('Topics we cover include harbours, strikes and transport.')).toBe(false);
    expect(isTagLine(`Tags: ${'a, '.repeat(200)}b`)).toBe(false);
  });
});

describe('findArticleSpan', () => {
  it('ends the article at a tag list, before the author box and teasers', () => {
    const blocks = [
      'Dock workers voted on Sunday to accept a new pay offer, ending a strike that had halted most container traffic.',
      'The port authority said ships waiting offshore would be unloaded first, starting early on Monday morning.',
      'Themen: Hafen, Streik, Container',
      'Lena Vogt',
      'Redakteurin',
      'Weitere Nachrichten aus dem Hafen lesen Sie in unserem Newsletter, der jeden Morgen um sieben Uhr erscheint.',
      'Die Fähre nach Helgoland fährt ab Mai wieder täglich, teilte die Reederei am Freitag in einer Erklärung mit.',
    ];
    expect(findArticleSpan(shapeBlocks(blocks))).toEqual({ start: 0, end: 1 });
  });
});

describe('end headings of link lists', () => {
  it('close the article in German and French too', () => {
    for (const heading of ['Mehr Themen:', 'Zum Weiterlesen:', 'Weiterlesen:', 'Mehr lesen über:', 'Pour approfondir'])
      expect(isArticleEndHeading(heading)).toBe(true);
  });

  it('are headings, not sentences that start with the words', () => {
    expect(isArticleEndHeading('Weiterlesen lohnt sich: die Pier öffnet im Frühjahr wieder')).toBe(false);
    expect(isArticleEndHeading('Lire aussi: la grève des pilotes du port')).toBe(false);
  });
});

describe('an end heading inside the densest window', () => {
  const paragraph = (topic: string): string =>
    `The harbour board met on Tuesday to discuss the ${topic}, and members agreed that the work should start before the summer season brings more ferries and cruise ships into the narrow basin. ` +
    `Several members asked for a second survey of the quay walls, which were last inspected eleven years ago, before any money is spent on the new cranes.`;
  const teaser = (topic: string): string =>
    `Ferry timetable changes for the ${topic} season: the operator adds two late crossings on Fridays and Saturdays, and the first morning boat now leaves twenty minutes earlier than before.`;
  const article = ['dredging plan', 'crane order', 'quay survey', 'budget', 'pilot service'].map(paragraph);

  it('closes the article at a related-articles heading followed by long teasers', () => {
    const blocks = [...article, 'Related articles', ...['spring', 'summer', 'autumn', 'winter'].map(teaser)];
    expect(findArticleSpan(shapeBlocks(blocks))).toEqual({ start: 0, end: article.length - 1 });
  });

  it('keeps the article going after a box of links in its middle', () => {
    const blocks = [...article.slice(0, 2), 'Related articles', teaser('spring'), ...article.slice(2)];
    expect(findArticleSpan(shapeBlocks(blocks)).end).toBe(blocks.length - 1);
  });

  it('keeps the article going after a cross-link label, its linked title and more text, in several languages', () => {
    const labels = ['Related:', 'À lire aussi :', 'Mehr zum Thema:', 'Mehr zum Thema', 'Leia também:', 'Read more'];
    for (const label of labels) {
      const blocks = [
        ...article,
        label,
        'Ferry crossings cancelled as the storm reaches the coast',
        paragraph('ferries'),
      ];
      expect(findArticleSpan(shapeBlocks(blocks)).end).toBe(blocks.length - 1);
    }
  });

  it('still closes the article at a cross-link label heading a list of teasers', () => {
    for (const label of ['Related', 'Mehr zum Thema', 'À lire aussi']) {
      const titles = ['Ferry crossings cancelled', 'New cranes for the quay', 'Pilot service extended', 'Strike ends'];
      const blocks = [...article, label, ...titles, 'Most read', ...titles];
      expect(findArticleSpan(shapeBlocks(blocks)).end).toBe(article.length - 1);
    }
  });

  it('is not closed by a bare comment counter (editions print one under each article)', () => {
    const blocks = [...article, 'Comments (3 posted)', ...['spring', 'summer', 'autumn', 'winter'].map(teaser)];
    expect(findArticleSpan(shapeBlocks(blocks)).end).toBe(blocks.length - 1);
    expect(
      shapeBlocks(['Comments (3 posted)', '12 Kommentare', 'Leave a comment']).map((s) => s.commentCounter),
    ).toEqual([true, true, false]);
  });
});

describe('headings of lists printed after an article', () => {
  const paragraph = (topic: string): string =>
    `The ferry operator confirmed on Monday that the ${topic} will change from April, after months of complaints from commuters about crowded morning boats. ` +
    `Passengers with season tickets keep their current fares until the end of the year, the company said in a statement.`;
  const article = ['timetable', 'night service', 'fare table', 'car deck booking', 'bike rack', 'café'].map(paragraph);
  const teasers = [
    'Verwandte Artikel',
    ...['north pier', 'lighthouse', 'marina'].map(
      (place) =>
        `Harbour walk: the ${place} reopens after its winter repairs, with new benches, brighter lamps and a ramp for prams and wheelchairs along the water.`,
    ),
  ];

  it('are recognised in several languages', () => {
    for (const heading of [
      'Post navigation',
      'Beitragsnavigation',
      'Weiterführende Links',
      'Articles liés',
      'Temas relacionados:',
    ])
      expect(isListEndHeading(heading)).toBe(true);
    expect(isListEndHeading('Weiterführende Links zur Fährverbindung finden Sie am Ende der Seite.')).toBe(false);
    // A press release's contact box.
    for (const heading of ['Pressekontakt', 'Press contact:', 'Contatti stampa'])
      expect(isListEndHeading(heading)).toBe(true);
    expect(isListEndHeading('Press contacts with the ministry were broken off in May.')).toBe(false);
  });

  it('close the article before the list', () => {
    expect(findArticleSpan(shapeBlocks([...article, ...teasers]))).toEqual({ start: 0, end: article.length - 1 });
  });

  it('include the most-viewed and other-news lists, in several languages', () => {
    for (const heading of [
      'Most shared',
      'You might like',
      'Lo más visto de La República',
      'Más leídas de Política',
      'Otras noticias de Cámara de Diputados',
      'Les plus partagés',
      'Meistkommentiert',
      'Mais lidas em Esporte',
      'Più visti',
    ])
      expect(isListEndHeading(heading)).toBe(true);
    expect(isListEndHeading('Más leídas que nunca, las novelas de la autora vuelven a las librerías.')).toBe(false);
    expect(isListEndHeading('Most viewed videos of the harbour came from a single drone pilot last summer.')).toBe(
      false,
    );
    for (const heading of ['Lo más visto', 'Meistkommentiert']) {
      const titles = ['Ferry crossings cancelled', 'New cranes for the quay', 'Pilot service extended'].map(
        (title) => `${title}: what commuters need to know before Monday morning`,
      );
      const blocks = [...article, heading, ...titles, 'The harbour master explains why the night ferry stops?'];
      expect(findArticleSpan(shapeBlocks(blocks))).toEqual({ start: 0, end: article.length - 1 });
    }
  });

  it('do not cut the lead off when printed under it', () => {
    const blocks = [article[0]!, 'Verwandte Themen', 'Fähre', ...article.slice(1)];
    expect(findArticleSpan(shapeBlocks(blocks))).toEqual({ start: 0, end: blocks.length - 1 });
  });
});

describe('post navigation lines', () => {
  it('are recognised with or without the linked title, in several languages', () => {
    for (const line of [
      'Next: Dredging the outer basin, step by step',
      'Previous post: Why the ferry was late',
      'Vorheriger Beitrag',
      'Nächster Artikel Die Fähre fährt wieder',
      'Article suivant La grève des pilotes est terminée',
      'ARTÍCULO ANTERIOR',
      'Articolo successivo',
    ])
      expect(isPostNavigationLine(line)).toBe(true);
    // They head what follows the article, as the list headings do.
    expect(isListEndHeading('Next: Dredging the outer basin, step by step')).toBe(true);
  });

  it('are not sentences that start with the same words', () => {
    expect(isPostNavigationLine('Next year the harbour will open a second ferry terminal.')).toBe(false);
    expect(isPostNavigationLine('Previous owners had let the quay fall apart.')).toBe(false);
    expect(isPostNavigationLine(`Next: ${'a'.repeat(300)}`)).toBe(false);
  });
});

describe('the start of a comment section', () => {
  const paragraph = (topic: string): string =>
    `The marina opened its new ${topic} on Saturday, a year later than planned, after the builder had to replace the piles under the walkway. ` +
    `Berth holders said the wait had been worth it, although the fees rise by a tenth from the spring.`;
  const article = ['pontoon', 'fuel dock', 'slipway'].map(paragraph);
  const comment = (name: string): string[] => [
    `${name} says:`,
    'May 3, 2026 at 9:14 am',
    'I moor there every summer and the old walkway was a disgrace; the new one is wide enough for a trolley and a pram side by side, finally.',
    'Reply',
  ];

  it('closes the article even when the comments are longer than it', () => {
    const blocks = [...article, ...['Ana', 'Ben', 'Cem', 'Dora', 'Emil', 'Finn', 'Gus'].flatMap(comment)];
    expect(findArticleSpan(shapeBlocks(blocks))).toEqual({ start: 0, end: article.length - 1 });
    expect(isCommentSectionHeading('3 Responses to “The marina opens its new pontoon”')).toBe(true);
    expect(isCommentSectionHeading('Ein Gedanke zu „Die Marina öffnet den neuen Steg“')).toBe(true);
  });

  it('needs the dated line under a "<name> says:" line (a quote announced in the text has none)', () => {
    expect(isCommenterLine('Ana says:', '3. Mai 2026 um 09:14 Uhr')).toBe(true);
    expect(isCommenterLine('The harbour master says:', 'Nobody will pay more than last year.')).toBe(false);
    expect(isCommentSectionHeading('Three replies to the council came in before the deadline.')).toBe(false);
  });
});

describe('a share bar after the article', () => {
  const paragraph = (topic: string): string =>
    `The council agreed on Wednesday to extend the ${topic} until the end of next year, after a survey found that most residents use it at least once a week. ` +
    `Opposition members asked for a review of the costs in the spring, which the mayor promised to publish before the budget debate.`;
  const article = ['night bus', 'library hours', 'bike lanes', 'swimming pool', 'market days'].map(paragraph);
  const teaser = (topic: string): string =>
    `You are looking for facts about the ${topic}? Our overview explains how it is funded, who decides on it and where you can ask your questions in person.`;
  const bars = [
    ['Seite teilen', 'Die Stadt bei Facebook', 'Artikel per WhatsApp teilen', 'Drucken'],
    ['Compartir en Facebook', 'Compartir en Twitter', 'Enviar por e-mail'],
    ['Share', 'Facebook', 'Twitter', 'Email'],
  ];

  it('closes the article before the teasers that follow it, in several languages', () => {
    for (const bar of bars) {
      const blocks = [...article, ...bar, 'Our city', ...['city budget', 'school board', 'harbour plan'].map(teaser)];
      expect(findArticleSpan(shapeBlocks(blocks))).toEqual({ start: 0, end: article.length - 1 });
      expect(shapeBlocks(blocks)[article.length]?.shareBar).toBe(true);
    }
  });

  it('does not cut the article when printed under its lead', () => {
    for (const bar of bars) {
      const blocks = [article[0]!, ...bar, ...article.slice(1)];
      expect(findArticleSpan(shapeBlocks(blocks))).toEqual({ start: 0, end: blocks.length - 1 });
    }
  });

  it('needs three share lines in a row (a lone network name is a credit or a link)', () => {
    const blocks = [...article, 'Facebook', 'Photo: City archive', ...['city budget', 'school board'].map(teaser)];
    expect(shapeBlocks(blocks).some((shape) => shape.shareBar)).toBe(false);
  });
});

describe('a contact block after the article', () => {
  const paragraph = (topic: string): string =>
    `The association presented its report on ${topic} on Thursday, saying that the number of projects had doubled since the spring. ` +
    `Its chair thanked the volunteers and announced that the next meeting would take place in the town hall in March.`;
  const article = ['youth work', 'the food bank', 'the sports club', 'the summer camp', 'the choir'].map(paragraph);
  const blurb =
    'The association supports families in the district with advice, courses and a meeting place open every weekday afternoon.';

  it('recognises phone, e-mail and web-address lines, with or without a label', () => {
    for (const line of [
      '+49 30 1234-567',
      'Tel.: 0211 765432',
      'Fax 089 / 1234 567',
      'presse@example.org',
      'E-Mail: info@beispiel.de',
      'www.example.org/press',
      'Téléphone : 01 23 45 67 89',
    ])
      expect(isContactLine(line)).toBe(true);
  });

  it('does not take dates, counts or sentences for contact lines', () => {
    for (const line of [
      '15.10.2021',
      '2026-03-01',
      '1.234.567',
      'Write to us at info@example.org with your questions.',
      'Teléfono',
    ])
      expect(isContactLine(line)).toBe(false);
  });

  it('closes the article before a press office block and what follows it, in several languages', () => {
    const blocks = [
      ...article,
      'Pressestelle',
      'Jana Beispiel',
      'Pressesprecherin',
      'Tel.: +49 30 1234-567',
      'jana.beispiel@example.org',
      blurb,
    ];
    expect(findArticleSpan(shapeBlocks(blocks))).toEqual({ start: 0, end: article.length - 1 });
    const fr = [...article, 'Contact presse', 'Teléfono: +34 91 123 45 67', 'Courriel : presse@exemple.fr', blurb];
    expect(findArticleSpan(shapeBlocks(fr))).toEqual({ start: 0, end: article.length - 1 });
  });

  it('keeps a venue box without an e-mail address (an address and phone numbers are often the text’s own)', () => {
    const blocks = [
      ...article,
      'Address:',
      'City Theatre',
      'Tel.: 0201 2402-0',
      'Fax: 0201 2402-403',
      'www.example.org',
      blurb,
    ];
    expect(shapeBlocks(blocks).some((shape) => shape.contactBlock)).toBe(false);
  });

  it('does not cut the article at a contact block under its lead', () => {
    const blocks = [article[0]!, 'Tel.: +49 30 1234-567', 'info@example.org', ...article.slice(1)];
    expect(findArticleSpan(shapeBlocks(blocks))).toEqual({ start: 0, end: blocks.length - 1 });
  });
});

describe('teaser cards after the article', () => {
  const paragraph = (topic: string): string =>
    `Residents of the old town voted on Sunday on the plan for ${topic}, and a clear majority backed the proposal of the council. ` +
    `The works are to start in the autumn and should be finished before the end of the following year, the mayor said.`;
  const article = ['the square', 'the bridge', 'the tram line', 'the market hall', 'the park'].map(paragraph);
  const card = (title: string, more: string): string[] => [
    title,
    '12.03.2026',
    `A short summary of the story about ${title.toLowerCase()}, with what happened and what comes next for the neighbourhood.`,
    more,
  ];

  it('recognises "read more" links in several languages', () => {
    for (const line of [
      'Read more »',
      'Weiterlesen →',
      'Mehr erfahren',
      'Lire la suite…',
      'Leer más',
      'Leia mais',
      'Leggi tutto',
    ])
      expect(isReadMoreLink(line)).toBe(true);
    expect(isReadMoreLink('Read more about the harbour plan in our dossier.')).toBe(false);
  });

  it('close the article before the first card, in several languages', () => {
    for (const more of ['Read more', 'Weiterlesen', 'Lire la suite', 'Leer más']) {
      const blocks = [...article, ...card('New bus lines', more), ...card('School holidays', more)];
      expect(findArticleSpan(shapeBlocks(blocks))).toEqual({ start: 0, end: article.length - 1 });
    }
  });

  it('are not a "read more" cross-link under a paragraph of the text', () => {
    const blocks = [...article.slice(0, 3), 'READ MORE', 'Council approves the new tram line', ...article.slice(3)];
    expect(shapeBlocks(blocks).some((shape) => shape.teaserCard)).toBe(false);
    expect(findArticleSpan(shapeBlocks(blocks))).toEqual({ start: 0, end: blocks.length - 1 });
  });
});

describe('the heading of a comment form', () => {
  const paragraph = (topic: string): string =>
    `The club's members met on Friday evening to discuss ${topic}, and the board promised a decision before the summer break. ` +
    `Several members asked for the figures to be published online, which the treasurer agreed to do within a month.`;
  const article = ['the new pitch', 'the membership fees', 'the youth teams'].map(paragraph);
  const comment = (name: string): string =>
    `${name}: I have been a member for twenty years and I think the board is right to wait for the figures before deciding anything about the fees, the pitch or the teams.`;

  it('is recognised in several languages', () => {
    for (const line of [
      'Leave a Reply',
      'Écrire un commentaire',
      'Schreibe einen Kommentar',
      'Deja un comentario',
      'Deixe um comentário',
      'Lascia un commento',
    ])
      expect(isCommentFormHeading(line)).toBe(true);
    expect(isCommentFormHeading('Leave a comment below if you were at the meeting.')).toBe(false);
  });

  it('closes the article even when the comments after it are longer', () => {
    for (const heading of ['Leave a reply', 'Écrire un commentaire', 'Kommentar schreiben']) {
      const blocks = [...article, heading, ...['Anna', 'Ben', 'Chris', 'Dana', 'Eli'].map(comment)];
      expect(findArticleSpan(shapeBlocks(blocks))).toEqual({ start: 0, end: article.length - 1 });
    }
  });
});

describe('spanUnderHeadline', () => {
  const cookieDialog = [
    'Wir verwenden Cookies, um Inhalte zu personalisieren und die Zugriffe auf unsere Website zu analysieren.',
    'Notwendige Cookies sind für den Betrieb der Website erforderlich und können nicht deaktiviert werden.',
    'Statistik-Cookies helfen uns zu verstehen, wie Besucher mit der Website interagieren, indem Informationen anonym gesammelt werden.',
    'Marketing-Cookies werden verwendet, um Besuchern auf Websites relevante Anzeigen zu zeigen und sie zu messen.',
    'Sie können Ihre Einwilligung jederzeit in den Einstellungen am Ende jeder Seite widerrufen oder ändern.',
  ];
  const sidebar = ['Kategorien', 'Hafen', 'Fähren', 'Archiv', 'März 2026', 'Februar 2026', 'Januar 2026', 'Meta'];
  const page = (article: string[], between: string[], window: string[]): string[] => [
    'Hafenblog',
    'Fähre nach Helgoland fährt wieder täglich',
    '12. März 2026',
    ...article,
    'Teilen Sie dies mit:',
    'Facebook',
    'Twitter',
    'WhatsApp',
    ...between,
    ...window,
  ];
  const shortPost = [
    'Die Reederei hat am Freitag mitgeteilt, dass die Fähre ab Mai wieder täglich fährt.',
    '„Endlich“, sagt der Hafenmeister.',
  ];

  it('takes the short article above its share bar when the window far below is about something else', () => {
    const blocks = page(shortPost, [...sidebar, ...sidebar.map((line) => `${line} (2)`)], cookieDialog);
    const shapes = shapeBlocks(blocks);
    const window = findArticleSpan(shapes);
    expect(window.start).toBeGreaterThan(10);
    expect(spanUnderHeadline(blocks, shapes, 1, window)).toEqual({ start: 2, end: 4 });
  });

  it('keeps the window when it names the headline (the article goes on under a box)', () => {
    const continued = cookieDialog.map((line, i) =>
      i === 0 ? `Die Fähre nach Helgoland ist ausgebucht. ${line}` : line,
    );
    const blocks = page(shortPost, [...sidebar, ...sidebar.map((line) => `${line} (2)`)], continued);
    const shapes = shapeBlocks(blocks);
    expect(spanUnderHeadline(blocks, shapes, 1, findArticleSpan(shapes))).toBeNull();
  });

  it('keeps the window right under a share bar printed over the article', () => {
    const blocks = page(shortPost, ['Anzeige'], cookieDialog);
    const shapes = shapeBlocks(blocks);
    expect(spanUnderHeadline(blocks, shapes, 1, findArticleSpan(shapes))).toBeNull();
  });

  it('needs some text between the headline and the share bar', () => {
    const blocks = page(['Fotos: Hafenblog'], [...sidebar, ...sidebar.map((line) => `${line} (2)`)], cookieDialog);
    const shapes = shapeBlocks(blocks);
    expect(spanUnderHeadline(blocks, shapes, 1, findArticleSpan(shapes))).toBeNull();
  });
});
