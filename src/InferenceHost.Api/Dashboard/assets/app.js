// The dashboard's shell: the token field, a hash router (#/ and #/models/{name}) and the refresh loop.
import { notify } from './actions.js';
import { ApiError, tokenStore } from './api.js';
import { fill, h } from './dom.js';
import { clock } from './format.js';
import { modelView } from './model.js';
import { overviewView } from './overview.js';

const $ = (id) => document.getElementById(id);

/** Seconds between refreshes: 5, or ?refresh=N (1 to 60) in the page's address. */
const REFRESH_MS = (() => {
  const asked = Number(new URLSearchParams(location.search).get('refresh'));
  return (Number.isInteger(asked) && asked >= 1 && asked <= 60 ? asked : 5) * 1000;
})();

let view = null;
let generation = 0;
let timer = 0;

function viewFor(hash) {
  const model = /^#\/models\/([^/]+)$/.exec(hash);
  return model ? modelView(decodeURIComponent(model[1]), { changed: refresh }) : overviewView();
}

function showCrumbs(crumbs) {
  fill($('crumbs'), h('a', { href: '#/' }, 'Overview'), crumbs.map((c) => [h('span', { class: 'sep' }, '/'), h('span', null, c)]));
}

function showAccess(state) {
  const access = $('access');
  access.dataset.access = state;
  access.textContent = {
    token: 'Token set: read and change',
    anonymous: 'No token: read-only',
    needed: 'Token needed',
    rejected: 'Token rejected',
    offline: 'Host not answering',
  }[state] ?? state;
}

/** A failed read: shown above the page, which keeps what it showed last. */
function showLoadError(error) {
  let message = error?.message ?? String(error);
  if (error instanceof ApiError) {
    if (error.status === 401) message = 'This host needs the admin token to show its state. Enter it at the top right.';
    else if (error.status === 403) message = 'The token entered is not this host\'s admin token.';
    else if (error.status === 0) message = 'The host did not answer; retrying.';
    else message = `${error.method} ${error.path} answered ${error.status}: ${error.message}`;
  }

  let banner = $('load-error');
  if (!banner) {
    banner = h('div', { id: 'load-error', class: 'load-error', role: 'status' });
    $('view').prepend(banner);
  }

  banner.dataset.status = error instanceof ApiError ? String(error.status) : '';
  banner.textContent = message;
}

/** Refreshes the current view now, and again every REFRESH_MS after that; a refresh for a page since left is dropped. */
async function refresh() {
  clearTimeout(timer);
  const mine = ++generation;
  const current = view;
  try {
    await current.refresh();
    if (mine !== generation) return;
    $('load-error')?.remove();
    showAccess(tokenStore.get() ? 'token' : 'anonymous');
    $('updated').textContent = `Updated ${clock(new Date())}`;
    $('view').dataset.loaded = 'true';
  } catch (error) {
    if (mine !== generation) return;
    showLoadError(error);
    const status = error instanceof ApiError ? error.status : -1;
    showAccess(status === 401 ? 'needed' : status === 403 ? 'rejected' : status === 0 ? 'offline' : tokenStore.get() ? 'token' : 'anonymous');
  } finally {
    if (mine === generation) timer = setTimeout(refresh, REFRESH_MS);
  }
}

function route() {
  view = viewFor(location.hash || '#/');
  $('view').dataset.loaded = 'false';
  fill($('view'), view.root);
  showCrumbs(view.crumbs);
  document.title = view.crumbs.length ? `${view.crumbs.at(-1)} · InferenceHost` : 'InferenceHost dashboard';
  refresh();
}

$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token').value.trim();
  $('token').value = '';
  if (token) tokenStore.set(token);
  notify('ok', token ? 'Token set for this tab.' : 'No token entered.');
  refresh();
});
$('token-clear').addEventListener('click', () => {
  tokenStore.clear();
  notify('ok', 'Token forgotten: this tab can only read now, where the host allows it.');
  refresh();
});
$('refresh-seconds').textContent = String(REFRESH_MS / 1000);
window.addEventListener('hashchange', route);
route();
