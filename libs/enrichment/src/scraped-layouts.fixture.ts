/**
 * Scraped pages laid out unlike the seed (written for the tests: kicker, headline, standfirst, date line, byline,
 * share bar, body, cross-link, author bio, "most read", newsletter and footer), in en/fr/de/pt/es/it, and a
 * table-layout HTML page of an older markup era without metadata.
 */
export const englishRegional = `Skip to main content
THE NORTHERN ECHO
Subscribe
Sign in
News
Sport
Business
Opinion
Culture
Travel
We use cookies to improve your experience. By continuing to browse you agree to our use of cookies. Manage preferences
Accept all
Home › News › Politics
POLITICS
Council approves £40m flood defence plan after decade of delays
The scheme will protect more than 3,000 homes along the River Tees, officials said
Updated 09:30 BST, 5 May 2026
By Jane Doe, Political Editor
Share
Facebook
Twitter
Email
STOCKTON-ON-TEES — Councillors voted on Tuesday to approve a £40 million flood defence scheme for the River Tees, ending more than ten years of arguments over who should pay for it.
The plan, drawn up by the Environment Agency and Stockton Borough Council, includes new embankments, a pumping station and a storage lake upstream of the town centre.
"This is the day residents have been waiting for," said council leader Bob Cook. "Nobody should have to move their furniture upstairs every time it rains."
Chief executive of the Tees Valley Combined Authority, Julie Gray, said the money would be released in three stages. "We will start work this autumn," she told reporters.
Residents in the Portrack area were flooded three times between 2012 and 2020. Margaret Hill, 71, said she had given up hope. "I'll believe it when I see the diggers," she said.
The Environment Agency said construction would take four years. Northumbrian Water and Network Rail will also contribute to the cost.
Related: River Tees homes flooded for third time in a year
Opposition councillors questioned the cost. "It is a lot of money for a scheme that may already be out of date," said Liberal Democrat councillor Sam Patel.
Jane Doe is the Northern Echo's political editor. She has covered Teesside politics since 2009.
Follow us on Twitter
Most read
1. Man arrested after Middlesbrough car chase
2. New bus routes announced for Darlington
3. Hartlepool nuclear plant life extended
Newsletter
Get the day's top stories in your inbox every morning
Sign up
Contact us
About us
Privacy policy
Terms and conditions
© 2026 Newsquest Media Group Ltd
`;

export const frenchRegional = `Aller au contenu principal
LE COURRIER DE L'OUEST
Se connecter
S'abonner
Actualité
Économie
Sport
Culture
Régions
Ce site utilise des cookies pour améliorer votre expérience. Accepter Refuser Paramétrer
Accueil > Économie > Agriculture
AGRICULTURE
Les producteurs de lait de Vendée menacent de bloquer les laiteries
Face à la baisse des prix, la Fédération départementale appelle à la mobilisation dès lundi
Publié le 5 mai 2026 à 08h12 · Mis à jour il y a 3 heures
Par Marie Dupont, avec AFP
Partager
Facebook
Twitter
LinkedIn
Copier le lien
LA ROCHE-SUR-YON — Les éleveurs laitiers de Vendée ont annoncé mardi leur intention de bloquer les principales laiteries du département à partir de lundi prochain.
Selon la Fédération départementale des syndicats d'exploitants agricoles, le prix du lait a baissé de 12 % depuis janvier, alors que les coûts de l'alimentation animale continuent d'augmenter.
« Nous travaillons à perte depuis six mois », a déclaré Jean-Pierre Martin, président de la FDSEA de Vendée. « Si rien ne change, des dizaines de fermes vont fermer d'ici l'été. »
Le groupe Lactalis, principal acheteur de lait dans la région, n'a pas souhaité commenter. La préfecture a indiqué qu'elle recevrait une délégation jeudi.
« Nous comprenons la colère des éleveurs », a affirmé le ministre de l'Agriculture, Paul Bernard, lors d'une conférence de presse à Paris. Il a promis une réunion avec les industriels avant la fin du mois.
La Vendée compte environ 1 800 exploitations laitières, selon la Chambre d'agriculture des Pays de la Loire.
À lire aussi : La sécheresse menace les récoltes dans l'Ouest
Marie Dupont est journaliste au service Économie du Courrier de l'Ouest.
Les plus lus
Un accident sur la N137 fait deux blessés
Nantes : le tramway perturbé jusqu'à dimanche
Inscrivez-vous à notre newsletter
Recevez chaque matin l'essentiel de l'actualité
Je m'inscris
Mentions légales
Politique de confidentialité
Nous contacter
© Le Courrier de l'Ouest 2026
`;

