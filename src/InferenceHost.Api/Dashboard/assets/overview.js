// Every model at a glance: weights, rollout, and each version's health on each silo.
import { adminPath, modelPath, read, readOptional } from './api.js';
import { badge, card, fill, h } from './dom.js';
import { ago } from './format.js';
import { defaultVersion, healthTable, siloTiles } from './health.js';
import { rolloutSummary } from './rollout-panel.js';
import { weightBar } from './slots.js';

function modelCard({ model, deployment, rollout }, cluster) {
  const link = `#/models/${encodeURIComponent(model.name)}`;
  return h('section', { class: 'card model-card', dataset: { model: model.name, revision: model.revision } },
    h('div', { class: 'card-head' },
      h('h2', null, h('a', { href: link }, model.name)),
      h('div', { class: 'card-aside' },
        badge(`revision ${deployment?.revision ?? model.revision}`, 'muted'),
        h('a', { class: 'open', href: link }, 'Open →'))),
    h('p', { class: 'muted small' }, deployment?.changed_at ? `Changed ${ago(deployment.changed_at)} by ${deployment.changed_by}` : 'Never deployed'),
    weightBar(deployment, defaultVersion(model)),
    rolloutSummary(rollout),
    healthTable(model, deployment, cluster));
}

export function overviewView() {
  const root = h('div', { class: 'overview' });
  return {
    root,
    crumbs: [],
    async refresh() {
      const [list, cluster] = await Promise.all([read(adminPath('/models')), readOptional(adminPath('/cluster'))]);
      const models = await Promise.all(list.models.map(async (model) => {
        const [deployment, rollout] = await Promise.all([
          read(modelPath(model.name, '/deployment')),
          readOptional(modelPath(model.name, '/rollout')),
        ]);
        return { model, deployment, rollout };
      }));
      fill(root,
        card('Cluster', { id: 'cluster' }, cluster
          ? siloTiles(cluster)
          : h('p', { class: 'muted' }, 'This host does not report its silos (GET /admin/v1/cluster); version health below is the answering silo\'s.')),
        h('div', { class: 'models' }, models.map((m) => modelCard(m, cluster))));
    },
  };
}
