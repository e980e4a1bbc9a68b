import { extractEntities } from './entities';
import { extractQuotes } from './quotes';

/**
 * Probe of the attribution classes of quotes.ts, in en/es/fr/de/pt/it: each case is a short news-style passage, the
 * quote it holds and the speaker expected, run through extractEntities + extractQuotes as enrichArticle calls them.
 */
interface Case {
  name: string;
  language: string;
  paragraphs: string[];
  quote: string;
  speaker: string;
}

function check({ language, paragraphs, quote, speaker }: Case): void {
  const quotes = extractQuotes(paragraphs, extractEntities(paragraphs, { language }));
  const found = quotes.find((q) => q.text === quote);
  expect({ quote: found?.text ?? null, speaker: found?.speaker ?? null }).toEqual({ quote, speaker });
}

const c = (language: string, name: string, paragraphs: string[], quote: string, speaker: string): Case => ({
  name: `${language}: ${name}`,
  language,
  paragraphs,
  quote,
  speaker,
});

const ROLE_AND_NAME: Case[] = [
  {
    name: 'en: said + title + name',
    language: 'en',
    paragraphs: [
      '“We will not raise taxes on working families this year or next,” said Finance Minister Ana López on Tuesday.',
    ],
    quote: 'We will not raise taxes on working families this year or next',
    speaker: 'Ana López',
  },
  {
    name: 'en: the role, name, said',
    language: 'en',
    paragraphs: [
      '“Our order book has never been this full in the history of the company,” the chief executive, Tom Reid, said.',
    ],
    quote: 'Our order book has never been this full in the history of the company',
    speaker: 'Tom Reid',
  },
  {
    name: 'fr: a déclaré la ministre de la Santé, name',
    language: 'fr',
    paragraphs: [
      '« Nous allons ouvrir trois cents lits supplémentaires avant la fin de l’hiver », a déclaré la ministre de la Santé, Claire Martin.',
    ],
    quote: 'Nous allons ouvrir trois cents lits supplémentaires avant la fin de l’hiver',
    speaker: 'Claire Martin',
  },
  {
    name: 'de: sagte Bundeskanzler + name',
    language: 'de',
    paragraphs: [
      '„Wir werden die Förderung für kleine Betriebe im kommenden Jahr deutlich ausbauen“, sagte Bundeskanzler Olaf Weber am Montag in Berlin.',
    ],
    quote: 'Wir werden die Förderung für kleine Betriebe im kommenden Jahr deutlich ausbauen',
    speaker: 'Olaf Weber',
  },
  {
    name: 'pt: afirmou o presidente da câmara, name',
    language: 'pt',
    paragraphs: [
      '“A obra vai ficar pronta antes do verão e sem custos adicionais para os munícipes”, afirmou o presidente da câmara, João Silva.',
    ],
    quote: 'A obra vai ficar pronta antes do verão e sem custos adicionais para os munícipes',
    speaker: 'João Silva',
  },
  {
    name: 'es: dijo el ministro de Economía, name',
    language: 'es',
    paragraphs: [
      '«La inflación bajará de forma sostenida durante el segundo semestre del año», dijo el ministro de Economía, Carlos Méndez.',
    ],
    quote: 'La inflación bajará de forma sostenida durante el segundo semestre del año',
    speaker: 'Carlos Méndez',
  },
  {
    name: 'en: name, role, told',
    language: 'en',
    paragraphs: [
      '“The flooding caught everyone by surprise and we were simply not ready,” Mayor Jane Doe told reporters at city hall.',
    ],
    quote: 'The flooding caught everyone by surprise and we were simply not ready',
    speaker: 'Jane Doe',
  },
  {
    name: 'it: ha dichiarato il ministro, name',
    language: 'it',
    paragraphs: [
      '«Il governo non aumenterà le accise sul carburante nei prossimi mesi», ha dichiarato il ministro dell’Economia, Marco Rossi.',
    ],
    quote: 'Il governo non aumenterà le accise sul carburante nei prossimi mesi',
    speaker: 'Marco Rossi',
  },
  c(
    'en',
    'said + name + apposition',
    ['“The vaccine supply problems have been solved for good,” said Ana López, the health minister.'],
    'The vaccine supply problems have been solved for good',
    'Ana López',
  ),
  c(
    'en',
    'role + name + said + colon before quote',
    ['Finance Minister Ana López said: “We will publish the full budget figures next week.”'],
    'We will publish the full budget figures next week.',
    'Ana López',
  ),
  c(
    'es',
    'señaló la presidenta regional, name, en rueda de prensa',
    [
      '«No vamos a subir ningún impuesto mientras dure la crisis», señaló la presidenta regional, María Gómez, en rueda de prensa.',
    ],
    'No vamos a subir ningún impuesto mientras dure la crisis',
    'María Gómez',
  ),
  c(
    'fr',
    'estime + name + role',
    ['« Le site restera ouvert au moins jusqu’à la fin de l’année », estime Jean Dupont, directeur de l’usine.'],
    'Le site restera ouvert au moins jusqu’à la fin de l’année',
    'Jean Dupont',
  ),
  c(
    'de',
    'sagte der Vorstandschef des Konzerns, name',
    [
      '„Wir investieren bis 2030 rund zehn Milliarden Euro in neue Werke“, sagte der Vorstandschef des Konzerns, Martin Krüger.',
    ],
    'Wir investieren bis 2030 rund zehn Milliarden Euro in neue Werke',
    'Martin Krüger',
  ),
  c(
    'pt',
    'disse à agência Lusa o ministro, name',
    [
      '“As contas públicas vão fechar o ano com um excedente”, disse à agência Lusa o ministro das Finanças, Paulo Reis.',
    ],
    'As contas públicas vão fechar o ano com um excedente',
    'Paulo Reis',
  ),
  c(
    'de',
    'party role + name + sagte der Zeitung: „…“',
    ['Der SPD-Politiker Karl Brandt sagte der Zeitung: „Die Rente mit siebzig wird es mit uns nicht geben.“'],
    'Die Rente mit siebzig wird es mit uns nicht geben.',
    'Karl Brandt',
  ),
  c(
    'en',
    'surname, age, said',
    [
      'Tom Reid founded the firm in 1998.',
      '“I never thought it would grow into a company of this size,” Reid, 54, said.',
    ],
    'I never thought it would grow into a company of this size',
    'Tom Reid',
  ),
  c(
    'it',
    'ha detto il sindaco + name',
    ['«Le nuove piste ciclabili saranno pronte entro la primavera», ha detto il sindaco Luca Ferri.'],
    'Le nuove piste ciclabili saranno pronte entro la primavera',
    'Luca Ferri',
  ),
  c(
    'fr',
    'a estimé le directeur, name',
    [
      '« Cette décision met en danger des centaines d’emplois dans la région », a estimé le directeur de l’usine, Jean Dupont.',
    ],
    'Cette décision met en danger des centaines d’emplois dans la région',
    'Jean Dupont',
  ),
  c(
    'pt',
    'declarou a ministra + name',
    ['“Não haverá cortes nos salários da função pública”, declarou a ministra Ana Souza.'],
    'Não haverá cortes nos salários da função pública',
    'Ana Souza',
  ),
];

