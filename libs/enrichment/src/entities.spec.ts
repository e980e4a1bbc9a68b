import { extractEntities, extractEntityMentions } from './entities';

const tagged = (paragraphs: string[]): string[] => extractEntityMentions(paragraphs).map((m) => `${m.type}:${m.text}`);

describe('extractEntityMentions', () => {
  it('keeps the dot of an abbreviation or initial inside the name (no sentence break after "St." or "J.")', () => {
    expect(tagged(['He joined the St. Louis Eagles in 1935.'])).toEqual(['organization:St. Louis Eagles']);
    expect(tagged(['The novel was written by J. R. Hartley in 1984.'])).toEqual(['person:J. R. Hartley']);
  });

  it('takes a title word after a known given name for a surname ("Stephen King"), not a title', () => {
    expect(tagged(['The novel was written by Stephen King in 1986.'])).toEqual(['person:Stephen King']);
    expect(tagged(['The novel was praised by the President in 1986.'])).toEqual([]);
  });
  it('drops German role nouns before a given name mid-sentence', () => {
    expect(
      extractEntityMentions(['Heute erklärt der Hamburger Datenschutzbeauftragte Johannes Caspar die Regeln.'], {
        language: 'de',
      }).map((m) => `${m.type}:${m.text}`),
    ).toEqual(['person:Johannes Caspar']);
  });

  it('does not tag wars, prizes and competitions as people, places or organisations', () => {
    expect(tagged(['He served in World War II before the team won the Stanley Cup and he the Nobel Prize.'])).toEqual(
      [],
    );
  });

  it('does not take a sentence-initial group noun before a speech verb for a person, but keeps a known surname', () => {
    expect(
      tagged(['Exporters said prices had held steady.', 'Officials told reporters the port would reopen.']),
    ).toEqual([]);
    const mentions = extractEntityMentions([
      'Colombian President Gustavo Petro met Trump on Tuesday.',
      'Petro said the talks went well.',
    ]);
    expect(mentions.filter((m) => m.paragraph === 1).map((m) => `${m.type}:${m.name}`)).toEqual([
      'person:Gustavo Petro',
    ]);
  });

  it('does not start a name with a sentence-initial plural noun and "of" ("Residents of Oakridge"), but keeps "Bank of America"', () => {
    expect(tagged(['Residents of Oakridge will water gardens on alternate days.'])).not.toContain(
      'organization:Residents of Oakridge',
    );
    expect(tagged(['Bank of America raised its forecast.'])).toEqual(['organization:Bank of America']);
  });
});

describe('organisations by structure', () => {
  it('a business or institution head as the last word makes an organisation, even after a given name', () => {
    expect(tagged(['The lamps were made by Cesaroni Design in Italy.'])).toContain('organization:Cesaroni Design');
    expect(tagged(['The dinner was held at the Mark Hopkins Hotel downtown.'])).toContain(
      'organization:Mark Hopkins Hotel',
    );
  });

  it('a research, economics or advisory firm is an organisation, also after "at"', () => {
    expect(tagged(['Shipping analysts at Clarkson Research estimate the cost at £40 million.'])).toContain(
      'organization:Clarkson Research',
    );
    expect(tagged(['Economists at Harbour Economics and Lakeshore Advisors disagreed.'])).toEqual([
      'organization:Harbour Economics',
      'organization:Lakeshore Advisors',
    ]);
  });

  it('a company named by a name and its industry is an organisation, and two joined by "and" are two', () => {
    expect(tagged(['Prices rose at Lakeside Brewing, while Nordic Shipping cut routes.'])).toEqual([
      'organization:Lakeside Brewing',
      'organization:Nordic Shipping',
    ]);
    expect(tagged(['Losses were reported by Summit Energy and Atlas Steel on Tuesday.'])).toEqual([
      'organization:Summit Energy',
      'organization:Atlas Steel',
    ]);
    expect(tagged(['He banked with the Lakeshore Bank and Trust Company for years.'])).toEqual([
      'organization:Lakeshore Bank and Trust Company',
    ]);
  });

  it('a name the text abbreviates by its initials is an organisation', () => {
    expect(tagged(['Officials from Harbour Transit Authority Services (HTAS) attended.'])).toContain(
      'organization:Harbour Transit Authority Services',
    );
    expect(tagged(['She joined Nordic Ocean Watch (NOW) in 2019.'])).toContain('organization:Nordic Ocean Watch');
  });

  it('a lone plural name after a lowercase "the" is a team or band', () => {
    expect(tagged(['He signed with the Longhorns in May.'])).toEqual(['organization:Longhorns']);
  });

  it('keeps a demonym that opens an institution ("Spanish Air Force") and drops it before a plain name', () => {
    expect(tagged(['He flew with the Spanish Air Force for ten years.'])).toEqual(['organization:Spanish Air Force']);
    expect(tagged(['The Spanish Steps were crowded.'])).not.toContain('organization:Spanish Steps');
  });

  it('events and awards are not organisations: "Battle of Fredericksburg", "MTV Video Music Awards"', () => {
    expect(tagged(['He was wounded at the Battle of Fredericksburg.'])).toEqual([]);
    expect(tagged(['The video won at the MTV Video Music Awards that year.'])).toEqual([]);
  });

  it('three capitalised words with no organisation evidence are not guessed to be one', () => {
    expect(tagged(['Their second album, A Beautiful Lie, sold well.'])).not.toContain('organization:A Beautiful Lie');
  });
});

