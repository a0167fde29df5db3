// The good-practice library as people use it: a member of Kainuu describes a practice and sends
// it for review, the Kainuu coordinator approves it, a member of Etelä-Savo finds it in the
// library by filters and reports that Etelä-Savo adopted it, and the author sees the adoption
// arrive live. Two published versions of a demo practice are compared word by word. Every new
// page is scanned with axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, api, eventsReady, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

async function noSerious(page, name) {
  const violations = await scan(page, name);
  assert.deepEqual(violations, [], `serious or critical axe violations:\n${violations.join('\n')}`);
}

test('a practice goes from a Kainuu draft through review to the library, and Etelä-Savo adopts it', async () => {
  const { server, browser } = env;
  const [kainuu] = (await api(server, 'GET', '/workspaces', { as: ACCOUNTS.kainuuCoordinator })).filter((w) => w.name === 'ELO-ryhmä Kainuu');
  const members = await api(server, 'GET', `/workspaces/${kainuu.id}/members`, { as: ACCOUNTS.kainuuCoordinator });
  const author = members.find((m) => m.role === 'member');
  assert.ok(author, 'a member in Kainuu');
  const name = `Kainuun ohjauskävely ${Date.now().toString(36)}`;

  // The member writes the draft in the editor and submits it.
  const page = await newPage(browser, server);
  await signIn(page, author.email);
  await page.getByRole('navigation', { name: t('fi', 'nav.label') }).getByRole('link', { name: t('fi', 'practices.nav') }).click();
  await heading(page, t('fi', 'practices.title'));
  await page.getByRole('link', { name: t('fi', 'practices.new') }).click();
  await heading(page, t('fi', 'practices.newTitle'));
  await noSerious(page, 'practice-new');
  await page.getByLabel(t('fi', 'practices.fields.name'), { exact: true }).fill(name);
  await page.getByLabel(new RegExp(`^${t('fi', 'practices.fields.summary')}`)).fill('Ohjaajat kävelevät nuorten kanssa ja puhuvat tulevaisuudesta.');
  await page.getByLabel(t('fi', 'practices.fields.basicIdea'), { exact: true }).fill('Liike **avaa** keskustelun.');
  await page.getByLabel(t('fi', 'practices.fields.results'), { exact: true }).fill('Kolmekymmentä kävelyä syksyllä.');
  await page.getByRole('group', { name: t('fi', 'practices.fields.themes') }).getByLabel('Ohjaamot').check();
  await page.getByRole('group', { name: t('fi', 'practices.fields.targetGroups') }).getByLabel('Nuoret').check();
  await page.getByRole('button', { name: t('fi', 'practices.saveDraft') }).click();
  await heading(page, name);
  await page.getByText(t('fi', 'practices.state.draft'), { exact: true }).waitFor();
  assert.equal(await page.locator('.practice-md strong').first().textContent(), 'avaa', 'Markdown rendered');
  const practiceURL = new URL(page.url()).pathname;
  await page.getByRole('button', { name: t('fi', 'practices.submit') }).click();
  await page.getByRole('status').filter({ hasText: t('fi', 'practices.submitted') }).waitFor();

  // Etelä-Savo cannot see the draft.
  const id = practiceURL.split('/').pop();
  await assert.rejects(api(server, 'GET', `/practices/${id}`, { as: ACCOUNTS.etelaSavoMember }), /404/);

  // The coordinator was asked to review; approves.
  const coord = await newPage(browser, server);
  await signIn(coord, ACCOUNTS.kainuuCoordinator);
  await coord.goto('/notifications');
  await coord.getByRole('link', { name: t('fi', 'notifications.kinds.review', { actor: author.name, subject: name }) }).click();
  await heading(coord, name);
  await coord.getByRole('heading', { name: t('fi', 'practices.reviewHeading'), exact: true }).waitFor();
  await noSerious(coord, 'practice-review');
  await coord.getByRole('button', { name: t('fi', 'practices.approve') }).click();
  await coord.getByRole('status').filter({ hasText: t('fi', 'practices.reviewed') }).waitFor();
  await coord.getByRole('cell', { name: t('fi', 'practices.versionN', { n: 1 }) }).waitFor();

  // The author keeps the page open and hears about the adoption live.
  const ready = eventsReady(page);
  await page.reload();
  await heading(page, name);
  await ready;
  await page.getByText(t('fi', 'practices.noAdoptions')).waitFor();

  // Etelä-Savo's member finds it by filters and reports the adoption.
  const savo = await newPage(browser, server);
  await signIn(savo, ACCOUNTS.etelaSavoMember);
  await savo.goto('/practices');
  await heading(savo, t('fi', 'practices.title'));
  await savo.getByRole('combobox', { name: t('fi', 'fields.region'), exact: true }).selectOption({ label: 'Kainuu' });
  await savo.getByRole('combobox', { name: t('fi', 'practices.fields.themes'), exact: true }).selectOption({ label: 'Ohjaamot' });
  await savo.getByRole('combobox', { name: t('fi', 'practices.fields.targetGroups'), exact: true }).selectOption({ label: 'Nuoret' });
  await savo.getByRole('link', { name }).waitFor();
  await noSerious(savo, 'practices-library');
  await savo.getByRole('link', { name }).click();
  await heading(savo, name);
  await savo.getByRole('heading', { name: t('fi', 'practices.adoptHeading'), exact: true }).waitFor();
  await savo.getByLabel(t('fi', 'practices.experience'), { exact: true }).fill('Kokeilimme Mikkelissä: *toimii* myös talvella.');
  await savo.getByRole('button', { name: t('fi', 'practices.adoptSubmit') }).click();
  await savo.getByRole('status').filter({ hasText: t('fi', 'practices.adopted') }).waitFor();
  await savo.getByRole('cell', { name: 'Etelä-Savo', exact: true }).waitFor();
  await noSerious(savo, 'practice-adopted');

  // Live on the author's page, without a reload.
  await page.getByRole('cell', { name: 'Etelä-Savo', exact: true }).waitFor();
  await page.getByText(t('fi', 'practices.spreadTo', { regions: 'Etelä-Savo' })).waitFor();
  assert.deepEqual([...page.errors, ...coord.errors, ...savo.errors], []);
  for (const p of [page, coord, savo]) await p.context().close();
});

