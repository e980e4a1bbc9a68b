/** Invented articles in different shapes, with what the enricher must get from each (test data only). */

export const JSONLD_HTML = `<!doctype html><html lang="en-US"><head>
<title>Central bank holds rates steady as inflation cools | The Ledger</title>
<link rel="canonical" href="https://ledger.example/markets/2026/rates-hold">
<meta property="og:site_name" content="The Ledger">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Central bank holds rates steady as inflation cools",
"alternativeHeadline":"Policy makers signal cuts could come by summer","datePublished":"2026-03-18T14:05:00-04:00","dateModified":"2026-03-18T16:30:00-04:00",
"author":[{"@type":"Person","name":"Priya Natarajan"},{"@type":"Person","name":"Owen Clarke"}],"publisher":{"@type":"Organization","name":"The Ledger Media Group"}}</script>
</head><body><header><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav></header>
<main><article><h1>Central bank holds rates steady as inflation cools</h1>
<p>The Federal Reserve left its benchmark interest rate unchanged on Wednesday, saying inflation had cooled enough to let policy makers wait before cutting borrowing costs later this year.</p>
<p>Fed Chair Jerome Powell told reporters in Washington that the committee wanted to see several more months of data. “We are not in a hurry, and the economy is giving us the room to be patient,” Powell said.</p>
<p>Markets had largely expected the decision. Shares on Wall Street rose modestly after the announcement, while the dollar weakened against the euro and the yen.</p>
</article></main><footer>© 2026 The Ledger Media Group. All rights reserved.</footer></body></html>`;

export const COMMENTS_COOKIE_HTML = `<!doctype html><html lang="en"><head><title>Village bakery wins national award</title>
<meta property="article:published_time" content="2026-05-02T09:00:00Z"></head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience on our site. By continuing to browse you accept our cookie policy.</p><button>Accept all</button></div>
<div class="site-header"><a href="/">Dales Gazette</a></div>
<article class="post">
<h1>Village bakery wins national award</h1>
<div class="share-buttons"><a href="https://facebook.com/share">Share on Facebook</a> <a href="https://x.com/share">Share on X</a></div>
<p>A family bakery in the village of Hawes has been named the best independent bakery in the country, beating more than four hundred entrants from across Britain.</p>
<p>Owner Margaret Hill, who opened the shop with her late husband in 1989, said the award belonged to her staff. “They get up at three every morning and never complain,” she said.</p>
<p>Read more: <a href="/news/2026/04/farmers-market-returns">Farmers’ market returns to the square this spring</a></p>
<p>The judges praised the bakery’s sourdough and its seasonal fruit loaves, which use apples from a nearby orchard.</p>
<div class="newsletter-signup"><p>Sign up for our weekly newsletter and never miss a story from the Dales.</p></div>
</article>
<section id="comments" class="comments-area"><h3>3 comments</h3>
<div class="comment"><p>Best bread in Yorkshire, no question about it. I drive twenty miles every Saturday for it.</p></div>
<div class="comment"><p>Congratulations Margaret, thoroughly deserved after all these years of hard work!</p></div></section>
<aside class="related-posts"><h3>Related stories</h3><ul><li><a href="/a">Tea room closes after 40 years</a></li></ul></aside>
</body></html>`;

export const SPANISH_HTML = `<!doctype html><html lang="es"><head><title>Bogotá estrena su primera línea de metro</title>
<meta property="og:site_name" content="Diario del Sur"></head><body>
<article><h1>Bogotá estrena su primera línea de metro</h1>
<p class="meta">Por <span class="author">Lucía Gómez</span> · <time datetime="2026-07-20T08:00:00-05:00">20 de julio de 2026</time></p>
<p>La primera línea del metro de Bogotá comenzó a operar este lunes con miles de pasajeros, después de más de medio siglo de proyectos frustrados, según informó la alcaldía.</p>
<p>El alcalde Carlos Fernando Galán dijo que el sistema transportará a más de un millón de personas al día cuando funcione a plena capacidad. “Hoy Bogotá salda una deuda histórica con sus ciudadanos”, afirmó Galán durante la inauguración.</p>
<p>El presidente Gustavo Petro, que durante años defendió un metro subterráneo, asistió al acto en el sur de la ciudad y felicitó a los trabajadores.</p>
</article></body></html>`;

export const FRENCH_TEXT = `Bienvenue sur Le Courrier du Midi

mardi 3 mars 2026

Marseille inaugure un nouveau tramway vers le port

La ville de Marseille a inauguré mardi une nouvelle ligne de tramway qui relie la gare Saint-Charles au port, un projet attendu depuis plus de dix ans par les habitants des quartiers nord.

Le maire Benoît Payan a salué « une étape décisive pour la mobilité de toute la métropole » et a promis que deux autres lignes seraient ouvertes avant la fin de son mandat.

Lire aussi : Les prix de l’immobilier reculent à Lyon et à Paris

Les travaux ont coûté près de 400 millions d’euros, financés en partie par l’État et la région.

© 2026 Le Courrier du Midi`;

