// Plain tables: the telemetry window's totals per version and slot, and the audit log.
import { h, table } from './dom.js';
import { count, dateTime, millis, percent } from './format.js';
import { slotClass } from './slots.js';

export function telemetryTable(telemetry) {
  if (!telemetry?.slots?.length) return h('p', { class: 'muted' }, 'No requests in this window.');
  return table(['Version', 'Slot', 'Requests', 'Errors', 'Invalid', 'p50', 'p95', 'p99', 'Agreement', 'Accuracy'],
    telemetry.slots.map((s) => h('tr', { dataset: { version: s.version, slot: s.slot } },
      h('td', null, `v${s.version}`),
      h('td', null, h('span', { class: ['chip', slotClass(s.slot)] }, s.slot)),
      h('td', { class: 'num' }, count(s.requests)),
      h('td', { class: 'num' }, percent(s.error_rate, 2)),
      h('td', { class: 'num' }, percent(s.invalid_output_rate, 2)),
      h('td', { class: 'num' }, millis(s.p50_ms)),
      h('td', { class: 'num' }, millis(s.p95_ms)),
      h('td', { class: 'num' }, millis(s.p99_ms)),
      h('td', { class: 'num' }, s.shadow_pairs ? percent(s.agreement) : '—'),
      h('td', { class: 'num', title: `${count(s.labelled)} labelled` }, s.labelled ? percent(s.accuracy) : '—'))),
    { class: 'telemetry' });
}

/** Audit entries, newest first. */
export function auditTable(entries) {
  if (!entries?.length) return h('p', { class: 'muted' }, 'Nothing changed yet.');
  return table(['When', 'Who', 'Action', 'Before', 'After'],
    [...entries].reverse().map((e) => h('tr', { dataset: { sequence: e.sequence, action: e.action } },
      h('td', { class: 'nowrap' }, dateTime(e.at)),
      h('td', null, e.actor),
      h('td', null, h('code', null, e.action)),
      h('td', { class: 'muted' }, e.before),
      h('td', null, e.after))),
    { class: 'audit' });
}