test('two published versions compare field by field, and the editor opens a revision', async () => {
  const { server, browser } = env;
  const page = await newPage(browser, server);
  await signIn(page, ACCOUNTS.etelaSavoMember);
  await page.goto('/practices?region=' + (await api(server, 'GET', '/reference')).regions.find((r) => r.code === 'etela-savo').id);
  await heading(page, t('fi', 'practices.title'));
  const link = page.getByRole('link', { name: /Ohjaamon jalkautuva ohjaus/ });
  await link.click();
  await page.getByRole('heading', { name: t('fi', 'practices.compare') }).waitFor();
  await page.getByRole('status').filter({ hasText: t('fi', 'practices.differences_one', { count: 1 }) }).waitFor();
  const diff = page.locator('.practice-diff');
  await diff.getByText(t('fi', 'practices.fields.results'), { exact: true }).waitFor();
  assert.match(await diff.locator('del').first().textContent(), /Ensimmäiset/);
  await noSerious(page, 'practice-compare');
  // Link it with an action of an Etelä-Savo plan; the plan lists the practice back.
  const plan = page.getByRole('combobox', { name: t('fi', 'practices.plan'), exact: true });
  await plan.locator('option').nth(1).waitFor({ state: 'attached' });
  await plan.selectOption({ index: 1 });
  const action = page.getByRole('combobox', { name: t('fi', 'practices.action'), exact: true });
  await action.locator('option').nth(1).waitFor({ state: 'attached' });
  await action.selectOption({ index: 1 });
  await page.getByRole('button', { name: t('fi', 'practices.linkSubmit'), exact: true }).click();
  await page.getByRole('status').filter({ hasText: t('fi', 'practices.linkedDone') }).waitFor();
  const planTitle = (await plan.locator('option:checked').textContent()).trim();
  await page.getByRole('link', { name: t('fi', 'practices.linkAction', { title: planTitle }) }).waitFor();
  const planId = await plan.inputValue();
  const back = await api(server, 'GET', `/documents/${planId}/practice-links`, { as: ACCOUNTS.etelaSavoMember });
  assert.ok(back.some((l) => /Ohjaamon jalkautuva ohjaus/.test(l.practiceName)), 'the plan lists the practice');
  // The author (the demo member) edits: the editor holds the working copy.
  await page.getByRole('link', { name: t('fi', 'practices.editRevision') }).click();
  await heading(page, t('fi', 'practices.editTitle'));
  assert.match(await page.getByLabel(t('fi', 'practices.fields.name'), { exact: true }).inputValue(), /Ohjaamon jalkautuva ohjaus/);
  await noSerious(page, 'practice-edit');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('signed out, the library lists the public practices and opens one', async () => {
  const { server, browser } = env;
  const page = await newPage(browser, server);
  const savo = (await api(server, 'GET', '/reference')).regions.find((r) => r.code === 'etela-savo').id;
  await page.goto('/practices?region=' + savo);
  await heading(page, t('fi', 'practices.title'));
  const link = page.getByRole('link', { name: 'Ohjaamon jalkautuva ohjaus Etelä-Savossa' });
  await link.waitFor();
  const all = await api(server, 'GET', '/practices?limit=200');
  assert.ok(all.items.every((p) => p.public), 'only public practices signed out');
  await noSerious(page, 'practices-signed-out');
  await link.click();
  await heading(page, 'Ohjaamon jalkautuva ohjaus Etelä-Savossa');
  await page.getByRole('heading', { name: t('fi', 'practices.fields.basicIdea'), exact: true }).waitFor();
  assert.equal(await page.getByRole('heading', { name: t('fi', 'practices.adoptHeading'), exact: true }).count(), 0);
  await noSerious(page, 'practice-signed-out');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