export const WIRE_DATELINE_TEXT = `East Africa Wire

Kenya and Tanzania agree to end border trade dispute

NAIROBI, June 10 (Agency) - Kenya and Tanzania agreed on Wednesday to scrap a series of tariffs that had slowed trade across their shared border for almost two years, officials from both countries said.

Kenyan Trade Minister Lee Kinyanjui said the deal would cut waiting times for lorries at the Namanga crossing from days to hours. “Our traders have waited long enough for this,” Kinyanjui told reporters in Nairobi.

Tanzanian officials said the agreement would be signed by both presidents in Dar es Salaam next month.

Reporting by Ana Ruiz; Editing by Tom Hale`;

export const NESTED_QUOTES_TEXT = `The Valley Courier

Friday, April 17, 2026

Teachers’ union rejects pay offer

Maria Lopez, president of the state teachers’ union, rejected the government’s latest pay offer on Thursday after a vote by members.

“When the minister told us ‘this is the best we can do,’ our members heard a door closing, not an offer,” she said. The union will meet again next week to decide whether to strike.

Education Minister David Brennan defended the offer. “We have put more money on the table than any government in twenty years and we expect the union to come back to talks,” he said in a statement.

The Valley Courier`;

export const URL_DATE_HTML = `<!doctype html><html lang="en"><head><title>Library extends opening hours</title></head><body>
<div class="content"><h1>Library extends opening hours</h1>
<p>The central library will stay open until ten in the evening from next month, the city council said on Tuesday, after a survey found most visitors wanted later hours.</p>
<p>Council member Janet Okafor said the change would cost little because volunteers had offered to staff the evening shifts in the reading rooms.</p></div>
</body></html>`;

export const BYLINE_DATE_HTML = `<!doctype html><html lang="en"><head><title>Harbour seals return to the estuary</title></head><body>
<div class="container"><div class="post">
<h1 class="entry-title">Harbour seals return to the estuary</h1>
<div class="entry-meta">Posted on 3 March 2026 by <a href="/author/tom">Tom Reed</a></div>
<div class="entry-content">
<p>Harbour seals have returned to the Dee estuary in record numbers this winter, wildlife volunteers said, ten years after the colony almost disappeared because of pollution.</p>
<p>Volunteers counted more than two hundred seals on the sandbanks at low tide last weekend, the highest number since records began in the 1980s.</p>
<p>The North Wales Wildlife Trust said cleaner water and fewer disturbances from boats had helped the animals breed successfully.</p>
</div></div>
<div class="sidebar widget"><h3>Archives</h3><ul><li><a href="/2025/12/">December 2025</a></li><li><a href="/2025/11/">November 2025</a></li></ul></div>
</div></body></html>`;

export const DUPLICATE_LEAD_TEXT = `| Metro Daily |

Sunday, January 11, 2026

City opens first heated bus shelters

The city opened its first heated bus shelters on Sunday, a pilot project that officials say could be extended to every major stop by next winter.

The city opened its first heated bus shelters on Sunday, a pilot project that officials say could be extended to every major stop by next winter.

Related: Snow ploughs to run all night this week

Transport officials said the ten shelters, powered by solar panels, would be monitored for three months before a decision on more.

Advertisement

Riders at the first shelter, outside the central station, said the warmth made early commutes far more bearable.

© 2026 Metro Daily. All rights reserved.`;

export const BUSINESS_TEXT = `| Business Desk |

Tuesday, September 8, 2026

Carmaker to build battery plant in Ohio

Nordic Motors said on Tuesday it would invest $2 billion in a battery plant in Ohio, creating about 1,500 jobs, as the company expands its electric vehicle production in the United States.

Chief executive Ingrid Larsen said the plant would supply the company’s factory in Michigan and start production in 2028. The investment was welcomed by Ohio Governor Mike DeWine and by the United Auto Workers union.

Analysts at Goldman Sachs said the move would help Nordic Motors qualify for federal tax credits. Shares of the company rose 3 percent in Stockholm.`;

export const GERMAN_HTML = `<!doctype html><html lang="de"><head><title>Hamburg baut neue Radwege</title>
<meta name="date" content="2026-03-12"></head><body><article><h1>Hamburg baut neue Radwege</h1>
<p>Die Stadt Hamburg will bis zum Jahr 2030 mehr als hundert Kilometer neue Radwege bauen. Das hat der Senat am Donnerstag beschlossen, wie eine Sprecherin der Verkehrsbehörde mitteilte.</p>
<p>Bürgermeister Peter Tschentscher sagte, die Stadt müsse sicherer für Radfahrer werden. Die Kosten für das Programm liegen bei rund 200 Millionen Euro und werden zum Teil vom Bund übernommen.</p>
</article></body></html>`;