export const germanBusiness = `Zum Inhalt springen
Rheinische Rundschau
Anmelden
Abo
Politik
Wirtschaft
Sport
Kultur
Region
Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Alle akzeptieren Einstellungen
Startseite > Wirtschaft > Unternehmen
STAHLINDUSTRIE
Thyssenkrupp streicht 2.000 Stellen in Duisburg
Der Konzern will bis 2028 die Produktion am größten Standort deutlich verringern
Stand: 05.05.2026, 09:30 Uhr
Von Thomas Müller und Anna Schmidt
Teilen
Facebook
X
WhatsApp
E-Mail
DUISBURG — Der Stahlkonzern Thyssenkrupp will an seinem Standort in Duisburg rund 2.000 Arbeitsplätze abbauen. Das teilte das Unternehmen am Dienstag mit.
Die IG Metall kündigte Widerstand an. „Wir werden um jeden Arbeitsplatz kämpfen“, sagte der Bezirksleiter Knut Giesler. „Die Beschäftigten dürfen nicht die Zeche für Managementfehler zahlen.“
Laut Vorstandschef Miguel López ist der Schritt wegen hoher Energiepreise und der Konkurrenz aus Asien unvermeidlich. Die Nachfrage nach Stahl sei in Europa um ein Fünftel gesunken.
Nordrhein-Westfalens Wirtschaftsministerin Mona Neubaur sagte, das Land werde Gespräche mit dem Unternehmen führen. „Wir erwarten, dass Thyssenkrupp seine Verantwortung für die Region wahrnimmt“, sagte die Grünen-Politikerin.
Der Abbau soll nach Angaben des Konzerns möglichst sozialverträglich erfolgen. Betriebsbedingte Kündigungen seien nicht ausgeschlossen.
Mehr zum Thema: Stahlgipfel im Kanzleramt ohne Ergebnis
Thomas Müller ist Wirtschaftsredakteur der Rheinischen Rundschau.
Meistgelesen
Unfall auf der A3: Vollsperrung bei Köln
Neuer Bürgermeister in Bonn gewählt
Newsletter
Die wichtigsten Nachrichten des Tages direkt in Ihr Postfach
Jetzt anmelden
Impressum
Datenschutz
Kontakt
© 2026 Rheinische Rundschau GmbH
`;

export const portugueseEnergy = `Ir para o conteúdo
JORNAL DO NORTE
Entrar
Assine
Política
Economia
Desporto
Cultura
Mundo
Utilizamos cookies para melhorar a sua experiência. Ao continuar a navegar, aceita a nossa política de cookies. Aceitar
Início > Economia > Energia
ENERGIA
Governo aprova nova central solar no Alentejo
Projeto de 500 milhões de euros deverá criar 300 postos de trabalho, segundo o Executivo
5 de maio de 2026, 10:45
Por João Silva
Partilhar
Facebook
Twitter
WhatsApp
LISBOA — O Conselho de Ministros aprovou nesta terça-feira a construção de uma central solar de 500 megawatts no concelho de Moura, no Alentejo.
O investimento, de 500 milhões de euros, será feito pela empresa espanhola Iberdrola em parceria com a EDP Renováveis.
"Este é o maior projeto de energia solar da Península Ibérica", afirmou o ministro do Ambiente e Energia, Duarte Cordeiro, em conferência de imprensa.
Segundo a Associação Portuguesa de Energias Renováveis, Portugal produziu em 2025 mais de 60% da sua eletricidade a partir de fontes renováveis.
O presidente da Câmara Municipal de Moura, Álvaro Azedo, disse estar satisfeito. "É uma oportunidade única para fixar jovens no concelho", afirmou.
— Quando começam as obras? — perguntou um jornalista.
— No início do próximo ano — respondeu o ministro.
Leia também: Preço da eletricidade desce pelo terceiro mês consecutivo
João Silva é jornalista da secção de Economia do Jornal do Norte.
Mais lidas
Incêndio em Braga destrói armazém
Benfica vence clássico no Dragão
Newsletter
Receba as principais notícias no seu email
Subscrever
Termos e condições
Política de privacidade
Contactos
© 2026 Jornal do Norte, S.A.
`;

