// The model's deployment: the weight bar, switch and roll back, and a form to set slots and weights.
// The form keeps what the operator types across refreshes; Apply sends If-Match with the revision the
// form started from, so a change made meanwhile by someone else is refused (409), never overwritten.
import { actionButton, perform } from './actions.js';
import { call, modelPath } from './api.js';
import { card, fill, h } from './dom.js';
import { ago } from './format.js';
import { SERVING_SLOTS, describeDeployment, slotClass, weightBar } from './slots.js';

function versionSelect(id, label, versions, selected) {
  return h('select', { id, 'aria-label': label },
    h('option', { value: '' }, '—'),
    versions.map((v) => h('option', { value: v, selected: v === selected }, `v${v}`)));
}

function numberInput(id, label, value) {
  return h('input', { id, 'aria-label': label, type: 'number', min: 0, max: 100, step: 1, value: String(value ?? 0), inputmode: 'numeric' });
}

/** The form's fields, filled from a deployment (or, with none, the default version on blue at 100%). */
function weightsForm(deployment, versions, fallbackVersion) {
  const deployed = Boolean(deployment?.active);
  const active = deployment?.active ?? 'blue';
  const rows = SERVING_SLOTS.map((slot) => {
    const assignment = deployed ? deployment.slots[slot] : slot === 'blue' ? { version: fallbackVersion, weight: 100 } : null;
    return h('tr', null,
      h('th', null, h('span', { class: ['chip', slotClass(slot)] }, slot)),
      h('td', null, versionSelect(`w-${slot}-version`, `${slot} version`, versions, assignment?.version)),
      h('td', null, numberInput(`w-${slot}-weight`, `${slot} weight`, assignment?.weight ?? 0), ' %'),
      h('td', null, slot === 'canary' ? '' : h('label', { class: 'radio' },
        h('input', { type: 'radio', name: 'w-active', value: slot, checked: slot === active }), 'active')));
  });
  const shadow = h('tr', null,
    h('th', null, h('span', { class: 'chip slot-shadow' }, 'shadow')),
    h('td', null, versionSelect('w-shadow-version', 'shadow version', versions, deployment?.shadow?.version)),
    h('td', null, numberInput('w-shadow-percent', 'shadow percent', deployment?.shadow?.percent ?? 0), ' % mirrored'),
    h('td'));
  return h('table', { class: 'weights-form' },
    h('thead', null, h('tr', null, h('th', null, 'Slot'), h('th', null, 'Version'), h('th', null, 'Weight'), h('th', null, 'Colour'))),
    h('tbody', null, rows, shadow));
}

/** The deployment the form describes, as PUT takes it. */
function desiredFrom(form) {
  const value = (id) => form.querySelector(`#${id}`).value;
  const slots = {};
  for (const slot of SERVING_SLOTS) {
    const version = value(`w-${slot}-version`);
    if (version) slots[slot] = { version, weight: Number(value(`w-${slot}-weight`)) };
  }

  const shadowVersion = value('w-shadow-version');
  return {
    active: form.querySelector('input[name="w-active"]:checked')?.value ?? 'blue',
    slots,
    shadow: shadowVersion ? { version: shadowVersion, percent: Number(value('w-shadow-percent')) } : null,
  };
}

export function deploymentPanel({ model, changed }) {
  const summary = h('div', { class: 'deployment-summary' });
  const buttons = h('div', { class: 'buttons' });
  const fields = h('div');
  const sum = h('span', { class: 'sum' });
  const stale = h('p', { class: 'stale', hidden: true });
  let current = null;
  let base = { etag: null, revision: null, versionsKey: '' };
  let dirty = false;

  // Forgets what was typed: the next refresh fills the form from the deployment again.
  const reset = () => {
    dirty = false;
    base = { ...base, revision: null };
    changed();
  };
  const form = h('form', { id: 'weights', class: 'weights-editor', novalidate: true }, fields,
    h('div', { class: 'form-foot' }, sum,
      h('button', { type: 'button', class: 'quiet', dataset: { action: 'reset-weights' }, onclick: reset }, 'Reset'),
      h('button', { type: 'submit', class: 'primary', dataset: { action: 'apply-weights' } }, 'Apply…')),
    stale);
  const showSum = () => {
    const desired = desiredFrom(form);
    const total = Object.values(desired.slots).reduce((a, s) => a + s.weight, 0);
    sum.textContent = `Serving weights sum to ${total}%`;
    sum.classList.toggle('bad', total !== 100);
  };
  form.addEventListener('input', () => { dirty = true; showSum(); });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const desired = desiredFrom(form);
    await perform({
      title: `Set the deployment of ${model}`,
      message: `Replace revision ${base.revision ?? 0} with this deployment. Requests follow the new weights at once on every silo.`,
      details: `now:   ${describeDeployment(current)}\nafter: ${describeDeployment(desired)}`,
      confirmLabel: 'Apply',
      run: async () => {
        const { json } = await call('PUT', modelPath(model, '/deployment'), { body: desired, ifMatch: base.etag });
        return `Deployment of ${model} is now revision ${json.revision}: ${describeDeployment(json)}.`;
      },
    }, async (applied) => {
      if (applied) dirty = false;
      await changed();
    });
  });

  const element = card('Deployment', { id: 'deployment' }, summary, buttons,
    h('h3', null, 'Set slots and weights'), form);

  return {
    element,
    update(deployment, etag, versions, fallbackVersion) {
      current = deployment;
      const deployed = Boolean(deployment?.active);
      fill(summary, weightBar(deployment, fallbackVersion),
        h('p', { class: 'muted small' }, deployment?.changed_at
          ? `Revision ${deployment.revision}, changed ${ago(deployment.changed_at)} by ${deployment.changed_by}.`
          : `Revision ${deployment?.revision ?? 0}.`));
      fill(buttons,
        actionButton(`Switch to ${deployment?.standby ?? 'standby'}`, 'switch', () => ({
          title: `Switch ${model} to ${deployment.standby}`,
          message: `The ${deployment.standby} colour takes the ${deployment.active} colour's whole share, at once.`,
          details: `now: ${describeDeployment(deployment)}`,
          confirmLabel: 'Switch',
          run: async () => {
            const { json } = await call('POST', modelPath(model, '/switch'));
            return `Switched ${model}: ${json.active} is active (revision ${json.revision}).`;
          },
        }), changed, { disabled: !deployed }),
        actionButton('Roll back deployment', 'rollback-deployment', () => ({
          title: `Roll back the deployment of ${model}`,
          message: `Return to the deployment before revision ${deployment.revision}, as a new revision.`,
          details: `now: ${describeDeployment(deployment)}`,
          confirmLabel: 'Roll back',
          danger: true,
          run: async () => {
            const { json } = await call('POST', modelPath(model, '/rollback'));
            return `Rolled back ${model} to revision ${json.revision}: ${describeDeployment(json)}.`;
          },
        }), changed, { danger: true, disabled: !deployment?.revision }));

      const versionsKey = versions.join(',');
      if (!dirty && (deployment?.revision !== base.revision || versionsKey !== base.versionsKey)) {
        fill(fields, weightsForm(deployment, versions, fallbackVersion));
        base = { etag, revision: deployment?.revision ?? 0, versionsKey };
        showSum();
      }

      stale.hidden = !(dirty && deployment?.revision !== base.revision);
      stale.textContent = `The deployment changed to revision ${deployment?.revision} while you edited; Apply will be refused. Reset to start from it.`;
    },
  };
}
