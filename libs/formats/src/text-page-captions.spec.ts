import { analyzeTextPageLayout, isCaptionWithCredit } from './text-page-layout';

describe('captions inside a text page', () => {
  it('include numbered figure and table captions', () => {
    expect(isCaptionWithCredit('Abbildung 4: Die Schwachschicht im Profil, Quelle Lawinendienst')).toBe(true);
    expect(isCaptionWithCredit('Figure 2. Berths at the northern pier in 2026')).toBe(true);
    expect(isCaptionWithCredit('Tabla 1 – Pasajeros por línea y mes')).toBe(true);
    // A sentence that merely starts with the word is prose.
    expect(isCaptionWithCredit('Figure skating returns to the harbour rink this winter.')).toBe(false);
    expect(isCaptionWithCredit('Table tennis: the club wins its third title in a row.')).toBe(false);
  });

  it('include a name with its photo credit after a comma', () => {
    expect(isCaptionWithCredit('Lena Vogt, photo: Harbour Archive')).toBe(true);
    expect(isCaptionWithCredit('Lena Vogt, Foto: Hafenarchiv')).toBe(true);
    // Other labels after a comma stay prose ("…, source: …" ends sentences about figures).
    expect(isCaptionWithCredit('Traffic at the pier rose by a tenth, source: port authority')).toBe(false);
  });

  it('include a caption with its credit glued to the last word (es, de, en)', () => {
    expect(
      isCaptionWithCredit(
        'Sergio Puerto, el presidente de la junta del puerto en la sesión de la mañanaIgnacio Muelle',
      ),
    ).toBe(true);
    expect(
      isCaptionWithCredit(
        'Jana Beispiel nach der Wahl zur Hafenpräsidentin zusammen mit Wahlleiter Jan Muster.HPA / Kai',
      ),
    ).toBe(true);
    expect(
      isCaptionWithCredit('Dock workers wait on the northern pier for the first ferry of the morningJane Roe'),
    ).toBe(true);
  });

  it('include a caption closed by a Creative Commons licence (de, en)', () => {
    expect(isCaptionWithCredit('Lageplan der neuen Liegeplätze am Nordkai. Zum Vergrößern klicken. CC-BY-SA 2.0')).toBe(
      true,
    );
    expect(
      isCaptionWithCredit('Rock art on the northern pier. Credit: Jane Roe/Harbour Archive (CC BY-NC-ND 2.0)'),
    ).toBe(true);
    expect(isCaptionWithCredit('The harbour board publishes its data under an open licence, CC BY 4.0')).toBe(true);
    // A paragraph naming the licence inside a sentence is prose.
    expect(isCaptionWithCredit('The pictures are licensed CC BY 4.0 so that any paper can print them.')).toBe(false);
  });

  it('do not include a subheading ending with a brand, a menu run together or a reference', () => {
    // Too few words before the brand, or a brand's capitals inside a word.
    expect(isCaptionWithCredit('Im Test: die neue PlayStation Portal')).toBe(false);
    expect(
      isCaptionWithCredit('Wir haben die neue Konsole mit allen Spielen gründlich getestet PlayStation Portal'),
    ).toBe(false);
    expect(isCaptionWithCredit('Harbour News Ferry News Port Guide Berth Finder PierMap Harbour Weather')).toBe(false);
    expect(
      isCaptionWithCredit('Harbour berths and the price of fuel. J Port Econ. 2008;142:615-35. CrossrefGoogle Scholar'),
    ).toBe(false);
    expect(
      isCaptionWithCredit('The board met on Monday and approved the plan for the new berths at the Jane Roe.'),
    ).toBe(false);
  });

  it('are taken out of the article with the boilerplate kind', () => {
    const paragraph = (topic: string): string =>
      `The harbour board approved the ${topic} on Tuesday after a debate that lasted well into the night, officials said, and work will start in the autumn.`;
    const page = [
      'Harbour Times',
      'Harbour board approves new berths',
      paragraph('new berths'),
      'Abbildung 1: Lageplan der neuen Liegeplätze',
      paragraph('rail link'),
      'Lena Vogt, photo: Harbour Archive',
      paragraph('budget'),
    ].join('\n');
    const layout = analyzeTextPageLayout(page);
    const boilerplate = layout.chrome.filter((line) => line.kind === 'boilerplate').map((line) => line.text);
    expect(boilerplate).toEqual(['Abbildung 1: Lageplan der neuen Liegeplätze', 'Lena Vogt, photo: Harbour Archive']);
  });
});