export const spanishInternational = `El Diario del Sur | Portada
Menú
Buscar
Nacional
Internacional
Economía
Deportes
Opinión
Esta web utiliza cookies propias y de terceros. Aceptar Configurar
Internacional
Chile aprueba una reforma de pensiones tras dos años de negociaciones
El Senado respaldó el proyecto por 28 votos a favor y 15 en contra
Actualizado: 05/05/2026 09:30 h CEST
Carlos Ramírez
Santiago de Chile
Compartir en Facebook
Compartir en X
Enviar por WhatsApp
SANTIAGO DE CHILE (EFE). — El Senado de Chile aprobó este martes la reforma del sistema de pensiones impulsada por el Gobierno, que eleva la cotización que pagan los empleadores del 10 % al 16 % en los próximos nueve años.
"Hoy es un día histórico para los trabajadores de Chile", dijo la ministra del Trabajo, Jeannette Jara, tras la votación en Valparaíso.
La reforma crea además un seguro social financiado por las empresas que permitirá aumentar las pensiones de más de dos millones de jubilados, según cálculos del Ministerio de Hacienda.
El senador opositor Juan Antonio Coloma criticó el texto. "Es una reforma que no resuelve el problema de fondo", afirmó a los periodistas.
La Asociación de AFP, que agrupa a las administradoras privadas de fondos, advirtió de que los cambios tendrán costos para el empleo formal.
Según el Banco Central, el ahorro previsional equivale al 60 % del producto interior bruto del país.
Etiquetas
Chile
Pensiones
Senado
Comentarios
Para comentar debe iniciar sesión
Lo más visto
Detenido un hombre por el robo de un museo en Lima
La inflación baja en Argentina por cuarto mes
Síguenos en
Facebook
Instagram
Aviso legal
Política de privacidad
© Editorial del Sur S.L. Todos los derechos reservados
`;

export const italianIndustry = `Vai al contenuto
IL GIORNALE DI TORINO
Abbonati
Accedi
Cronaca
Politica
Economia
Sport
Cultura
Questo sito utilizza cookie tecnici e di profilazione. Chiudendo questo banner acconsenti all'uso dei cookie. Accetta Rifiuta
Home / Economia
Fiat, a Mirafiori tornano i turni di notte: 600 assunzioni entro l'estate
di Luca Bianchi
5 maggio 2026 alle 10:45
Condividi
TORINO — Stellantis riporterà i turni di notte nello stabilimento di Mirafiori a partire da giugno e assumerà 600 operai con contratto a tempo determinato entro l'estate, ha annunciato l'azienda.
«È una buona notizia per la città e per tutto il Piemonte», ha detto il sindaco di Torino, Stefano Lo Russo, dopo l'incontro con i vertici del gruppo.
I sindacati restano cauti. Secondo la Fiom-Cgil, la produzione della 500 elettrica resta al di sotto delle previsioni e i nuovi posti potrebbero non durare.
«Vogliamo vedere un piano industriale vero», ha dichiarato il segretario generale della Fiom di Torino, Edi Lazzi.
Il ministro delle Imprese, Adolfo Urso, ha convocato un tavolo al ministero per il 20 maggio.
Leggi anche
Auto elettriche, in Italia vendite in calo del 12%
Ti potrebbe interessare
Juventus, nuovo allenatore entro giugno
Meteo: pioggia e temporali sul Piemonte
Iscriviti alla newsletter
P.IVA 01234567890
© 2026 Il Giornale di Torino S.p.A. - Tutti i diritti riservati
`;

