// Line charts as inline SVG: a time axis, several series (a missing value is a gap), a legend with
// each series' latest value, a dashed threshold line with its label, and a crosshair on hover.
// Every drawn series carries its numbers in data- attributes, so what the chart shows can be checked.
import { h, svg } from './dom.js';
import { clock, isNumber } from './format.js';

const WIDTH = 460;
const HEIGHT = 190;
const MARGIN = { left: 56, right: 14, top: 14, bottom: 24 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const TIME_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

/** A round step near span / count: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(span, count) {
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normal = raw / magnitude;
  return magnitude * (normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 2.5 ? 2.5 : normal <= 5 ? 5 : 10);
}

function valueRange(spec) {
  const values = spec.series.flatMap((s) => s.points.map(([, v]) => v)).filter(isNumber);
  if (isNumber(spec.threshold?.value)) values.push(spec.threshold.value);
  let top = Math.max(spec.minSpan ?? 1, ...values.map((v) => v * 1.12));
  if (isNumber(spec.ceiling)) top = Math.min(top, spec.ceiling);
  const step = niceStep(top, 4);
  return { top: Math.ceil(top / step - 1e-9) * step, step };
}

/** Each series as path data; a value after a gap starts a new subpath, and a value alone between gaps becomes a dot. */
function trace(points, x, y) {
  let d = '';
  const dots = [];
  points.forEach(([t, v], i) => {
    if (!isNumber(v)) return;
    const before = i > 0 && isNumber(points[i - 1][1]);
    const after = i + 1 < points.length && isNumber(points[i + 1][1]);
    d += `${before ? 'L' : 'M'}${x(t).toFixed(1)} ${y(v).toFixed(1)}`;
    if (!before && !after) dots.push([x(t), y(v)]);
  });
  return { d, dots };
}

function latestOf(points) {
  for (let i = points.length - 1; i >= 0; i--) if (isNumber(points[i][1])) return points[i];
  return null;
}

function nearestIndex(points, t) {
  let best = -1;
  let distance = Infinity;
  points.forEach(([pt], i) => {
    const d = Math.abs(pt - t);
    if (d < distance) { distance = d; best = i; }
  });
  return best;
}

function axes(spec, range, x, y) {
  const group = svg('g', { class: 'axes' });
  for (let v = 0; v <= range.top + range.step / 2; v += range.step) {
    group.append(
      svg('line', { class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(v), y2: y(v) }),
      svg('text', { class: 'tick', x: MARGIN.left - 6, y: y(v) + 3.5, 'text-anchor': 'end' }, spec.format(v)));
  }

  const spanS = (spec.to - spec.from) / 1000;
  const stepS = TIME_STEPS_S.find((s) => spanS / s <= 6) ?? TIME_STEPS_S.at(-1);
  for (let t = Math.ceil(spec.from / (stepS * 1000)) * stepS * 1000; t <= spec.to; t += stepS * 1000) {
    group.append(
      svg('line', { class: 'tick-mark', x1: x(t), x2: x(t), y1: HEIGHT - MARGIN.bottom, y2: HEIGHT - MARGIN.bottom + 4 }),
      svg('text', { class: 'tick', x: x(t), y: HEIGHT - 6, 'text-anchor': 'middle' }, clock(t, stepS < 60)));
  }

  group.append(svg('line', { class: 'axis', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0) }));
  return group;
}

function thresholdLine(threshold, range, y) {
  if (!isNumber(threshold?.value) || threshold.value < 0 || threshold.value > range.top) return null;
  const ly = y(threshold.value);
  const labelY = ly - 4 < MARGIN.top + 8 ? ly + 11 : ly - 4;
  return svg('g', { class: 'threshold', dataset: { value: threshold.value } },
    svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: ly, y2: ly }),
    svg('text', { x: WIDTH - MARGIN.right - 2, y: labelY, 'text-anchor': 'end' }, threshold.label));
}

/**
 * A chart. spec: {id, title, format(value) -> text, from, to (ms), minSpan (smallest top of the y axis),
 * ceiling (largest), threshold: {value, label} or null, note (text under the title),
 * series: [{key, label, version, className, dashed, points: [[ms, value or null], ...]}]}.
 */