const SURNAME_OR_PRONOUN: Case[] = [
  {
    name: 'en: surname added',
    language: 'en',
    paragraphs: [
      'Tom Reid, the chief executive of Northwind Freight, announced a new warehouse in Leeds on Monday.',
      '“We expect to hire about four hundred people over the next two years,” Reid added.',
    ],
    quote: 'We expect to hire about four hundred people over the next two years',
    speaker: 'Tom Reid',
  },
  {
    name: 'en: he said',
    language: 'en',
    paragraphs: [
      'Tom Reid, the chief executive of Northwind Freight, announced a new warehouse in Leeds on Monday.',
      '“The decision was taken after months of talks with the local council,” he said.',
    ],
    quote: 'The decision was taken after months of talks with the local council',
    speaker: 'Tom Reid',
  },
  {
    name: 'fr: elle a ajouté',
    language: 'fr',
    paragraphs: [
      'La ministre de la Santé, Claire Martin, a présenté mardi son plan pour les hôpitaux.',
      '« Aucun service d’urgence ne fermera cet été dans le pays », a-t-elle ajouté.',
    ],
    quote: 'Aucun service d’urgence ne fermera cet été dans le pays',
    speaker: 'Claire Martin',
  },
  {
    name: 'fr: elle a ajouté (no inversion)',
    language: 'fr',
    paragraphs: [
      'La ministre de la Santé, Claire Martin, a présenté mardi son plan pour les hôpitaux.',
      'Elle a ajouté : « Aucun service d’urgence ne fermera cet été dans le pays. »',
    ],
    quote: 'Aucun service d’urgence ne fermera cet été dans le pays.',
    speaker: 'Claire Martin',
  },
  {
    name: 'de: sagte sie',
    language: 'de',
    paragraphs: [
      'Die Ministerin Anna Keller stellte am Dienstag den neuen Haushalt vor.',
      '„Wir sparen nicht bei der Bildung und nicht bei der Sicherheit“, sagte sie.',
    ],
    quote: 'Wir sparen nicht bei der Bildung und nicht bei der Sicherheit',
    speaker: 'Anna Keller',
  },
  {
    name: 'es: dijo (bare verb)',
    language: 'es',
    paragraphs: [
      'El alcalde de Valencia, Pedro Ruiz, visitó este lunes las obras del nuevo puerto.',
      '«Las obras terminarán en marzo si el tiempo lo permite», dijo.',
    ],
    quote: 'Las obras terminarán en marzo si el tiempo lo permite',
    speaker: 'Pedro Ruiz',
  },
  {
    name: 'pt: acrescentou ela',
    language: 'pt',
    paragraphs: [
      'A ministra da Saúde, Marta Costa, visitou ontem o hospital de Braga.',
      '“Vamos contratar mais quinhentos enfermeiros até ao fim do ano”, acrescentou ela.',
    ],
    quote: 'Vamos contratar mais quinhentos enfermeiros até ao fim do ano',
    speaker: 'Marta Costa',
  },
  {
    name: 'de: Weber betonte (surname before verb)',
    language: 'de',
    paragraphs: [
      'Bundeskanzler Olaf Weber besuchte am Freitag das Werk in Wolfsburg.',
      '„Die Arbeitsplätze hier sind sicher, das verspreche ich Ihnen“, betonte Weber.',
    ],
    quote: 'Die Arbeitsplätze hier sind sicher, das verspreche ich Ihnen',
    speaker: 'Olaf Weber',
  },
  {
    name: 'it: ha aggiunto (bare verb)',
    language: 'it',
    paragraphs: [
      'La sindaca di Torino, Giulia Bianchi, ha presentato ieri il nuovo piano per i trasporti.',
      '«Entro due anni avremo cinque nuove linee di tram in città», ha aggiunto.',
    ],
    quote: 'Entro due anni avremo cinque nuove linee di tram in città',
    speaker: 'Giulia Bianchi',
  },
  c(
    'es',
    'añadió + surname',
    [
      'El alcalde de Valencia, Pedro Ruiz, visitó este lunes las obras del nuevo puerto.',
      '«El coste final será inferior al presupuesto inicial», añadió Ruiz.',
    ],
    'El coste final será inferior al presupuesto inicial',
    'Pedro Ruiz',
  ),
  c(
    'es',
    'apuntó la alcaldesa (role back to name)',
    [
      'La alcaldesa de Madrid, Carmen Soler, inauguró ayer la nueva línea de autobuses.',
      '«Es la mayor inversión en transporte público de la última década», apuntó la alcaldesa.',
    ],
    'Es la mayor inversión en transporte público de la última década',
    'Carmen Soler',
  ),
  c(
    'fr',
    'a-t-il martelé',
    [
      'Le maire de Lyon, Paul Girard, a défendu son bilan devant le conseil municipal.',
      '« Nous avons tenu toutes nos promesses de campagne sans exception », a-t-il martelé.',
    ],
    'Nous avons tenu toutes nos promesses de campagne sans exception',
    'Paul Girard',
  ),
  c(
    'fr',
    'estime-t-elle',
    [
      'Sophie Leroy dirige le syndicat depuis 2019.',
      '« Le gouvernement n’a jamais vraiment écouté les salariés », estime-t-elle.',
    ],
    'Le gouvernement n’a jamais vraiment écouté les salariés',
    'Sophie Leroy',
  ),
  c(
    'pt',
    'disse ele',
    [
      'O treinador do clube, Rui Almeida, falou aos jornalistas depois do jogo.',
      '“Não estivemos ao nível que se exige a esta equipa”, disse ele.',
    ],
    'Não estivemos ao nível que se exige a esta equipa',
    'Rui Almeida',
  ),
  c(
    'pt',
    'afirmou (bare verb)',
    [
      'O treinador do clube, Rui Almeida, falou aos jornalistas depois do jogo.',
      '“Não estivemos ao nível que se exige a esta equipa”, afirmou.',
    ],
    'Não estivemos ao nível que se exige a esta equipa',
    'Rui Almeida',
  ),
  c(
    'en',
    'She said: “…”',
    [
      'Health Secretary Maria Lind visited the hospital on Thursday.',
      'She said: “Nobody in this building should have to work a double shift again.”',
    ],
    'Nobody in this building should have to work a double shift again.',
    'Maria Lind',
  ),
  c(
    'de',
    'Sie betonte: „…“',
    [
      'Die Bürgermeisterin Petra Lang eröffnete am Samstag das neue Hallenbad.',
      'Sie betonte: „Das Bad wird für alle Familien bezahlbar bleiben.“',
    ],
    'Das Bad wird für alle Familien bezahlbar bleiben.',
    'Petra Lang',
  ),
  c(
    'en',
    'the 54-year-old said',
    [
      'Tom Reid founded the firm in 1998.',
      '“I never thought it would grow into a company of this size,” the 54-year-old said.',
    ],
    'I never thought it would grow into a company of this size',
    'Tom Reid',
  ),
  c(
    'it',
    'ha aggiunto Bianchi',
    [
      'La sindaca di Torino, Giulia Bianchi, ha presentato ieri il nuovo piano per i trasporti.',
      '«Il biglietto unico costerà meno di quello attuale», ha aggiunto Bianchi.',
    ],
    'Il biglietto unico costerà meno di quello attuale',
    'Giulia Bianchi',
  ),
  c(
    'it',
    'ha spiegato la sindaca (role back)',
    [
      'La sindaca di Torino, Giulia Bianchi, ha presentato ieri il nuovo piano per i trasporti.',
      '«Il biglietto unico costerà meno di quello attuale», ha spiegato la sindaca.',
    ],
    'Il biglietto unico costerà meno di quello attuale',
    'Giulia Bianchi',
  ),
  c(
    'de',
    'so der Minister (role back)',
    [
      'Der Minister Olaf Weber stellte am Montag das Programm vor.',
      '„Das Geld kommt direkt bei den Familien an“, so der Minister.',
    ],
    'Das Geld kommt direkt bei den Familien an',
    'Olaf Weber',
  ),
];