export const englishWorld = `THE HARBOUR POST — World
Menu
Search
World
Europe
Asia
Africa
Americas
Middle East
Advertisement
Drought forces Zambia to cut power for 17 hours a day
Kariba dam levels are at a record low, leaving homes and mines without electricity for most of the day
By Peter Mwale in Lusaka and Anna Kowalski
Wed 5 May 2026 06.00 BST
Last modified on Wed 5 May 2026 11.24 BST
Share on Facebook
Share on Twitter
Share via Email
A woman cooks by candlelight in Lusaka. Photograph: Salim Dawood/AFP/Getty Images
Zambia's state power company has extended daily blackouts to 17 hours as the worst drought in decades drains the Kariba dam, the country's main source of electricity.
Zesco said on Tuesday that water levels at the dam, which it shares with Zimbabwe, had fallen to 9% of usable capacity. "We have no choice but to ration what little water we have," the company's managing director, Justin Mwandu, told a news conference in Lusaka.
The blackouts have hit copper mines, the backbone of Zambia's economy, and small businesses that cannot afford diesel generators. Barbers, welders and tailors in the capital say they have lost most of their income.
"I used to cut 30 heads a day. Now I cut five," said Moses Banda, who runs a barbershop in the Kalingalinga township.
President Hakainde Hichilema declared the drought a national disaster in February and has appealed for $900m in international aid.
The World Food Programme estimates that 6 million Zambians need food assistance.
Explore more on these topics
Zambia
Drought
Africa
Energy
news
Reuse this content
Most viewed
Live Ukraine war: latest news
Kenyan police fire teargas at protesters in Nairobi
Sign up to First Edition
Our morning email breaks down the key stories of the day
Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties.
About us
Contact us
Complaints & corrections
© 2026 Harbour Post News & Media Limited or its affiliated companies. All rights reserved.
`;

export const swissRegional = `Le Quotidien du Jura | Actualités
Rechercher
Menu
International
Suisse
Jura
Économie
Sport
Jura
Porrentruy : la fonderie ferme ses portes, 120 emplois supprimés
il y a 3 heures · 5 mai 2026
Jean-Luc Voisin
La fonderie Wenger, installée à Porrentruy depuis 1911, va cesser ses activités d'ici la fin de l'année, a annoncé mardi la direction.
Les 120 employés ont été informés lors d'une assemblée du personnel. « C'est un choc pour toute la région », a réagi le maire de Porrentruy, Philippe Eschmann.
Selon le syndicat Unia, un plan social est en cours de négociation. Le canton du Jura a proposé son aide pour reclasser les salariés.
La direction invoque la hausse des coûts de l'énergie et la concurrence étrangère. « Nous avons tout essayé », a assuré son directeur, Marc Wenger.
Vous avez aimé cet article ?
Partagez-le
Articles les plus lus
Delémont : un incendie ravage un immeuble
Hockey : le HC Ajoie se qualifie
Le Quotidien du Jura
Rue de la Préfecture 12
2800 Delémont
© Le Quotidien du Jura SA 2026
`;

export const tableLayoutHtml = `<html>
<head>
<title>Valley Herald Online - Local News - Mill fire destroys historic warehouse</title>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<meta name="keywords" content="fire, mill, warehouse, Millbrook">
</head>
<body bgcolor="#FFFFFF" topmargin="0">
<table width="760" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><img src="/images/masthead.gif" alt="Valley Herald Online" width="760" height="90"></td></tr>
<tr><td width="150" valign="top" bgcolor="#EEEEEE">
<font face="Verdana" size="1">
<a href="/">Home</a><br>
<a href="/local/">Local News</a><br>
<a href="/sports/">Sports</a><br>
<a href="/obits/">Obituaries</a><br>
<a href="/classifieds/">Classifieds</a><br>
<a href="/weather/">Weather</a><br>
<br><b>Search</b><br><form action="/search"><input name="q" size="12"></form>
</font>
</td>
<td width="610" valign="top">
<font face="Georgia" size="5"><b>Mill fire destroys historic warehouse</b></font><br>
<font face="Verdana" size="2"><i>By Robert Hale, Herald Staff Writer</i><br>
Published: Tuesday, March 14, 2006 10:42 PM EST</font>
<p><font face="Verdana" size="2">MILLBROOK - A fire that started late Monday night destroyed the 140-year-old Harmon Mill warehouse on River Street, the town's fire chief said Tuesday.</font></p>
<p><font face="Verdana" size="2">No one was injured, but the building, which had been empty since the mill closed in 1998, collapsed shortly after 2 a.m. as crews from four towns fought the blaze.</font></p>
<p><font face="Verdana" size="2">"It went up like a matchbox," Fire Chief Walter Brandt said. "Once the roof caught, there was nothing we could do but protect the houses on either side."</font></p>
<p><font face="Verdana" size="2">The state fire marshal's office is investigating the cause. Brandt said the fire did not appear suspicious.</font></p>
<p><font face="Verdana" size="2">The Millbrook Historical Society had been raising money to turn the warehouse into a museum. Its president, Ellen Carver, said the group would meet Thursday to decide what to do next.</font></p>
<p><font face="Verdana" size="1"><a href="/local/">&lt;&lt; Back to Local News</a> | <a href="/email.php?id=4411">E-mail this story</a> | <a href="/print.php?id=4411">Printer-friendly version</a></font></p>
</td></tr>
<tr><td colspan="2" align="center"><font size="1">Copyright &copy; 2006 Valley Herald Publishing Co. All rights reserved.<br>Reproduction without permission prohibited.</font></td></tr>
</table>
</body>
</html>
`;

