// How each rollout gate reads: its threshold in words, and how its numbers are shown.
import { decimal, millis, percent, points } from './format.js';

const ratio = (v) => (typeof v === 'number' ? `${v.toFixed(2)}×` : '—');

// threshold: the rule in words; limit: the same in a table cell.
const rateGate = (label) => ({
  label,
  value: (v) => percent(v, 2),
  estimate: points,
  threshold: (t) => `≤ baseline + ${points(t)}`,
  limit: (t) => `+${points(t)}`,
});

const latencyGate = (quantile) => ({
  label: `Latency ${quantile}`,
  value: millis,
  estimate: ratio,
  threshold: (t) => `≤ ${t}× baseline ${quantile}`,
  limit: (t) => `≤ ${t}×`,
});

const GATES = {
  error_rate: rateGate('Error rate'),
  invalid_outputs: rateGate('Invalid outputs'),
  latency_p50: latencyGate('p50'),
  latency_p95: latencyGate('p95'),
  latency_p99: latencyGate('p99'),
  drift: { label: 'Output drift', value: decimal, estimate: decimal, threshold: (t) => `shift ≤ ${t}`, limit: (t) => `≤ ${t}` },
  agreement: { label: 'Agreement', value: percent, estimate: percent, threshold: (t) => `≥ ${percent(t)}`, limit: (t) => `≥ ${percent(t)}` },
  accuracy: { label: 'Accuracy', value: percent, estimate: points, threshold: (t) => `≥ baseline − ${points(t)}`, limit: (t) => `−${points(t)}` },
};

export function gateInfo(metric) {
  return GATES[metric] ?? { label: metric, value: decimal, estimate: decimal, threshold: String, limit: String };
}

/** The policy's gates as one line: "error rate ≤ baseline + 1.0 pts, p95 ≤ 1.25× baseline p95". */
export function describeGates(policy) {
  if (!policy?.gates?.length) return 'no gates: steps advance on time and request counts alone';
  return policy.gates.map((g) => `${gateInfo(g.metric).label} ${gateInfo(g.metric).threshold(g.threshold)}`).join(' · ');
}
