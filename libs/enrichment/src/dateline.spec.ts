import { extractDateline, stripWireDateline } from './dateline';

const PUBLISHED = '2026-05-05T08:30:00.000Z';
const NOW = '2026-05-05T12:00:00.000Z';

describe('extractDateline', () => {
  it.each([
    ['NAIROBI, June 10 (Reuters) - Kenya said on Tuesday', 'Nairobi', '2026-06-10'],
    ['BOGOTÁ, Colombia — The government said', 'Bogotá, Colombia', '2026-05-05'],
    ['STOCKTON-ON-TEES — Councillors voted on Tuesday', 'Stockton-on-Tees', '2026-05-05'],
    ['LA ROCHE-SUR-YON — Les éleveurs laitiers', 'La Roche-sur-Yon', '2026-05-05'],
    ['FRANKFURT AM MAIN (dpa) - Die Börse', 'Frankfurt am Main', '2026-05-05'],
    ['PORT OF SPAIN (AP) — The island', 'Port of Spain', '2026-05-05'],
    ['SANTIAGO DE CHILE (EFE). — El Senado de Chile aprobó', 'Santiago de Chile', '2026-05-05'],
  ])('reads the place of "%s"', (lead, place, date) => {
    expect(extractDateline(lead, PUBLISHED, NOW)).toEqual({ place, date });
  });

  it('strips the dateline, agency and full stop before the text', () => {
    expect(stripWireDateline('SANTIAGO DE CHILE (EFE). — El Senado de Chile aprobó la reforma')).toBe(
      'El Senado de Chile aprobó la reforma',
    );
  });

  it('reads no place from a lead that only starts in capitals', () => {
    expect(extractDateline('US — The report', PUBLISHED, NOW)).toEqual({ place: null, date: '2026-05-05' });
  });
});