// Thirteenth session: the classes a written probe found missing (a date line with both stamps, glued stamps, bare
// bylines of two authors, the Italian "Di" marker, a marker word ending a standfirst).
export const americanLocal = `Skip to content
MIDWEST DAILY
Local
Nation
World
Local
City council approves $2 billion budget
Published 5:30 p.m. CT May 5, 2026 | Updated 8:12 a.m. CT May 6, 2026
Sarah Connor and Tom Baker
Midwest Daily
The city council approved a $2 billion budget on Tuesday after a six-hour meeting.
"This budget invests in neighborhoods," Mayor Linda Park said after the vote. Council member Jim Ortiz, who voted against it, said the plan relied on optimistic revenue forecasts.
"We're kicking the can down the road," Ortiz said.
The budget takes effect July 1, and the council will review its spending again in the autumn.
Facebook
Twitter
Email
More stories
Police investigate shooting on East Side
Terms of Service
© 2026 Midwest Daily`;

export const brazilianEconomy = `Ir para o conteúdo
Jornal do Vale
Política
Economia
Esportes
Economia
Preço da gasolina sobe pela quarta semana seguida
Publicado em 05/05/2026 às 09h30 Atualizado em 05/05/2026 às 11h15
Por Maria Souza e João Lima
O preço médio da gasolina nos postos subiu pela quarta semana consecutiva, segundo levantamento da Agência Nacional do Petróleo (ANP).
"A alta reflete o reajuste nas refinarias", disse o economista Carlos Pereira, da Fundação Getulio Vargas. Segundo a ANP, o litro custa em média R$ 6,12.
— Não há previsão de queda no curto prazo — afirmou Pereira.
A Petrobras não comentou.
Compartilhe
Facebook
WhatsApp
Mais lidas
Chuva forte causa alagamentos na capital
Termos de uso
© 2026 Jornal do Vale`;

export const italianLocal = `Vai al contenuto
La Gazzetta del Lago
Cronaca
Politica
Sport
Cronaca
Frana sulla statale, strada chiusa per due giorni
Aggiornato il 5 maggio 2026 alle 09:30
Di Mario Rossi
Una frana ha bloccato martedì mattina la strada statale 36 tra Lecco e Colico. Nessun ferito.
«La situazione è sotto controllo», ha detto il sindaco di Colico, Giulia Bianchi. Secondo l'Anas, la strada resterà chiusa almeno due giorni.
I tecnici della Protezione civile sono sul posto.
Condividi
Facebook
WhatsApp
I più letti
Incidente in autostrada, tre feriti
Note legali
© La Gazzetta del Lago 2026`;

export const germanKicker = `Nordkurier
Startseite › Politik › Landtag
Schulpolitik
Koalition streitet über neues Schulgesetz
Der Entwurf spaltet die Regierung – die Opposition spricht von Chaos.
05.05.2026, 09:30 Uhr
Die Regierungskoalition ist über das geplante Schulgesetz zerstritten. Die Opposition spricht von einem Chaos, das die Schulen ausbaden müssten.
„Wir werden dieses Gesetz so nicht mittragen“, sagte die Fraktionschefin der Grünen, Anna Berger, am Dienstag im Landtag.
Der Landtag soll im Juni abstimmen.
Mehr zum Thema
Lehrer fordern mehr Personal
Impressum`;
