import { classifyBlock, classifyBlocksInContext, stopwordDensity, type HtmlBlock } from './html-blocks';
import {
  chooseCandidate,
  chromeKindOfMarker,
  collectBlocks,
  extractHtmlCandidates,
  extractHtmlMainText,
  isFlatFragment,
  keptRegion,
  mergeWithClassifier,
} from './html-extract';
import { cleanHtmlPage } from './chrome';
import {
  inlineBoxEnd,
  isAuthorBio,
  isCreditLine,
  isDateLine,
  isTailSectionMarker,
  trimBoilerplateBlocks,
} from './html-trim';
import { parseHtmlDocument } from '@wirestream/formats';

const block = (text: string, tag = 'p', linkDensity = 0): HtmlBlock => ({ text, tag, linkDensity, links: [] });
const PROSE =
  'The council voted on Tuesday to close the harbour for two weeks while engineers inspect the sea wall, which was damaged in the storm that hit the coast at the weekend and flooded several streets near the old fish market.';
const PROSE_DE =
  'Der Stadtrat hat am Dienstag beschlossen, den Hafen für zwei Wochen zu schließen, damit die Ingenieure die Kaimauer prüfen können, die bei dem Sturm am Wochenende beschädigt wurde und die Straßen überflutet hat.';

describe('class/id chrome markers', () => {
  it('matches whole tokens, prefixes and (for some kinds) suffixes', () => {
    expect(chromeKindOfMarker('comments-area')).toBe('comments');
    expect(chromeKindOfMarker('post-comments')).toBe('comments');
    expect(chromeKindOfMarker('site-footer')).toBe('navigation');
    expect(chromeKindOfMarker('share_bar')).toBe('share-bar');
    expect(chromeKindOfMarker('cookie-banner')).toBe('cookie-notice');
  });

  it('does not search inside CMS wrapper classes', () => {
    expect(chromeKindOfMarker('field field--name-body field--label-hidden')).toBeNull();
    expect(chromeKindOfMarker('elementor-widget-wrap elementor-element-populated')).toBeNull();
    expect(chromeKindOfMarker('clearfix with-navigation')).toBeNull();
    expect(chromeKindOfMarker('cmp-text')).toBeNull();
    expect(chromeKindOfMarker('hidden-xs')).toBeNull();
    expect(chromeKindOfMarker('article-content sticky-sidebar-relative')).toBeNull();
  });

  it('reads negated and modifier tokens as no marker ("no-share", "has-sharing", "without-sidebar")', () => {
    expect(chromeKindOfMarker('entry-content no-share')).toBeNull();
    expect(chromeKindOfMarker('contentHeader has-sharing')).toBeNull();
    expect(chromeKindOfMarker('layout without-sidebar with-comments')).toBeNull();
    expect(chromeKindOfMarker('post no-share share-bar')).toBe('share-bar');
  });

  it('reads a Blogger-style text/template article body, and does not take a heading id for a chrome marker', () => {
    const para = (n: number): string =>
      `<p>Paragraph ${n} of the story tells what the council decided about the harbour, the ferries and the storms this winter.</p>`;
    const story = [1, 2, 3, 4].map(para).join('');
    const templated = extractHtmlMainText(
      `<html><body><div class="post-body"><div class="post-content" itemprop="articleBody"><script type="text/template">${story}</script></div></div></body></html>`,
    );
    expect(templated.blocks.map((b) => b.text).join(' ')).toContain('Paragraph 3 of the story');
    const anchored = extractHtmlMainText(
      `<html><body><article>${para(1)}${para(2)}<h3 id="nav_the_ferries__1">The ferries</h3>${para(3)}${para(4)}</article></body></html>`,
    );
    expect(anchored.blocks.map((b) => b.text)).toContain('The ferries');
  });

  it('keeps a class-marked element that is the article itself or holds its body', () => {
    const para = (n: number): string =>
      `<p>Paragraph ${n} of the story tells what the council decided about the harbour, the ferries and the storms this winter.</p>`;
    const story = [1, 2, 3, 4].map(para).join('');
    const sidebar = `<div class="widget">${[1, 2, 3, 4, 5, 6].map((n) => `<p>Recent post ${n}: another story of this blog, listed here for readers who want more of the same.</p>`).join('')}</div>`;
    const shareMarked = extractHtmlMainText(
      `<html><body><article><div class="entry share">${story}</div></article>${sidebar}</body></html>`,
    );
    expect(shareMarked.removed.some((r) => r.text.includes('Paragraph 1 of the story'))).toBe(false);
    const widgetBlog = extractHtmlMainText(
      `<html><body><div class="widget Blog"><div class="post-body entry-content">${story}</div></div>${sidebar}</body></html>`,
    );
    expect(widgetBlog.removed.some((r) => r.text.includes('Paragraph 1 of the story'))).toBe(false);
    const withBox = extractHtmlMainText(
      `<html><body><article>${story}<div class="share-box"><p>Share this story with your friends on every network you use.</p></div></article></body></html>`,
    );
    expect(withBox.removed.some((r) => r.kind === 'share-bar')).toBe(true);
  });
});

