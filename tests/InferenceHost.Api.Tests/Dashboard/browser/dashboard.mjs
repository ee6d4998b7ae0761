// Drives the dashboard in Debian's headless Chromium, one scenario per run, for DashboardBrowserTests.
//
//   node dashboard.mjs <scenario> [args...]
//
// Environment: DASHBOARD_URL (the host, e.g. http://127.0.0.1:8000), DASHBOARD_TOKEN (the admin token),
// DASHBOARD_SCREENSHOTS (folder for the PNGs), CHROMIUM (default /usr/bin/chromium).
// Prints one JSON line: {"ok": true, ...what the page showed} or {"ok": false, "error": "..."}; exit code 0 or 1.
// The xunit tests check the host's side (deployment, served traffic, audit log) themselves.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const HARD_LIMIT_MS = 100_000;
const WAIT_MS = 30_000;
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync',
];

const env = (name, fallback) => process.env[name] || fallback;
const hostUrl = env('DASHBOARD_URL');
const token = env('DASHBOARD_TOKEN', '');
const screenshots = env('DASHBOARD_SCREENSHOTS', join(process.cwd(), 'screenshots'));
const executablePath = env('CHROMIUM', '/usr/bin/chromium');

/** A new browser with a fresh profile; the page logs its script errors into `problems`. */
async function open(problems) {
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: install Debian's chromium (apt-get install chromium)`);
  }

  const profile = await mkdtemp(join(tmpdir(), 'dashboard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 }, timeout: WAIT_MS,
  });
  context.setDefaultTimeout(WAIT_MS);
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // A refused or absent resource (a model without a rollout answers 404) is logged by Chromium as a console
  // error; the page handles those itself, so only script errors count.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  return { page, close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); } };
}

/** Opens a dashboard route, enters the token through the page's own field (none when empty), waits for data. */
async function visit(page, route, withToken = token) {
  await page.goto(`${hostUrl}/dashboard?refresh=2${route}`);
  if (withToken) {
    await page.fill('#token', withToken);
    await page.click('#token-save');
    await page.waitForSelector('#access[data-access="token"]');
  }

  await page.waitForSelector('#view[data-loaded="true"]');
}

