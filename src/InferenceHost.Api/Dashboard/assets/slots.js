// Slots and their colours (defined once, in dashboard.css as --blue, --green, --canary, --shadow),
// and the weight bar that shows a deployment at a glance.
import { h } from './dom.js';

export const SERVING_SLOTS = ['blue', 'green', 'canary'];

/** The CSS class that colours anything of a slot: slot-blue, slot-green, slot-canary, slot-shadow, slot-other. */
export function slotClass(slot) {
  return ['blue', 'green', 'canary', 'shadow'].includes(slot) ? `slot-${slot}` : 'slot-other';
}

/** Slot name to version for a deployment: {blue: '1', canary: '3', shadow: '3'}. */
function slotVersions(deployment) {
  const result = {};
  for (const slot of SERVING_SLOTS) {
    const assignment = deployment?.slots?.[slot];
    if (assignment) result[slot] = assignment.version;
  }

  if (deployment?.shadow) result.shadow = deployment.shadow.version;
  return result;
}

/** The slots a version holds in a deployment, serving slots first. */
export function slotsOf(deployment, version) {
  return Object.entries(slotVersions(deployment)).filter(([, v]) => v === version).map(([slot]) => slot);
}

/** The serving assignments with a weight, active colour first: [{slot, version, weight, active}]. */
function servingAssignments(deployment) {
  return SERVING_SLOTS
    .map((slot) => ({ slot, ...deployment.slots[slot], active: deployment.active === slot }))
    .filter((a) => a.version)
    .sort((a, b) => Number(b.active) - Number(a.active));
}

/**
 * One horizontal bar split by weight (each slot in its colour, labelled with version and share), and a
 * thinner bar under it for the share mirrored to a shadow. Without a deployment the default version serves.
 */
export function weightBar(deployment, defaultVersion) {
  if (!deployment || deployment.revision === 0 || !deployment.active) {
    return h('div', { class: 'weights', dataset: { deployed: 'false' } },
      h('div', { class: 'bar' },
        h('div', { class: 'seg slot-other', dataset: { slot: 'default', version: defaultVersion, weight: 100 } },
          `default${defaultVersion ? ` v${defaultVersion}` : ''} · 100%`)),
      h('div', { class: 'bar-note' }, 'Nothing deployed: the highest ready version serves every request.'));
  }

  const assignments = servingAssignments(deployment);
  const segments = assignments.filter((a) => a.weight > 0).map((a) => {
    const segment = h('div', {
      class: ['seg', slotClass(a.slot)],
      title: `${a.slot}${a.active ? ' (active)' : ''}: version ${a.version}, ${a.weight}%`,
      dataset: { slot: a.slot, version: a.version, weight: a.weight },
    }, h('span', null, `${a.slot} v${a.version} · ${a.weight}%`));
    segment.style.flexGrow = String(a.weight);
    return segment;
  });
  const idle = assignments.filter((a) => a.weight === 0)
    .map((a) => h('span', { class: ['chip', slotClass(a.slot)], dataset: { slot: a.slot, version: a.version, weight: 0 } }, `${a.slot} v${a.version} · 0% (standby)`));

  let shadow = null;
  if (deployment.shadow) {
    const fillBar = h('div', { class: 'shadow-fill slot-shadow' });
    fillBar.style.width = `${deployment.shadow.percent}%`;
    shadow = h('div', { class: 'shadow-row', dataset: { slot: 'shadow', version: deployment.shadow.version, percent: deployment.shadow.percent } },
      h('span', { class: 'shadow-label' }, `shadow v${deployment.shadow.version} mirrors ${deployment.shadow.percent}%`),
      h('div', { class: 'shadow-track' }, fillBar));
  }

  return h('div', { class: 'weights', dataset: { deployed: 'true', revision: deployment.revision } },
    h('div', { class: 'bar' }, segments),
    idle.length || shadow ? h('div', { class: 'bar-extra' }, idle, shadow) : null);
}

/** A one-line description of a deployment: "blue v1 80% (active), canary v3 20%; shadow v3 10%". */
export function describeDeployment(deployment) {
  if (!deployment?.active) return 'nothing deployed (the highest ready version serves)';
  const serving = servingAssignments(deployment).map((a) => `${a.slot} v${a.version} ${a.weight}%${a.active ? ' (active)' : ''}`).join(', ');
  return deployment.shadow ? `${serving}; shadow v${deployment.shadow.version} ${deployment.shadow.percent}%` : serving;
}
