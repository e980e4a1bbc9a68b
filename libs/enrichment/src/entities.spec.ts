import { extractEntityMentions } from './entities';

const tagged = (paragraphs: string[]): string[] => extractEntityMentions(paragraphs).map((m) => `${m.type}:${m.text}`);

describe('extractEntityMentions', () => {
  it('keeps the dot of an abbreviation or initial inside the name (no sentence break after "St." or "J.")', () => {
    expect(tagged(['He joined the St. Louis Eagles in 1935.'])).toEqual(['organization:St. Louis Eagles']);
    expect(tagged(['The novel was written by J. R. Hartley in 1984.'])).toEqual(['person:J. R. Hartley']);
  });

  it('does not tag wars, prizes and competitions as people, places or organisations', () => {
    expect(tagged(['He served in World War II before the team won the Stanley Cup and he the Nobel Prize.'])).toEqual([]);
  });

  it('does not take a sentence-initial group noun before a speech verb for a person, but keeps a known surname', () => {
    expect(tagged(['Exporters said prices had held steady.', 'Officials told reporters the port would reopen.'])).toEqual([]);
    const mentions = extractEntityMentions(['Colombian President Gustavo Petro met Trump on Tuesday.', 'Petro said the talks went well.']);
    expect(mentions.filter((m) => m.paragraph === 1).map((m) => `${m.type}:${m.name}`)).toEqual(['person:Gustavo Petro']);
  });

  it('does not start a name with a sentence-initial plural noun and "of" ("Residents of Oakridge"), but keeps "Bank of America"', () => {
    expect(tagged(['Residents of Oakridge will water gardens on alternate days.'])).not.toContain('organization:Residents of Oakridge');
    expect(tagged(['Bank of America raised its forecast.'])).toEqual(['organization:Bank of America']);
  });
});
