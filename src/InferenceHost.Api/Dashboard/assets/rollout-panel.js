// The model's rollout: where it stands on its ladder, the latest decision with its evidence, the
// operator's commands, and the history of every decision that changed something.
import { actionButton } from './actions.js';
import { call, modelPath } from './api.js';
import { badge, card, fill, h, table } from './dom.js';
import { ago, count, dateTime } from './format.js';
import { gateInfo } from './gates.js';

const PHASE_KIND = { shadow: 'info', canary: 'warn', promoted: 'ok', rolled_back: 'bad', aborted: 'muted' };
const ACTION_KIND = { start: 'info', step: 'info', promote: 'ok', rollback: 'bad', abort: 'muted', pause: 'warn', resume: 'info', wait: 'muted' };
const OUTCOME_KIND = { pass: 'ok', fail: 'bad', inconclusive: 'muted' };

export const isRunning = (rollout) => Boolean(rollout && !rollout.ended_at);

function phaseBadge(rollout) {
  return badge(rollout.phase.replace('_', ' '), PHASE_KIND[rollout.phase] ?? 'muted', { dataset: { phase: rollout.phase } });
}

/** Where a rollout stands, in one line: used on the overview and the model page. */
export function rolloutSummary(rollout) {
  if (!rollout) return h('div', { class: 'rollout-line muted', dataset: { phase: 'none' } }, 'No rollout yet');
  const steps = rollout.policy?.steps ?? [];
  const where = rollout.phase === 'shadow'
    ? 'shadow: mirrored traffic only'
    : rollout.phase === 'canary' ? `step ${rollout.step + 1} of ${steps.length}, ${rollout.canary_weight}% of users` : null;
  return h('div', { class: 'rollout-line', dataset: { phase: rollout.phase, step: rollout.step, weight: rollout.canary_weight } },
    h('span', null, `Rollout #${rollout.number}: v${rollout.candidate} against v${rollout.baseline}`),
    phaseBadge(rollout),
    rollout.paused ? badge('paused', 'warn') : null,
    where ? h('span', { class: 'muted' }, where) : null,
    rollout.ended_at ? h('span', { class: 'muted' }, `ended ${ago(rollout.ended_at)}`) : null);
}

/** The ladder: shadow, then each step's weight; done steps filled, the current one outlined. */
function ladder(rollout) {
  const steps = rollout.policy?.steps ?? [];
  const position = rollout.phase === 'shadow' ? -1 : rollout.phase === 'promoted' ? steps.length : rollout.step;
  const rungs = [{ label: 'shadow', index: -1 }, ...steps.map((weight, index) => ({ label: `${weight}%`, index }))];
  return h('ol', { class: 'ladder', 'aria-label': 'Rollout steps' }, rungs.map(({ label, index }) => h('li', {
    class: [index < position ? 'done' : null, index === position && isRunning(rollout) ? 'current' : null],
    dataset: { step: index },
  }, label)));
}

/** Each gate's numbers: threshold, both sides, the compared quantity with its interval, samples, outcome. */
function gatesTable(gates) {
  if (!gates?.length) return h('p', { class: 'muted' }, 'No gate numbers in this decision.');
  return table(['Gate', 'Limit', 'Candidate', 'Baseline', 'Estimate [interval]', 'Samples', 'Outcome'],
    gates.map((g) => {
      const info = gateInfo(g.metric);
      const interval = g.lower === null && g.upper === null ? '' : ` [${info.estimate(g.lower)}, ${info.estimate(g.upper)}]`;
      return h('tr', { dataset: { metric: g.metric, outcome: g.outcome }, title: g.detail || '' },
        h('td', { class: 'nowrap' }, info.label), h('td', { class: 'nowrap' }, info.limit(g.threshold)),
        h('td', { class: 'num' }, info.value(g.candidate)), h('td', { class: 'num' }, info.value(g.baseline)),
        h('td', { class: 'num' }, `${info.estimate(g.estimate)}${interval}`), h('td', { class: 'num' }, count(g.samples)),
        h('td', null, badge(g.outcome, OUTCOME_KIND[g.outcome] ?? 'muted')));
    }),
    { class: 'gates' });
}

