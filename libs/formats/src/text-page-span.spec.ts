import { findArticleSpan, isArticleEndHeading, isTagLine, shapeBlocks } from './text-page-span';

describe('isTagLine', () => {
  it('recognises labelled tag lists in several languages', () => {
    expect(isTagLine('Themen: Formel 1, Saison 2026, Hafenstadt')).toBe(true);
    expect(isTagLine('Tags: harbour, strike, dock workers')).toBe(true);
    expect(isTagLine('Etiquetas: puerto | huelga | transporte')).toBe(true);
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