describe('organisations by definition, back-reference and acronym lists', () => {
  it('"X is a … manufacturer": the text defines the name as an organisation', () => {
    expect(tagged(['Vendorado is a Brazilian bicycle manufacturer based in São Paulo.'])).toContain(
      'organization:Vendorado',
    );
    expect(tagged(['Tim Cole was a member of the band for years.'])).toContain('person:Tim Cole');
  });

  it('"the League" after an organisation named in full with that keyword is the organisation', () => {
    const mentions = extractEntityMentions([
      'The Australian League of Rights is a minor political group.',
      'The League was formed in 1960.',
    ]);
    expect(mentions.map((m) => `${m.paragraph}:${m.type}:${m.text}`)).toEqual([
      '0:organization:Australian League of Rights',
      '1:organization:League',
    ]);
  });

  it('keeps "of the" inside an institution name, and common acronyms (DJ, MVP) are not organisations', () => {
    expect(tagged(['He led the World Organization of the Scout Movement for a decade.'])).toEqual([
      'organization:World Organization of the Scout Movement',
    ]);
    expect(tagged(['He was named MVP and later worked as a DJ in Perth.'])).not.toEqual(
      expect.arrayContaining(['organization:MVP', 'organization:DJ']),
    );
  });
});

describe('places and people by structure', () => {
  it('"the town of X", "the state of X" make X a place, and its repeats too', () => {
    expect(
      extractEntityMentions(['The track lies near the town of Zandvoort.', 'Races at Zandvoort began in 1948.']).map(
        (m) => `${m.type}:${m.text}`,
      ),
    ).toEqual(['place:Zandvoort', 'place:Zandvoort']);
  });
  it('a country that is also a given name does not make a person an organisation ("Chad Edward Gaudin")', () => {
    expect(tagged(['Chad Edward Gaudin is a pitcher.'])).toEqual(['person:Chad Edward Gaudin']);
  });
});

const taggedIn = (language: string, paragraphs: string[]): string[] =>
  extractEntityMentions(paragraphs, { language }).map((m) => `${m.type}:${m.text}`);

describe('coordinated organisations', () => {
  it('"X and Y" is two organisations when each side is one by itself', () => {
    expect(tagged(['The plan was drawn up by the Coastal Agency and Redmoor District Council last year.'])).toEqual([
      'organization:Coastal Agency',
      'organization:Redmoor District Council',
    ]);
    expect(tagged(['Wessex Water and Harbour Railways will share the cost.'])).toEqual([
      'organization:Wessex Water',
      'organization:Harbour Railways',
    ]);
    expect(taggedIn('de', ['Geplant haben es die Hafen Group und die Nordsee Bank AG.'])).toEqual([
      'organization:Hafen Group',
      'organization:Nordsee Bank AG',
    ]);
  });
  it('keeps one name when a side is no organisation on its own', () => {
    expect(tagged(['She joined the Department of Health and Human Services in 2010.'])).toEqual([
      'organization:Department of Health and Human Services',
    ]);
    expect(tagged(['He toured the National Air and Space Museum in 2010.'])).toEqual([
      'organization:National Air and Space Museum',
    ]);
  });
});