describe('block classification (jusText-style)', () => {
  it('scores stop-word density across languages', () => {
    expect(stopwordDensity(PROSE)).toBeGreaterThan(0.3);
    expect(stopwordDensity(PROSE_DE)).toBeGreaterThan(0.3);
    expect(stopwordDensity('Home News Sport Weather Contact')).toBe(0);
  });

  it('classifies single blocks', () => {
    expect(classifyBlock(block(PROSE))).toBe('good');
    expect(classifyBlock(block(PROSE, 'p', 0.6))).toBe('bad');
    expect(classifyBlock(block('Read the full story'))).toBe('short');
    expect(classifyBlock(block('© 2026 Coastal Courier. All rights reserved.'))).toBe('bad');
  });

  it('keeps short lines between good paragraphs and drops them among menus', () => {
    const blocks = [
      block('Home', 'li', 1),
      block('Sport', 'li', 1),
      block('Weather'),
      block(PROSE),
      block('Engineers said:'),
      block(PROSE_DE),
      block('About us', 'li', 1),
      block('Contact'),
      block('Jobs', 'li', 1),
    ];
    expect(classifyBlocksInContext(blocks)).toEqual([false, false, false, true, true, true, false, false, false]);
  });

  it('keeps a heading that stands just before good text', () => {
    expect(classifyBlocksInContext([block('What happens next', 'h2'), block(PROSE), block(PROSE_DE)])).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe('candidate choice', () => {
  const long = [block(PROSE), block(PROSE_DE), block(PROSE), block(PROSE_DE)];
  it('prefers Readability unless our classifier found more than 1.5 times as much', () => {
    expect(chooseCandidate(long, long.slice(0, 3), []).method).toBe('readability');
    expect(chooseCandidate(long.slice(0, 2), long, []).method).toBe('density');
    expect(chooseCandidate(long.slice(0, 1), long, []).method).toBe('density');
    expect(chooseCandidate([], long, []).method).toBe('density');
    expect(chooseCandidate([], [], [block('x')]).method).toBe('fallback');
  });
});

describe('merging Readability with the classifier', () => {
  it('puts back kept blocks that Readability dropped between two of its own, and only inside the article', () => {
    const body = [
      block('Menu'),
      block(PROSE),
      block('200 g flour', 'li'),
      block('3 eggs', 'li'),
      block(PROSE_DE),
      block('Related story', 'p', 1),
    ];
    const keep = [false, true, true, true, true, true];
    const merged = mergeWithClassifier([block(PROSE), block(PROSE_DE)], body, keep);
    expect(merged.map((b) => b.text)).toEqual([PROSE, '200 g flour', '3 eggs', PROSE_DE]);
  });

  it('puts the kept lead right before its first block in front (at most three, not past a rejected block or the <h1>)', () => {
    const body = [
      block('Menu'),
      block('The headline', 'h1'),
      block('A subtitle the scorer dropped', 'h2'),
      block('A short lead.'),
      block(PROSE),
      block(PROSE_DE),
    ];
    const merged = mergeWithClassifier([block(PROSE), block(PROSE_DE)], body, [false, true, true, true, true, true]);
    expect(merged.map((b) => b.text)).toEqual(['A subtitle the scorer dropped', 'A short lead.', PROSE, PROSE_DE]);
    const rejected = mergeWithClassifier(
      [block(PROSE)],
      [block('Teaser'), block('Menu'), block(PROSE)],
      [true, false, true],
    );
    expect(rejected.map((b) => b.text)).toEqual([PROSE]);
  });

  it('puts back a prose paragraph between two of its blocks even when the classifier rejected it, not a link line', () => {
    const aside = 'The council had voted on the same plan twice before, in 2019 and in 2021.';
    const body = [
      block(PROSE),
      block(aside),
      block('Subscribe to our daily briefing for more stories like this one.', 'p', 0.9),
      block(PROSE_DE),
    ];
    const merged = mergeWithClassifier([block(PROSE), block(PROSE_DE)], body, [true, false, false, true]);
    expect(merged.map((b) => b.text)).toEqual([PROSE, aside, PROSE_DE]);
  });

  it('puts back list items and table cells between two of its blocks unless they are links', () => {
    const body = [
      block(PROSE),
      block('250 g dark chocolate', 'li'),
      block('Best recipes of the week', 'li', 1),
      block('Serves 4 people', 'td'),
      block(PROSE_DE),
    ];
    const merged = mergeWithClassifier([block(PROSE), block(PROSE_DE)], body, [true, false, false, false, true]);
    expect(merged.map((b) => b.text)).toEqual([PROSE, '250 g dark chocolate', 'Serves 4 people', PROSE_DE]);
  });

  it('keeps blocks Readability rewrote as they are', () => {
    const merged = mergeWithClassifier([block('Rewritten lead'), block(PROSE)], [block(PROSE)], [true]);
    expect(merged.map((b) => b.text)).toEqual(['Rewritten lead', PROSE]);
  });
});

describe('edge trimming', () => {
  it('drops short unpunctuated non-heading lines before the first paragraph, keeping subheadings and sentences', () => {
    const input = [
      block('Mark Lavin'),
      block('iStock.com/Someone'),
      block('What the council decided', 'h2'),
      block('Short, but a sentence.'),
      block(PROSE),
    ];
    expect(trimBoilerplateBlocks(input).blocks.map((b) => b.text)).toEqual([
      'What the council decided',
      'Short, but a sentence.',
      PROSE,
    ]);
  });

  it('does not take a Chinese or Japanese sentence, or a bullet line, for a short label at either edge', () => {
    const chinese = block('一波波接續性低溫寒流報到已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣');
    const input = [block('+ Added Slime Block'), chinese, block(PROSE), block('- Removed Herobrine')];
    expect(trimBoilerplateBlocks(input).blocks.map((b) => b.text)).toEqual([
      '+ Added Slime Block',
      chinese.text,
      PROSE,
      '- Removed Herobrine',
    ]);
    // The same lengths in Latin letters are labels; a full-width full stop ends a sentence.
    expect(trimBoilerplateBlocks([block('Added Slime Block'), block(PROSE)]).blocks).toHaveLength(1);
    expect(trimBoilerplateBlocks([block(PROSE), block('Removed Herobrine')]).blocks).toHaveLength(1);
    expect(trimBoilerplateBlocks([block(PROSE), block('完了。')]).blocks).toHaveLength(2);
  });

  it('keeps a link-only heading that links into the page itself (a permalink), not one linking elsewhere', () => {
    const heading = (text: string, href: string): HtmlBlock => ({
      text,
      tag: 'h3',
      linkDensity: 1,
      links: [{ text, href }],
    });
    const out = trimBoilerplateBlocks([
      block(PROSE),
      heading('Setting up¶', '#setting-up'),
      block(PROSE_DE),
      heading('Ten tips for the garden', '/garden-tips'),
      block(PROSE),
    ]);
    expect(out.blocks.map((b) => b.text)).toEqual([PROSE, 'Setting up¶', PROSE_DE, PROSE]);
    expect(out.removed).toEqual([{ kind: 'related-link', text: 'Ten tips for the garden' }]);
  });

  it('drops a closing block that is mostly links (a teaser or link list)', () => {
    const teaser = { ...block('More on this: Ten tips for the garden · Spring planting guide', 'p'), linkDensity: 0.7 };
    expect(trimBoilerplateBlocks([block(PROSE), block(PROSE_DE), teaser]).blocks.map((b) => b.text)).toEqual([
      PROSE,
      PROSE_DE,
    ]);
    const cited = { ...block('The full report is on the ministry site.', 'p'), linkDensity: 0.4 };
    expect(trimBoilerplateBlocks([block(PROSE), block(PROSE_DE), cited]).blocks).toHaveLength(3);
    const labelled = {
      ...block('Read more: Winter storms are getting stronger'),
      linkDensity: 0.76,
      links: [{ text: 'Winter storms are getting stronger', href: '/winter' }],
    };
    expect(trimBoilerplateBlocks([block(PROSE), block(PROSE_DE), labelled]).blocks).toHaveLength(3); // left for relatedLinks
  });

  it('recognises date stamps, credits and tail-section headings', () => {
    expect(isDateLine('23.10.2018')).toBe(true);
    expect(isDateLine('Aktualisiert: 11.04.2020, 10:27')).toBe(true);
    expect(isDateLine('3:59 PM')).toBe(true);
    expect(isDateLine('In 2018 the council voted against the plan.')).toBe(false);
    expect(isCreditLine(block('Striking members of the UCU last year.', 'figcaption'))).toBe(true);
    expect(isCreditLine(block('Photograph: Guy Smallman/Getty Images'))).toBe(true);
    expect(isCreditLine(block(PROSE))).toBe(false);
    expect(isTailSectionMarker('You might also like:')).toBe(true);
    expect(isTailSectionMarker('Das könnte Dich auch interessieren …')).toBe(true);
    expect(isTailSectionMarker('Kommentare (3)')).toBe(true);
    expect(isTailSectionMarker('What the council decided')).toBe(false);
  });

  it('cuts leading stamps, captions and everything from a late "Related" heading', () => {
    const input = [
      block('23.10.2018'),
      block(PROSE),
      block('Foto: dpa'),
      block(PROSE_DE),
      block('Auch interessant:', 'h3'),
      block('Another story about the harbour and its long history of storms and floods.'),
    ];
    const out = trimBoilerplateBlocks(input);
    expect(out.blocks.map((b) => b.text)).toEqual([PROSE, PROSE_DE]);
    expect(out.removed.map((r) => r.kind)).toEqual(['boilerplate', 'related-link', 'related-link', 'boilerplate']);
  });

  it('drops an affiliate or advertising notice before the text, not a paragraph that starts with the word', () => {
    const notice = trimBoilerplateBlocks([
      block('This post contains affiliate links; we may earn a commission when you buy through them.'),
      block(PROSE),
      block(PROSE_DE),
    ]);
    expect(notice.blocks.map((b) => b.text)).toEqual([PROSE, PROSE_DE]);
    expect(notice.removed).toEqual([expect.objectContaining({ kind: 'advertisement' })]);
    expect(
      trimBoilerplateBlocks([
        block('*Werbung. Dieser Beitrag enthält Werbung für eine Marke.'),
        block(PROSE_DE),
      ]).blocks.map((b) => b.text),
    ).toEqual([PROSE_DE]);
    const opinion = block(
      'Werbung nervt. Tracking nervt. Deshalb verzichtet diese Seite auf beides, und das schon seit vielen Jahren.',
    );
    expect(trimBoilerplateBlocks([opinion, block(PROSE_DE)]).blocks).toEqual([opinion, block(PROSE_DE)]);
  });

  it('drops closing prompts to like, comment on or follow the site', () => {
    for (const prompt of [
      'Gefällt dir unser Klettermagazin? Dann unterstütze uns mit einem Abo.',
      'Verraten Sie gerne in den Kommentaren: Welches Projekt gefällt Ihnen am besten?',
      '¡Mira lo que tiene nuestro canal de YouTube!',
      'HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS',
    ]) {
      expect(trimBoilerplateBlocks([block(PROSE), block(PROSE_DE), block(prompt)]).blocks).toHaveLength(2);
    }
  });

  it('drops closing calls to action but keeps a closing paragraph of news', () => {
    const prompt = 'If you enjoyed reading this post, would you consider supporting our work? Just click here.';
    expect(trimBoilerplateBlocks([block(PROSE), block(PROSE_DE), block(prompt)]).blocks).toHaveLength(2);
    expect(trimBoilerplateBlocks([block(PROSE), block(PROSE_DE)]).blocks).toHaveLength(2);
  });

  it("drops a closing author box and the post's own filing line, not a closing sentence about a person", () => {
    expect(isAuthorBio('Inga Buller ist Head of Social bei CHIP und schreibt über Essen.')).toBe(true);
    expect(isAuthorBio('Jane Doe is a professor of public law at the University of Oslo.')).toBe(true);
    expect(isAuthorBio('Als Content Marketing Managerin betreue ich unseren Blog.')).toBe(true);
    expect(isAuthorBio('Smith is expected to appear in court on Monday.')).toBe(false);
    expect(isAuthorBio('the author is a professor')).toBe(false);
    const bio = block('Inga Buller ist Head of Social bei CHIP und schreibt über Essen.');
    const filed = block('Erstellt am Dienstag 6. Mai 2014 in Podcasts');
    const out = trimBoilerplateBlocks([block(PROSE), block(PROSE_DE), bio, filed]);
    expect(out.blocks.map((b) => b.text)).toEqual([PROSE, PROSE_DE]);
    expect(
      trimBoilerplateBlocks([block(PROSE), block(PROSE_DE), block('Smith is expected to appear in court on Monday.')])
        .blocks,
    ).toHaveLength(3);
  });

  it('does not take a table cell for a tail-section heading ("Comment" heading a column)', () => {
    const cell: HtmlBlock = { ...block('Comment'), inCell: true };
    const input = [
      block(PROSE),
      block(PROSE_DE),
      cell,
      block(PROSE.replace('harbour', 'port')),
      block(PROSE_DE.replace('Hafen', 'Port')),
    ];
    expect(trimBoilerplateBlocks(input).blocks).toHaveLength(5);
    expect(
      trimBoilerplateBlocks([block(PROSE), block(PROSE_DE), block('Comment', 'td'), block(PROSE)]).blocks,
    ).toHaveLength(4);
    const doc = parseHtmlDocument(
      '<html><body><table><tr><td><p><b>Comment</b></p></td><td>new</td></tr></table><p>After.</p></body></html>',
    );
    expect(collectBlocks(doc.body as never).map((b) => [b.text, b.inCell === true])).toEqual([
      ['Comment', true],
      ['new', true],
      ['After.', false],
    ]);
  });

  it('drops a related-links box inside the article, and cuts a related section that ends the page', () => {
    const teaser = block('I wore the headset. It is the best demo ever.', 'li', 1);
    const more = [block(PROSE.replace('harbour', 'port')), block(PROSE_DE.replace('Hafen', 'Port'))];
    const inline = [
      block(PROSE),
      block(PROSE_DE),
      block(PROSE.replace('council', 'mayor')),
      block('Related', 'h3'),
      teaser,
      ...more,
    ];
    expect(inlineBoxEnd(inline, 3)).toBe(5);
    const out = trimBoilerplateBlocks(inline);
    expect(out.blocks.map((b) => b.text)).toEqual([
      PROSE,
      PROSE_DE,
      PROSE.replace('council', 'mayor'),
      ...more.map((b) => b.text),
    ]);
    expect(out.removed.map((r) => r.text)).toEqual(['Related', teaser.text]);
    const tail = [
      block(PROSE),
      block(PROSE_DE),
      block('Related', 'h3'),
      teaser,
      block('Another story about the harbour and its long history of storms.'),
    ];
    expect(inlineBoxEnd(tail, 2)).toBe(-1);
    expect(trimBoilerplateBlocks(tail).blocks.map((b) => b.text)).toEqual([PROSE, PROSE_DE]);
    // A long link list is the page's link section, whatever prose follows it; so is a newsletter prompt.
    const list = Array.from({ length: 6 }, (_, k) => block(`Story ${k}`, 'li', 1));
    expect(inlineBoxEnd([...inline.slice(0, 4), ...list, ...more], 3)).toBe(-1);
    expect(inlineBoxEnd([block(PROSE), block('Newsletter', 'h3'), ...more], 1)).toBe(-1);
    // Comments are prose too: a comments heading still cuts everything after it.
    expect(
      trimBoilerplateBlocks([block(PROSE), block(PROSE_DE), block(PROSE), block('Comments', 'h3'), ...more]).blocks,
    ).toHaveLength(3);
  });

  it('keeps a "Comments" word that is part of the article text early on', () => {
    const input = [block('Comments', 'h2'), block(PROSE), block(PROSE_DE)]; // a heading: a bare unpunctuated line before the text is dropped as a label
    expect(trimBoilerplateBlocks(input).blocks).toHaveLength(3);
  });
});

describe('extractHtmlMainText', () => {
  it('finds the article on a page without <article> whose comment section has no class markers', () => {
    const paras = [PROSE, PROSE_DE, PROSE.replace('harbour', 'port'), PROSE_DE.replace('Hafen', 'Port')];
    const html = `<html><body><div class="top"><a href="/">Home</a> <a href="/news">News</a></div>
      <div class="box"><h1>Harbour closed</h1><p>12.03.2026</p>${paras.map((p) => `<p>${p}</p>`).join('')}</div>
      <div class="box2"><h3>Kommentare</h3><p>Great article, thanks!</p></div></body></html>`;
    const out = extractHtmlMainText(html);
    const text = out.blocks.map((b) => b.text).join('\n');
    expect(text).toContain(paras[0]);
    expect(text).toContain(paras[3]);
    expect(text).not.toContain('12.03.2026');
    expect(text).not.toContain('Great article');
  });
});

describe('never losing the article', () => {
  const paras = [
    PROSE,
    PROSE_DE,
    PROSE.replace('harbour', 'port'),
    PROSE_DE.replace('Hafen', 'Port'),
    PROSE.replace('council', 'mayor'),
    PROSE_DE.replace('Stadtrat', 'Bürgermeister'),
  ];

  it('takes Readability alone when the pre-pass dropped most of the article by its class or id', () => {
    // The article goes on in a "read more" expander, whose id the pre-pass reads as a related-links box (it is under
    // half the page's text, the rest being a long link footer).
    const links = Array.from({ length: 150 }, (_, i) => `<p><a href="/s/${i}">Section ${i}</a></p>`).join('');
    const html = `<html><body><div class="story"><p>${paras[0]}</p>
      <div id="read-more">${paras
        .slice(1)
        .map((p) => `<p>${p}</p>`)
        .join('')}</div></div>
      <div class="links">${links}</div><footer><a href="/imprint">Imprint</a></footer></body></html>`;
    const out = extractHtmlMainText(html);
    expect(out.method).toBe('readability-alone');
    const text = out.blocks.map((b) => b.text).join('\n');
    for (const p of paras) expect(text).toContain(p);
    expect(text).not.toContain('Imprint');
  });

  it('takes Readability alone when a short result is a sliver of the page (live text in a "…-comments" block)', () => {
    // Live-ticker entries in divs, no <p>: the marker drop counts no prose paragraph, but our result is one line (the
    // ticker is under half the page's text, the rest being a long link menu).
    const entries = paras.map((p, i) => `<div class="entry"><div class="minute">${90 - i}'</div><div>${p}</div></div>`);
    const links = Array.from({ length: 150 }, (_, i) => `<p><a href="/s/${i}">Section ${i}</a></p>`).join('');
    const html = `<html><body><div class="links">${links}</div>
      <div class="score"><span>Harbour FC 1 – 1 Port United</span></div>
      <div class="live-match-comments">${entries.join('')}</div></body></html>`;
    const out = extractHtmlMainText(html);
    expect(out.method).toBe('readability-alone');
    const text = out.blocks.map((b) => b.text).join('\n');
    for (const p of paras) expect(text).toContain(p);
  });

  it('keeps a short result that is most of its page (a feed entry, a brief)', () => {
    const html = `<html><body><p>The ferry to the island runs again from Monday, the harbour office said.</p>
      <p><a href="/ferry">Timetable</a></p></body></html>`;
    const out = extractHtmlMainText(html);
    expect(out.method).not.toBe('readability-alone');
    expect(out.blocks.map((b) => b.text)).toContain(
      'The ferry to the island runs again from Monday, the harbour office said.',
    );
  });

  it('does not count a dropped comment section or cookie notice as article loss (no second Readability run)', () => {
    const comments = paras.map((p, i) => `<div class="comment"><p>Reader ${i}: ${p}</p></div>`).join('');
    const html = `<html><body><div class="story"><p>${paras[0]}</p><p>${paras[1]}</p></div>
      <div id="comments">${comments}</div>
      <div class="cookie-notice"><p>${PROSE_DE}</p></div></body></html>`;
    const candidates = extractHtmlCandidates(html);
    expect(candidates.removed.map((r) => r.kind)).toEqual(expect.arrayContaining(['comments', 'cookie-notice']));
    expect(candidates.markerDroppedChars).toBe(0);
    const out = extractHtmlMainText(html);
    expect(out.method).toBe('readability');
    expect(out.blocks.map((b) => b.text)).toEqual([paras[0], paras[1]]);
  });

  it('counts the prose of any other marked block the pre-pass dropped', () => {
    // (Under half the page's text, as in the first case: the rest is a long link list.)
    const links = Array.from({ length: 150 }, (_, i) => `<p><a href="/s/${i}">Section ${i}</a></p>`).join('');
    const html = `<html><body><div class="story"><p>${paras[0]}</p></div>
      <div id="read-more">${paras
        .slice(1)
        .map((p) => `<p>${p}</p>`)
        .join('')}</div><div class="links">${links}</div></body></html>`;
    expect(extractHtmlCandidates(html).markerDroppedChars).toBeGreaterThan(0);
  });

  it('keeps its own result when the marked block the pre-pass dropped is chrome', () => {
    const html = `<html><body><div class="story">${paras.map((p) => `<p>${p}</p>`).join('')}</div>
      <div class="related">${Array.from({ length: 40 }, (_, i) => `<p><a href="/s/${i}">Another story number ${i} about the harbour</a></p>`).join('')}</div></body></html>`;
    const out = extractHtmlMainText(html);
    expect(out.method).toBe('readability');
    expect(out.blocks.map((b) => b.text)).toEqual(paras);
  });

  it('on a page without Readability, keeps the prose the classifier rejected inside its kept region', () => {
    const body = [
      block('Home News Sport'),
      block(PROSE),
      block('Rates will rise again next year, the council said in a statement on its website.'),
      block(PROSE_DE),
      block('Imprint · Privacy'),
      block('Another line of prose after the article that ends with a full stop here.'),
    ];
    const keep = [false, true, false, true, false, false];
    expect(keptRegion(body, keep).map((b) => b.text)).toEqual([PROSE, body[2]?.text, PROSE_DE]);
  });
});

describe('inline "read also" cross-links in an HTML article', () => {
  it('moves labelled cross-links to relatedLinks and drops a label standing alone, keeping the story around them', () => {
    const p = (text: string): string => `<p>${text}</p>`;
    const html = `<html><body><article>${p('Lead paragraph. ' + PROSE)}${p('VEA TAMBIÉN: <a href="/otra-nota">El metro supera las pruebas de carga</a>')}${p('Czytaj też')}${p('<a href="/inny">Były dowódca wojsk USA o sytuacji</a>')}${p(PROSE_DE)}${p('Closing paragraph. The mayor said the ferries would run from the northern pier until the repairs are finished, and that the market would stay open on weekdays as usual.')}</article></body></html>`;
    const cleaned = cleanHtmlPage(html, { url: 'https://example.org/news/a', title: null, siteName: null });
    expect(cleaned.relatedLinks).toContainEqual({
      title: 'El metro supera las pruebas de carga',
      url: 'https://example.org/otra-nota',
    });
    expect(cleaned.paragraphs.join('\n')).not.toMatch(/VEA TAMBIÉN|Czytaj też/u);
    expect(cleaned.paragraphs.join('\n')).toContain('Closing paragraph.');
    expect(cleaned.removed.some((r) => r.kind === 'related-link' && r.text === 'Czytaj też')).toBe(true);
  });
});

describe('repeated blocks in an HTML article', () => {
  it('drops the lead shown twice but keeps any other repeat (a name in two tables, a refrain)', () => {
    const table = (caption: string): string =>
      `<table><caption>${caption}</caption><tr><td>Jane Okafor</td><td>412</td></tr><tr><td>Tom Berg</td><td>97</td></tr></table>`;
    const html = `<html><body><article><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE_DE}</p>${table('By changesets')}
      <p>${PROSE_DE.replace('Stadtrat', 'Kreistag')}</p>${table('By changed lines')}<p>Closing paragraph. The mayor said the ferries would run from the northern pier until the repairs are finished.</p></article></body></html>`;
    const cleaned = cleanHtmlPage(html, { url: null, title: null, siteName: null });
    const body = cleaned.paragraphs.join('\n');
    expect(body.split(PROSE).length - 1).toBe(1);
    expect(body.split('Jane Okafor').length - 1).toBe(2);
    expect(cleaned.removed).toContainEqual({ kind: 'duplicate-paragraph', text: PROSE });
  });

  it('keeps a prose lead the text repeats three times or more (a refrain), but not a repeated short label', () => {
    const section = (title: string): string => `<h2>${title}</h2><p>${PROSE}</p>`;
    const html = `<html><body><article><p>${PROSE}</p>${section('Single image')}${section('Single figure')}${section('List of images')}
      <p>${PROSE_DE}</p></article></body></html>`;
    const cleaned = cleanHtmlPage(html, { url: null, title: null, siteName: null });
    expect(cleaned.paragraphs.filter((p) => p === PROSE)).toHaveLength(4);
    expect(cleaned.removed.some((r) => r.kind === 'duplicate-paragraph')).toBe(false);

    const label = `<html><body><article><h2>Aktuelles</h2><p>${PROSE}</p><h2>Aktuelles</h2><p>${PROSE_DE}</p>
      <h2>Aktuelles</h2><p>Closing paragraph. The mayor said the ferries would run from the northern pier until the repairs are finished.</p></article></body></html>`;
    const labelled = cleanHtmlPage(label, { url: null, title: null, siteName: null });
    expect(labelled.paragraphs.filter((p) => p === 'Aktuelles').length).toBeLessThanOrEqual(1);
  });
});

describe('code in an HTML article', () => {
  it('keeps syntax-highlighted code whose token classes read as chrome markers ("token comment")', () => {
    const code =
      '<pre class="language-c"><code class="language-c"><span class="token comment">// add.c</span><br>' +
      '<span class="token keyword">int</span> add(<span class="token keyword">int</span> a, int b) { return a + b; }' +
      '<br><span class="token comment">/* the sum, for the share of the caller */</span></code></pre>';
    const html = `<html><body><article><p>${PROSE}</p>${code}<p>${PROSE_DE}</p></article>
      <div class="comments"><p>First! Great post, thanks.</p></div></body></html>`;
    const text = extractHtmlMainText(html)
      .blocks.map((b) => b.text)
      .join('\n');
    expect(text).toContain('// add.c');
    expect(text).toContain('/* the sum, for the share of the caller */');
    expect(text).not.toContain('Great post');
  });
});

describe('site blurb at the end', () => {
  it('trims closing short paragraphs that name the site itself, not the article text that names it earlier', () => {
    const html = `<html><body><article><p>${PROSE} The Harbour Courier asked the council for comment.</p><p>${PROSE_DE}</p>
      <p>The Harbour Courier is an independent local paper, published every morning since 1921.</p></article></body></html>`;
    const cleaned = cleanHtmlPage(html, { title: null, siteName: 'Harbour Courier', url: null });
    expect(cleaned.paragraphs).toEqual([`${PROSE} The Harbour Courier asked the council for comment.`, PROSE_DE]);
    expect(cleaned.removed).toContainEqual({
      kind: 'footer',
      text: 'The Harbour Courier is an independent local paper, published every morning since 1921.',
    });
  });
});

describe('flat wire fragments (Readability not run)', () => {
  const wireBody = [
    `<p>${PROSE}</p>`,
    '<h2>What happens next</h2>',
    `<p>Engineers said the <a href="https://harbour.example/report">full report</a> is due in <em>March</em>.</p>`,
    `<blockquote>${PROSE_DE}</blockquote>`,
  ].join('\n');
  const flat = (html: string) => isFlatFragment(parseHtmlDocument(html).body!);

  it('recognises a wire body of paragraphs, subheadings and quotes with phrasing content', () => {
    expect(flat(wireBody)).toBe(true);
  });

  it('is not flat with a list, a wrapper, an h1, class or id markers, loose text, or under 300 characters', () => {
    expect(flat(`${wireBody}<ul><li>${PROSE}</li></ul>`)).toBe(false);
    expect(flat(`<div>${wireBody}</div>`)).toBe(false);
    expect(flat(`<h1>Harbour closed</h1>${wireBody}`)).toBe(false);
    expect(flat(wireBody.replace('<h2>', '<h2 class="share-title">'))).toBe(false);
    expect(flat(wireBody.replace('<em>', '<span id="byline">'))).toBe(false);
    expect(flat(`${wireBody} and a loose sentence`)).toBe(false);
    expect(flat('<p>Short notice: the harbour is closed.</p>')).toBe(false);
  });

  it('keeps every paragraph of a flat body, as Readability would', () => {
    const { blocks } = extractHtmlMainText(wireBody);
    expect(blocks.map((b) => b.text)).toEqual([
      PROSE,
      'What happens next',
      'Engineers said the full report is due in March.',
      PROSE_DE,
    ]);
  });
});
