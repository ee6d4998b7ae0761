// Versions × silos: the state of each version on each silo, and the device it runs on.
import { badge, h, table } from './dom.js';
import { ago, bytes } from './format.js';
import { slotClass, slotsOf } from './slots.js';

const STATE_KIND = { READY: 'ok', LOADING: 'warn', UNAVAILABLE: 'bad', ABSENT: 'muted' };

export const byVersion = (a, b) => Number(a) - Number(b) || String(a).localeCompare(String(b));

/** The version the host serves when nothing is deployed: the highest ready one. */
export function defaultVersion(model) {
  return model.versions.filter((v) => v.state === 'READY').map((v) => v.version).sort(byVersion).at(-1);
}

function stateBadge(state, reason) {
  return badge(state, STATE_KIND[state] ?? 'muted', { title: reason || state, dataset: { state } });
}

function siloName(silo) {
  return silo.name || silo.address;
}

/**
 * One row per version: the slots it holds, then one cell per silo with its state there and its device.
 * Without the cluster report (an older host) the answering silo's view from /models stands in.
 */
export function healthTable(model, deployment, cluster) {
  const silos = cluster?.silos ?? [];
  const versions = new Set(model.versions.map((v) => v.version));
  for (const silo of silos) for (const v of silo.versions) if (v.model === model.name) versions.add(v.version);

  const head = [h('th', null, 'Version'), h('th', null, 'Slots'),
    silos.length ? silos.map((s) => h('th', { title: s.address }, siloName(s))) : h('th', null, 'This silo')];
  const rows = [...versions].sort(byVersion).map((version) => {
    const slots = slotsOf(deployment, version).map((slot) => h('span', { class: ['chip', slotClass(slot)] }, slot));
    const cells = silos.length
      ? silos.map((silo) => {
        const held = silo.versions.find((v) => v.model === model.name && v.version === version);
        return h('td', { dataset: { silo: siloName(silo), version } },
          held ? [stateBadge(held.state, held.reason), h('span', { class: 'device' }, held.device ?? '')] : stateBadge('ABSENT'));
      })
      : (() => {
        const local = model.versions.find((v) => v.version === version);
        return h('td', { dataset: { version } }, stateBadge(local?.state ?? 'ABSENT', local?.reason));
      })();
    return h('tr', { dataset: { version } }, h('td', { class: 'version' }, `v${version}`), h('td', null, slots.length ? slots : '—'), cells);
  });
  return table(head, rows, { class: 'health' });
}

/** One tile per silo: its status, address and accelerator. */
export function siloTiles(cluster) {
  return h('div', { class: 'silos' }, cluster.silos.map((silo) => {
    const accelerator = silo.accelerator ?? {};
    const device = accelerator.cuda
      ? `GPU ${accelerator.device_name ?? ''}${accelerator.memory_bytes ? `, ${bytes(accelerator.memory_bytes)}` : ''}`
      : 'CPU only';
    return h('div', { class: 'silo', dataset: { silo: siloName(silo), status: silo.status } },
      h('div', { class: 'silo-head' }, h('strong', null, siloName(silo)), badge(silo.status, silo.status === 'active' ? 'ok' : 'warn')),
      h('div', { class: 'silo-line' }, silo.address),
      silo.http ? h('div', { class: 'silo-line' }, silo.http) : null,
      h('div', { class: 'silo-line', title: accelerator.detail ?? '' }, device),
      h('div', { class: 'silo-line muted' },
        `${silo.versions.filter((v) => v.state === 'READY').length} versions ready${silo.updated ? ` · reported ${ago(silo.updated)}` : ''}`));
  }));
}