describe('geographic names', () => {
  it('a geographic head opening a name makes a place, not a person', () => {
    expect(tagged(['Homes along the River Wear were flooded again.'])).toEqual(['place:River Wear']);
    expect(taggedIn('pt', ['É o maior parque da Península Escandinava, disse ontem.'])).toEqual([
      'place:Península Escandinava',
    ]);
    expect(taggedIn('fr', ['Les pêcheurs du Lac Morvan sont inquiets.'])).toEqual(['place:Lac Morvan']);
    expect(taggedIn('es', ['El caudal del Río Tajuña bajó un tercio.'])).toEqual(['place:Río Tajuña']);
    expect(taggedIn('it', ['Le frane sul Monte Pasubio sono aumentate.'])).toEqual(['place:Monte Pasubio']);
  });
});

describe('German capitalised nouns and role nouns', () => {
  it('a bare noun after a noun and "nach"/"aus" is no place; a genitive phrase is no organisation', () => {
    expect(taggedIn('de', ['Die Nachfrage nach Kupfer ist in Europa gesunken.'])).toEqual(['place:Europa']);
    expect(taggedIn('de', ['Der Umbau soll nach Angaben des Vorstands bald beginnen.'])).toEqual([]);
    expect(taggedIn('de', ['Der Zug fährt nach Oberhausen.'])).toEqual(['place:Oberhausen']);
    expect(taggedIn('de', ['Die Konkurrenz aus Afrika wächst.'])).toEqual(['place:Afrika']);
  });
  it('keeps "von der", "an der" and organisation words inside a name', () => {
    expect(taggedIn('de', ['Gestern sprach Ursula von der Leyen in Brüssel.'])).toContain(
      'person:Ursula von der Leyen',
    );
    expect(taggedIn('de', ['Der Verband der Chemischen Industrie warnt.'])).toEqual([
      'organization:Verband der Chemischen Industrie',
    ]);
  });
  it('a name after a German role noun is a person, even after more capitalised words', () => {
    expect(taggedIn('de', ['Bayerns Gesundheitsministerin Carla Wendt sagte, das Land werde handeln.'])).toEqual([
      'person:Carla Wendt',
    ]);
    expect(taggedIn('de', ['Das bestätigte der Betriebsratsvorsitzende Ole Brandt.'])).toEqual(['person:Ole Brandt']);
    expect(taggedIn('de', ['Laut Konzernsprecherin Ina Vogt ist das unvermeidlich.'])).toEqual(['person:Ina Vogt']);
  });
  it('a name after a German company noun is an organisation; an acronym opening a two-word name too', () => {
    expect(taggedIn('de', ['Der Chemiekonzern Lanxara will 500 Stellen streichen.'])).toEqual(['organization:Lanxara']);
    expect(taggedIn('de', ['Auch der Energieversorger Nordstrom Ost plant Kürzungen.'])).toEqual([
      'organization:Nordstrom Ost',
    ]);
    expect(taggedIn('de', ['Die IG Bergbau kündigte Widerstand an.'])).toEqual(['organization:IG Bergbau']);
  });
});

describe('organisations named by a company noun before them', () => {
  it('"the carmaker X", "le groupe X", "a empresa espanhola X", "la società X"', () => {
    expect(tagged(['Shares in the chipmaker Veltron fell on Monday.'])).toEqual(['organization:Veltron']);
    expect(taggedIn('fr', ['Le groupe Fromalia, premier acheteur de lait, refuse.'])).toEqual([
      'organization:Fromalia',
    ]);
    expect(taggedIn('fr', ["Le contrat revient à l'entreprise américaine Nexora."])).toEqual(['organization:Nexora']);
    expect(taggedIn('pt', ['O parque será feito pela empresa espanhola Solenia em parceria.'])).toEqual([
      'organization:Solenia',
    ]);
    expect(taggedIn('es', ['El contrato fue para la compañía Aguas Claras.'])).toEqual(['organization:Aguas Claras']);
    expect(taggedIn('it', ['Il piano è stato presentato dalla società Ferrovie Lario.'])).toEqual([
      'organization:Ferrovie Lario',
    ]);
  });
  it('not a person introduced by a title after the noun', () => {
    expect(tagged(['The company chief executive Tim Baker resigned.'])).toEqual(['person:Tim Baker']);
  });
});

