import { renderChart } from './svg-chart';

describe('renderChart', () => {
  const svg = renderChart(
    'bench <e2e>',
    'subtitle & more',
    [
      {
        title: 'Throughput',
        yLabel: 'articles/s',
        series: [
          {
            label: 'indexed',
            color: '#1f77b4',
            points: [
              [10, 0],
              [12, 40],
              [14, 80],
            ],
          },
        ],
      },
      {
        title: 'Latency',
        yLabel: 's',
        series: [
          {
            label: 'p50',
            color: '#2ca02c',
            points: [
              [11, 1.2],
              [13, 0.8],
            ],
            dots: true,
          },
        ],
      },
    ],
    [{ label: 'wire', from: 10, to: 14 }],
  );

  it('draws lines, dots, shaded phases and escaped text in one SVG document', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('bench &lt;e2e&gt;');
    expect(svg).toContain('subtitle &amp; more');
    expect(svg).toContain('>wire</text>');
  });

  it('leaves a gap in the data blank instead of bridging it', () => {
    const gapped = renderChart(
      't',
      's',
      [
        {
          title: 'p',
          yLabel: 'y',
          series: [
            {
              label: 'l',
              color: '#000',
              points: [
                [0, 1],
                [1, 2],
                [10, 3],
                [11, 4],
              ],
            },
          ],
        },
      ],
      [],
    );
    expect(gapped.match(/<polyline /g)).toHaveLength(2);
  });

  it('starts the x axis at the first phase, at the left margin', () => {
    // The first line point is x = 10 s, the first phase's start: the plot's left edge (70 px).
    expect(svg).toMatch(/<polyline [^>]*points="70\.0,/);
    expect(svg).toContain('>0</text>');
  });
});
