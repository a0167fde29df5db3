// The national dashboard in the browser: a national-group member watches it while a Kainuu
// member marks an action done in another browser context, and the matrix changes without a
// reload; a regional member sees their own region against anonymous totals; axe on each view.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import JSZip from 'jszip';
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
  await watcher.getByTestId('national-matrix').locator('tr[data-region="kainuu"]').waitFor();
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
  const cellLink = watcher.getByTestId('national-matrix').locator('tr[data-region="kainuu"] td[data-goal="1"]').getByRole('link');
  await cellLink.click();
  await heading(watcher, new RegExp(t('fi', 'national.cellTitle', { goal: 1, region: 'Kainuu' })));
  await watcher.getByRole('link', { name: new RegExp(plan.title) }).first().waitFor();
  // The region's published practices on the goal first published in the period, as the library
  // lists them: in 2026 none of the demo's (they were first published in 2025).
  const kainuuId = dash.rows.find((r) => r.region.code === 'kainuu').region.id;
  const goal1Id = dash.nationalGoals.find((g) => g.code === '1').id;
  const cellPractices = watcher.getByTestId('cell-practices');
  const lib26 = await api(server, 'GET', `/practices?region=${kainuuId}&nationalGoal=${goal1Id}&period=2026&limit=10`, { as: ACCOUNTS.national });
  assert.equal(lib26.total, 0, 'no Kainuu practice on goal 1 was first published in 2026 yet');
  await cellPractices.getByText(t('fi', 'national.cellPractices.none')).waitFor();
  // In 2025 the list, with a link to all of them in the library under the same period.
  const url = new URL(watcher.url());
  url.searchParams.set('period', '2025');
  await watcher.goto(url.pathname + url.search);
  const lib = await api(server, 'GET', `/practices?region=${kainuuId}&nationalGoal=${goal1Id}&period=2025&limit=10`, { as: ACCOUNTS.national });
  assert.ok(lib.total > 0, 'Kainuu has practices on national goal 1 first published in 2025');
  await cellPractices.getByRole('link', { name: lib.items[0].name }).waitFor();
  assert.equal(await cellPractices.getByRole('listitem').count(), lib.items.length);
  const all = cellPractices.getByRole('link', { name: t('fi', 'national.cellPractices.all', { count: lib.total }) });
  assert.equal(new URL(await all.getAttribute('href'), 'http://elo.test').searchParams.get('period'), '2025');
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
  await page.getByRole('rowheader', { name: new RegExp(t('fi', 'national.totalsAllRegions').replace(/[()]/g, '\\$&')) }).first().waitFor();
  // Good practices: their own region's row against the national totals, as the matrix.
  const practiceRows = page.getByTestId('national-practices').locator('tbody tr');
  assert.equal(await practiceRows.count(), 1);
  assert.equal(await practiceRows.first().getAttribute('data-region'), 'etela-savo');
  await page.getByTestId('national-practices').locator('tfoot th', { hasText: t('fi', 'national.totalsAllRegions') }).waitFor();
  await page.getByTestId('national-practices').screenshot({ path: 'screenshots/fi-national-regional-practices.png' });
  // No other region is named anywhere on the page (the Etelä-Savo group's own name aside).
  const text = await page.locator('main').innerText();
  for (const other of ['Kainuu', 'Uusimaa', 'Lappi', 'Pirkanmaa']) assert.ok(!text.includes(other), `the page names ${other}`);
  const violations = await scan(page, 'fi-national-regional');
  assert.deepEqual(violations, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the regions compared count their good practices live, and a count lists as many in the library under its period', async () => {
  const { server, browser } = env;
  const lang = 'fi';
  const dash = await api(server, 'GET', '/national/dashboard', { as: ACCOUNTS.national });
  const region = (code) => dash.rows.find((r) => r.region.code === code).region;
  const kainuu = region('kainuu');
  const savo = region('etela-savo');
  const goal2 = dash.nationalGoals.findIndex((g) => g.code === '2');
  const compareQuery = (extra = '') => `region=${kainuu.id}&region=${savo.id}${extra}`;
  const page = await newPage(browser, server);
  await signIn(page, ACCOUNTS.national);
  await page.goto(`/national/compare?${compareQuery()}`);
  await heading(page, t(lang, 'national.compareTitle'));
  const table = page.getByTestId('compare-practices');
  await table.getByRole('table', { name: t(lang, 'national.practices.compareCaption') }).waitFor();

  // The page shows what the server counts, per region compared and national goal, and the two together.
  let cmp = await api(server, 'GET', `/national/compare?${compareQuery()}`, { as: ACCOUNTS.national });
  assert.deepEqual(
    cmp.practices.rows.map((r) => r.regionId),
    cmp.regions.map((r) => r.region.id),
    'a row of counts per region compared, in their order',
  );
  for (const [ri, r] of cmp.practices.rows.entries()) {
    const code = cmp.regions[ri].region.code;
    for (const [i, g] of cmp.nationalGoals.entries()) {
      await table.locator(`tr[data-goal="${g.code}"] td[data-region="${code}"]`).filter({ hasText: practices(lang, r.cells[i]) }).waitFor();
    }
    await table.locator(`tfoot td[data-region="${code}"]`).filter({ hasText: practices(lang, r.total) }).waitFor();
  }
  await table.locator('tfoot td[data-region="all"]').filter({ hasText: practices(lang, cmp.practices.totals.total) }).waitFor();
  await page.evaluate(() => (window.__sameDocument = true));
  await table.screenshot({ path: 'screenshots/fi-national-compare-practices.png' });
  let violations = await scan(page, 'fi-national-compare-practices');
  assert.deepEqual(violations, [], violations.join('\n'));

  // Live: a practice Kainuu publishes on national goal 2 raises its count without a reload.
  const kainuuRow = cmp.practices.rows.findIndex((r) => r.regionId === kainuu.id);
  const before = cmp.practices.rows[kainuuRow].cells[goal2];
  const [ws] = (await api(server, 'GET', '/workspaces', { as: ACCOUNTS.kainuuCoordinator })).filter((w) => w.regionId === kainuu.id);
  let p = await api(server, 'POST', '/practices', {
    as: ACCOUNTS.kainuuCoordinator,
    body: { workspaceId: ws.id, name: 'Vertailun käytäntö', summary: 'Lyhyt kuvaus.', basicIdea: 'Perusajatus.', nationalGoals: [dash.nationalGoals[goal2].id] },
  });
  p = await api(server, 'POST', `/practices/${p.id}/submit`, { as: ACCOUNTS.kainuuCoordinator, body: { version: p.version } });
  await api(server, 'POST', `/practices/${p.id}/review`, { as: ACCOUNTS.kainuuCoordinator, body: { version: p.version, decision: 'approve' } });
  await table.locator(`tr[data-goal="2"] td[data-region="kainuu"]`).filter({ hasText: practices(lang, before + 1) }).waitFor();
  await table.locator('tfoot td[data-region="all"]').filter({ hasText: practices(lang, cmp.practices.totals.total + 1) }).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the comparison was not reloaded');

  // Under the period 2025 a count opens the library with the region, the goal and the period, and it lists as many.
  await page.goto(`/national/compare?${compareQuery('&period=2025')}`);
  cmp = await api(server, 'GET', `/national/compare?${compareQuery('&period=2025')}`, { as: ACCOUNTS.national });
  const n = cmp.practices.rows[kainuuRow].cells[goal2];
  assert.ok(n > 0, 'Kainuu has practices on goal 2 first published in 2025');
  const link = table.locator(`tr[data-goal="2"] td[data-region="kainuu"]`).getByRole('link');
  await link.filter({ hasText: practices(lang, n) }).waitFor();
  await link.click();
  await page.waitForURL((url) => url.pathname === '/practices' && url.searchParams.get('region') === kainuu.id && url.searchParams.getAll('period').join() === '2025');
  await heading(page, t(lang, 'practices.title'));
  await page.getByRole('status').filter({ hasText: libraryCount(lang, n) }).waitFor();
  // The library's own period filter shows it: first published from 2025 to 2025.
  const from = page.getByRole('combobox', { name: t(lang, 'practices.publishedFrom'), exact: true });
  const to = page.getByRole('combobox', { name: t(lang, 'practices.publishedTo'), exact: true });
  assert.equal(await from.inputValue(), '2025');
  assert.equal(await to.inputValue(), '2025');
  // Opening the end: from 2025 on takes this year's too (the practice published above).
  await to.selectOption({ label: t(lang, 'practices.anyYear') });
  await page.waitForURL((url) => url.searchParams.get('period') === '2025-');
  const open = await api(server, 'GET', `/practices?region=${kainuu.id}&nationalGoal=${dash.nationalGoals[goal2].id}&period=2025-&limit=1`, { as: ACCOUNTS.national });
  await page.getByRole('status').filter({ hasText: libraryCount(lang, open.total) }).waitFor();
  await page.locator('.practice-filters').screenshot({ path: 'screenshots/fi-practices-period-filter.png' });
  violations = await scan(page, 'fi-practices-period');
  assert.deepEqual(violations, [], violations.join('\n'));

  // Several periods (a link from a view filtered by two) are named in a note until removed.
  await page.goto(`/practices?period=2024&period=2026`);
  const note = page.getByTestId('period-note');
  await note.filter({ hasText: t(lang, 'practices.publishedIn', { periods: `2024${t(lang, 'practices.periodOr')}2026` }) }).waitFor();
  const both = await api(server, 'GET', '/practices?period=2024&period=2026&limit=1', { as: ACCOUNTS.national });
  await page.getByRole('status').filter({ hasText: libraryCount(lang, both.total) }).waitFor();
  await page.locator('.practice-filters').screenshot({ path: 'screenshots/fi-practices-period-note.png' });
  violations = await scan(page, 'fi-practices-periods');
  assert.deepEqual(violations, [], violations.join('\n'));
  await note.getByRole('button', { name: t(lang, 'practices.anyPeriod') }).click();
  await page.waitForURL((url) => url.pathname === '/practices' && !url.searchParams.has('period'));
  // The button went away with the note: the focus is on the first year select, not lost.
  await page.waitForFunction(() => document.activeElement?.id === 'pf-from');
  const all = await api(server, 'GET', '/practices?limit=1', { as: ACCOUNTS.national });
  await page.getByRole('status').filter({ hasText: libraryCount(lang, all.total) }).waitFor();

  // Two themes on the dashboard: Kainuu's count links to the library with both, which lists as many.
  const themes = (await api(server, 'GET', '/reference')).themes.filter((x) => x.code === 'ohjaamo' || x.code === 'digital-guidance');
  const themeQuery = themes.map((x) => `theme=${x.id}`).join('&');
  const d2 = await api(server, 'GET', `/national/dashboard?${themeQuery}`, { as: ACCOUNTS.national });
  const k = d2.practices.rows[d2.rows.findIndex((r) => r.region.code === 'kainuu')].total;
  await page.goto(`/national?${themeQuery}`);
  const total = page.getByTestId('national-practices').locator('tr[data-region="kainuu"] td[data-goal="all"]');
  await total.filter({ hasText: practices(lang, k) }).waitFor();
  await total.getByRole('link').click();
  await page.waitForURL((url) => url.pathname === '/practices' && url.searchParams.getAll('theme').length === 2);
  await page.getByRole('status').filter({ hasText: libraryCount(lang, k) }).waitFor();
  await page.getByTestId('themes-note').filter({ hasText: themes[0].names.fi }).waitFor();
  violations = await scan(page, 'fi-practices-themes');
  assert.deepEqual(violations, [], violations.join('\n'));
  // Removing the themes with the keyboard: the focus goes to the theme select.
  await page.getByTestId('themes-note').getByRole('button', { name: t(lang, 'practices.anyTheme') }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/practices' && !url.searchParams.has('theme'));
  await page.getByTestId('themes-note').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'pf-theme');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** The library's count of its results as the page shows it. */
function libraryCount(lang, n) {
  return t(lang, `practices.count_${n === 1 ? 'one' : 'other'}`, { count: n });
}

/** The text of a count of practices as the page shows it. */
function practices(lang, n) {
  return n === 0 ? t(lang, 'national.practices.none') : t(lang, `national.practices.count_${n === 1 ? 'one' : 'other'}`, { count: n });
}

/** The rows of a workbook's first sheet as arrays of cell texts (shared, inline and plain strings, numbers). */
async function xlsxRows(path) {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = (name) => zip.file(name)?.async('string') ?? Promise.resolve('');
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const texts = (s) => [...s.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1])).join('');
  const shared = [...(await xml('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const sheet = await xml('xl/worksheets/sheet1.xml');
  return [...sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
    [...row[1].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
      const type = /t="(\w+)"/.exec(c[1])?.[1];
      const body = c[2] ?? '';
      if (type === 'inlineStr') return texts(body);
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '';
      return type === 's' ? shared[Number(v)] : unescape(v);
    }),
  );
}

/** A CSV file's rows (RFC 4180 quoting; the byte-order mark dropped). */
function csvRows(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

async function downloadFrom(page, lang, item) {
  await page.getByRole('button', { name: t(lang, 'national.exports.title'), exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t(lang, `national.exports.${item}`), exact: true }).click()]);
  await page.getByRole('status').filter({ hasText: t(lang, 'exports.downloaded', { name: file.suggestedFilename() }) }).waitFor();
  return file;
}

