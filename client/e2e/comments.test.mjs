// Comments on the plan editor in two browser contexts: the coordinator selects text in a goal's
// description with the keyboard, comments on it with an @mention of a colleague; the colleague
// sees the comment appear live in the panel and is notified; the colleague resolves it and the
// coordinator sees it move to the resolved ones; a link to the comment opens its thread; axe finds
// nothing serious with the panel open. Every wait is for a condition, never for time.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { ACCOUNTS, AXE_TAGS, SCREENSHOTS, api, heading, newPage, signIn, t, useServerAndBrowser } from './support.mjs';

const KAINUU = 'ELO-ryhmä Kainuu';
const PLAN = 'Kainuun ELO-ryhmän toimintasuunnitelma 2026';

const env = useServerAndBrowser();

function children(nodes, parent, list) {
  return Object.values(nodes)
    .filter((n) => n.parent === parent && n.list === list)
    .sort((a, b) => (a.pos !== b.pos ? (a.pos < b.pos ? -1 : 1) : a.id < b.id ? -1 : 1));
}

/**
 * A screenshot of the viewport (a full-page one of the demo plan takes longer than a shared
 * machine gives it) and an axe scan of the whole page: its serious and critical violations.
 */
async function scan(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), timeout: 120_000 });
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${name}: ${v.id} (${v.impact}) ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${n.target.join(' ')}\n    ${n.failureSummary}`).join('\n')}`);
}

async function openPlan(email, path) {
  const page = await newPage(env.browser, env.server);
  await signIn(page, email);
  await page.goto(path);
  await heading(page, PLAN);
  await page.getByRole('status').filter({ hasText: t('fi', 'editor.connection.saved') }).waitFor();
  return page;
}

