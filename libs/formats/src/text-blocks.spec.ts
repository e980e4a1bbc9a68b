import { MIN_WRAPPED_LINE, normaliseSpaces, splitTextBlocks } from './text-blocks';

describe('splitTextBlocks', () => {
  it('re-joins a hard-wrapped sentence on scraped pages', () => {
    const text = 'The harbour authority said on Monday that the northern pier\nwould reopen in spring after repairs.';
    expect(splitTextBlocks(text, { minWrappedLine: MIN_WRAPPED_LINE })).toEqual([
      'The harbour authority said on Monday that the northern pier would reopen in spring after repairs.',
    ]);
  });

  it('keeps a lower-case byline line under a long headline on its own line', () => {
    const text = 'Harbour pilots vote to strike over night shifts at the northern pier\nvon Jana Beispiel\nby Ana Ruiz';
    expect(splitTextBlocks(text, { minWrappedLine: MIN_WRAPPED_LINE })).toEqual([
      'Harbour pilots vote to strike over night shifts at the northern pier',
      'von Jana Beispiel',
      'by Ana Ruiz',
    ]);
  });

  it('keeps a byline line naming two authors on its own line', () => {
    const text = 'Il porto riapre dopo tre settimane di sciopero dei lavoratori\ndi Luca Bianchi e Sara Rossi';
    expect(splitTextBlocks(text, { minWrappedLine: MIN_WRAPPED_LINE })).toHaveLength(2);
  });

  it.each([
    'il y a 3 heures · 5 mai 2026',
    'mardi 5 mai 2026, 08h12',
    'martes, 5 de mayo de 2026',
    'terça-feira, 5 de maio de 2026 às 10h45',
    'lunedì 5 maggio 2026',
    'vor 3 Stunden',
    'publicado el 05/05/2026',
  ])('keeps a lower-case date line under a long headline on its own line (%s)', (date) => {
    const headline = 'Porrentruy : la fonderie ferme ses portes, 120 emplois supprimés';
    expect(splitTextBlocks(`${headline}\n${date}`, { minWrappedLine: MIN_WRAPPED_LINE })).toEqual([headline, date]);
  });

  it('still joins a wrapped line that starts with a month-like word but is no date', () => {
    const text = 'Le maire a présenté le plan pour le port du nord de la ville\nmais sans les chiffres de 2026';
    expect(splitTextBlocks(text, { minWrappedLine: MIN_WRAPPED_LINE })).toHaveLength(1);
  });

  it('still joins a wrapped line that only starts like a byline', () => {
    const text = 'The mayor said the plan for the northern pier was drawn up\nby the port authority and two unions';
    expect(splitTextBlocks(text, { minWrappedLine: MIN_WRAPPED_LINE })).toHaveLength(1);
  });

  it('runs in linear time on a long run of capitalised words after a marker', () => {
    const line = `von ${'Aa '.repeat(50_000)}!`;
    const started = Date.now();
    splitTextBlocks(`${'x'.repeat(60)}\n${line}`, { minWrappedLine: MIN_WRAPPED_LINE });
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('normaliseSpaces', () => {
  it('collapses every kind of space run and trims, and leaves single-spaced text as it is', () => {
    expect(normaliseSpaces('  a \t b\u00A0\u00A0c\u200Bd\u3000e\n')).toBe('a b c d e');
    expect(normaliseSpaces('\uFEFFHarbour\u2028Times')).toBe('Harbour Times');
    expect(normaliseSpaces('Harbour strike ends')).toBe('Harbour strike ends');
    expect(normaliseSpaces(' Harbour ')).toBe('Harbour');
    expect(normaliseSpaces('')).toBe('');
  });
});
