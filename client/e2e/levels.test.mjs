// Notification levels as people use them: Kainuu's coordinator watches a theme forum, mutes one
// of its threads (a mention there then tells nobody), watches a practice, and changes a level
// from the list on the notifications page; every page is scanned with axe. And the plan editor
// shows, on an action, the good practices linked to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, api, eventsReady, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

async function noSerious(page, name) {
  const violations = await scan(page, name);
  assert.deepEqual(violations, [], `serious or critical axe violations:\n${violations.join('\n')}`);
}

/** The level control on a page (or the one for `name` on the notifications page). */
function control(page, name) {
  const label = name ? t('fi', 'levels.labelFor', { name }) : t('fi', 'levels.label');
  return page.getByRole('group', { name: label, exact: true });
}

async function choose(page, level, name) {
  const group = control(page, name);
  const button = group.getByRole('button', { name: t('fi', `levels.${level}`), exact: true });
  await button.click();
  await page.getByRole('status').filter({ hasText: t('fi', 'levels.saved', { level: t('fi', `levels.${level}`) }) }).first().waitFor();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
}

async function pressed(page, name) {
  return control(page, name).locator('button[aria-pressed="true"]').textContent();
}

test('watch a forum, mute a thread in it, watch a practice, and change a level from the notifications page', async () => {
  const { server, browser } = env;
  const coordinator = ACCOUNTS.kainuuCoordinator;
  const me = await api(server, 'GET', '/me', { as: coordinator });
  const { forums } = await api(server, 'GET', '/forums', { as: coordinator });
  const forum = forums.find((f) => f.kind === 'theme');
  const title = `Hiljennettävä ketju ${Date.now().toString(36)}`;
  const started = await api(server, 'POST', `/forums/${forum.id}/threads`, { as: ACCOUNTS.etelaSavoMember, body: { title, body: 'Mitä mieltä olette?' } });
  const threadId = started.thread.id;

  const page = await newPage(browser, server);
  await signIn(page, coordinator);
  await page.goto(`/forums/${forum.id}`);
  await heading(page, forum.names.fi);
  assert.equal(await pressed(page), t('fi', 'levels.normal'));
  await choose(page, 'watch');
  await page.getByText(t('fi', 'levels.hints.forum.watch')).waitFor();
  await noSerious(page, 'levels-forum');

  // The thread inherits the forum's level; muted, a mention in it tells nobody.
  await page.getByRole('link', { name: title }).click();
  await heading(page, title);
  assert.equal(await pressed(page), t('fi', 'levels.watch'));
  await choose(page, 'mute');
  await noSerious(page, 'levels-thread');
  const before = (await api(server, 'GET', '/notifications', { as: coordinator })).notifications.length;
  await api(server, 'POST', `/threads/${threadId}/posts`, { as: ACCOUNTS.etelaSavoMember, body: { body: `Kysyn @[${me.name}](${me.id}) – miten Kainuussa?` } });
  const after = (await api(server, 'GET', '/notifications', { as: coordinator })).notifications;
  assert.equal(after.length, before, `a muted thread notified: ${JSON.stringify(after.slice(0, after.length - before))}`);

  // In the forum's list the muted thread says so and has nothing unread.
  await page.goto(`/forums/${forum.id}`);
  await heading(page, forum.names.fi);
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  await item.getByText(t('fi', 'levels.mute'), { exact: true }).waitFor();

  // A published practice, watched.
  const { items } = await api(server, 'GET', '/practices', { as: coordinator });
  const practice = items[0];
  await page.goto(`/practices/${practice.id}`);
  await heading(page, practice.name);
  await choose(page, 'watch');
  await page.getByText(t('fi', 'levels.hints.practice.watch')).waitFor();
  await noSerious(page, 'levels-practice');

  // The notifications page lists the three choices; the thread goes back to normal from there.
  await page.goto('/notifications');
  await heading(page, t('fi', 'notifications.title'));
  const list = page.getByRole('heading', { name: t('fi', 'levels.listTitle') });
  await list.waitFor();
  for (const name of [forum.names.fi, title, practice.name]) await page.getByRole('link', { name, exact: true }).waitFor();
  assert.equal(await pressed(page, title), t('fi', 'levels.mute'));
  await choose(page, 'normal', title);
  await noSerious(page, 'levels-list');
  await page.goto(`/threads/${threadId}`);
  await heading(page, title);
  assert.equal(await pressed(page), t('fi', 'levels.normal'));
  // Keyboard: the buttons are reached with Tab and pressed with Enter or Space.
  const watch = control(page).getByRole('button', { name: t('fi', 'levels.watch'), exact: true });
  await watch.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: t('fi', 'levels.saved', { level: t('fi', 'levels.watch') }) }).first().waitFor();
  assert.equal(await watch.getAttribute('aria-pressed'), 'true');
  assert.equal(await watch.evaluate((el) => el === document.activeElement), true, 'the focus stays on the chosen level');
  assert.deepEqual(page.errors, []);
});

