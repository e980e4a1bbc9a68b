import { parseHtmlDocument } from './html-dom';
import { flattenedText } from './html-flatten';

const flatten = (body: string): string => flattenedText(parseHtmlDocument(`<html><body>${body}</body></html>`).body!);

describe('flattenedText', () => {
  it('writes one line per block and joins inline elements', () => {
    expect(flatten('<h1>Mill <b>fire</b></h1><p>One <a href="/">two</a>.</p><div>Three<br>Four</div>')).toBe(
      'Mill fire\nOne two.\nThree\nFour',
    );
  });

  it('lays out table cells and list items as lines', () => {
    expect(
      flatten(
        '<table><tr><td>Home</td><td><font size="5">Headline</font></td></tr></table><ul><li>A</li><li>B</li></ul>',
      ),
    ).toBe('Home\nHeadline\nA\nB');
  });

  it('leaves out what a reader does not see', () => {
    expect(
      flatten(
        '<script>var x = 1;</script><style>p{}</style><noscript>Enable JS</noscript><p hidden>h</p><p style="display: none">d</p><p aria-hidden="true">a</p><p>Seen</p>',
      ),
    ).toBe('Seen');
  });

  it('walks a page as deep as the parser accepts without recursion', () => {
    const depth = 999;
    expect(flatten(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`)).toBe('deep');
  });
});
