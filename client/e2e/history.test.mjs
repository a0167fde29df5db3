// The history of a plan in the editor: the timeline shows a new edit; a past version opens,
// compared with now and as it was; restoring it brings the text back for everyone; who wrote
// what names the authors; axe finds nothing serious with all of it open.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, api, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

const KAINUU = 'ELO-ryhmä Kainuu';
const PLAN = 'Kainuun ELO-ryhmän toimintasuunnitelma 2026';
const env = useServerAndBrowser();

test('a coordinator finds an edit in the history, compares, restores the version before it, and sees who wrote what', async () => {
  const [kainuu] = (await api(env.server, 'GET', '/workspaces', { as: ACCOUNTS.kainuuCoordinator })).filter((w) => w.name === KAINUU);
  const docs = await api(env.server, 'GET', `/workspaces/${kainuu.id}/documents`, { as: ACCOUNTS.kainuuCoordinator });
  const plan = await api(env.server, 'GET', `/documents/${docs.find((d) => d.title === PLAN).id}`, { as: ACCOUNTS.kainuuCoordinator });
  const goal = Object.values(plan.nodes)
    .filter((n) => n.parent === plan.id && n.list === 'goals')
    .sort((a, b) => (a.pos < b.pos ? -1 : a.pos > b.pos ? 1 : a.id < b.id ? -1 : 1))[0];
  const before = goal.text.title;
  const me = (await api(env.server, 'GET', `/workspaces/${kainuu.id}/members`, { as: ACCOUNTS.kainuuCoordinator })).find(
    (m) => m.email === ACCOUNTS.kainuuCoordinator,
  );

  const page = await newPage(env.browser, env.server);
  await signIn(page, ACCOUNTS.kainuuCoordinator);
  await page.goto(`/workspaces/${kainuu.id}/documents/${plan.id}`);
  await heading(page, PLAN);
  await page.getByRole('status').filter({ hasText: t('fi', 'editor.connection.saved') }).waitFor();

  // An edit, saved.
  const title = page.locator(`[id="f-${goal.id}-title"]`);
  await title.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' – historiakoe');
  await page.getByRole('status').filter({ hasText: t('fi', 'editor.connection.saved') }).waitFor();
  const after = (await api(env.server, 'GET', `/documents/${plan.id}`, { as: ACCOUNTS.kainuuCoordinator })).nodes[goal.id].text.title;
  assert.equal(after, `${before} – historiakoe`);

  // The timeline's newest entry is mine (it follows the live document).
  await page.getByText(t('fi', 'history.heading'), { exact: true }).click();
  const timeline = page.locator('.co-timeline > li');
  await timeline.first().filter({ hasText: me.name }).waitFor();

  // The version before my edit: compared with now, my words are what was added.
  const previous = timeline.nth(1);
  await previous.getByRole('button').click();
  const version = page.locator('.co-version');
  await version.locator('ins', { hasText: 'historiakoe' }).waitFor();
  await version.getByRole('button', { name: t('fi', 'history.showVersion') }).click();
  await version.locator('.co-static-heading', { hasText: before }).first().waitFor();
  await page.screenshot({ path: 'screenshots/history-version.png', fullPage: true });
  await version.getByRole('button', { name: t('fi', 'history.compare') }).click();
  await version.locator('ins').first().waitFor();

  // Two past versions compared: the explanation names both, and my words are in neither.
  await timeline.nth(2).getByRole('button', { pressed: false }).last().click();
  await version.getByText(/→|:/).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.co-version ins')?.textContent?.includes('historiakoe'));
  await timeline.nth(2).getByRole('button', { pressed: true }).click(); // back to "compared with now"
  await version.locator('ins', { hasText: 'historiakoe' }).waitFor();

  // Who wrote what: the legend names me.
  await page.getByRole('button', { name: t('fi', 'history.whoWrote') }).click();
  await page.locator('.co-authors-legend').getByText(me.name, { exact: true }).waitFor();

  const violations = await scan(page, 'history-panel');
  assert.deepEqual(violations, [], violations.join('\n'));

  // Restore: the title is what it was, in the editor and on the server, as a new revision.
  page.once('dialog', (d) => d.accept());
  await version.getByRole('button', { name: t('fi', 'history.restore') }).click();
  await page.waitForFunction(([id, want]) => document.getElementById(id)?.value === want, [`f-${goal.id}-title`, before]);
  const restored = await api(env.server, 'GET', `/documents/${plan.id}`, { as: ACCOUNTS.kainuuCoordinator });
  assert.equal(restored.nodes[goal.id].text.title, before);
  assert.ok(restored.revision > plan.revision + 1, 'the restore is a new change on top of the edit');
  assert.deepEqual(page.errors, []);
});
