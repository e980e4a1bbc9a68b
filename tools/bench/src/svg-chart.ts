/**
 * A two-panel SVG line chart (hand-written: the result is a file to open, not a page to serve). Each panel has its
 * own y axis; all share the x axis (seconds since the first phase began). Phases are shaded and labelled.
 */
export interface ChartSeries {
  label: string;
  color: string;
  points: [number, number][];
  /** Dots instead of a line (sparse or per-bin values). */
  dots?: boolean;
}

export interface ChartPanel {
  title: string;
  yLabel: string;
  series: ChartSeries[];
}

export interface ChartPhase {
  label: string;
  from: number;
  to: number;
}

const WIDTH = 960;
const PANEL_HEIGHT = 240;
const MARGIN = { left: 70, right: 20, top: 40, bottom: 40 };
/** Consecutive line points further apart than this are not joined. */
const LINE_GAP_SECONDS = 3;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** 1, 2 or 5 × 10^k: a tick step giving about `ticks` ticks over `span`. */
function niceStep(span: number, ticks: number): number {
  const raw = span / ticks;
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10;
}

export function renderChart(title: string, subtitle: string, panels: ChartPanel[], phases: ChartPhase[]): string {
  const allX = panels
    .flatMap((p) => p.series.flatMap((s) => s.points.map(([x]) => x)))
    .concat(phases.flatMap((p) => [p.from, p.to]));
  const xMin = phases.length ? Math.min(...phases.map((p) => p.from)) : 0;
  const xMax = Math.max(xMin + 1, ...allX);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const x = (v: number) => MARGIN.left + ((v - xMin) / (xMax - xMin)) * plotWidth;
  const height = MARGIN.top + panels.length * (PANEL_HEIGHT + MARGIN.bottom) + 10;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${MARGIN.left}" y="18" font-size="14" font-weight="bold">${esc(title)}</text>`,
    `<text x="${MARGIN.left}" y="32" fill="#555">${esc(subtitle)}</text>`,
  ];
  panels.forEach((panel, index) => {
    const top = MARGIN.top + index * (PANEL_HEIGHT + MARGIN.bottom) + 16;
    const bottom = top + PANEL_HEIGHT - 16;
    const yMax =
      Math.max(1, ...panel.series.flatMap((s) => s.points.filter(([px]) => px >= xMin).map(([, v]) => v))) * 1.15;
    const y = (v: number) => bottom - (v / yMax) * (bottom - top);
    out.push(`<text x="${MARGIN.left}" y="${top - 4}" font-weight="bold">${esc(panel.title)}</text>`);
    phases.forEach((phase, at) => {
      out.push(
        `<rect x="${x(phase.from).toFixed(1)}" y="${top}" width="${Math.max(1, x(phase.to) - x(phase.from)).toFixed(1)}" height="${bottom - top}" fill="#f2f2f2" stroke="#ddd"/>`,
      );
      // Alternate rows, so a short phase's label does not run into the next one's.
      if (index === 0)
        out.push(
          `<text x="${(x(phase.from) + 3).toFixed(1)}" y="${top + 12 + (at % 2) * 13}" fill="#777">${esc(phase.label)}</text>`,
        );
    });
    const yStep = niceStep(yMax, 5);
    for (let v = 0; v <= yMax; v += yStep) {
      out.push(
        `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e4e4e4"/>`,
      );
      out.push(
        `<text x="${MARGIN.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${Number(v.toPrecision(6))}</text>`,
      );
    }
    const xStep = niceStep(xMax - xMin, 10);
    for (let v = 0; v <= xMax - xMin; v += xStep) {
      out.push(
        `<line x1="${x(xMin + v).toFixed(1)}" x2="${x(xMin + v).toFixed(1)}" y1="${bottom}" y2="${bottom + 4}" stroke="#333"/>`,
      );
      out.push(`<text x="${x(xMin + v).toFixed(1)}" y="${bottom + 16}" text-anchor="middle">${v}</text>`);
    }
    out.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${bottom}" y2="${bottom}" stroke="#333"/>`);
    out.push(
      `<text x="${WIDTH - MARGIN.right}" y="${bottom + 30}" text-anchor="end" fill="#555">seconds since the first phase began</text>`,
    );
    out.push(
      `<text transform="translate(16 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#555">${esc(panel.yLabel)}</text>`,
    );
    let legendX = WIDTH - MARGIN.right;
    [...panel.series].reverse().forEach((series) => {
      // Legend on the panel's title line, right-aligned, so it never covers data or phase labels.
      legendX -= 24 + series.label.length * 6;
      out.push(`<rect x="${legendX}" y="${top - 13}" width="10" height="10" fill="${series.color}"/>`);
      out.push(`<text x="${legendX + 14}" y="${top - 4}">${esc(series.label)}</text>`);
    });
    panel.series.forEach((series) => {
      const points = series.points.filter(([px]) => px >= xMin);
      if (series.dots) {
        out.push(
          `<g fill="${series.color}">${points.map(([px, py]) => `<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="1.8"/>`).join('')}</g>`,
        );
      } else {
        // A gap in the data (between phases) is left blank rather than bridged by a line.
        const runs: [number, number][][] = [];
        points.forEach((point, at) =>
          at && point[0] - points[at - 1]![0] <= LINE_GAP_SECONDS ? runs.at(-1)!.push(point) : runs.push([point]),
        );
        for (const run of runs)
          out.push(
            `<polyline fill="none" stroke="${series.color}" stroke-width="1.5" points="${run.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ')}"/>`,
          );
      }
    });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