const NEIGHBOUR_OR_COLON: Case[] = [
  {
    name: 'en: quote paragraph after a sentence naming the speaker',
    language: 'en',
    paragraphs: [
      'Health Secretary Maria Lind spoke to nurses at the hospital on Thursday morning.',
      '“Nobody in this building should have to work a double shift again this winter.”',
    ],
    quote: 'Nobody in this building should have to work a double shift again this winter.',
    speaker: 'Maria Lind',
  },
  {
    name: 'en: Mayor Jane Doe: “…”',
    language: 'en',
    paragraphs: ['Mayor Jane Doe: “We will rebuild every single home that was lost in the fire.”'],
    quote: 'We will rebuild every single home that was lost in the fire.',
    speaker: 'Jane Doe',
  },
  {
    name: 'es: La ministra lo dejó claro: «…»',
    language: 'es',
    paragraphs: [
      'La ministra de Trabajo, Lucía Herrera, se reunió ayer con los sindicatos.',
      'La ministra lo dejó claro: «No habrá ninguna reforma de las pensiones sin acuerdo».',
    ],
    quote: 'No habrá ninguna reforma de las pensiones sin acuerdo',
    speaker: 'Lucía Herrera',
  },
  {
    name: 'fr: name + colon',
    language: 'fr',
    paragraphs: [
      'Le maire de Lyon, Paul Girard, a répondu aux critiques : « Le chantier avance et sera livré en juin. »',
    ],
    quote: 'Le chantier avance et sera livré en juin.',
    speaker: 'Paul Girard',
  },
  {
    name: 'de: name + colon',
    language: 'de',
    paragraphs: [
      'Die Bürgermeisterin Petra Lang sagte dazu: „Wir haben alle Fristen eingehalten und bleiben im Budget.“',
    ],
    quote: 'Wir haben alle Fristen eingehalten und bleiben im Budget.',
    speaker: 'Petra Lang',
  },
  {
    name: 'pt: quote paragraph after a sentence naming the speaker',
    language: 'pt',
    paragraphs: [
      'O treinador do clube, Rui Almeida, falou aos jornalistas depois do jogo.',
      '“Fizemos uma primeira parte muito fraca e fomos castigados por isso.”',
    ],
    quote: 'Fizemos uma primeira parte muito fraca e fomos castigados por isso.',
    speaker: 'Rui Almeida',
  },
  c(
    'de',
    'sentence before, same paragraph, no speech verb',
    ['Petra Lang sprach von einem großen Erfolg. „Damit hat vor einem Jahr niemand in der Stadt gerechnet.“'],
    'Damit hat vor einem Jahr niemand in der Stadt gerechnet.',
    'Petra Lang',
  ),
  c(
    'es',
    'quote paragraph after a paragraph naming the speaker',
    [
      'La ministra de Trabajo, Lucía Herrera, habló con la prensa tras la reunión.',
      '«No habrá ningún acuerdo si los sindicatos no cambian de postura.»',
    ],
    'No habrá ningún acuerdo si los sindicatos no cambian de postura.',
    'Lucía Herrera',
  ),
  c(
    'fr',
    'quote paragraph after a paragraph naming the speaker',
    [
      'Sophie Leroy ne cache pas sa colère face aux fermetures annoncées.',
      '« On nous avait promis que l’usine resterait ouverte jusqu’en 2030. »',
    ],
    'On nous avait promis que l’usine resterait ouverte jusqu’en 2030.',
    'Sophie Leroy',
  ),
  c(
    'pt',
    'A ministra foi clara: “…”',
    [
      'A ministra da Saúde, Marta Costa, visitou ontem o hospital de Braga.',
      'A ministra foi clara: “Não vamos fechar nenhuma urgência durante o inverno.”',
    ],
    'Não vamos fechar nenhuma urgência durante o inverno.',
    'Marta Costa',
  ),
  c(
    'de',
    'surname dazu: „…“',
    [
      'Olaf Weber leitet das Ministerium seit zwei Jahren.',
      'Weber dazu: „Wir haben die Zahl der Anträge fast halbiert.“',
    ],
    'Wir haben die Zahl der Anträge fast halbiert.',
    'Olaf Weber',
  ),
  c(
    'en',
    'name put it bluntly: “…”',
    ['Sarah Collins put it bluntly: “This contract is a disaster for every taxpayer in the county.”'],
    'This contract is a disaster for every taxpayer in the county.',
    'Sarah Collins',
  ),
  c(
    'it',
    'name + colon',
    ['Il sindaco Luca Ferri ha risposto così: «Non abbiamo mai promesso di chiudere il centro alle auto.»'],
    'Non abbiamo mai promesso di chiudere il centro alle auto.',
    'Luca Ferri',
  ),
];

