// One model: deployment and actions, rollout, charts, totals, decisions and audit, refreshed together.
import { adminPath, call, modelPath, read, readOptional } from './api.js';
import { chartsPanel } from './charts-panel.js';
import { card, fill, h } from './dom.js';
import { describeGates } from './gates.js';
import { byVersion, defaultVersion, healthTable } from './health.js';
import { deploymentPanel } from './deployment-panel.js';
import { decisionsPanel, isRunning, rolloutPanel } from './rollout-panel.js';
import { auditTable, telemetryTable } from './tables.js';

const AUDIT_LIMIT = 20;
const DECISION_LIMIT = 1000;

/** What changes when a decision other than a wait is taken; the history is fetched again only then. */
const decisionsKey = (r) => r && [r.number, r.phase, r.step, r.paused, r.canary_weight, r.ended_at].join('|');

export function modelView(name, { changed }) {
  const deployment = deploymentPanel({ model: name, changed });
  const rollout = rolloutPanel({ model: name, changed });
  const charts = chartsPanel({ changed });
  const decisions = decisionsPanel();
  const title = h('div', { class: 'page-meta muted' });
  const health = h('div');
  const totals = h('div');
  const audit = h('div');
  const root = h('div', { class: 'model-page', dataset: { model: name } },
    h('div', { class: 'page-head' }, h('h1', null, name), title),
    h('div', { class: 'columns lean-right' }, deployment.element, rollout.element),
    charts.element,
    h('div', { class: 'columns lean-left' },
      card('Last 5 minutes', { id: 'telemetry' }, totals),
      card('Versions on each silo', { id: 'health' }, health)),
    decisions.element,
    card('Audit log', { id: 'audit' }, audit));

  let history = { key: null, decisions: null };
  return {
    root,
    crumbs: [name],
    async refresh() {
      const [list, current, latest, cluster] = await Promise.all([
        read(adminPath('/models')),
        call('GET', modelPath(name, '/deployment')),
        readOptional(modelPath(name, '/rollout')),
        readOptional(adminPath('/cluster')),
      ]);
      const model = list.models.find((m) => m.name === name);
      if (!model) throw new Error(`The host has no model named ${name}.`);
      const running = isRunning(latest);
      const baseline = running ? `&baseline=${encodeURIComponent(latest.baseline)}` : '';
      const [series, telemetry, entries, policy, decided] = await Promise.all([
        readOptional(modelPath(name, `/telemetry/series?window=${charts.window}&step=${charts.step}${baseline}`)),
        readOptional(modelPath(name, '/telemetry?window=5m')),
        read(adminPath(`/audit?model=${encodeURIComponent(name)}&limit=${AUDIT_LIMIT}`)),
        running ? latest.policy : readOptional(modelPath(name, '/rollout-policy')),
        latest && decisionsKey(latest) !== history.key
          ? readOptional(modelPath(name, `/rollout/decisions?limit=${DECISION_LIMIT}`))
          : null,
      ]);
      if (decided) history = { key: decisionsKey(latest), decisions: decided.decisions };

      const ready = model.versions.filter((v) => v.state === 'READY').map((v) => v.version).sort(byVersion);
      fill(title, `${model.versions.length} versions, ${ready.length} ready · revision ${current.json.revision}`);
      deployment.update(current.json, current.etag, ready, defaultVersion(model));
      rollout.update(latest, describeGates(policy));
      charts.update(series, policy);
      fill(totals, telemetryTable(telemetry));
      fill(health, healthTable(model, current.json, cluster));
      decisions.update(latest ? history.decisions : null, latest);
      fill(audit, auditTable(entries.entries));
    },
  };
}
