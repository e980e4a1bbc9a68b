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
    // Day-first dates of the Spanish, Portuguese, French and Italian wires.
    ['MADRID, 3 may (EFE).- El Banco de España advirtió', 'Madrid', '2026-05-03'],
    ['SÃO PAULO, 3 de maio (Reuters) - O Banco Central', 'São Paulo', '2026-05-03'],
    ['PARIS, 3 mai (AFP) - Le gouvernement a annoncé', 'Paris', '2026-05-03'],
    ['ROMA, 3 maggio (ANSA) - Il governo ha approvato', 'Roma', '2026-05-03'],
    // A title-case place with its agency, as German agencies print it.
    ['Frankfurt/Main (dpa) - Die Bundesbank warnte', 'Frankfurt/Main', '2026-05-05'],
    ['Genf, 3. Mai (AFP) - Die WHO warnte', 'Genf', '2026-05-03'],
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

  it('reads no place from a title-case subject before an agency credit', () => {
    expect(extractDateline('The Senate (AP) - voted on Tuesday', PUBLISHED, NOW)).toEqual({
      place: null,
      date: '2026-05-05',
    });
    expect(extractDateline('Washington — The Senate voted', PUBLISHED, NOW)).toEqual({
      place: null,
      date: '2026-05-05',
    });
  });
});
