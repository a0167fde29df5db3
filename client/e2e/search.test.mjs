// Search as people meet it: a member of Etelä-Savo types an inflected Finnish word
// ("toimintasuunnitelmassa": in the action plan) into the header's search box, sees a plan of their
// group among the suggestions as they type, moves to
// it with the arrow keys and opens it with Enter; Enter without a choice opens the full results
// page, where matches are highlighted, filters narrow the results and the URL keeps them; the
// page passes axe. Another region's member never sees that plan.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ACCOUNTS, SCREENSHOTS, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();
const PLAN = 'Etelä-Savon ELO-ryhmän toimintasuunnitelma 2026';

const box = (page) => page.getByRole('combobox', { name: t('fi', 'search.label') });
const suggestions = (page) => page.getByRole('listbox', { name: t('fi', 'search.suggestions') });

test('an inflected word finds a plan as you type; arrows and Enter open it', async () => {
  const page = await newPage(env.browser, env.server);
  await signIn(page, ACCOUNTS.etelaSavoMember);
  const input = box(page);
  await input.click();
  await input.pressSequentially('toimintasuunnitelmassa', { delay: 20 });
  const option = suggestions(page).getByRole('option', { name: new RegExp(PLAN) });
  await option.waitFor();
  // The word's other form is highlighted in the suggestion.
  assert.match(await option.locator('mark').first().innerText(), /^toimintasuunnitelma$/i);
  // The live region tells how many were found.
  await page.getByRole('status').filter({ hasText: /tulos/ }).first().waitFor();
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  await page.screenshot({ path: join(SCREENSHOTS, 'search-suggestions.png') });

  // Arrow down to the plan: the input names it as the active option, Enter opens it.
  const options = suggestions(page).getByRole('option');
  const count = await options.count();
  let index = -1;
  for (let i = 0; i < count; i++) if ((await options.nth(i).innerText()).includes(PLAN)) index = i;
  assert.ok(index >= 0);
  for (let i = 0; i <= index; i++) await input.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  assert.equal(await page.locator(`[id="${active}"]`).innerText().then((s) => s.includes(PLAN)), true);
  await input.press('Enter');
  await page.waitForURL(/\/workspaces\/[^/]+\/documents\/[^/]+$/);
  await heading(page, PLAN);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Enter opens the results page: highlights, filters in the URL, axe', async () => {
  const page = await newPage(env.browser, env.server);
  await signIn(page, ACCOUNTS.etelaSavoMember);
  await heading(page, t('fi', 'workspaces.title'));
  const input = box(page);
  await input.fill('ohjaamon');
  await suggestions(page).getByRole('option').first().waitFor();
  await input.press('Enter');
  await heading(page, t('fi', 'search.title'));
  assert.match(page.url(), /\/search\?q=ohjaamon$/);
  const results = page.locator('.search-result');
  await results.first().waitFor();
  assert.ok((await page.locator('.search-result mark').count()) > 0, 'matches are highlighted');

  // The type filter: plans only; the URL keeps it and every result is a plan.
  await page.getByRole('button', { name: new RegExp(t('fi', 'search.filters.type')) }).click();
  await page.getByRole('option', { name: new RegExp(`^${t('fi', 'search.kind.plan')}`) }).click();
  await page.waitForURL(/type=plan/);
  await page.getByRole('link', { name: PLAN }).waitFor();
  const kinds = await results.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  assert.ok(kinds.length > 0 && kinds.every((k) => k === 'plan'), kinds.join());
  await page.getByRole('status').filter({ hasText: t('fi', 'search.resultsFor_other', { count: kinds.length, q: 'ohjaamon' }) }).waitFor();

  const violations = await scan(page, 'fi-search-page');
  assert.deepEqual(violations, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("another region's member does not find Etelä-Savo's plan", async () => {
  const page = await newPage(env.browser, env.server);
  await signIn(page, ACCOUNTS.kainuuCoordinator);
  await page.goto('/search?q=ohjaamon&type=plan');
  await heading(page, t('fi', 'search.title'));
  await page.getByRole('status').filter({ hasText: /tulos/ }).waitFor();
  assert.equal(await page.getByRole('link', { name: PLAN }).count(), 0);
  const titles = await page.locator('.search-result-title').allInnerTexts();
  assert.ok(titles.every((s) => !s.includes('Etelä-Savo')), titles.join(' | '));
  await page.context().close();
});