test('the plan editor shows, on an action, the good practices linked to it', async () => {
  const { server, browser } = env;
  const coordinator = ACCOUNTS.kainuuCoordinator;
  const [kainuu] = (await api(server, 'GET', '/workspaces', { as: coordinator })).filter((w) => w.name === 'ELO-ryhmä Kainuu');
  const plan = await api(server, 'POST', `/workspaces/${kainuu.id}/documents`, {
    as: coordinator,
    body: { kind: 'action_plan', title: `Linkitetty suunnitelma ${Date.now().toString(36)}`, period: '2029' },
  });
  const { nodes } = await api(server, 'GET', `/documents/${plan.id}`, { as: coordinator });
  const action = Object.values(nodes).find((n) => n.type === 'action');
  assert.ok(action, 'a new plan has an action');
  const { items } = await api(server, 'GET', '/practices', { as: coordinator });
  const practice = items[1] ?? items[0];
  await api(server, 'POST', `/practices/${practice.id}/links`, { as: coordinator, body: { kind: 'action', documentId: plan.id, node: action.id } });

  const page = await newPage(browser, server);
  await signIn(page, coordinator);
  await page.goto(`/workspaces/${kainuu.id}/documents/${plan.id}`);
  const actionName = action.text?.title || t('fi', 'editor.untitled.action');
  const linked = page.getByRole('region', { name: t('fi', 'planPractices.label', { title: actionName }) });
  await linked.getByRole('link', { name: practice.name, exact: true }).waitFor();
  await noSerious(page, 'levels-plan-practices');

  // A second link, made on the other practice's page (reached through the library without a
  // reload), shows on the plan opened next from there: the link is in the plan's list at once.
  const other = items.find((p) => p.id !== practice.id && p.name !== practice.name);
  await page.getByRole('link', { name: t('fi', 'practices.nav'), exact: true }).click();
  await heading(page, t('fi', 'practices.title'));
  await page.getByRole('link', { name: other.name, exact: true }).first().click();
  await heading(page, other.name);
  const planSelect = page.getByRole('combobox', { name: t('fi', 'practices.plan'), exact: true });
  await planSelect.locator(`option[value="${plan.id}"]`).waitFor({ state: 'attached' });
  await planSelect.selectOption(plan.id);
  const actionSelect = page.getByRole('combobox', { name: t('fi', 'practices.action'), exact: true });
  await actionSelect.locator(`option[value="${action.id}"]`).waitFor({ state: 'attached' });
  await actionSelect.selectOption(action.id);
  await page.getByRole('button', { name: t('fi', 'practices.linkSubmit'), exact: true }).click();
  await page.getByRole('status').filter({ hasText: t('fi', 'practices.linkedDone') }).waitFor();
  await page.getByRole('link', { name: t('fi', 'practices.linkAction', { title: plan.title }) }).click();
  await linked.getByRole('link', { name: other.name, exact: true }).waitFor();
  assert.equal(await linked.getByRole('link').count(), 2);
  await linked.getByRole('link', { name: practice.name, exact: true }).click();
  await heading(page, practice.name);
  assert.deepEqual(page.errors, []);
});

async function tab(context) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

test("a level chosen in one tab shows in the person's other tabs without a reload", async () => {
  const { server, browser } = env;
  const person = ACCOUNTS.national;
  const { forums } = await api(server, 'GET', '/forums', { as: person });
  const forum = forums.find((f) => f.kind === 'theme');
  const title = `Monessa välilehdessä ${Date.now().toString(36)}`;
  const started = await api(server, 'POST', `/forums/${forum.id}/threads`, { as: ACCOUNTS.etelaSavoMember, body: { title, body: 'Aloitus.' } });
  const path = `/threads/${started.thread.id}`;

  const a = await newPage(browser, server);
  await signIn(a, person);
  const aReady = eventsReady(a);
  await a.goto(path);
  await heading(a, title);
  await aReady;
  // The same thread in a second tab, the notifications page in a third.
  const b = await tab(a.context());
  const bReady = eventsReady(b);
  await b.goto(path);
  await heading(b, title);
  await bReady;
  const c = await tab(a.context());
  const cReady = eventsReady(c);
  await c.goto('/notifications');
  await heading(c, t('fi', 'notifications.title'));
  await cReady;
  await c.getByRole('heading', { name: t('fi', 'levels.listTitle') }).waitFor();
  assert.equal(await c.getByRole('link', { name: title }).count(), 0);
  assert.equal(await pressed(b), t('fi', 'levels.normal'));

  // Muted in the first tab: the second shows it pressed (and its meaning), the list gains the thread.
  await choose(a, 'mute');
  await control(b).getByRole('button', { name: t('fi', 'levels.mute'), exact: true, pressed: true }).waitFor();
  await b.getByText(t('fi', 'levels.hints.forum.mute')).waitFor();
  await control(c, title).getByRole('button', { name: t('fi', 'levels.mute'), exact: true, pressed: true }).waitFor();
  // Changed back from the list: both thread tabs follow.
  await choose(c, 'watch', title);
  await control(a).getByRole('button', { name: t('fi', 'levels.watch'), exact: true, pressed: true }).waitFor();
  await control(b).getByRole('button', { name: t('fi', 'levels.watch'), exact: true, pressed: true }).waitFor();
  // The first tab's "saved: muted" is gone: it no longer says what is shown.
  assert.equal(await a.getByRole('status').filter({ hasText: t('fi', 'levels.saved', { level: t('fi', 'levels.mute') }) }).count(), 0);
  await b.screenshot({ path: 'screenshots/levels-other-tab.png' });
  assert.deepEqual([...a.errors, ...b.errors, ...c.errors], []);
});