/** A PNG of the whole page; of the window only while a dialog is open, as its backdrop covers just the window. */
async function shoot(page, name, fullPage = true) {
  await mkdir(screenshots, { recursive: true });
  const path = join(screenshots, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Clicks an action, gives the reason asked for, screenshots the confirmation, confirms, and returns the notice it ends with. */
async function confirmAction(page, selector, screenshot, reason) {
  await page.evaluate(() => { document.getElementById('notice').hidden = true; });
  await page.click(selector);
  await page.waitForSelector('#confirm[open]');
  if (reason) await page.fill('#confirm-reason', reason);
  const dialog = { title: await page.textContent('#confirm-title'), details: await page.textContent('#confirm-details') };
  if (screenshot) await shoot(page, screenshot, false);
  await page.click('#confirm-ok');
  await page.waitForSelector('#notice:not([hidden])');
  return { dialog, notice: await notice(page) };
}

const notice = (page) => page.$eval('#notice', (n) => ({ kind: n.dataset.kind, status: n.dataset.status, text: n.querySelector('.notice-text').textContent }));

/** The weight bar's segments as the page shows them. */
const segments = (root) => root.$$eval('.weights .seg, .weights .chip', (all) => all.map((s) => ({ slot: s.dataset.slot, version: s.dataset.version, weight: Number(s.dataset.weight) })));

const scenarios = {
  /** The overview: every model with its weights and rollout, the silos. */
  async overview(page) {
    await visit(page, '#/');
    await page.waitForSelector('.model-card');
    const models = [];
    for (const card of await page.$$('.model-card')) {
      models.push({
        name: await card.getAttribute('data-model'),
        segments: await segments(card),
        rollout: await card.$eval('.rollout-line', (r) => r.dataset.phase),
        versions: await card.$$eval('table.health tbody tr', (rows) => rows.map((r) => r.dataset.version)),
      });
    }

    const silos = await page.$$eval('#cluster .silo', (all) => all.map((s) => s.dataset.silo));
    return { models, silos, access: await page.getAttribute('#access', 'data-access'), screenshot: await shoot(page, 'overview') };
  },

  /** Sets slots and weights in the form: set-weights MODEL blue=1:60 canary=2:40 [green=V:W] [shadow=V:P] [active=green]. */
  async 'set-weights'(page, model, ...settings) {
    await visit(page, `#/models/${model}`);
    const wanted = Object.fromEntries(settings.map((s) => s.split('=')));
    for (const slot of ['blue', 'green', 'canary', 'shadow']) {
      const [version, weight] = (wanted[slot] ?? ':0').split(':');
      await page.selectOption(`#w-${slot}-version`, version);
      await page.fill(`#w-${slot}-${slot === 'shadow' ? 'percent' : 'weight'}`, weight || '0');
    }

    await page.check(`input[name="w-active"][value="${wanted.active ?? 'blue'}"]`);
    const sum = await page.textContent('#weights .sum');
    const result = await confirmAction(page, '[data-action="apply-weights"]', 'model-confirm-weights');
    const revision = await page.$eval('#deployment .weights', (w) => Number(w.dataset.revision));
    return { ...result, sum, revision, segments: await segments(await page.$('#deployment')), screenshot: await shoot(page, 'model-weights-set') };
  },

  /** Rolls the deployment back with its button. */
  async 'rollback-deployment'(page, model) {
    await visit(page, `#/models/${model}`);
    const before = await page.$eval('#deployment .weights', (w) => Number(w.dataset.revision));
    const result = await confirmAction(page, '[data-action="rollback-deployment"]');
    await page.waitForFunction((r) => Number(document.querySelector('#deployment .weights')?.dataset.revision) > r, before);
    return { ...result, before, segments: await segments(await page.$('#deployment')), screenshot: await shoot(page, 'model-rolled-back-deployment') };
  },

  /**
   * A rollout in its canary phase: waits until the charts show both versions serving, reads every chart's
   * numbers, looks at the overview, then rolls the rollout back with its button, giving a reason:
   * rollout-rollback MODEL CANDIDATE BASELINE REASON.
   */
  async 'rollout-rollback'(page, model, candidate, baseline, reason) {
    await visit(page, `#/models/${model}`);
    await page.waitForSelector('#rollout[data-phase="canary"]');
    await page.selectOption('#chart-window', '1m');
    await page.waitForSelector('#charts[data-window="1m"]');
    // Latency has a value only in seconds with requests: eight each means both versions served for a while.
    await page.waitForFunction(([c, b]) => [c, b].every((v) => Number(document.querySelector(
      `figure[data-chart="latency_p95"] path[data-version="${v}"]`)?.dataset.points) >= 8), [candidate, baseline]);
    const charts = await page.$$eval('figure.chart', (figures) => figures.map((f) => ({
      id: f.dataset.chart,
      threshold: f.dataset.threshold === '' ? null : Number(f.dataset.threshold),
      series: [...f.querySelectorAll('path[data-series]')].map((p) => ({
        version: p.dataset.version, points: Number(p.dataset.points), values: JSON.parse(p.dataset.values),
      })),
    })));
    const ladder = await page.$$eval('#rollout .ladder li', (all) => all.map((li) => ({ step: Number(li.dataset.step), state: li.className })));
    const screenshot = await shoot(page, 'model-canary');

    await page.click('.brand');
    await page.waitForSelector(`.model-card[data-model="${model}"] .rollout-line[data-phase="canary"]`);
    const overview = await segments(await page.$(`.model-card[data-model="${model}"]`));
    await shoot(page, 'overview-canary');
    await page.goBack();
    await page.waitForSelector('#rollout[data-phase="canary"] [data-action="rollout-rollback"]');

    const result = await confirmAction(page, '[data-action="rollout-rollback"]', 'model-confirm-rollback', reason);
    await page.waitForSelector('#rollout[data-phase="rolled_back"]');
    await page.waitForSelector('#decisions .decision[data-action="rollback"]');
    return { ...result, charts, ladder, overview, screenshot, after: await shoot(page, 'model-rollout-rolled-back') };
  },

  /**
   * Without a token the page still reads (anonymous reads) and every action is refused; with a wrong token the
   * reads are refused too (a sent token is always checked), and so are the actions.
   */
  async refused(page, model) {
    await visit(page, `#/models/${model}`, '');
    const access = await page.getAttribute('#access', 'data-access');
    const switched = await confirmAction(page, '[data-action="switch"]');
    await page.fill('#w-blue-weight', '50');
    await page.selectOption('#w-green-version', '2');
    await page.fill('#w-green-weight', '50');
    const weights = await confirmAction(page, '[data-action="apply-weights"]');
    const screenshot = await shoot(page, 'model-refused');
    await page.fill('#token', `${token}-wrong`);
    await page.click('#token-save');
    await page.waitForSelector('#access[data-access="rejected"]');
    const wrong = await confirmAction(page, '[data-action="rollback-deployment"]');
    return { access, switched: switched.notice, weights: weights.notice, wrong: wrong.notice, screenshot };
  },
};

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const scenario = scenarios[name];
  if (!scenario || !hostUrl) throw new Error(`usage: DASHBOARD_URL=... node dashboard.mjs <${Object.keys(scenarios).join('|')}> [args]`);
  const problems = [];
  const browser = await open(problems);
  try {
    return { ok: true, ...(await scenario(browser.page, ...args)), problems };
  } catch (error) {
    const screenshot = await shoot(browser.page, `${name}-failed`).catch(() => null);
    return { ok: false, error: String(error?.message ?? error), screenshot, problems };
  } finally {
    await browser.close();
  }
}

const limit = setTimeout(() => {
  process.stdout.write(`${JSON.stringify({ ok: false, error: `gave up after ${HARD_LIMIT_MS} ms` })}\n`);
  process.exit(1);
}, HARD_LIMIT_MS);
try {
  const result = await main();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  process.stdout.write(`${JSON.stringify({ ok: false, error: String(error?.message ?? error) })}\n`);
  process.exitCode = 1;
} finally {
  clearTimeout(limit);
}
