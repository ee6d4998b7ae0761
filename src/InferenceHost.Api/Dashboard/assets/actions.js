// Operator actions: each asks for confirmation in a dialog, then calls the admin API with this tab's
// token; the outcome (done, or refused with the API's reason) shows in the notice bar.
import { ApiError } from './api.js';
import { fill, h } from './dom.js';

const $ = (id) => document.getElementById(id);

/** Shows a message in the notice bar; kind 'ok' or 'error'. Errors stay until the next action or a click. */
export function notify(kind, message, status = '') {
  const notice = $('notice');
  notice.dataset.kind = kind;
  notice.dataset.status = String(status);
  fill(notice, h('span', { class: 'notice-text' }, message),
    h('button', { type: 'button', class: 'notice-close', 'aria-label': 'Dismiss', onclick: () => { notice.hidden = true; } }, '×'));
  notice.hidden = false;
}

/** What a refusal means for the operator, in one line. */
function explain(error) {
  if (!(error instanceof ApiError)) return String(error?.message ?? error);
  switch (error.status) {
    case 0: return 'The host did not answer. Is it running?';
    case 401: return `Refused (401): ${error.message}. Enter the admin token at the top right to make changes.`;
    case 403: return `Refused (403): ${error.message}. The token entered is not this host's admin token.`;
    case 409: return `Conflict (409): ${error.message}`;
    default: return `Refused (${error.status}): ${error.message}`;
  }
}

/** Asks for confirmation; resolves with {confirmed, reason}. */
function confirmDialog({ title, message, details, withReason, confirmLabel, danger }) {
  const dialog = $('confirm');
  $('confirm-title').textContent = title;
  $('confirm-message').textContent = message;
  $('confirm-details').textContent = details ?? '';
  $('confirm-details').hidden = !details;
  $('confirm-reason-field').hidden = !withReason;
  $('confirm-reason').value = '';
  const ok = $('confirm-ok');
  ok.textContent = confirmLabel ?? 'Confirm';
  ok.className = danger ? 'danger' : 'primary';
  return new Promise((resolve) => {
    const finish = (confirmed) => {
      ok.onclick = null;
      $('confirm-cancel').onclick = null;
      dialog.onclose = null;
      if (dialog.open) dialog.close();
      resolve({ confirmed, reason: $('confirm-reason').value.trim() });
    };
    ok.onclick = () => finish(true);
    $('confirm-cancel').onclick = () => finish(false);
    dialog.onclose = () => finish(false);
    dialog.showModal();
    (withReason ? $('confirm-reason') : $('confirm-cancel')).focus();
  });
}

/**
 * Runs one action after confirmation: run(reason) calls the API and returns the text to show when it
 * succeeded. Afterwards (done or refused) changed(done) refreshes the page, so it shows what the host holds.
 */
export async function perform(action, changed) {
  const { confirmed, reason } = await confirmDialog(action);
  if (!confirmed) return false;
  let outcome;
  try {
    outcome = ['ok', await action.run(reason), 200];
  } catch (error) {
    outcome = ['error', explain(error), error instanceof ApiError ? error.status : ''];
  }

  // The notice comes once the page shows what the host now holds, so the two never disagree.
  const done = outcome[0] === 'ok';
  await changed(done);
  notify(...outcome);
  return done;
}

/** A button that performs an action, tagged data-action for tests and scripts. */
export function actionButton(label, name, action, changed, { danger = false, disabled = false } = {}) {
  return h('button', {
    type: 'button',
    class: danger ? 'danger' : 'secondary',
    disabled,
    dataset: { action: name },
    onclick: () => perform(typeof action === 'function' ? action() : action, changed),
  }, label);
}
