// The drill on one picture: latency (p50, p99; log scale) above, requests and
// failures per second below, phases as bands and every fault (red) and
// recovery (green) as a vertical line. Built as SVG by hand (a few dozen
// shapes; a charting library would bring a browser or a canvas) and turned
// into PNG by resvg, whose binary ships inside its npm package.
import { Resvg } from '@resvg/resvg-js';
import type { FleetEvent, Phase } from './recorder.js';
import type { Bucket } from './stats.js';

const W = 1400;
const H = 760;
const LEFT = 70;
const RIGHT = W - 30;
const LAT = { top: 150, bottom: 420 };
const RATE = { top: 480, bottom: 700 };

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function chartSvg(o: {
  title: string;
  subtitle: string;
  buckets: Bucket[];
  phases: Phase[];
  events: FleetEvent[];
}): string {
  const seconds = Math.max(1, o.buckets.length);
  const x = (t: number) => LEFT + (t / seconds) * (RIGHT - LEFT);
  const logMax = 4; // 10 s
  const yLat = (ms: number) => LAT.bottom - (Math.log10(Math.max(1, ms)) / logMax) * (LAT.bottom - LAT.top);
  const rateMax = Math.max(10, ...o.buckets.map((b) => b.requests));
  const yRate = (n: number) => RATE.bottom - (n / rateMax) * (RATE.bottom - RATE.top);
  const parts: string[] = [];
  const add = (s: string) => parts.push(s);

  add(`<rect width="${W}" height="${H}" fill="white"/>`);
  add(`<text x="${LEFT}" y="28" font-size="20" font-weight="bold">${esc(o.title)}</text>`);
  add(`<text x="${LEFT}" y="50" font-size="13" fill="#444">${esc(o.subtitle)}</text>`);

  // Phase bands, named at the top.
  o.phases.forEach((p, i) => {
    const x0 = x(p.start / 1000);
    const x1 = x(p.end / 1000);
    if (i % 2 === 0)
      add(`<rect x="${x0}" y="${LAT.top}" width="${x1 - x0}" height="${RATE.bottom - LAT.top}" fill="#f2f4f8"/>`);
    add(
      `<text transform="translate(${x0 + 3},${LAT.top - 6}) rotate(-35)" font-size="11" fill="#333">${esc(p.name)}</text>`,
    );
  });

  // Axes and grid.
  for (const ms of [1, 10, 100, 1000, 10000]) {
    add(`<line x1="${LEFT}" x2="${RIGHT}" y1="${yLat(ms)}" y2="${yLat(ms)}" stroke="#ddd"/>`);
    add(
      `<text x="${LEFT - 6}" y="${yLat(ms) + 4}" font-size="11" text-anchor="end">${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}</text>`,
    );
  }
  for (const f of [0, 0.5, 1]) {
    const n = Math.round(rateMax * f);
    add(`<line x1="${LEFT}" x2="${RIGHT}" y1="${yRate(n)}" y2="${yRate(n)}" stroke="#ddd"/>`);
    add(`<text x="${LEFT - 6}" y="${yRate(n) + 4}" font-size="11" text-anchor="end">${n}</text>`);
  }
  const step = seconds > 300 ? 60 : 30;
  for (let t = 0; t <= seconds; t += step)
    add(`<text x="${x(t)}" y="${RATE.bottom + 16}" font-size="11" text-anchor="middle">${t} s</text>`);
  add(
    `<text x="${LEFT}" y="${LAT.bottom + 18}" font-size="12" fill="#444">latency per second of completion: p50 (blue), p99 (orange)</text>`,
  );
  add(
    `<text x="${LEFT}" y="${RATE.bottom + 36}" font-size="12" fill="#444">requests per second (grey) and failed requests per second (red bars)</text>`,
  );

  // Failures as bars, throughput and latency as lines.
  const barW = Math.max(1, (RIGHT - LEFT) / seconds);
  for (const b of o.buckets)
    if (b.failures > 0)
      add(
        `<rect x="${x(b.t)}" y="${yRate(b.failures)}" width="${barW}" height="${RATE.bottom - yRate(b.failures)}" fill="#d62728"/>`,
      );
  const line = (points: Array<[number, number]>, color: string, width = 1.5) =>
    add(
      `<polyline fill="none" stroke="${color}" stroke-width="${width}" points="${points.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>`,
    );
  const withData = o.buckets.filter((b) => !Number.isNaN(b.p50));
  line(
    o.buckets.map((b) => [x(b.t + 0.5), yRate(b.requests)]),
    '#777',
  );
  line(
    withData.map((b) => [x(b.t + 0.5), yLat(b.p99)]),
    '#ff7f0e',
  );
  line(
    withData.map((b) => [x(b.t + 0.5), yLat(b.p50)]),
    '#1f77b4',
  );

  // Faults and recoveries.
  for (const e of o.events) {
    const ex = x(e.at / 1000);
    const fault = e.kind === 'fault';
    add(
      `<line x1="${ex}" x2="${ex}" y1="${LAT.top}" y2="${RATE.bottom}" stroke="${fault ? '#d62728' : '#2ca02c'}" stroke-width="${fault ? 1.5 : 1}" stroke-dasharray="${fault ? '5,3' : '2,3'}"/>`,
    );
    if (fault)
      add(
        `<text transform="translate(${ex + 3},${LAT.bottom - 4}) rotate(-90)" font-size="10" fill="#d62728">${esc(e.label)}</text>`,
      );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, sans-serif">${parts.join('')}</svg>`;
}

export function renderPng(svg: string): Buffer {
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}