const ACCORDING_TO: Case[] = [
  {
    name: 'en: according to',
    language: 'en',
    paragraphs: [
      'The plant “will be fully operational by the end of next year at the latest,” according to Tom Reid, the chief executive.',
    ],
    quote: 'will be fully operational by the end of next year at the latest',
    speaker: 'Tom Reid',
  },
  {
    name: 'fr: selon',
    language: 'fr',
    paragraphs: [
      'Le projet est « une priorité absolue pour le gouvernement et pour toute la région », selon Claire Martin.',
    ],
    quote: 'une priorité absolue pour le gouvernement et pour toute la région',
    speaker: 'Claire Martin',
  },
  {
    name: 'de: laut',
    language: 'de',
    paragraphs: ['Die Lage sei „so angespannt wie seit vielen Jahren nicht mehr in dieser Region“, laut Olaf Weber.'],
    quote: 'so angespannt wie seit vielen Jahren nicht mehr in dieser Region',
    speaker: 'Olaf Weber',
  },
  {
    name: 'pt: segundo',
    language: 'pt',
    paragraphs: [
      'A economia “vai crescer acima dos dois por cento pela primeira vez em muitos anos”, segundo João Silva.',
    ],
    quote: 'vai crescer acima dos dois por cento pela primeira vez em muitos anos',
    speaker: 'João Silva',
  },
  {
    name: 'es: según',
    language: 'es',
    paragraphs: ['El puerto «será el más moderno de todo el Mediterráneo cuando esté terminado», según Pedro Ruiz.'],
    quote: 'será el más moderno de todo el Mediterráneo cuando esté terminado',
    speaker: 'Pedro Ruiz',
  },
  {
    name: 'it: secondo',
    language: 'it',
    paragraphs: [
      'Il nuovo tram «cambierà completamente il modo di muoversi in tutta la città», secondo Giulia Bianchi.',
    ],
    quote: 'cambierà completamente il modo di muoversi in tutta la città',
    speaker: 'Giulia Bianchi',
  },
  {
    name: 'es: Según + name opening the sentence',
    language: 'es',
    paragraphs: ['Según Pedro Ruiz, «las obras del puerto terminarán antes del verano del año que viene».'],
    quote: 'las obras del puerto terminarán antes del verano del año que viene',
    speaker: 'Pedro Ruiz',
  },
  c(
    'fr',
    'selon la ministre de la Santé, name',
    [
      'Le plan « permettra de rouvrir tous les services fermés cet été », selon la ministre de la Santé, Claire Martin.',
    ],
    'permettra de rouvrir tous les services fermés cet été',
    'Claire Martin',
  ),
  c(
    'de',
    'laut Bürgermeisterin + name',
    [
      'Die Sanierung werde „mindestens zwei weitere Jahre dauern und deutlich teurer werden“, laut Bürgermeisterin Petra Lang.',
    ],
    'mindestens zwei weitere Jahre dauern und deutlich teurer werden',
    'Petra Lang',
  ),
  c(
    'pt',
    'de acordo com o ministro, name',
    [
      'O défice “vai ficar abaixo de um por cento já no próximo ano”, de acordo com o ministro das Finanças, Paulo Reis.',
    ],
    'vai ficar abaixo de um por cento já no próximo ano',
    'Paulo Reis',
  ),
  c(
    'fr',
    'Selon + name opening',
    ['Selon Claire Martin, « aucun hôpital ne sera fermé dans le département cette année ».'],
    'aucun hôpital ne sera fermé dans le département cette année',
    'Claire Martin',
  ),
  c(
    'pt',
    'Segundo a ministra + name opening',
    ['Segundo a ministra Marta Costa, “nenhuma urgência vai fechar durante todo o inverno”.'],
    'nenhuma urgência vai fechar durante todo o inverno',
    'Marta Costa',
  ),
  c(
    'en',
    'According to + surname opening',
    [
      'Tom Reid founded the firm in 1998.',
      'According to Reid, “the company will double its workforce within the next five years.”',
    ],
    'the company will double its workforce within the next five years.',
    'Tom Reid',
  ),
  c(
    'it',
    'Secondo + name opening',
    ['Secondo Giulia Bianchi, «la città avrà cinque nuove linee di tram entro due anni».'],
    'la città avrà cinque nuove linee di tram entro due anni',
    'Giulia Bianchi',
  ),
  c(
    'de',
    'Laut + name opening',
    ['Laut Petra Lang ist die Lage „so angespannt wie seit vielen Jahren nicht mehr“.'],
    'so angespannt wie seit vielen Jahren nicht mehr',
    'Petra Lang',
  ),
];