test('good practices per goal and region: counts, links to the library, live, and the national downloads', async () => {
  const { server, browser } = env;
  const lang = 'fi';
  const page = await newPage(browser, server);
  await signIn(page, ACCOUNTS.national);
  await openDashboard(page);
  const table = page.getByTestId('national-practices');
  await heading(page, t(lang, 'national.title'));
  await table.getByRole('table', { name: t(lang, 'national.practices.caption') }).waitFor();
  assert.equal(await table.locator('tbody tr').count(), 15, 'a row for every region');

  // The page shows what the server counts: every cell of Kainuu's row and the totals.
  const dash = await api(server, 'GET', '/national/dashboard', { as: ACCOUNTS.national });
  const kainuuRow = dash.rows.findIndex((r) => r.region.code === 'kainuu');
  const kainuu = dash.rows[kainuuRow].region;
  const counts = dash.practices.rows[kainuuRow];
  assert.ok(dash.practices.totals.total > 0, 'the demo has published practices');
  for (const [i, g] of dash.nationalGoals.entries()) {
    await table.locator(`tr[data-region="kainuu"] td[data-goal="${g.code}"]`).filter({ hasText: practices(lang, counts.cells[i]) }).waitFor();
    await table.locator(`tfoot td[data-goal="${g.code}"]`).filter({ hasText: practices(lang, dash.practices.totals.cells[i]) }).waitFor();
  }
  await table.locator('tr[data-region="kainuu"] td[data-goal="all"]').filter({ hasText: practices(lang, counts.total) }).waitFor();
  await page.evaluate(() => (window.__sameDocument = true));
  await table.screenshot({ path: 'screenshots/fi-national-practices-table.png' });
  const violations = await scan(page, 'fi-national-practices');
  assert.deepEqual(violations, [], violations.join('\n'));
  // On a phone the tables scroll in their own boxes (their cells' hidden texts too): the page does not scroll sideways.
  await page.setViewportSize({ width: 375, height: 812 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no sideways scrolling at 375 px');
  await page.setViewportSize({ width: 1280, height: 900 });

  // A newly published Kainuu practice on national goal 1 raises the count without a reload.
  const goal1 = dash.nationalGoals.findIndex((g) => g.code === '1');
  const ng1 = dash.nationalGoals[goal1];
  const [ws] = (await api(server, 'GET', '/workspaces', { as: ACCOUNTS.kainuuCoordinator })).filter((w) => w.name === 'ELO-ryhmä Kainuu');
  let p = await api(server, 'POST', '/practices', {
    as: ACCOUNTS.kainuuCoordinator,
    body: { workspaceId: ws.id, name: 'Selaintestin käytäntö', summary: 'Lyhyt kuvaus.', basicIdea: 'Perusajatus.', nationalGoals: [ng1.id] },
  });
  p = await api(server, 'POST', `/practices/${p.id}/submit`, { as: ACCOUNTS.kainuuCoordinator, body: { version: p.version } });
  await api(server, 'POST', `/practices/${p.id}/review`, { as: ACCOUNTS.kainuuCoordinator, body: { version: p.version, decision: 'approve' } });
  const cell = table.locator(`tr[data-region="kainuu"] td[data-goal="1"]`);
  await cell.filter({ hasText: practices(lang, counts.cells[goal1] + 1) }).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the dashboard was not reloaded');

  // Downloads: the national summary and the action list under the current filters (period 2026).
  await choosePeriod(page, '2026');
  await page.getByRole('button', { name: t(lang, 'national.exports.title'), exact: true }).click();
  await page.locator('.export-bar').screenshot({ path: 'screenshots/fi-national-downloads-menu.png' });
  const menuViolations = await scan(page, 'fi-national-downloads-open');
  assert.deepEqual(menuViolations, [], menuViolations.join('\n'));
  await page.keyboard.press('Escape');
  // Keyboard: Enter opens the menu, Tab reaches a file, Enter downloads it; the focus stays on the menu's button.
  const toggle = page.getByRole('button', { name: t(lang, 'national.exports.title'), exact: true });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const summaryItem = page.getByRole('button', { name: t(lang, 'national.exports.summaryCsv'), exact: true });
  await summaryItem.waitFor();
  for (let i = 0; i < 5 && !(await summaryItem.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  const [summaryCsv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  await page.getByRole('status').filter({ hasText: t(lang, 'exports.downloaded', { name: summaryCsv.suggestedFilename() }) }).waitFor();
  assert.equal(await toggle.evaluate((el) => el === document.activeElement), true, 'the focus stays on the menu button');
  assert.match(summaryCsv.suggestedFilename(), /\.csv$/);
  const srows = csvRows(readFileSync(await summaryCsv.path(), 'utf8'));
  assert.equal(srows[0][0], t(lang, 'exports.region'));
  assert.equal(srows[0].at(-1), t(lang, 'exports.summaryPractices'));
  const kainuuName = kainuu.names.fi;
  const k1 = srows.find((r) => r[0] === kainuuName && r[1].startsWith('1 '));
  assert.ok(k1, 'a row for Kainuu × national goal 1');
  const dash26 = await api(server, 'GET', '/national/dashboard?period=2026', { as: ACCOUNTS.national });
  assert.equal(Number(k1.at(-1)), dash26.practices.rows[kainuuRow].cells[goal1], 'the practices of Kainuu × goal 1 in 2026');
  assert.equal(srows.length, 1 + 15 * 6 + 6, 'regions × (goals + total), then the totals');

  const summaryXlsx = await downloadFrom(page, lang, 'summaryXlsx');
  assert.match(summaryXlsx.suggestedFilename(), /\.xlsx$/);
  const xrows = await xlsxRows(await summaryXlsx.path());
  assert.deepEqual(xrows[0], srows[0], 'the workbook has the CSV columns');
  assert.equal(xrows.length, srows.length);

  // A streamed file has no length: on a slow line the bar is indeterminate and the bytes received show beside it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 64 * 1024, uploadThroughput: -1 });
  await page.getByRole('button', { name: t(lang, 'national.exports.title'), exact: true }).click();
  const slow = page.waitForEvent('download');
  await page.getByRole('button', { name: t(lang, 'national.exports.actionsCsv'), exact: true }).click();
  const received = page.locator('.export-received');
  await received.filter({ hasText: new RegExp(t(lang, 'exports.received', { size: '.+ kB' })) }).waitFor();
  assert.equal(await page.locator('progress.export-progress').getAttribute('value'), null, 'an indeterminate bar');
  await page.locator('.export-bar').screenshot({ path: 'screenshots/fi-national-streamed-progress.png' });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const actionsCsv = await slow;
  await page.getByRole('status').filter({ hasText: t(lang, 'exports.downloaded', { name: actionsCsv.suggestedFilename() }) }).waitFor();
  const arows = csvRows(readFileSync(await actionsCsv.path(), 'utf8')).filter((r) => r.length > 1);
  const periodCol = arows[0].indexOf(t(lang, 'documents.fields.period'));
  assert.ok(periodCol >= 0, 'a period column');
  assert.ok(arows.length > 10, 'the demo has many actions in 2026');
  assert.ok(arows.slice(1).every((r) => r[periodCol] === '2026'), 'only 2026 plans (the current filter)');
  const actionsXlsx = await downloadFrom(page, lang, 'actionsXlsx');
  const axrows = await xlsxRows(await actionsXlsx.path());
  assert.deepEqual(axrows[0], arows[0], 'the workbook has the CSV columns');
  assert.equal(axrows.length, arows.length, 'and the same actions');

  // A count links to the library filtered by the region, the goal and the period (2026), which
  // lists as many practices as the cell says (the demo's were first published in 2025: only the new one).
  const in2026 = dash26.practices.rows[kainuuRow].cells[goal1];
  assert.ok(in2026 >= 1 && in2026 < counts.cells[goal1] + 1, 'the period narrows the count');
  await cell.filter({ hasText: practices(lang, in2026) }).waitFor();
  await cell.getByRole('link').click();
  await page.waitForURL(
    (url) => url.pathname === '/practices' && url.searchParams.get('region') === kainuu.id && url.searchParams.get('nationalGoal') === ng1.id && url.searchParams.get('period') === '2026',
  );
  await heading(page, t(lang, 'practices.title'));
  await page.getByRole('status').filter({ hasText: libraryCount(lang, in2026) }).waitFor();
  assert.equal(await page.getByRole('list', { name: t(lang, 'practices.results') }).getByRole('listitem').count(), in2026);

  // On paper: the tables whole, no download menu.
  await page.goBack();
  await table.waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: t(lang, 'national.exports.title'), exact: true }).isVisible(), false);
  assert.equal(await table.isVisible(), true);
  await page.screenshot({ path: 'screenshots/fi-national-print-media.png', fullPage: true });
  await table.screenshot({ path: 'screenshots/fi-national-practices-print.png' });
  await page.getByTestId('national-matrix').screenshot({ path: 'screenshots/fi-national-matrix-print.png' });
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