function command(model, name, verb, changed, rollout, enabled, danger = false) {
  return actionButton(verb, `rollout-${name}`, () => ({
    title: `${verb} rollout #${rollout?.number ?? ''} of ${model}`,
    message: {
      pause: 'Hold the current step. Gates are still evaluated, and a failing gate still rolls back.',
      resume: 'Continue the rollout from its current step.',
      promote: `Make v${rollout?.candidate} the active colour now, whatever the gates say.`,
      rollback: `Take v${rollout?.candidate} out of every slot and mark the rollout failed.`,
      abort: `Stop the rollout: v${rollout?.candidate} serves nobody and the deployment returns to v${rollout?.baseline}.`,
    }[name],
    withReason: true,
    confirmLabel: verb,
    danger,
    run: async (reason) => {
      const { json } = await call('POST', modelPath(model, `/rollout/${name}`), { body: reason ? { reason } : {} });
      return `Rollout #${json.number}: ${json.phase.replace('_', ' ')}${json.paused ? ', paused' : ''} (${json.latest?.action ?? name} by ${json.latest?.actor ?? 'operator'}).`;
    },
  }), changed, { danger, disabled: !enabled });
}

export function rolloutPanel({ model, changed }) {
  const body = h('div', { class: 'rollout-body' });
  const buttons = h('div', { class: 'buttons' });
  const element = card('Rollout', { id: 'rollout' }, body, buttons);
  return {
    element,
    update(rollout, policyText) {
      element.dataset.phase = rollout?.phase ?? 'none';
      const running = isRunning(rollout);
      fill(buttons,
        command(model, 'pause', 'Pause', changed, rollout, running && !rollout.paused),
        command(model, 'resume', 'Resume', changed, rollout, running && rollout.paused),
        command(model, 'promote', 'Promote', changed, rollout, running),
        command(model, 'rollback', 'Roll back', changed, rollout, running, true),
        command(model, 'abort', 'Abort', changed, rollout, running));
      if (!rollout) {
        fill(body, h('p', { class: 'muted' }, 'No rollout has run for this model. Start one with ',
          h('code', null, `inferencehost rollout start ${model} <version>`), ' or POST …/rollouts.'),
        h('p', { class: 'muted small' }, `Next policy: ${policyText}`));
        return;
      }

      const latest = rollout.latest;
      const evidence = latest?.evidence;
      fill(body,
        rolloutSummary(rollout),
        ladder(rollout),
        h('dl', { class: 'facts' },
          h('dt', null, 'Started'), h('dd', null, `${ago(rollout.started_at)} by ${rollout.started_by}`),
          h('dt', null, 'This phase'), h('dd', null, `since ${ago(rollout.phase_started_at)}`),
          h('dt', null, 'Requests'), h('dd', null, evidence
            ? `candidate ${count(evidence.candidate_requests)} · baseline ${count(evidence.baseline_requests)} · this phase ${count(evidence.phase_requests)}`
            : '—'),
          h('dt', null, running ? 'Policy' : 'Next policy'), h('dd', null, policyText)),
        latest ? h('div', { class: 'latest', dataset: { action: latest.action } },
          h('div', null, badge(latest.action, ACTION_KIND[latest.action]), ' ', h('span', null, latest.reason),
            h('span', { class: 'muted' }, ` — ${latest.actor}, ${ago(latest.at)}`)),
          gatesTable(evidence?.gates)) : null);
    },
  };
}

/** Decisions that changed something, newest first, each opening onto its evidence; waits are counted, not listed. */
export function decisionsPanel() {
  const body = h('div');
  const element = card('Decision history', { id: 'decisions' }, body);
  return {
    element,
    update(decisions, rollout) {
      if (!rollout || !decisions) {
        fill(body, h('p', { class: 'muted' }, 'No decisions yet.'));
        return;
      }

      const changes = decisions.filter((d) => d.action !== 'wait').reverse();
      const waits = decisions.length - changes.length;
      fill(body,
        h('p', { class: 'muted small' }, `Rollout #${rollout.number}: ${changes.length} decisions${waits ? `, ${waits} evaluations that waited (not listed)` : ''}.`),
        h('div', { class: 'decisions' }, changes.map((d) => h('details', { class: 'decision', dataset: { action: d.action, sequence: d.sequence } },
          h('summary', null,
            h('span', { class: 'when', title: dateTime(d.at) }, dateTime(d.at).slice(11)),
            badge(d.action, ACTION_KIND[d.action]),
            h('span', { class: 'weight' }, `${d.canary_weight}%`),
            h('span', { class: 'reason' }, d.reason),
            h('span', { class: 'actor muted' }, d.actor)),
          h('p', { class: 'muted small' },
            `Phase ${d.phase.replace('_', ' ')} · candidate ${count(d.evidence.candidate_requests)} requests · baseline ${count(d.evidence.baseline_requests)} · this phase ${count(d.evidence.phase_requests)}`),
          gatesTable(d.evidence.gates)))));
    },
  };
}
