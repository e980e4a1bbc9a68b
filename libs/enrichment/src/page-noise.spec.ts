import { extractEntityMentions } from './entities';
import { isNavigationLine, isShareLine, postcodeTail } from './page-noise';

const tagged = (paragraphs: string[]): string[] => extractEntityMentions(paragraphs).map((m) => `${m.type}:${m.text}`);

describe('page noise the tagger skips', () => {
  it('share and follow lines in several languages, but not a sentence about a platform', () => {
    expect(isShareLine('Share on Facebook | Share on Twitter | Share on WhatsApp')).toBe(true);
    expect(isShareLine('Follow us on Facebook, Twitter and Instagram')).toBe(true);
    expect(isShareLine('Partager : Facebook Twitter E-mail')).toBe(true);
    expect(isShareLine('Teilen auf WhatsApp')).toBe(true);
    expect(isShareLine('Facebook said on Tuesday it would appeal the fine.')).toBe(false);
    expect(
      tagged(['Share this article: Facebook Twitter WhatsApp Email', 'Facebook said on Tuesday it would appeal.']),
    ).toEqual(['organization:Facebook']);
  });

  it('navigation rows', () => {
    expect(isNavigationLine('Home | News | Sport | Business | Culture')).toBe(true);
    expect(isNavigationLine('Prices rose | analysts said')).toBe(false);
    expect(tagged(['Home | World News | Sport | Business | Culture'])).toEqual([]);
  });

  it('postcodes are not organisations: "London SW1A 1AA", "NY 10118", "ON M5V 2T6"', () => {
    expect(postcodeTail(['London', 'SW1A', '1AA'], '')).toBe(2);
    expect(postcodeTail(['ON', 'M5V', '2T6'], '')).toBe(3);
    expect(postcodeTail(['NY'], ' 10118')).toBe(1);
    expect(postcodeTail(['6PR'], ' is owned')).toBe(0);
    expect(tagged(['Harbour Foods Ltd, 12 High Street, London SW1A 1AA'])).toEqual([
      'organization:Harbour Foods Ltd',
      'place:High Street',
      'place:London',
    ]);
    expect(tagged(['Write to us at 350 Fifth Avenue, New York, NY 10118'])).toEqual([
      'place:Fifth Avenue',
      'place:New York',
    ]);
  });
});
