import { extractEntities } from './entities';
import { quoteSpans } from './quote-spans';
import { extractQuotes } from './quotes';

const quotes = (paragraphs: string[], language: string | null = 'en'): Array<[string, string | null]> =>
  extractQuotes(paragraphs, extractEntities(paragraphs, { language })).map((q) => [q.text, q.speaker]);
const speakers = (paragraphs: string[], language: string | null = 'en'): Array<string | null> =>
  quotes(paragraphs, language).map(([, s]) => s);

describe('quoteSpans: the marks of en/es/fr/de/pt and dialogue dashes', () => {
  const inner = (p: string): string[] => quoteSpans(p).map((s) => s.inner.trim());
  it('reads “…”, "…", «…», „…“, »…«, ‹…› and mixed “…"', () => {
    expect(inner('a “one” b "two" c « three » d „four“ e »five« f ‹six› g “seven" h')).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
      'seven',
    ]);
  });
  it('reads a dialogue line up to the dash that opens its attribution', () => {
    expect(inner('—No vamos a rendirnos nunca ante esta presión —dijo Ana Torres—. Mañana seguimos.')).toEqual([
      'No vamos a rendirnos nunca ante esta presión',
    ]);
  });
  it('reads ‘…’ and ‚…‘ past apostrophes, not a single-quoted span holding a double quote', () => {
    expect(inner('a ‘we don’t know yet,’ b ‚wir wissen es nicht‘ c rock ‘n’ roll')).toEqual([
      'we don’t know yet,',
      'wir wissen es nicht',
      'n',
    ]);
    expect(inner('the ‘yes campaign “will win,” she said, the workers’ union')).toEqual(['will win,']);
  });
  it('single quotes stay linear: 100k openers and apostrophes with no closing mark', () => {
    const text = ' ‘a’b ‚c'.repeat(20_000);
    const started = Date.now();
    quoteSpans(text);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
  it('gives up an unclosed mark after one search: 100k unclosed marks of every kind stay linear', () => {
    const text = '„«»“"‹'.repeat(20_000).replace(/»/gu, 'x');
    const started = Date.now();
    quoteSpans(text);
    // Generous bound: the quadratic version took minutes on this input.
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('extractQuotes: role or title and name on either side of the verb', () => {
  it('verb then role and name: "said lead author Jane Doe", "said Supervisor Alfredo Pedroza"', () => {
    expect(
      speakers([
        '“We found the effect in every single sample we tested,” said lead author Jane Doe of the university.',
      ]),
    ).toEqual(['Jane Doe']);
    expect(
      speakers([
        '"I did not believe that we would ever get here today," said Supervisor Alfredo Pedroza of Napa County.',
      ]),
    ).toEqual(['Alfredo Pedroza']);
  });
  it('name, apposition, verb: "…,” Dr. Sobhi Skaik, the director of the hospital, said', () => {
    expect(
      speakers([
        '“For several days we have been talking about the lack of fuel,” Dr. Sobhi Skaik, the director of the hospital, said in an interview.',
      ]),
    ).toEqual(['Sobhi Skaik']);
  });
  it('role words before the name: "White House press secretary Josh Earnest told reporters"', () => {
    expect(
      speakers([
        '“The administration is deeply concerned about rhetoric that marginalises citizens,” White House press secretary Josh Earnest told reporters.',
      ]),
    ).toEqual(['Josh Earnest']);
  });
  it('German and Spanish verb-first attributions keep the full name', () => {
    expect(
      speakers(
        [
          '„Man muss aufpassen, dass aus dem Deutschlandtakt kein DB-Takt wird“, sagt Fabian Stenger, der Deutschland-Chef.',
        ],
        'de',
      ),
    ).toEqual(['Fabian Stenger']);
    expect(
      speakers(
        ['"Tenemos que avanzar en la construcción y cumplimiento de los acuerdos de paz", dijo Sergio Fajardo.'],
        'es',
      ),
    ).toEqual(['Sergio Fajardo']);
  });
});

describe('extractQuotes: surname or pronoun after a named first mention', () => {
  it('a surname resolves to the full name given earlier', () => {
    expect(
      speakers([
        'Wade Bassi has fished for 43 years.',
        '“Whole Foods is one of the better ones, to be honest with you,” Bassi said.',
      ]),
    ).toEqual(['Wade Bassi']);
  });
  it('a pronoun or a bare verb is the person last named', () => {
    expect(
      speakers([
        'Certified trainer Sergio Pedemonte agrees.',
        '"Taking a multivitamin every day promotes healthy aging as you get older," he told reporters.',
      ]),
    ).toEqual(['Sergio Pedemonte']);
    expect(
      speakers(
        [
          'O senador Rodrigo Pacheco falou à imprensa.',
          '"Pode haver acontecimentos pontuais, mas que não se refletem em uma crise", disse.',
        ],
        'pt',
      ),
    ).toEqual(['Rodrigo Pacheco']);
  });
  it('a short quote with a speech verb beside it is kept; a short scare quote is not', () => {
    expect(
      quotes(['Prince Harry spoke last.', '"I wasn\'t prepared for that," Harry said during the interview.']),
    ).toEqual([["I wasn't prepared for that", 'Harry']]);
    expect(quotes(['Officials called the plan "barbaric" on Monday.'])).toEqual([]);
  });
});

describe('extractQuotes: speaker in the clause before, before a colon, or in the neighbouring sentence', () => {
  it('before a colon: "Levi Pay, a former director of student services, says: “…”"', () => {
    expect(
      speakers([
        'Levi Pay, a former director of student services who now advises universities, says: “It did not make sense even before this spike in infections.”',
      ]),
    ).toEqual(['Levi Pay']);
  });
  it('the sentence before names the speaker with a speech verb', () => {
    expect(
      speakers(
        [
          'Auf weitere Nachfrage sagt Stefan Keuter, er könne sich an kein Schreiben erinnern. „Der Ihnen vorliegende Schriftwechsel erscheint mir nicht authentisch.“',
        ],
        'de',
      ),
    ).toEqual(['Stefan Keuter']);
  });
  it('a quote opening its paragraph after one ending in a colon', () => {
    expect(
      speakers([
        'The manager, Tim Lee, put it simply:',
        '“We are so fortunate, and we feel so good and thankful to the people of Texas.”',
      ]),
    ).toEqual(['Tim Lee']);
  });
  it('the next quote in the paragraph continues the same speaker unless someone else is named', () => {
    expect(
      speakers([
        '“A cancer patient in Gaza dies three times,” Sobhi Skaik said. “The first time because of cancer, the second because of a lack of medicines.”',
      ]),
    ).toEqual(['Sobhi Skaik', 'Sobhi Skaik']);
  });
});

describe('extractQuotes: according to / selon / laut / segundo, and inserted attributions', () => {
  it('"according to" and its equivalents', () => {
    expect(
      speakers(['"The bridge will reopen to traffic before the end of next month," according to Maria Lopez.']),
    ).toEqual(['Maria Lopez']);
    expect(
      speakers(['« Le pont rouvrira à la circulation avant la fin du mois prochain », selon Claire Martin.'], 'fr'),
    ).toEqual(['Claire Martin']);
    expect(
      speakers(['„Die Brücke wird noch vor Ende des nächsten Monats wieder geöffnet“, so Andreas Keith.'], 'de'),
    ).toEqual(['Andreas Keith']);
  });
  it('French incise inside the quote: « …, explique Antony Fastier, toxicologue. … »', () => {
    expect(
      speakers(
        [
          '« Absurde. Ce processus est la norme, explique Antony Fastier, toxicologue. Les études réglementaires doivent être fournies. »',
        ],
        'fr',
      ),
    ).toEqual(['Antony Fastier']);
  });
  it('a dialogue line with its attribution after the dash', () => {
    expect(
      speakers(['—No vamos a rendirnos nunca ante esta presión —dijo Ana Torres—. Mañana seguimos.'], 'es'),
    ).toEqual(['Ana Torres']);
  });
});

describe('extractQuotes: a pronoun, role or bare verb goes back to a subject, not a prepositional object', () => {
  it('skips a name after "of"/"de"/"contra" for "she said" and a bare "sostuvo"', () => {
    expect(
      speakers([
        'Ann Miller, the state health commissioner, spoke on Monday after the resignation of Paul Grant.',
        '“We will rebuild the inspection team from the ground up before the end of the year,” she said.',
      ]),
    ).toEqual(['Ann Miller']);
    expect(
      speakers(
        [
          'La fiscal Marta Rojas Vidal viajó a Lima para reunirse con la comisión que investiga las denuncias contra del exdiputado Pedro Salinas.',
          '“No vamos a permitir que la presión política frene las investigaciones en curso”, sostuvo.',
        ],
        'es',
      ),
    ).toEqual(['Marta Rojas Vidal']);
  });
  it('a capitalised word after "de" in a role subject is no speaker: "La secretaria de Estado señaló que …"', () => {
    expect(
      speakers(
        [
          'La ministra de Salud, Carla Núñez Soto, visitó el hospital regional de Temuco.',
          'La secretaria de Estado señaló que “la atención de urgencia se normalizará antes del invierno en toda la región”.',
          'La agrupación Estado Laico pidió más recursos para la atención primaria.',
        ],
        'es',
      ),
    ).toEqual(['Carla Núñez Soto']);
  });
  it('a name after a speech verb since the last subject wins: "…, sagte Lindner. Sie fordert nun: „…“"', () => {
    expect(
      speakers(
        [
          'Oberbürgermeister Klaus Hausmann verteidigte die Pläne für das neue Gewerbegebiet am Sonntag.',
          '„Der Rat hat die Anwohner vor der Abstimmung nie gefragt“, sagte die Grünen-Stadträtin Petra Lindner am Montag. Es sei unverständlich, dass Hausmann die Pläne nicht früher vorgelegt habe, sagte Lindner. Sie fordert nun: „Die Stadt muss die Unterlagen sofort öffentlich machen.“',
        ],
        'de',
      ),
    ).toEqual(['Petra Lindner', 'Petra Lindner']);
  });
  it('a surname pair the tagger kept apart takes the full name given first', () => {
    expect(
      speakers(
        [
          'El fiscal general de Colombia, Francisco Barbosa Delgado, llegó a Asunción el martes.',
          'Barbosa Delgado, quien asumió el cargo en 2020, habló con la prensa. “Los fiscales deben cumplir su periodo constitucional sin presiones”, agregó.',
        ],
        'es',
      ),
    ).toEqual(['Francisco Barbosa Delgado']);
  });
});

describe('extractQuotes: a role after the verb, with or without the name', () => {
  it('verb, article, role phrase, name: es / fr / pt / de', () => {
    expect(
      speakers(
        [
          'El alcalde Luis Vera Soto inauguró la obra el lunes.',
          '“Vamos a cumplir con todos los plazos que fijamos para este año”, dijo el ministro de Obras Públicas, Pedro Gómez Ruiz.',
        ],
        'es',
      ),
    ).toEqual(['Pedro Gómez Ruiz']);
    expect(
      speakers(
        [
          'Le maire Paul Martin a inauguré le pont lundi.',
          '« Nous tiendrons tous les délais que nous nous sommes fixés cette année », a déclaré la ministre des Transports, Claire Dubois.',
        ],
        'fr',
      ),
    ).toEqual(['Claire Dubois']);
    expect(
      speakers(
        [
          'O prefeito Paulo Lima inaugurou a ponte na segunda-feira.',
          '“Vamos cumprir todos os prazos que fixamos para este ano”, disse a ministra dos Transportes, Ana Souza.',
        ],
        'pt',
      ),
    ).toEqual(['Ana Souza']);
    expect(
      speakers(
        [
          'Bürgermeister Klaus Hausmann eröffnete am Montag die Brücke.',
          '„Wir werden alle Fristen einhalten, die wir uns für dieses Jahr gesetzt haben“, sagte die Sprecherin des Ministeriums, Anna Weber.',
        ],
        'de',
      ),
    ).toEqual(['Anna Weber']);
  });
  it('a role alone ("indicó la ministra", "erklärte die Sprecherin", "the secretary said") is the person given that role', () => {
    expect(
      speakers(
        [
          'La ministra de Vivienda, Ana Beltrán, visitó la obra junto al alcalde Luis Vera Soto.',
          '“Vamos a cumplir con todos los plazos que fijamos para este año”, indicó la ministra.',
        ],
        'es',
      ),
    ).toEqual(['Ana Beltrán']);
    expect(
      speakers(
        [
          'Ministeriumssprecherin Anna Weber stellte den Plan vor. Bürgermeister Klaus Hausmann war nicht anwesend.',
          '„Wir werden alle Fristen einhalten, die wir uns für dieses Jahr gesetzt haben“, erklärte die Sprecherin.',
        ],
        'de',
      ),
    ).toEqual(['Anna Weber']);
    expect(
      speakers([
        'Transport Secretary Jane Doe visited the site with Mayor Tom Reed on Monday.',
        '“We will meet every deadline we set ourselves for this year,” the secretary said.',
      ]),
    ).toEqual(['Jane Doe']);
  });
});

describe('extractQuotes: role words between the verb or "selon" and the name', () => {
  it('German role nouns joined by "und" before the name, then "sagt sie"', () => {
    expect(
      speakers(
        [
          'Bürgermeister Klaus Hausmann eröffnete die Brücke am Montag.',
          'Das sei ein guter Tag für die Stadt, findet Verkehrsexpertin und Stadtplanerin Anna Weber aus Köln: „Wir haben auf diese Verbindung seit zwanzig Jahren gewartet“, sagt sie.',
        ],
        'de',
      ),
    ).toEqual(['Anna Weber']);
  });
  it('"Selon la ministre des Transports Claire Dubois, « … »" and "Según el portavoz Pablo Ortiz, “…”"', () => {
    expect(
      speakers(
        [
          'Le maire Paul Martin a inauguré le pont lundi.',
          'Selon la ministre des Transports Claire Dubois, « nous tiendrons tous les délais que nous nous sommes fixés cette année ».',
        ],
        'fr',
      ),
    ).toEqual(['Claire Dubois']);
    expect(
      speakers(
        [
          'El alcalde Luis Vera Soto inauguró el puente el lunes.',
          'Según el portavoz Pablo Ortiz, “las obras terminarán antes de que empiece la temporada de lluvias”.',
        ],
        'es',
      ),
    ).toEqual(['Pablo Ortiz']);
  });
});

describe('extractQuotes: more attribution forms of en/fr/de/pt/es', () => {
  it('a lowercase role before the name after the quote: "…,” chief executive Jane Doe said', () => {
    expect(
      speakers([
        'Mayor Tom Reed opened the new depot on Monday.',
        '“We will double the number of buses on the night routes by the spring,” chief executive Jane Doe said in a statement.',
      ]),
    ).toEqual(['Jane Doe']);
  });
  it('French "a-t-elle déclaré" and German "so die Ministerin" go back to the person named', () => {
    expect(
      speakers(
        [
          'La ministre Claire Dubois était à Lyon lundi.',
          '« Nous tiendrons tous les délais que nous nous sommes fixés cette année », a-t-elle déclaré.',
        ],
        'fr',
      ),
    ).toEqual(['Claire Dubois']);
    expect(
      speakers(
        [
          'Ministerin Anna Weber war am Montag in Köln.',
          '„Wir werden alle Fristen einhalten, die wir uns für dieses Jahr gesetzt haben“, so die Ministerin.',
        ],
        'de',
      ),
    ).toEqual(['Anna Weber']);
  });
  it('Portuguese "de acordo com" before the quote', () => {
    expect(
      speakers(
        [
          'O prefeito Paulo Lima inaugurou a ponte na segunda-feira.',
          'De acordo com a ministra Ana Souza, “vamos cumprir todos os prazos que fixamos para este ano”.',
        ],
        'pt',
      ),
    ).toEqual(['Ana Souza']);
  });
  it('a bare verb skips a name after "con"/"with"', () => {
    expect(
      speakers(
        [
          'La ministra Ana Beltrán habló tras la reunión con el alcalde Luis Vera. “Vamos a cumplir con todos los plazos que fijamos para este año”, subrayó.',
        ],
        'es',
      ),
    ).toEqual(['Ana Beltrán']);
  });
  it('no speech verb: the subject opening the sentence before the quote', () => {
    expect(
      speakers([
        'Mayor Tom Reed opened the new bridge on Monday.',
        'Jane Doe, the transport secretary, was blunt. “We will meet every deadline we set ourselves for this year.”',
      ]),
    ).toEqual(['Jane Doe']);
    expect(
      speakers(
        [
          'Bürgermeister Klaus Hausmann eröffnete am Montag die Brücke.',
          'Die Ministerin Anna Weber ist zuversichtlich. „Wir werden alle Fristen einhalten, die wir uns für dieses Jahr gesetzt haben.“',
        ],
        'de',
      ),
    ).toEqual(['Anna Weber']);
  });
});

describe('extractQuotes: the name after the verb wins over the person named before', () => {
  it('a demonstrative, the verb and the name after the quote: „…“ Das sagte … / “…”. Así lo afirmó …', () => {
    expect(
      speakers(
        [
          'Bürgermeister Klaus Hausmann eröffnete am Montag die Brücke.',
          '„Wir werden alle Fristen einhalten, die wir uns für dieses Jahr gesetzt haben.“ Das sagte Ministerin Anna Weber am Montag.',
        ],
        'de',
      ),
    ).toEqual(['Anna Weber']);
    expect(
      speakers(
        [
          'El alcalde Luis Vera Soto inauguró la obra el lunes.',
          '“Vamos a cumplir con todos los plazos que fijamos para este año”. Así lo afirmó la ministra Ana Beltrán.',
        ],
        'es',
      ),
    ).toEqual(['Ana Beltrán']);
  });
  it('words between the verb and the role and name: "expresó en conferencia de prensa la ministra …"', () => {
    expect(
      speakers(
        [
          'El alcalde Luis Vera Soto inauguró la obra el lunes.',
          '“Vamos a cumplir con todos los plazos que fijamos para este año”, expresó en conferencia de prensa la ministra Ana Beltrán.',
        ],
        'es',
      ),
    ).toEqual(['Ana Beltrán']);
  });
  it('a name after "a"/"de" after the verb is talked about, not talking: "dijo en referencia a …"', () => {
    expect(
      speakers(
        [
          'La ministra Ana Beltrán visitó la obra el lunes.',
          '“No vamos a aceptar más retrasos en ninguna de las obras del plan”, dijo en referencia a Pedro Salinas.',
        ],
        'es',
      ),
    ).toEqual(['Ana Beltrán']);
  });
  it('more verbs of saying: puntualizó, entgegnete, salientou', () => {
    expect(
      speakers(
        [
          'El alcalde Luis Vera Soto inauguró la obra el lunes.',
          '“Vamos a cumplir con todos los plazos que fijamos para este año”, puntualizó la ministra Ana Beltrán.',
        ],
        'es',
      ),
    ).toEqual(['Ana Beltrán']);
    expect(
      speakers(
        [
          'Bürgermeister Klaus Hausmann eröffnete am Montag die Brücke.',
          '„Wir werden alle Fristen einhalten, die wir uns für dieses Jahr gesetzt haben“, entgegnete Ministerin Anna Weber.',
        ],
        'de',
      ),
    ).toEqual(['Anna Weber']);
    expect(
      speakers(
        [
          'O prefeito Paulo Lima inaugurou a ponte na segunda-feira.',
          '“Vamos cumprir todos os prazos que fixamos para este ano”, salientou a ministra Ana Souza.',
        ],
        'pt',
      ),
    ).toEqual(['Ana Souza']);
  });
});

describe('extractQuotes: "Para X, “…”" / "Pour X, « … »" / "For X, …"', () => {
  it('the person whose view the clause before the quote gives', () => {
    expect(
      speakers(
        [
          'O prefeito Paulo Lima inaugurou a ponte na segunda-feira.',
          'Para a ministra Ana Souza, “é preciso cumprir todos os prazos que fixamos para este ano”.',
        ],
        'pt',
      ),
    ).toEqual(['Ana Souza']);
    expect(
      speakers(
        [
          'Le maire Paul Martin a inauguré le pont lundi.',
          'Pour Claire Dubois, « il faut tenir tous les délais que nous nous sommes fixés cette année ».',
        ],
        'fr',
      ),
    ).toEqual(['Claire Dubois']);
  });
  it('not an organisation or a place: "Para el Gobierno de Chile, “…”"', () => {
    expect(
      speakers(
        [
          'El alcalde Luis Vera Soto inauguró la obra el lunes.',
          'Para el Gobierno de Chile, “la obra es una prioridad que no admite más retrasos este año”.',
        ],
        'es',
      ),
    ).toEqual([null]);
  });
});

describe('extractQuotes: more verbs of saying and given names of es/fr/de/pt', () => {
  it('the passé composé of French verbs of reply and reaction (a réagi, a répondu, a averti, a déploré)', () => {
    for (const verb of ['a réagi', 'a répondu', 'a averti', 'a déploré', 'a dénoncé', 'a commenté']) {
      expect(
        speakers([`« C'est un choc pour toute la région », ${verb} le maire de Porrentruy, Philippe Eschmann.`], 'fr'),
      ).toEqual(['Philippe Eschmann']);
    }
  });

  it('expuso, glisse, informa, schilderte', () => {
    expect(
      speakers(
        [
          'El fiscal Rodrigo Paredes habló el lunes con la prensa.',
          '“Tenemos que procesar una buena parte de las personas detenidas durante estos días”, expuso.',
        ],
        'es',
      ),
    ).toEqual(['Rodrigo Paredes']);
    expect(
      speakers(
        [
          '« Il faut penser ensemble les moyens de rendre cette mobilisation visible », glisse Pauline Morel, étudiante.',
        ],
        'fr',
      ),
    ).toEqual(['Pauline Morel']);
    expect(
      speakers(
        [
          '“As Forças Armadas enviaram muitos questionamentos ao tribunal nos últimos meses”, informa o jornalista Paulo Mendes.',
        ],
        'pt',
      ),
    ).toEqual(['Paulo Mendes']);
    expect(
      speakers(
        ['„Die Schlüssel bekommen sie nicht mehr drinnen, sondern draußen im Hof“, schilderte Katrin Vogel.'],
        'de',
      ),
    ).toEqual(['Katrin Vogel']);
  });
  it('a German or French given name, also a compound one, makes the person the pronoun goes back to', () => {
    expect(
      speakers(
        [
          'Uwe Brandt eröffnete am Montag die neue Brücke über den Fluss.',
          '„Wir werden alle Fristen einhalten, die wir uns für dieses Jahr gesetzt haben“, sagte er.',
        ],
        'de',
      ),
    ).toEqual(['Uwe Brandt']);
    expect(
      speakers(
        [
          'Devant ses étudiants, Marie-Claire Dubois, professeur d’histoire, défend son point de vue. « Cette loi, c’est la fin des services publics, affirme-t-elle. Je crois en une université ouverte. »',
        ],
        'fr',
      ),
    ).toEqual(['Marie-Claire Dubois']);
  });
});

describe('extractQuotes: the person a pronoun or bare verb goes back to', () => {
  it('German role nouns before a given name mid-sentence: "Der Hamburger Datenschutzbeauftragte Johannes Caspar"', () => {
    expect(
      speakers(
        [
          'Der Hamburger Datenschutzbeauftragte Johannes Caspar erklärt, dass Unternehmen eine enge Frist haben. „Die Meldung muss grundsätzlich innerhalb von 72 Stunden erfolgen“, sagte er dem Sender.',
        ],
        'de',
      ),
    ).toEqual(['Johannes Caspar']);
  });
  it('a lone noun after a verb is no name: "Er fordert Transparenz. „…“, sagte er."', () => {
    expect(
      speakers(
        [
          'Tobias Krüger, Sprecher der Grünen, nennt den Vorfall ernst. Er fordert Transparenz von dem Konzern. „Der Konzern muss alle betroffenen Kunden über den Vorfall informieren“, sagte er.',
        ],
        'de',
      ),
    ).toEqual(['Tobias Krüger']);
  });
  it('a name inside a quote or after "para" is talked about, not the one "agregó" means', () => {
    expect(
      speakers(
        [
          'Fue el periodista Hugo Valdés quien contó detalles de la pelea en el programa.',
          'Según su relato, todo surgió porque la actriz utilizó el estacionamiento designado para Aravena.',
          '“Ustedes saben que Marta Ruiz es un poco despistada y se estacionaba en cualquier lugar”, afirmó.',
          'Y en ese mismo sentido, agregó: “El tema es que en más de una ocasión ocupó el que era de otra persona”.',
        ],
        'es',
      ),
    ).toEqual(['Hugo Valdés', 'Hugo Valdés']);
  });
});

describe('extractQuotes: names the tagger used to miss or keep whole', () => {
  it('a title word as the surname after a given name: "Lee Elder", "Stephen King"', () => {
    expect(
      speakers(
        [
          'Der Weg war für den in Dallas geborenen Lee Elder ein langer Weg voller Hindernisse.',
          'Elder sagte einst: „Ich glaube tief im Herzen sind alle Menschen gut, wenn man sie gut behandelt.“',
        ],
        'de',
      ),
    ).toEqual(['Lee Elder']);
  });
  it('a sentence adverb is no part of the name after it: "Ahora Bustos asegura …"', () => {
    expect(
      speakers(
        [
          'El investigador Hugo Bustos viajó a Santa Cruz el año pasado.',
          'Ahora Bustos asegura que no mostró todo su material. “Yo le diría que casi todos esos vehículos los tienen policías y militares”, dijo a la radio.',
        ],
        'es',
      ),
    ).toEqual(['Hugo Bustos']);
  });
  it('French "M. Caldwell" is the person named in full before, also for the next quote', () => {
    expect(
      speakers(
        [
          'C’est ce qu’a annoncé Éric Alan Caldwell, responsable de la mobilité, mardi.',
          '« Notre règlement n’a pas été respecté par les opérateurs cette année », a dit M. Caldwell. « Avec un taux de délinquance de 80 %, il faut savoir en tirer un constat d’échec. »',
        ],
        'fr',
      ),
    ).toEqual(['Éric Alan Caldwell', 'Éric Alan Caldwell']);
  });
});

describe('extractQuotes: compound tenses, appositions and quotes that run on', () => {
  it('Spanish "ha añadido", "ha declarado" and French "plaide", "pointe" (also inserted in the quote)', () => {
    expect(
      speakers(['"Pero, en fin, esto de alguna manera te puede consolar a todos", ha añadido Javier Ibarra.'], 'es'),
    ).toEqual(['Javier Ibarra']);
    expect(
      speakers(
        [
          '« En une semaine, on a perdu deux à trois mètres sur la plage, pointe Philippe Morel, le maire. C’est préoccupant. »',
        ],
        'fr',
      ),
    ).toEqual(['Philippe Morel']);
  });
  it('a capitalised sentence opener with an apposition before the verb is no speaker unless a person', () => {
    expect(
      speakers(
        [
          'O escritor e historiador norte-americano Benjamin Souza, 44, conheceu a obra quando tinha 19 anos. "Mais tarde, quando fui ao Brasil, fui lendo mais e achando maravilhoso". Rendido, tentou ampliar o alcance da obra - o que, diz, não é fácil.',
        ],
        'pt',
      ),
    ).toEqual(['Benjamin Souza']);
  });
  it('a bare verb before a prepositional phrase ("proclamó desde un megáfono") is the person last named', () => {
    expect(
      speakers(
        [
          'La marcha estuvo liderada por la excandidata María Kolesnikova. "Es vuestra última oportunidad para enfrentaros a vuestro miedo", proclamó desde un megáfono.',
        ],
        'es',
      ),
    ).toEqual(['María Kolesnikova']);
  });
  it('a pronoun and a speech verb in the sentence before the quote: "ele responde de pronto. “…”"', () => {
    expect(
      speakers(
        [
          'O escritor Benjamin Souza visitou o Brasil em 2009.',
          'Perguntado sobre seu livro favorito, ele responde de pronto. "Para mim, continua sendo o primeiro livro que eu li dela".',
        ],
        'pt',
      ),
    ).toEqual(['Benjamin Souza']);
  });
  it('a paragraph that is only a quote goes on with the speaker of the quote before it', () => {
    expect(
      speakers(
        [
          'En cualquier caso, Josep Borrell consideró que «la única manera de salir del impás será a través del diálogo y la negociación».',
          '«No habrá un único acontecimiento catártico que haga desaparecer las múltiples crisis que azotan al país».',
        ],
        'es',
      ),
    ).toEqual(['Josep Borrell', 'Josep Borrell']);
    expect(
      speakers(
        [
          'En cualquier caso, Josep Borrell consideró que «la única manera de salir del impás será a través del diálogo y la negociación».',
          'La oposición, encabezada por María Pérez, rechazó la propuesta.',
          '«No habrá un único acontecimiento catártico que haga desaparecer las múltiples crisis que azotan al país».',
        ],
        'es',
      ),
    ).toEqual(['Josep Borrell', null]);
  });
});

describe('extractQuotes: a gloss, an initial or an inserted role between the quote and its speaker', () => {
  it('reads the attribution after a bracketed gloss of the quote', () => {
    expect(
      speakers(['« Carpe diem, quam minimum credula postero » (cueille le jour), lance le maire Paul Renard.'], 'fr'),
    ).toEqual(['Paul Renard']);
    expect(speakers(['“Veni, vidi, vici, as always” (I came, I saw, I conquered), said Laura Benton.'])).toEqual([
      'Laura Benton',
    ]);
  });
  it('an initial inside the role clause does not end it: "plaide l\'avocate de Karim B., Claire Dubois"', () => {
    expect(
      speakers(
        [
          '« Il faut juger ce dossier sans céder à la pression du moment », plaide l’avocate de Karim B., Claire Dubois.',
        ],
        'fr',
      ),
    ).toEqual(['Claire Dubois']);
  });
  it('an inserted attribution by a role noun goes back to the subject last named, not to a name it holds', () => {
    expect(
      speakers(
        [
          '« Nous avons perdu trois mètres de plage en une semaine, pointe Paul Renard, le maire du village. C’est grave. »',
          'Une fermeture décidée « à cause du nombre de promeneurs sur la digue, explique l’élu. Ils ne mesurent pas le danger. »',
        ],
        'fr',
      ),
    ).toEqual(['Paul Renard', 'Paul Renard']);
  });
});

describe('extractQuotes: a carrying-on verb ("agregó", "acrescentou o técnico") continues the last speaker', () => {
  it('goes back to the last attributed quote, past a paragraph naming someone else', () => {
    expect(
      speakers(
        [
          '"Errei naquela ocasião e não voltaria a fazer o mesmo com nenhum presidente", falou Paulo Souza ao programa.',
          'O clube convidou Pedro Lima para a festa do título no estádio.',
          '"Misturar esporte e política não é bom para ninguém, e isso eu aprendi com o tempo", acrescentou o técnico.',
        ],
        'pt',
      ),
    ).toEqual(['Paulo Souza', 'Paulo Souza']);
    expect(
      speakers(
        [
          '“Nunca vi algo así en todos mis años trabajando en la televisión chilena”, afirmó Hugo Rojas en el programa.',
          'Por lo mismo, Marta Díaz perdió la paciencia con su compañera.',
          '“Y al final del programa llamaron a reunión a todos los que estaban en el estudio”, remató.',
        ],
        'es',
      ),
    ).toEqual(['Hugo Rojas', 'Hugo Rojas']);
  });
  it('not when no quote was attributed in the last few paragraphs', () => {
    expect(
      speakers(
        [
          'Marta Díaz llegó temprano al canal.',
          '“Y al final del programa llamaron a reunión a todos los que estaban en el estudio”, remató.',
        ],
        'es',
      ),
    ).toEqual(['Marta Díaz']);
  });
});

describe('extractQuotes: an adverbial between the verb and a role noun', () => {
  it('"afirmó de entrada el comunicador." is the subject last named, skipping prepositional objects', () => {
    expect(
      speakers(
        [
          'Esta semana en el programa Hugo Rojas contó detalles de la pelea entre las actrices.',
          'Todo empezó porque ella usó el lugar designado para Marta Díaz.',
          '“Ustedes saben que ella es un poco despistada y se estacionaba en cualquier lugar”, afirmó de entrada el comunicador.',
        ],
        'es',
      ),
    ).toEqual(['Hugo Rojas']);
  });
  it('not when a preposition makes the role an object: "dijo luego a la prensa."', () => {
    expect(
      speakers(
        [
          'Marta Díaz llegó temprano al canal.',
          '“Ustedes saben que ella es un poco despistada y se estacionaba en cualquier lugar”, comentó luego a la prensa.',
        ],
        'es',
      ),
      // "la prensa" is no speaker; no other rule reads this clause.
    ).toEqual([null]);
  });
});

describe('extractQuotes: a quote closing a paragraph about one person', () => {
  it('is the opening subject when the sentence before refers back with a subject pronoun', () => {
    expect(
      speakers(
        [
          'Der Trainer Stefan Keller verließ im Frühjahr das Juniorenteam und schloss sich dem Verband an. In den Monaten danach wurde ihm eine Gruppe junger Läufer vorgestellt, aus der er auswählen sollte. „Einige Wochen später habe ich noch mehr Läufer getestet und die besten ausgewählt.“',
        ],
        'de',
      ),
    ).toEqual(['Stefan Keller']);
  });
  it('not when someone else is named before the quote, nor without a pronoun', () => {
    expect(
      speakers(
        [
          'Der Trainer Stefan Keller verließ im Frühjahr das Juniorenteam. Im Sommer darauf traf er bei einem langen Trainingslager in den Bergen auch Anna Weber, aus deren Gruppe er auswählen sollte. „Einige Wochen später habe ich noch mehr Läufer getestet und die besten ausgewählt.“',
        ],
        'de',
      ),
    ).toEqual([null]);
    expect(
      speakers(
        [
          'Der Trainer Stefan Keller verließ im Frühjahr das Juniorenteam. Das Programm lief danach weiter wie geplant. „Einige Wochen später wurden noch mehr Läufer getestet und die besten ausgewählt.“',
        ],
        'de',
      ),
    ).toEqual([null]);
  });
});

describe('extractQuotes: a later role noun stands for the role a person was first given', () => {
  it('"le magistrat" is the person named as "le président du tribunal"', () => {
    expect(
      speakers(
        [
          'C’est un texte ancien, rappelle en préambule le président du tribunal, Paul Renard.',
          'Le prévenu, Karim B., s’en défend depuis le box avec vigueur devant la salle.',
          '« On comprend mal comment vous ne vous soyez pas dit que cela posait une difficulté », s’étonne le magistrat.',
        ],
        'fr',
      ),
    ).toEqual(['Paul Renard']);
  });
  it('"la titular de Interior" is the minister given in an apposition, not her undersecretary', () => {
    expect(
      speakers(
        [
          'Al Congreso llegó este martes la ministra del Interior, Ixchel Quintreo. Lo hizo acompañada de su subsecretario, Manuel Rojas, para exponer la agenda.',
          'Ante la comisión, la ministra detalló la estrategia. “Sabemos que han pasado bandas de distinta connotación por las fronteras del norte”, advirtió la titular de Interior a los senadores.',
        ],
        'es',
      ),
    ).toEqual(['Ixchel Quintreo']);
  });
});

describe('extractQuotes: German carrying-on verbs with a capitalised role noun', () => {
  it('„…“, fügte die Sprecherin hinzu / ergänzte der Trainer continue the last speaker', () => {
    expect(
      speakers(
        [
          '„Wir haben das Ziel in diesem Jahr klar verfehlt und müssen jetzt umdenken“, sagte Anna Weber am Montag.',
          'Der Verband hatte zuvor Stefan Keller als neuen Direktor vorgestellt.',
          '„Die Zahlen sind eindeutig und lassen keinen anderen Schluss zu als diesen“, fügte die Sprecherin hinzu.',
          '„Wir werden im Herbst mit einem neuen Konzept antreten und dann weitersehen“, ergänzte die Sprecherin.',
        ],
        'de',
      ),
    ).toEqual(['Anna Weber', 'Anna Weber', 'Anna Weber']);
  });
});

describe('extractQuotes: a gendered pronoun skips a person the words beside their name give the other gender', () => {
  it('"déplore-t-elle" is not the man named last, and "Mais pour X," opens a view, not an object', () => {
    expect(
      speakers(
        [
          'Mais pour Claire Dubois, avocate de l’association, Karim Benali, un homme instruit, n’est rien d’autre qu’un agitateur.',
          'La publication est un appel à la haine. « Force est de constater que ce conflit engendre de l’insécurité pour tous », déplore-t-elle.',
        ],
        'fr',
      ),
    ).toEqual(['Claire Dubois']);
  });
  it('"she said" skips "Mr. …" but a pronoun with no gendered words beside any name keeps the last subject', () => {
    expect(
      speakers([
        'Laura Benton met the former owner, Mr. Paul Renard, at the plant on Monday.',
        '“We will reopen the plant before the end of next year, whatever it costs us,” she said.',
      ]),
    ).toEqual(['Laura Benton']);
    expect(
      speakers([
        'Laura Benton met the former owner, Paul Renard, at the plant on Monday.',
        '“We will reopen the plant before the end of next year, whatever it costs us,” he said.',
      ]),
    ).toEqual(['Paul Renard']);
  });
});

describe('extractQuotes: affiliation words and a role between the verb and the name', () => {
  it('takes the name closing the descriptor, not the capitalised words before the role (en)', () => {
    expect(
      speakers([
        '"It is a lot of money for a scheme that may already be out of date," said Liberal Democrat councillor Sam Patel.',
        '"The evidence for this effect has been clear for a very long time," said Nobel laureate Esther Duflo.',
        '"We will not support this budget in its current form at all," said Green Party co-leader Carla Denyer.',
        '"We will not support this budget in its current form at all," said Trump adviser Kellyanne Conway.',
      ]),
    ).toEqual(['Sam Patel', 'Esther Duflo', 'Carla Denyer', 'Kellyanne Conway']);
  });
  it('drops an acronym role or party before a full name: "said Labour MP Jo Smith", "a déclaré le député LR …"', () => {
    expect(
      speakers(['"We will not support this budget in its current form at all," said Labour MP Jo Smith.']),
    ).toEqual(['Jo Smith']);
    expect(
      speakers(
        ['« Nous ne voterons pas ce budget dans sa forme actuelle », a déclaré le député LR Jean Dupont.'],
        'fr',
      ),
    ).toEqual(['Jean Dupont']);
  });
  it('takes the person after a party named as an object: "afirmou o deputado do PS João Silva" (pt/es)', () => {
    expect(
      speakers(['"Não vamos apoiar este orçamento na sua forma atual", afirmou o deputado do PS João Silva.'], 'pt'),
    ).toEqual(['João Silva']);
    expect(
      speakers(
        ['“No vamos a apoyar este presupuesto en su forma actual”, dijo el diputado del PP Borja Sémper.'],
        'es',
      ),
    ).toEqual(['Borja Sémper']);
  });
  it('keeps the role words of fr/de/es before the name', () => {
    expect(
      speakers(
        ['« Nous ne voterons pas ce budget dans sa forme actuelle », a déclaré le sénateur centriste Hervé Marseille.'],
        'fr',
      ),
    ).toEqual(['Hervé Marseille']);
    expect(
      speakers(
        ['„Wir werden diesem Haushalt in dieser Form nicht zustimmen“, sagte die Grünen-Abgeordnete Lena Vogt.'],
        'de',
      ),
    ).toEqual(['Lena Vogt']);
    expect(
      speakers(
        ['“No vamos a apoyar este presupuesto en su forma actual”, dijo el senador demócrata Juan Pérez.'],
        'es',
      ),
    ).toEqual(['Juan Pérez']);
  });
  it('a time, place, object or second person after the name is no descriptor', () => {
    expect(
      speakers([
        '"We will not support this budget in its current form at all," said Jane Doe on Tuesday.',
        '"We will not support this budget in its current form at all," said Jane Doe of the Institute for Fiscal Studies.',
        '"We will not support this budget in its current form at all," said Jane Doe after meeting Mark Rutte.',
      ]),
    ).toEqual(['Jane Doe', 'Jane Doe', 'Jane Doe']);
  });
});

describe('extractQuotes: a descriptor after the verb goes back to the name before a speech verb in the paragraph', () => {
  it('„…“, sagte die Grünen-Politikerin → the minister named before "sagte", not the last paragraph’s person', () => {
    expect(
      speakers(
        [
          'Laut Vorstandschef Miguel López ist der Schritt wegen hoher Energiepreise unvermeidlich.',
          'Nordrhein-Westfalens Wirtschaftsministerin Mona Neubaur sagte, das Land werde Gespräche führen. „Wir erwarten, dass der Konzern seine Verantwortung wahrnimmt“, sagte die Grünen-Politikerin.',
        ],
        'de',
      ),
    ).toEqual(['Mona Neubaur']);
    expect(
      speakers(
        [
          '„Der Fluss hat diese Straßen dreimal in zehn Jahren überflutet“, sagte Jana Krüger.',
          'Bayerns Umweltministerin Ulrike Scharf sagte, der Plan sei fertig. „Wir haben das Geld und die Ingenieure gefunden“, sagte die CSU-Politikerin.',
        ],
        'de',
      ),
    ).toEqual(['Jana Krüger', 'Ulrike Scharf']);
  });
  it('a capitalised name before a speech verb must be a person: "Thyssenkrupp erklärte" or "de Estado señaló" is not', () => {
    expect(
      speakers(
        [
          'Anna Weber leitet das Werk seit zehn Jahren.',
          'Thyssenkrupp erklärte, der Standort bleibe. „Wir haben das Geld und die Ingenieure für den Umbau gefunden“, sagte sie.',
        ],
        'de',
      ),
    ).toEqual(['Anna Weber']);
  });
  it('a person named after a party the tagger took with it: "O deputado do PS Zeferino Pacheco disse" (pt/es)', () => {
    expect(
      speakers(
        [
          '"O rio inundou estas ruas três vezes em dez anos", disse Marta Ruivo.',
          'O deputado do PS Zeferino Pacheco disse que o plano está pronto. "Encontrámos o dinheiro e os engenheiros para o terminar", afirmou o socialista.',
        ],
        'pt',
      ),
    ).toEqual(['Marta Ruivo', 'Zeferino Pacheco']);
    expect(
      speakers(
        [
          '“El río ha inundado estas calles tres veces en diez años”, dijo Marta Ruiz.',
          'El diputado del PP Borja Sémper dijo que el plan está listo. “Hemos encontrado el dinero y los ingenieros para terminarlo”, afirmó el dirigente popular.',
        ],
        'es',
      ),
    ).toEqual(['Marta Ruiz', 'Borja Sémper']);
  });
  it('the role said after the quote goes back to the person given it in this paragraph (en/fr/es)', () => {
    expect(
      speakers([
        '"The river has flooded these streets three times in ten years," said Jane Doe.',
        'Environment minister Kiri Tane said the plan was ready. "We have found the money and the engineers to finish it," the minister said.',
      ]),
    ).toEqual(['Jane Doe', 'Kiri Tane']);
    expect(
      speakers(
        [
          '« La rivière a inondé ces rues trois fois en dix ans », a déclaré Marie Lenoir.',
          "Le maire de Nantes, Yannick Kervella, a annoncé un plan. « Nous avons trouvé l'argent et les ingénieurs pour le finir », a déclaré l'élu.",
        ],
        'fr',
      ),
    ).toEqual(['Marie Lenoir', 'Yannick Kervella']);
    expect(
      speakers(
        [
          '“El río ha inundado estas calles tres veces en diez años”, dijo Marta Ruiz.',
          'La consejera Arantxa Tapia presentó el plan. “Hemos encontrado el dinero y los ingenieros para terminarlo”, afirmó la consejera.',
        ],
        'es',
      ),
    ).toEqual(['Marta Ruiz', 'Arantxa Tapia']);
  });
  it('an elided article and a role ("a expliqué l’éleveur") goes back to the person named before, as "la/le" does', () => {
    expect(
      speakers(
        [
          '« La rivière a inondé ces rues trois fois en dix ans », a déclaré Marie Lenoir.',
          "Jean-Pierre Martin élève des vaches depuis trente ans. « Nous travaillons à perte depuis six mois », a expliqué l'éleveur.",
          'Claire Dubois défend la famille depuis le début. « Nous irons jusqu’au bout de cette procédure », a estimé l’avocate.',
        ],
        'fr',
      ),
    ).toEqual(['Marie Lenoir', 'Jean-Pierre Martin', 'Claire Dubois']);
  });
  it('keeps "…", she told reporters after a first mention with role and apposition', () => {
    expect(
      speakers([
        'Chief executive of the Tees Valley Combined Authority, Julie Gray, said the money would be released in three stages. "We will start work this autumn," she told reporters.',
      ]),
    ).toEqual(['Julie Gray']);
  });
});

describe('extractQuotes: the headline', () => {
  const withTitle = (title: string, paragraphs: string[], language: string): Array<string | null> =>
    extractQuotes(paragraphs, extractEntities(paragraphs, { language, title })).map((q) => q.speaker);
  it('a bare verb with no one named before in the body goes back to the one person the headline names', () => {
    expect(
      withTitle(
        'Lucía Herrera: «No habrá recortes en sanidad»',
        ['«No vamos a recortar ni un euro del presupuesto de los hospitales públicos», aseguró.'],
        'es',
      ),
    ).toEqual(['Lucía Herrera']);
  });
  it('not when the headline names two people, nor past a person the body names first', () => {
    expect(
      withTitle(
        'Lucía Herrera y Carlos Méndez chocan por la sanidad',
        ['«No vamos a recortar ni un euro del presupuesto de los hospitales públicos», aseguró.'],
        'es',
      ),
    ).toEqual([null]);
    expect(
      withTitle(
        'Lucía Herrera: «No habrá recortes»',
        [
          'El ministro Carlos Méndez respondió ayer.',
          '«No vamos a recortar ni un euro del presupuesto de los hospitales públicos», aseguró.',
        ],
        'es',
      ),
    ).toEqual(['Carlos Méndez']);
  });
});