export function lineChart(spec) {
  const range = valueRange(spec);
  const x = (t) => MARGIN.left + ((t - spec.from) / Math.max(1, spec.to - spec.from)) * PLOT_W;
  const y = (v) => MARGIN.top + PLOT_H - (Math.min(v, range.top) / range.top) * PLOT_H;
  const plot = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'plot', role: 'img', 'aria-label': spec.title });
  plot.append(axes(spec, range, x, y));

  const legendValues = [];
  const legend = h('ul', { class: 'legend' });
  let drawn = 0;
  for (const series of spec.series) {
    const latest = latestOf(series.points);
    const { d, dots } = trace(series.points, x, y);
    const defined = series.points.filter(([, v]) => isNumber(v));
    drawn += defined.length;
    plot.append(svg('g', { class: ['series', series.className, series.dashed ? 'dashed' : null] },
      svg('path', {
        d: d || 'M0 0',
        dataset: {
          series: series.key,
          version: series.version,
          points: defined.length,
          latest: latest ? latest[1] : '',
          latestTime: latest ? new Date(latest[0]).toISOString() : '',
          values: JSON.stringify(defined),
        },
      }),
      dots.map(([cx, cy]) => svg('circle', { cx, cy, r: 2.2 }))));
    const value = h('span', { class: 'legend-value' }, latest ? spec.format(latest[1]) : '—');
    legendValues.push({ series, value, latest });
    legend.append(h('li', { class: series.className, dataset: { series: series.key } },
      h('span', { class: ['swatch', series.dashed ? 'dashed' : null] }), h('span', { class: 'legend-label' }, series.label), value));
  }

  const line = thresholdLine(spec.threshold, range, y);
  if (line) plot.append(line);
  if (drawn === 0) {
    plot.append(svg('text', { class: 'empty', x: MARGIN.left + PLOT_W / 2, y: MARGIN.top + PLOT_H / 2, 'text-anchor': 'middle' },
      spec.series.length ? 'No data in this window' : 'No traffic in this window'));
  }

  const readout = h('span', { class: 'readout' });
  attachCrosshair(plot, spec, x, legendValues, readout);
  return h('figure', { class: 'chart', dataset: { chart: spec.id, threshold: spec.threshold?.value ?? '', drawn } },
    h('figcaption', null,
      h('div', { class: 'chart-title' }, h('span', null, spec.title), readout),
      spec.threshold?.label || spec.note ? h('div', { class: 'chart-note' }, spec.note ?? `Gate: ${spec.threshold.label}`) : null),
    plot, legend);
}

/** Hovering shows, in the legend, each series' value nearest the pointer's time, and a vertical line there. */
function attachCrosshair(plot, spec, x, legendValues, readout) {
  const cross = svg('line', { class: 'crosshair', y1: MARGIN.top, y2: HEIGHT - MARGIN.bottom, visibility: 'hidden' });
  const overlay = svg('rect', { class: 'overlay', x: MARGIN.left, y: MARGIN.top, width: PLOT_W, height: PLOT_H });
  plot.append(cross, overlay);
  const reset = () => {
    cross.setAttribute('visibility', 'hidden');
    readout.textContent = '';
    for (const { value, latest } of legendValues) value.textContent = latest ? spec.format(latest[1]) : '—';
  };
  overlay.addEventListener('pointermove', (event) => {
    const box = plot.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * WIDTH;
    const t = spec.from + ((px - MARGIN.left) / PLOT_W) * (spec.to - spec.from);
    cross.setAttribute('x1', px);
    cross.setAttribute('x2', px);
    cross.setAttribute('visibility', 'visible');
    readout.textContent = clock(t);
    for (const { series, value } of legendValues) {
      const i = nearestIndex(series.points, t);
      value.textContent = i >= 0 && isNumber(series.points[i][1]) ? spec.format(series.points[i][1]) : '—';
    }
  });
  overlay.addEventListener('pointerleave', reset);
}
