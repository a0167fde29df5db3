// The national dashboard in the browser: a national-group member watches it while a Kainuu
// member marks an action done in another browser context, and the matrix changes without a
// reload; a regional member sees their own region against anonymous totals; axe on each view.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, api, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

/** Waits until the Kainuu row's all-goals column says `Done x of y`. */
async function kainuuShows(page, done, actions) {
  await page
    .getByTestId('national-matrix')
    .locator('tr[data-region="kainuu"] td')
    .last()
    .filter({ hasText: t('fi', 'national.doneOf', { done, actions }) })
    .waitFor();
}

async function openDashboard(page, lang = 'fi') {
  await page.getByRole('navigation', { name: t(lang, 'nav.label') }).getByRole('link', { name: t(lang, 'national.nav') }).click();
  await heading(page, t(lang, 'national.title'));
  await page.getByTestId('national-matrix').waitFor();
}

async function choosePeriod(page, period, lang = 'fi') {
  await page.getByRole('button', { name: new RegExp(t(lang, 'national.filters.period')) }).click();
  await page.getByRole('option', { name: period, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('period') === period);
}

test('a status change in Kainuu reaches an open national dashboard without reload', async () => {
  const { server, browser } = env;
  // The Kainuu 2026 plan and an action in it that is not done yet.
  const [kainuu] = (await api(server, 'GET', '/workspaces', { as: ACCOUNTS.kainuuCoordinator })).filter((w) => w.name === 'ELO-ryhmä Kainuu');
  const docs = await api(server, 'GET', `/workspaces/${kainuu.id}/documents`, { as: ACCOUNTS.kainuuCoordinator });
  const plan = docs.find((d) => d.kind === 'action_plan' && d.period === '2026' && !d.archived);
  assert.ok(plan, 'the demo has a Kainuu plan for 2026');

  const watcher = await newPage(browser, server);
  await signIn(watcher, ACCOUNTS.national);
  await openDashboard(watcher);
  await choosePeriod(watcher, '2026');
  await watcher.locator('tr[data-region="kainuu"]').waitFor();
  assert.equal(await watcher.getByTestId('national-matrix').locator('tbody tr').count(), 15, 'the national group sees every region');
  // What the server counts now for Kainuu in 2026, and the page showing it.
  const dash = await api(server, 'GET', '/national/dashboard?period=2026', { as: ACCOUNTS.national });
  const before = dash.rows.find((r) => r.region.code === 'kainuu').total;
  await kainuuShows(watcher, before.status.done, before.actions);
  await watcher.evaluate(() => (window.__sameDocument = true));
  await scan(watcher, 'fi-national-dashboard-2026');

  // Another browser: the Kainuu coordinator marks an action done in the plan editor.
  const editor = await newPage(browser, server);
  await signIn(editor, ACCOUNTS.kainuuCoordinator);
  await editor.goto(`/workspaces/${kainuu.id}/documents/${plan.id}`);
  await editor.getByRole('status').filter({ hasText: t('fi', 'editor.connection.saved') }).waitFor();
  const selects = editor.getByLabel(t('fi', 'editor.fields.status'), { exact: true });
  await selects.first().waitFor();
  let changed = false;
  for (let i = 0; i < (await selects.count()); i++) {
    const s = selects.nth(i);
    if ((await s.inputValue()) !== 'done') {
      await s.selectOption('done');
      changed = true;
      break;
    }
  }
  assert.ok(changed, 'an action that is not done yet');

  // The dashboard shows one more done action, in the same page (no reload).
  await kainuuShows(watcher, before.status.done + 1, before.actions);
  assert.equal(await watcher.evaluate(() => window.__sameDocument), true, 'the dashboard was not reloaded');

  // Drill down from the Kainuu cell of national goal 1 to the goals behind it and to the plan.
  const cellLink = watcher.locator('tr[data-region="kainuu"] td[data-goal="1"]').getByRole('link');
  await cellLink.click();
  await heading(watcher, new RegExp(t('fi', 'national.cellTitle', { goal: 1, region: 'Kainuu' })));
  await watcher.getByRole('link', { name: new RegExp(plan.title) }).first().waitFor();
  const violations = await scan(watcher, 'fi-national-cell');
  assert.deepEqual(violations, []);
  assert.deepEqual(watcher.errors, []);
  assert.deepEqual(editor.errors, []);
  await watcher.context().close();
  await editor.context().close();
});

test('a regional member sees their own region against anonymous national totals', async () => {
  const { server, browser } = env;
  const page = await newPage(browser, server);
  await signIn(page, ACCOUNTS.etelaSavoMember);
  await openDashboard(page);
  await page.getByText(t('fi', 'national.introRegional')).waitFor();
  const rows = page.getByTestId('national-matrix').locator('tbody tr');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().getAttribute('data-region'), 'etela-savo');
  await page.getByRole('rowheader', { name: new RegExp(t('fi', 'national.totalsAllRegions').replace(/[()]/g, '\\$&')) }).waitFor();
  // No other region is named anywhere on the page (the Etelä-Savo group's own name aside).
  const text = await page.locator('main').innerText();
  for (const other of ['Kainuu', 'Uusimaa', 'Lappi', 'Pirkanmaa']) assert.ok(!text.includes(other), `the page names ${other}`);
  const violations = await scan(page, 'fi-national-regional');
  assert.deepEqual(violations, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