const MARKS: Case[] = [
  {
    name: 'en: straight double quotes',
    language: 'en',
    paragraphs: ['"We are going to appeal the ruling as soon as the court allows it," said Sarah Collins.'],
    quote: 'We are going to appeal the ruling as soon as the court allows it',
    speaker: 'Sarah Collins',
  },
  {
    name: 'en: single quotes',
    language: 'en',
    paragraphs: ['‘We are going to appeal the ruling as soon as the court allows it,’ said Sarah Collins.'],
    quote: 'We are going to appeal the ruling as soon as the court allows it',
    speaker: 'Sarah Collins',
  },
  {
    name: 'fr: « … » with spaces',
    language: 'fr',
    paragraphs: ['« Nous ne lâcherons rien tant que l’usine restera fermée », a martelé Sophie Leroy.'],
    quote: 'Nous ne lâcherons rien tant que l’usine restera fermée',
    speaker: 'Sophie Leroy',
  },
  {
    name: 'es: «…» no spaces',
    language: 'es',
    paragraphs: ['«No vamos a permitir que se cierre ni una sola escuela rural», aseguró Lucía Herrera.'],
    quote: 'No vamos a permitir que se cierre ni una sola escuela rural',
    speaker: 'Lucía Herrera',
  },
  {
    name: 'de: „…“',
    language: 'de',
    paragraphs: ['„Ich bin mit dem Ergebnis der Verhandlungen sehr zufrieden“, erklärte Petra Lang.'],
    quote: 'Ich bin mit dem Ergebnis der Verhandlungen sehr zufrieden',
    speaker: 'Petra Lang',
  },
  {
    name: 'de: „…" (straight close)',
    language: 'de',
    paragraphs: ['„Ich bin mit dem Ergebnis der Verhandlungen sehr zufrieden", erklärte Petra Lang.'],
    quote: 'Ich bin mit dem Ergebnis der Verhandlungen sehr zufrieden',
    speaker: 'Petra Lang',
  },
  {
    name: 'de: ‚…‘ single low quotes',
    language: 'de',
    paragraphs: ['‚Ich bin mit dem Ergebnis der Verhandlungen sehr zufrieden‘, erklärte Petra Lang.'],
    quote: 'Ich bin mit dem Ergebnis der Verhandlungen sehr zufrieden',
    speaker: 'Petra Lang',
  },
  {
    name: 'es: em-dash dialogue',
    language: 'es',
    paragraphs: ['— No vamos a ceder ante ninguna presión de los constructores — dijo el alcalde Pedro Ruiz.'],
    quote: 'No vamos a ceder ante ninguna presión de los constructores',
    speaker: 'Pedro Ruiz',
  },
  {
    name: 'de: en-dash dialogue',
    language: 'de',
    paragraphs: [
      'Olaf Weber verließ das Ministerium am Abend.',
      '– Ich bin mit der Einigung über den Haushalt zufrieden, sagte Weber.',
    ],
    quote: 'Ich bin mit der Einigung über den Haushalt zufrieden',
    speaker: 'Olaf Weber',
  },
  {
    name: 'pt: «…» (European Portuguese)',
    language: 'pt',
    paragraphs: ['«Não vamos fechar nenhuma escola do interior este ano», garantiu Marta Costa.'],
    quote: 'Não vamos fechar nenhuma escola do interior este ano',
    speaker: 'Marta Costa',
  },
  {
    name: 'de: »…« chevrons',
    language: 'de',
    paragraphs: ['»Wir haben die Lage inzwischen vollständig unter Kontrolle«, sagte Petra Lang.'],
    quote: 'Wir haben die Lage inzwischen vollständig unter Kontrolle',
    speaker: 'Petra Lang',
  },
  c(
    'fr',
    '« … » with narrow no-break spaces',
    ['«\u202fNous ne lâcherons rien tant que l’usine restera fermée\u202f», a martelé Sophie Leroy.'],
    'Nous ne lâcherons rien tant que l’usine restera fermée',
    'Sophie Leroy',
  ),
  c(
    'pt',
    'em-dash dialogue with dash-closed incise',
    ['— Não vamos desistir desta luta pelos nossos direitos — afirmou o dirigente sindical Rui Almeida.'],
    'Não vamos desistir desta luta pelos nossos direitos',
    'Rui Almeida',
  ),
  c(
    'fr',
    'dash dialogue with comma incise',
    [
      'Sophie Leroy est sortie de la réunion vers minuit.',
      '— Nous irons jusqu’au bout de cette grève, lance Sophie Leroy.',
    ],
    'Nous irons jusqu’au bout de cette grève',
    'Sophie Leroy',
  ),
  c(
    'es',
    'dialogue with inserted —dijo name—',
    ['—No vamos a ceder ante ninguna presión de los constructores —dijo Pedro Ruiz—. Mañana seguimos.'],
    'No vamos a ceder ante ninguna presión de los constructores',
    'Pedro Ruiz',
  ),
  c(
    'en',
    'quote split by attribution, second part',
    ['“We have done everything we could,” said Sarah Collins. “The rest is now up to the court and the jury.”'],
    'The rest is now up to the court and the jury.',
    'Sarah Collins',
  ),
  c(
    'it',
    '«…» + ha detto',
    ['«Abbiamo chiuso l’anno con un utile record per la società», ha detto Luca Ferri.'],
    'Abbiamo chiuso l’anno con un utile record per la società',
    'Luca Ferri',
  ),
  c(
    'pt',
    '“…" mixed',
    ['“Não vamos fechar nenhuma escola do interior este ano", garantiu Marta Costa.'],
    'Não vamos fechar nenhuma escola do interior este ano',
    'Marta Costa',
  ),
];