test('a comment with a mention on selected text reaches a colleague live; resolve; link; axe', async () => {
  const [kainuu] = (await api(env.server, 'GET', '/workspaces', { as: ACCOUNTS.kainuuCoordinator })).filter((w) => w.name === KAINUU);
  const plan = (await api(env.server, 'GET', `/workspaces/${kainuu.id}/documents`, { as: ACCOUNTS.kainuuCoordinator })).find((d) => d.title === PLAN);
  const members = await api(env.server, 'GET', `/workspaces/${kainuu.id}/members`, { as: ACCOUNTS.kainuuCoordinator });
  const colleague = members.find((m) => m.role === 'member');
  const doc = await api(env.server, 'GET', `/documents/${plan.id}`, { as: ACCOUNTS.kainuuCoordinator });
  const goal = children(doc.nodes, plan.id, 'goals').find((g) => (g.text?.description ?? '').length > 20);
  assert.ok(goal, 'the demo plan has a goal with a description');
  const words = goal.text.description.split(' ');
  const quote = words.slice(0, 3).join(' ');
  const path = `/workspaces/${kainuu.id}/documents/${plan.id}`;

  const author = await openPlan(ACCOUNTS.kainuuCoordinator, path);
  const reader = await openPlan(colleague.email, path);
  await reader.getByRole('button', { name: new RegExp(`^${t('fi', 'comments.show')}`) }).click();
  const readerPanel = reader.getByRole('complementary', { name: t('fi', 'comments.heading') });
  await readerPanel.waitFor();

  // Select the first words of the description with the keyboard and Tab to the button that appears.
  const description = author.locator(`[id="f-${goal.id}-description"]`);
  await description.focus();
  await description.evaluate((el, n) => el.setSelectionRange(0, n), quote.length);
  await author.keyboard.press('Shift+ArrowRight'); // a keyboard selection: one character more…
  await author.keyboard.press('Shift+ArrowLeft'); // …and back
  await author.keyboard.press('Tab');
  const selectionButton = author.getByRole('button', { name: t('fi', 'comments.commentSelection'), exact: true });
  assert.equal(await selectionButton.evaluate((el) => el === document.activeElement), true, 'Tab reaches "comment on the selected text"');
  await author.keyboard.press('Enter');

  // The new-thread box has the focus; an @mention through the suggestions, by keyboard.
  const box = author.getByLabel(t('fi', 'comments.yourComment'), { exact: true });
  await box.waitFor();
  assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'the comment box has the focus');
  const first = colleague.name.split(' ')[0];
  await author.keyboard.type(`Tarkennetaanko tätä, @${first.slice(0, 3)}`);
  const suggestions = author.getByRole('listbox', { name: t('fi', 'comments.suggestions') });
  const option = suggestions.getByRole('option', { name: new RegExp(colleague.name) });
  await option.waitFor();
  assert.equal(await box.getAttribute('aria-activedescendant'), await suggestions.getByRole('option').first().getAttribute('id'));
  await author.keyboard.press('Escape'); // closes the suggestions only
  await option.waitFor({ state: 'detached' });
  await author.keyboard.press('Backspace');
  await author.keyboard.type(first.slice(2, 3));
  await option.waitFor();
  while ((await suggestions.getByRole('option', { selected: true }).textContent()).indexOf(colleague.name) < 0) await author.keyboard.press('ArrowDown');
  await author.keyboard.press('Enter');
  await author.keyboard.type('?');
  assert.equal(await box.inputValue(), `Tarkennetaanko tätä, @${colleague.name} ?`);

  const authorPanel = author.getByRole('complementary', { name: t('fi', 'comments.heading') });
  const scanOpen = await scan(author, 'comments-new-thread');
  await authorPanel.getByRole('button', { name: t('fi', 'comments.send'), exact: true }).click();

  // The colleague sees it live, with the quote and the mention as text.
  const thread = readerPanel.locator('article').filter({ hasText: 'Tarkennetaanko tätä' });
  await thread.waitFor();
  assert.match(await thread.locator('blockquote').textContent(), new RegExp(quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await thread.locator('.cm-at').textContent(), `@${colleague.name}`);
  await reader.getByRole('button', { name: new RegExp(`^${t('fi', 'comments.threadCount_one', { count: 1 })}`) }).first().waitFor();
  const scanThread = await scan(reader, 'comments-thread-live');

  // …and is notified, the author is not.
  const notes = await api(env.server, 'GET', '/notifications', { as: colleague.email });
  const mention = notes.notifications.find((n) => n.kind === 'mention' && n.subject === PLAN);
  assert.ok(mention, 'the colleague has a mention notification');
  assert.match(mention.excerpt, new RegExp(`@${colleague.name}`));
  const own = await api(env.server, 'GET', '/notifications', { as: ACCOUNTS.kainuuCoordinator });
  assert.equal(own.notifications.filter((n) => n.kind === 'mention' && n.subject === PLAN).length, 0);

  // The colleague resolves it; the author's panel moves it to the resolved ones.
  await thread.getByRole('button', { name: t('fi', 'comments.resolve'), exact: true }).click();
  await authorPanel.getByRole('button', { name: t('fi', 'comments.resolved_one', { count: 1 }) }).waitFor();
  await authorPanel.getByText(t('fi', 'comments.noneOpen')).waitFor();
  const scanPanel = await scan(author, 'comments-panel');

  // A link to the comment opens its thread (resolved: the resolved list) and focuses it.
  await reader.goto(mention.link);
  await heading(reader, PLAN);
  await reader.waitForFunction(() => document.activeElement?.id?.startsWith('cm-thread-'));
  const focused = await reader.evaluate(() => document.activeElement.textContent);
  assert.match(focused, /Tarkennetaanko tätä/);
  assert.equal(await reader.getByRole('button', { name: t('fi', 'comments.resolved_one', { count: 1 }) }).getAttribute('aria-pressed'), 'true');

  assert.deepEqual([...scanOpen, ...scanThread, ...scanPanel], [], 'no serious or critical axe violations');
  for (const p of [author, reader]) {
    assert.deepEqual(p.errors, [], 'no uncaught errors in the page');
    await p.context().close();
  }
});