describe('institutions that capitalise only their first word', () => {
  it('goes on over adjectives and "de" groups, up to the punctuation', () => {
    expect(
      taggedIn('fr', ["Selon la Fédération régionale des syndicats d'éleveurs laitiers, le prix a baissé."]),
    ).toEqual(["organization:Fédération régionale des syndicats d'éleveurs laitiers"]);
    expect(taggedIn('fr', ["Il faut l'accord de la Chambre de commerce des Hauts-de-France."])).toEqual([
      'organization:Chambre de commerce des Hauts-de-France',
    ]);
    expect(taggedIn('fr', ["Le Ministère de l'Intérieur a indiqué qu'il enquêtait."])).toEqual([
      "organization:Ministère de l'Intérieur",
    ]);
    expect(taggedIn('es', ['Lo confirmó la Asociación española de banca pública ayer.'])).toEqual([
      'organization:Asociación española de banca pública',
    ]);
  });
  it('stops before a verb ("appelle", "indica") and takes capitalised institutions whole', () => {
    expect(taggedIn('fr', ['Dès lundi, la Fédération nationale appelle à la mobilisation.'])).toEqual([
      'organization:Fédération nationale',
    ]);
    expect(
      taggedIn('es', [
        'La Comisión Nacional indica que la Junta de Galicia y la Confederación Hidrográfica del Miño cooperan.',
      ]),
    ).toEqual([
      'organization:Comisión Nacional',
      'organization:Junta de Galicia',
      'organization:Confederación Hidrográfica del Miño',
    ]);
    expect(taggedIn('pt', ['O presidente da Câmara Municipal de Serpa, Rui Costa, falou.'])).toEqual([
      'organization:Câmara Municipal de Serpa',
      'person:Rui Costa',
    ]);
  });
  it('an acronym defined by its content words, or used with its branch, is the organisation', () => {
    expect(taggedIn('fr', ["La Fédération nationale des syndicats d'exploitants agricoles (FNSEA) proteste."])).toEqual(
      ["organization:Fédération nationale des syndicats d'exploitants agricoles", 'organization:FNSEA'],
    );
    expect(taggedIn('fr', ['a déclaré le président de la FDSEA de Mayenne.'])).toEqual([
      'organization:FDSEA',
      'place:Mayenne',
    ]);
    expect(tagged(['said the chair of the NFU of Cumbria.'])).toEqual(['organization:NFU', 'place:Cumbria']);
  });
  it('"concelho de X", "département de X", "the parish of X" make X a place', () => {
    expect(taggedIn('pt', ['Uma central no concelho de Serpa, no sul.'])).toEqual(['place:Serpa']);
    expect(taggedIn('fr', ['Les élus du département de Mayenne protestent.'])).toEqual(['place:Mayenne']);
  });
});

describe('surnames that open with a capitalised particle', () => {
  it('are people: "Stefano Lo Russo", "Ana De Armas", "Carla Della Valle"', () => {
    const people = extractEntities(
      [
        'Il sindaco Stefano Lo Russo ha incontrato i vertici del gruppo e lo ha detto ai giornalisti.',
        'La actriz Ana De Armas llegó el lunes. Carla Della Valle la recibió en el aeropuerto de la ciudad.',
      ],
      { title: null, language: 'it' },
    ).people.map((p) => p.name);
    expect(people).toEqual(expect.arrayContaining(['Stefano Lo Russo', 'Ana De Armas', 'Carla Della Valle']));
  });

  it('not when the particle ends the name or two particles stand together', () => {
    const people = extractEntities(['Il progetto Villa Di Lo fu approvato ieri sera dal consiglio comunale.'], {
      title: null,
      language: 'it',
    }).people.map((p) => p.name);
    expect(people).not.toContain('Villa Di Lo');
  });
});

describe('programmes of international organisations', () => {
  it('are organisations: "World Food Programme", "UN Development Programme"', () => {
    const organizations = extractEntities(
      ['The World Food Programme estimates that six million people need food aid, the UN Development Programme said.'],
      { title: null, language: 'en' },
    ).organizations.map((o) => o.name);
    expect(organizations).toEqual(expect.arrayContaining(['World Food Programme', 'UN Development Programme']));
  });
});

describe('months and weekdays', () => {
  it('are never a name alone, in any language the service reads', () => {
    const german = extractEntityMentions(
      ['Der Landtag soll im Juni abstimmen, die Ausschüsse tagen am Dienstag in Mainz.'],
      {
        language: 'de',
      },
    ).map((m) => `${m.type}:${m.text}`);
    expect(german).toEqual(['place:Mainz']);
    expect(tagged(['Mardi, le ministre était à Lyon.', 'Domingo, el ministro viajó a Sevilla.'])).toEqual([
      'place:Lyon',
      'place:Sevilla',
    ]);
  });

  it('stay inside a longer name', () => {
    expect(tagged(['The tenor Plácido Domingo sang in Vienna.'])).toContain('person:Plácido Domingo');
  });
});