const VERBS: Case[] = [
  [
    'en',
    'told the BBC',
    '“The strike will go ahead unless the offer improves by Friday,” Sarah Collins told the BBC.',
    'The strike will go ahead unless the offer improves by Friday',
    'Sarah Collins',
  ],
  [
    'en',
    'warned',
    '“Prices will keep rising for at least another six months,” warned Sarah Collins.',
    'Prices will keep rising for at least another six months',
    'Sarah Collins',
  ],
  [
    'en',
    'insisted',
    '“There was never any agreement with the other party on this,” Sarah Collins insisted.',
    'There was never any agreement with the other party on this',
    'Sarah Collins',
  ],
  [
    'en',
    'explained',
    '“The bridge had not been inspected properly for nearly a decade,” explained Sarah Collins.',
    'The bridge had not been inspected properly for nearly a decade',
    'Sarah Collins',
  ],
  [
    'en',
    'wrote',
    '“I have decided to step down after twelve years on the board,” Sarah Collins wrote on social media.',
    'I have decided to step down after twelve years on the board',
    'Sarah Collins',
  ],
  [
    'es',
    'explicó',
    '«El hospital necesita al menos cien médicos más para funcionar», explicó Lucía Herrera.',
    'El hospital necesita al menos cien médicos más para funcionar',
    'Lucía Herrera',
  ],
  [
    'es',
    'señaló',
    '«La oposición no ha presentado ni una sola propuesta seria», señaló Lucía Herrera.',
    'La oposición no ha presentado ni una sola propuesta seria',
    'Lucía Herrera',
  ],
  [
    'es',
    'añadió',
    '«Tenemos dinero suficiente para terminar la obra este mismo año», añadió Lucía Herrera.',
    'Tenemos dinero suficiente para terminar la obra este mismo año',
    'Lucía Herrera',
  ],
  [
    'fr',
    'a expliqué',
    '« Le budget de la ville sera équilibré dès l’an prochain », a expliqué Sophie Leroy.',
    'Le budget de la ville sera équilibré dès l’an prochain',
    'Sophie Leroy',
  ],
  [
    'fr',
    'a souligné',
    '« Les agriculteurs ont besoin de prix justes et de règles simples », a souligné Sophie Leroy.',
    'Les agriculteurs ont besoin de prix justes et de règles simples',
    'Sophie Leroy',
  ],
  [
    'fr',
    'a estimé',
    '« Cette réforme arrive beaucoup trop tard pour les petites communes », a estimé Sophie Leroy.',
    'Cette réforme arrive beaucoup trop tard pour les petites communes',
    'Sophie Leroy',
  ],
  [
    'de',
    'betonte',
    '„Die Schulen bleiben auch im Winter auf jeden Fall geöffnet“, betonte Petra Lang.',
    'Die Schulen bleiben auch im Winter auf jeden Fall geöffnet',
    'Petra Lang',
  ],
  [
    'de',
    'fügte hinzu',
    '„Wir rechnen mit einer Entscheidung noch vor der Sommerpause“, fügte Petra Lang hinzu.',
    'Wir rechnen mit einer Entscheidung noch vor der Sommerpause',
    'Petra Lang',
  ],
  [
    'de',
    'so Weber',
    'Olaf Weber sprach vor dem Landtag. „Die Energiepreise werden im nächsten Jahr wieder sinken“, so Weber.',
    'Die Energiepreise werden im nächsten Jahr wieder sinken',
    'Olaf Weber',
  ],
  [
    'pt',
    'disse',
    '“O governo vai apresentar o orçamento na próxima semana”, disse Marta Costa.',
    'O governo vai apresentar o orçamento na próxima semana',
    'Marta Costa',
  ],
  [
    'pt',
    'explicou',
    '“As obras no hospital começam já no início de setembro”, explicou Marta Costa.',
    'As obras no hospital começam já no início de setembro',
    'Marta Costa',
  ],
  [
    'pt',
    'ressaltou',
    '“Nenhum trabalhador vai perder o emprego com esta fusão”, ressaltou Marta Costa.',
    'Nenhum trabalhador vai perder o emprego com esta fusão',
    'Marta Costa',
  ],
  [
    'it',
    'ha spiegato',
    '«Il cantiere della metropolitana riaprirà entro la fine di maggio», ha spiegato Giulia Bianchi.',
    'Il cantiere della metropolitana riaprirà entro la fine di maggio',
    'Giulia Bianchi',
  ],
  [
    'en',
    'pointed out',
    '“None of these measures will take effect before the election,” pointed out Sarah Collins.',
    'None of these measures will take effect before the election',
    'Sarah Collins',
  ],
  [
    'en',
    'went on',
    'Sarah Collins spoke first. “None of these measures will take effect before the election,” she went on.',
    'None of these measures will take effect before the election',
    'Sarah Collins',
  ],
  [
    'en',
    'acknowledged',
    '“We made mistakes in how we handled the first weeks,” Sarah Collins acknowledged.',
    'We made mistakes in how we handled the first weeks',
    'Sarah Collins',
  ],
  [
    'en',
    'promised',
    '“Every family will get the payment before Christmas,” promised Sarah Collins.',
    'Every family will get the payment before Christmas',
    'Sarah Collins',
  ],
  [
    'es',
    'aseguró',
    '«El agua llegará a todos los barrios antes de agosto», aseguró Lucía Herrera.',
    'El agua llegará a todos los barrios antes de agosto',
    'Lucía Herrera',
  ],
  [
    'es',
    'matizó',
    '«No se trata de un recorte, sino de una reorganización del gasto», matizó Lucía Herrera.',
    'No se trata de un recorte, sino de una reorganización del gasto',
    'Lucía Herrera',
  ],
  [
    'es',
    'anunció',
    '«El Gobierno aprobará el plan de vivienda el próximo martes», anunció Lucía Herrera.',
    'El Gobierno aprobará el plan de vivienda el próximo martes',
    'Lucía Herrera',
  ],
  [
    'es',
    'defendió',
    '«La reforma protege a los trabajadores más jóvenes y precarios», defendió Lucía Herrera.',
    'La reforma protege a los trabajadores más jóvenes y precarios',
    'Lucía Herrera',
  ],
  [
    'fr',
    'a martelé',
    '« Il n’y aura aucune hausse d’impôts pendant ce mandat », a martelé Sophie Leroy.',
    'Il n’y aura aucune hausse d’impôts pendant ce mandat',
    'Sophie Leroy',
  ],
  [
    'fr',
    'a annoncé',
    '« La ligne de tramway sera prolongée jusqu’à l’aéroport en 2028 », a annoncé Sophie Leroy.',
    'La ligne de tramway sera prolongée jusqu’à l’aéroport en 2028',
    'Sophie Leroy',
  ],
  [
    'fr',
    'a rétorqué',
    '« Ces chiffres sont faux et l’opposition le sait très bien », a rétorqué Sophie Leroy.',
    'Ces chiffres sont faux et l’opposition le sait très bien',
    'Sophie Leroy',
  ],
  [
    'fr',
    'renchérit',
    '« Les salariés ne peuvent plus attendre une année de plus », renchérit Sophie Leroy.',
    'Les salariés ne peuvent plus attendre une année de plus',
    'Sophie Leroy',
  ],
  [
    'fr',
    'a fustigé',
    '« Ce projet est une insulte aux habitants du quartier », a fustigé Sophie Leroy.',
    'Ce projet est une insulte aux habitants du quartier',
    'Sophie Leroy',
  ],
  [
    'de',
    'erklärte',
    '„Die neue Brücke wird im Herbst für den Verkehr freigegeben“, erklärte Petra Lang.',
    'Die neue Brücke wird im Herbst für den Verkehr freigegeben',
    'Petra Lang',
  ],
  [
    'de',
    'kündigte an',
    '„Wir werden im Frühjahr zweihundert neue Stellen schaffen“, kündigte Petra Lang an.',
    'Wir werden im Frühjahr zweihundert neue Stellen schaffen',
    'Petra Lang',
  ],
  [
    'de',
    'stellte klar',
    '„Eine Schließung des Standorts steht nicht zur Debatte“, stellte Petra Lang klar.',
    'Eine Schließung des Standorts steht nicht zur Debatte',
    'Petra Lang',
  ],
  [
    'de',
    'versprach',
    '„Die Gebühren werden im nächsten Jahr nicht erhöht“, versprach Petra Lang.',
    'Die Gebühren werden im nächsten Jahr nicht erhöht',
    'Petra Lang',
  ],
  [
    'de',
    'teilte mit',
    '„Der Betrieb läuft ab Montag wieder ganz normal weiter“, teilte Petra Lang mit.',
    'Der Betrieb läuft ab Montag wieder ganz normal weiter',
    'Petra Lang',
  ],
  [
    'pt',
    'afirmou',
    '“O hospital vai ter uma nova ala pediátrica no próximo ano”, afirmou Marta Costa.',
    'O hospital vai ter uma nova ala pediátrica no próximo ano',
    'Marta Costa',
  ],
  [
    'pt',
    'referiu',
    '“O número de utentes sem médico de família caiu para metade”, referiu Marta Costa.',
    'O número de utentes sem médico de família caiu para metade',
    'Marta Costa',
  ],
  [
    'pt',
    'adiantou',
    '“O concurso para a nova ponte abre já no próximo mês”, adiantou Marta Costa.',
    'O concurso para a nova ponte abre já no próximo mês',
    'Marta Costa',
  ],
  [
    'pt',
    'sublinhou',
    '“Não há qualquer risco para a saúde pública neste momento”, sublinhou Marta Costa.',
    'Não há qualquer risco para a saúde pública neste momento',
    'Marta Costa',
  ],
  [
    'pt',
    'considerou',
    '“Este acordo é uma vitória para todos os trabalhadores do setor”, considerou Marta Costa.',
    'Este acordo é uma vitória para todos os trabalhadores do setor',
    'Marta Costa',
  ],
  [
    'pt',
    'explica (present)',
    '“Os preços da habitação subiram muito mais do que os salários”, explica Marta Costa.',
    'Os preços da habitação subiram muito mais do que os salários',
    'Marta Costa',
  ],
  [
    'pt',
    'advertiu',
    '“Se nada mudar, o serviço vai entrar em rutura no verão”, advertiu Marta Costa.',
    'Se nada mudar, o serviço vai entrar em rutura no verão',
    'Marta Costa',
  ],
  [
    'it',
    'ha sottolineato',
    '«Nessun lavoratore perderà il posto con questa fusione», ha sottolineato Luca Ferri.',
    'Nessun lavoratore perderà il posto con questa fusione',
    'Luca Ferri',
  ],
  [
    'it',
    'ha affermato',
    '«Il nuovo ospedale aprirà entro la fine del prossimo anno», ha affermato Luca Ferri.',
    'Il nuovo ospedale aprirà entro la fine del prossimo anno',
    'Luca Ferri',
  ],
  [
    'it',
    'ha ribadito',
    '«Non ci sarà alcun aumento delle tasse locali quest’anno», ha ribadito Luca Ferri.',
    'Non ci sarà alcun aumento delle tasse locali quest’anno',
    'Luca Ferri',
  ],
  [
    'it',
    'ha commentato',
    '«È un risultato storico per tutta la nostra regione», ha commentato Luca Ferri.',
    'È un risultato storico per tutta la nostra regione',
    'Luca Ferri',
  ],
  [
    'it',
    'osserva',
    '«I giovani lasciano il paese perché mancano le opportunità», osserva Luca Ferri.',
    'I giovani lasciano il paese perché mancano le opportunità',
    'Luca Ferri',
  ],
].map(([language, verb, paragraph, quote, speaker]) => ({
  name: `${language}: ${verb}`,
  language: language as string,
  paragraphs: [paragraph as string],
  quote: quote as string,
  speaker: speaker as string,
}));

describe.each([
  ['role or title and name on either side of the verb', ROLE_AND_NAME],
  ['surname or pronoun after a named first mention', SURNAME_OR_PRONOUN],
  ['speaker in the neighbouring sentence or before a colon', NEIGHBOUR_OR_COLON],
  ['according to / selon / laut / segundo / según / secondo', ACCORDING_TO],
  ['the quote marks and dialogue dashes of each language', MARKS],
  ['speech verbs beyond "said"', VERBS],
])('quote classes: %s', (_title, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => check(c));
});
