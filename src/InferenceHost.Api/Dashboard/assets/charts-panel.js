// Candidate against baseline over time, one chart per gate metric, each gate's threshold drawn where
// the policy puts it. Data: GET /admin/v1/models/{m}/telemetry/series.
import { lineChart } from './chart.js';
import { card, fill, h } from './dom.js';
import { decimal, isNumber, millis, percent, perSecond, points } from './format.js';
import { byVersion } from './health.js';
import { slotClass } from './slots.js';

/** Window to step: at most 180 points a chart, on round times (steps are multiples of the host's 1 s buckets). */
const WINDOWS = { '1m': '1s', '5m': '2s', '15m': '5s', '1h': '20s', '6h': '2m' };

const latency = (quantile) => ({
  id: `latency_${quantile}`, title: `Latency ${quantile}`, gate: `latency_${quantile}`, format: millis, minSpan: 1,
  value: (p) => p.latency_ms?.[quantile],
});

const CHARTS = [
  { id: 'request_rate', title: 'Request rate', format: perSecond, minSpan: 1, value: (p) => p.request_rate },
  { id: 'error_rate', title: 'Error rate', gate: 'error_rate', format: percent, minSpan: 0.01, ceiling: 1, value: (p) => p.error_rate },
  { id: 'invalid_rate', title: 'Invalid outputs (NaN, ±∞)', gate: 'invalid_outputs', format: percent, minSpan: 0.01, ceiling: 1, value: (p) => p.invalid_rate },
  latency('p50'),
  latency('p95'),
  latency('p99'),
  { id: 'drift', title: 'Output drift from baseline', gate: 'drift', format: decimal, minSpan: 0.05, value: (p) => p.drift },
  { id: 'agreement', title: 'Shadow agreement', gate: 'agreement', format: percent, minSpan: 1, ceiling: 1, value: (p) => p.agreement },
  { id: 'accuracy', title: 'Accuracy (feedback)', gate: 'accuracy', format: percent, minSpan: 1, ceiling: 1, value: (p) => p.accuracy },
];

/** A share over a version's whole window: the sum of one count over the sum of another. */
function shareOf(pointsOf, numerator, denominator) {
  let top = 0;
  let bottom = 0;
  for (const p of pointsOf) {
    top += p[numerator] ?? 0;
    bottom += p[denominator] ?? 0;
  }

  return bottom > 0 ? top / bottom : null;
}

/** The mean of a metric's defined values over the window, weighted by each point's requests. */
function meanOf(pointsOf, value) {
  let sum = 0;
  let weight = 0;
  for (const p of pointsOf) {
    const v = value(p);
    if (!isNumber(v)) continue;
    const w = p.requests || 1;
    sum += v * w;
    weight += w;
  }

  return weight > 0 ? sum / weight : null;
}

/**
 * Where a gate's threshold lies on its chart. Relative gates (rates, latency, accuracy) are drawn from the
 * baseline's level over the window, as the gate compares with the baseline; absolute ones where they are.
 */
function thresholdOf(chart, gate, baselinePoints) {
  const t = gate.threshold;
  switch (gate.metric) {
    case 'error_rate':
    case 'invalid_outputs': {
      const base = shareOf(baselinePoints, gate.metric === 'error_rate' ? 'errors' : 'invalid_outputs', 'requests') ?? 0;
      return { value: base + t, label: `≤ baseline ${percent(base, 2)} + ${points(t)}` };
    }
    case 'latency_p50':
    case 'latency_p95':
    case 'latency_p99': {
      const base = meanOf(baselinePoints, chart.value);
      return { value: isNumber(base) ? base * t : null, label: `≤ ${t}× baseline${isNumber(base) ? ` (${millis(base)})` : ''}` };
    }
    case 'drift':
      return { value: t, label: `drift ≤ ${t}` };
    case 'agreement':
      return { value: t, label: `agreement ≥ ${percent(t)}` };
    case 'accuracy': {
      const base = meanOf(baselinePoints, chart.value);
      return { value: isNumber(base) ? Math.max(0, base - t) : null, label: `≥ baseline − ${points(t)}` };
    }
    default:
      return null;
  }
}

function seriesOf(version, baseline, chart) {
  const slots = version.slots ?? [];
  return {
    key: `v${version.version}`,
    version: version.version,
    label: `v${version.version} ${slots.length ? slots.join('+') : 'no slot'}${version.version === baseline ? ' · baseline' : ''}`,
    className: slotClass(slots[0]),
    dashed: slots.length === 0,
    points: version.points.map((p) => [Date.parse(p.time), chart.value(p) ?? null]),
  };
}

export function chartsPanel({ changed }) {
  let window = '5m';
  const select = h('select', { id: 'chart-window', 'aria-label': 'Window' },
    Object.keys(WINDOWS).map((w) => h('option', { value: w, selected: w === window }, `last ${w}`)));
  select.addEventListener('change', () => { window = select.value; changed(); });
  const grid = h('div', { class: 'charts' });
  const note = h('p', { class: 'muted small' });
  const element = card('Candidate against baseline', { id: 'charts', aside: select }, note, grid);
  return {
    element,
    get window() { return window; },
    get step() { return WINDOWS[window]; },
    update(series, policy) {
      if (!series) {
        element.dataset.series = 'missing';
        note.textContent = 'This host serves no time series (GET …/telemetry/series): the charts need a newer host. The totals below still show.';
        fill(grid);
        return;
      }

      element.dataset.series = 'ok';
      const baseline = series.baseline;
      const versions = [...series.versions].sort((a, b) => (b.version === baseline) - (a.version === baseline) || byVersion(a.version, b.version));
      const baselinePoints = versions.find((v) => v.version === baseline)?.points ?? [];
      note.textContent = `Per version, every ${series.step} over the last ${series.window}; baseline v${baseline ?? '—'}. Dashed lines are the rollout gates.`;
      const from = Date.parse(series.start);
      const to = Date.parse(series.end);
      fill(grid, CHARTS.map((chart) => {
        const gate = chart.gate ? policy?.gates?.find((g) => g.metric === chart.gate) : null;
        return lineChart({
          ...chart,
          from,
          to,
          threshold: gate ? thresholdOf(chart, gate, baselinePoints) : null,
          note: chart.gate && !gate ? 'No gate on this metric' : undefined,
          series: versions.map((v) => seriesOf(v, baseline, chart)),
        });
      }));
      element.dataset.window = series.window;
    },
  };
}
