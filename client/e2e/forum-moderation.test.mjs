// Forum moderation and linking, as users do it in the browser:
// - Kainuu's coordinator opens a peer circle inviting Etelä-Savo; Etelä-Savo's member does not see
//   it until Etelä-Savo's coordinator joins it from the forum list; then the member does.
// - A member links a practice and (refused, with the translated error) a plan they cannot see;
//   the practice shows as a card. Kainuu's coordinator replies with a link to an action of
//   Kainuu's plan: they see its card (which opens the plan at the action), the member gets the
//   reply live with the plain address only.
// - The coordinator reports the member's post; the administrator (a theme forum's moderator)
//   hides it from the forum's report queue and reads who resolved it; then moves the thread to
//   another theme forum through the dialog: the old address still opens it, in its new forum.
// axe scans every new view. Every wait is for a condition, never for time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, DEMO_PASSWORD, api, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();
const FORUM = 'Ohjaamot';

async function workspaceNamed(as, re) {
  const list = await api(env.server, 'GET', '/workspaces', { as });
  const ws = list.find((w) => re.test(w.name));
  assert.ok(ws, `a workspace named ${re}`);
  return ws;
}

test('a coordinator opens a peer circle; the invited coordinator joins it; then its members read it', async () => {
  const savo = await workspaceNamed(ACCOUNTS.admin, /^ELO-ryhmä Etelä-Savo/);
  const members = await api(env.server, 'GET', `/workspaces/${savo.id}/members`, { as: ACCOUNTS.admin });
  const savoCoordinator = members.find((m) => m.role === 'coordinator')?.email;
  assert.ok(savoCoordinator, 'Etelä-Savo has a coordinator in the demo');

  const coord = await newPage(env.browser, env.server);
  await signIn(coord, ACCOUNTS.kainuuCoordinator);
  await coord.goto('/forums');
  await heading(coord, t('fi', 'forums.title'));
  // Keyboard: the button that shows the form goes away; the focus lands in the form's first field.
  await coord.getByRole('button', { name: t('fi', 'forums.openCircle') }).focus();
  await coord.keyboard.press('Enter');
  const title = `Kainuu ja Etelä-Savo ${Date.now().toString(36)}`;
  await coord.waitForFunction(() => document.activeElement?.id === 'circle-title');
  // Sending too early: the button is not disabled; each missing field says why at the field and takes the focus.
  const send = coord.getByRole('button', { name: t('fi', 'forums.openCircleSubmit') });
  assert.equal(await send.isDisabled(), false);
  await coord.keyboard.press('Enter');
  await coord.getByText(t('fi', 'forums.circleTitleRequired')).waitFor();
  assert.equal(await coord.evaluate(() => document.activeElement?.id), 'circle-title');
  assert.equal(await coord.getByLabel(t('fi', 'forums.circleTitle'), { exact: true }).getAttribute('aria-invalid'), 'true');
  await coord.keyboard.type(title);
  await coord.getByText(t('fi', 'forums.circleTitleRequired')).waitFor({ state: 'detached' });
  await coord.keyboard.press('Enter');
  await coord.getByText(t('fi', 'forums.circleInviteRequired')).waitFor();
  await coord.waitForFunction(() => document.activeElement?.getAttribute('type') === 'checkbox');
  assert.deepEqual(await scan(coord, 'forums-open-circle-errors'), []);
  await coord.screenshot({ path: 'screenshots/forums-open-circle-errors.png', fullPage: true });
  assert.equal(await coord.getByLabel(t('fi', 'forums.circleTitle'), { exact: true }).inputValue(), title);
  const invite = coord.getByRole('group', { name: t('fi', 'forums.circleInvite') });
  await invite.getByRole('checkbox', { name: savo.name, exact: true }).check();
  await coord.getByText(t('fi', 'forums.circleInviteHint_one', { count: 1 })).waitFor();
  assert.equal(await coord.getByText(t('fi', 'forums.circleInviteRequired')).count(), 0);
  assert.deepEqual(await scan(coord, 'forums-open-circle'), []);
  await coord.getByRole('button', { name: t('fi', 'forums.openCircleSubmit') }).click();
  await heading(coord, title);

  // Etelä-Savo's member does not see it before their group joins.
  const member = await newPage(env.browser, env.server);
  await signIn(member, ACCOUNTS.etelaSavoMember);
  await member.goto('/forums');
  await member.getByRole('link', { name: FORUM, exact: true }).waitFor();
  assert.equal(await member.getByText(title).count(), 0);

  // Etelä-Savo's coordinator sees the invitation and joins with the keyboard.
  const savoCoord = await newPage(env.browser, env.server);
  await signIn(savoCoord, savoCoordinator);
  await savoCoord.goto('/forums');
  await savoCoord.getByText(title).waitFor();
  const join = savoCoord.getByRole('button', { name: t('fi', 'forums.circleJoin', { name: savo.name }) });
  assert.deepEqual(await scan(savoCoord, 'forums-circle-invited'), []);
  await join.focus();
  await savoCoord.keyboard.press('Enter');
  await savoCoord.getByRole('status').filter({ hasText: t('fi', 'forums.circleJoined', { title, name: savo.name }) }).waitFor();
  await savoCoord.getByRole('link', { name: title, exact: true }).waitFor();

  // Now the member reads and writes in it.
  await member.reload();
  await member.getByRole('link', { name: title, exact: true }).click();
  await heading(member, title);
  await member.getByLabel(t('fi', 'forums.threadTitle'), { exact: true }).waitFor();
  assert.deepEqual([...coord.errors, ...member.errors, ...savoCoord.errors], []);
});

test('cards per reader, refused links, the report queue and moving a thread', async () => {
  // A published practice the member may read, and an action of Kainuu's plan they may not.
  const practices = await api(env.server, 'GET', '/practices?limit=20', { as: ACCOUNTS.etelaSavoMember });
  const published = practices.items.find((p) => p.published > 0);
  assert.ok(published, 'the library has a published practice');
  const practice = { id: published.id, name: (await api(env.server, 'GET', `/practices/${published.id}`, { as: ACCOUNTS.kainuuCoordinator })).current.name };
  const kainuu = await workspaceNamed(ACCOUNTS.kainuuCoordinator, /Kainuu/);
  const docs = await api(env.server, 'GET', `/workspaces/${kainuu.id}/documents`, { as: ACCOUNTS.kainuuCoordinator });
  const plan = docs.find((d) => d.kind === 'action_plan') ?? docs[0];
  const doc = await api(env.server, 'GET', `/documents/${plan.id}`, { as: ACCOUNTS.kainuuCoordinator });
  const action = Object.values(doc.nodes).find((n) => n.type === 'action' && n.text?.title);
  assert.ok(action, 'the plan has a titled action');
  const planLink = `/workspaces/${kainuu.id}/documents/${plan.id}`;

  const member = await newPage(env.browser, env.server);
  await signIn(member, ACCOUNTS.etelaSavoMember);
  await member.goto('/forums');
  await member.getByRole('link', { name: FORUM, exact: true }).click();
  await heading(member, FORUM);
  const threadTitle = `Linkkejä ${Date.now().toString(36)}`;
  await member.getByLabel(t('fi', 'forums.threadTitle'), { exact: true }).fill(threadTitle);
  const body = member.getByLabel(t('fi', 'forums.threadBody'), { exact: true });
  // A link to Kainuu's plan: refused with a clear, translated error; nothing is started.
  await body.fill(`Katsokaa [tämä](${planLink}#item-${action.id}).`);
  await member.getByRole('button', { name: t('fi', 'forums.startThread') }).click();
  await member.getByText(t('fi', 'errors.link_not_visible')).waitFor();
  await heading(member, FORUM);
  // A link to the practice: its card below the text.
  await body.fill(`Meillä toimii [tämä käytäntö](/practices/${practice.id}).`);
  await member.getByRole('button', { name: t('fi', 'forums.startThread') }).click();
  await heading(member, threadTitle);
  const cards = member.getByRole('list', { name: t('fi', 'forums.cards.label', { number: 1 }) });
  await cards.getByRole('link', { name: practice.name }).waitFor();
  await cards.getByText(t('fi', 'forums.cards.practice')).waitFor();
  const threadPath = new URL(member.url()).pathname;

  // Kainuu's coordinator replies with a link to the action: they see the plan card ...
  const coord = await newPage(env.browser, env.server);
  await signIn(coord, ACCOUNTS.kainuuCoordinator);
  await coord.goto(threadPath);
  await heading(coord, threadTitle);
  await coord.getByRole('list', { name: t('fi', 'forums.cards.label', { number: 1 }) }).getByRole('link', { name: practice.name }).waitFor();
  await coord.getByLabel(t('fi', 'forums.replyLabel'), { exact: true }).fill(`Meillä sama toimenpide: ${planLink}#item-${action.id}`);
  await coord.getByRole('button', { name: t('fi', 'forums.send'), exact: true }).click();
  const planCard = coord.getByRole('list', { name: t('fi', 'forums.cards.label', { number: 2 }) });
  await planCard.getByRole('link', { name: doc.title }).waitFor();
  await planCard.getByText(action.text.title, { exact: false }).waitFor();
  assert.deepEqual(await scan(coord, 'forum-thread-cards'), []);
  // The card's link opens the plan at the action: its heading takes focus.
  await planCard.getByRole('link', { name: doc.title }).click();
  await coord.waitForFunction((id) => document.activeElement?.id === id, `item-${action.id}`);
  await coord.goto(threadPath);
  await heading(coord, threadTitle);
  // ... the member gets the reply live, with the plain link and no card (never the plan's title).
  await member.locator('#p2 .post-body', { hasText: 'Meillä sama toimenpide' }).waitFor();
  assert.equal(await member.getByRole('list', { name: t('fi', 'forums.cards.label', { number: 2 }) }).count(), 0);
  assert.equal(await member.getByText(doc.title).count(), 0);
  // On a phone the long plain address wraps: the page does not scroll sideways.
  await member.setViewportSize({ width: 375, height: 812 });
  await member.locator('#p2 .post-body').scrollIntoViewIfNeeded();
  await member.screenshot({ path: 'screenshots/forum-thread-phone-link.png' });
  assert.equal(await member.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no sideways scrolling at 375 px');
  await member.setViewportSize({ width: 1280, height: 900 });

  // The coordinator reports the member's post.
  const first = coord.locator('#p1');
  await first.getByRole('button', { name: t('fi', 'forums.report') }).click();
  // An empty reason: our own translated error at the field (no browser bubble), which keeps the focus.
  await first.getByRole('button', { name: t('fi', 'forums.sendReport') }).click();
  await first.getByText(t('fi', 'forums.reportReasonRequired')).waitFor();
  assert.equal(await coord.evaluate(() => document.activeElement?.getAttribute('aria-invalid')), 'true');
  assert.equal(await coord.evaluate(() => document.activeElement?.id), await first.getByLabel(t('fi', 'forums.reportReason')).getAttribute('id'));
  assert.deepEqual(await scan(coord, 'forum-report-empty'), []);
  await first.screenshot({ path: 'screenshots/forum-report-empty.png' });
  // Escape closes the form unsent and gives the focus back to the Report button, which opens it again.
  await coord.keyboard.press('Escape');
  await first.getByLabel(t('fi', 'forums.reportReason')).waitFor({ state: 'detached' });
  await coord.waitForFunction((name) => document.activeElement?.textContent === name && document.activeElement.closest('#p1') !== null, t('fi', 'forums.report'));
  await coord.keyboard.press('Enter');
  await coord.waitForFunction(() => document.activeElement?.id.startsWith('report-') && document.activeElement.closest('#p1') !== null);
  await first.getByLabel(t('fi', 'forums.reportReason')).fill('Mainontaa');
  await first.getByRole('button', { name: t('fi', 'forums.sendReport') }).click();
  await first.getByText(t('fi', 'forums.reported')).waitFor();
  // The form goes away; the focus is back on the button that opened it.
  await coord.waitForFunction((name) => document.activeElement?.textContent === name && document.activeElement.closest('#p1') !== null, t('fi', 'forums.report'));

  // The administrator moderates the theme forum: the queue, hide, the audit.
  const admin = await newPage(env.browser, env.server);
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto('/forums');
  await admin.getByRole('link', { name: FORUM, exact: true }).click();
  await heading(admin, FORUM);
  // The button tells how many reports wait.
  await admin.getByRole('button', { name: t('fi', 'forums.reportsWithCount_one', { count: 1 }), exact: true }).click();
  const queue = admin.getByRole('region', { name: t('fi', 'forums.reports'), exact: true });
  const entry = queue.getByRole('listitem').filter({ hasText: `${threadTitle} #1` });
  await entry.getByText(t('fi', 'forums.reportedBy', { name: 'Kaisa', reason: 'Mainontaa' }).replace('Kaisa', ''), { exact: false }).waitFor();
  assert.deepEqual(await scan(admin, 'forum-report-queue'), []);
  // Keyboard: the entry leaves the queue with its button; the focus goes to the queue's heading.
  await queue.getByRole('button', { name: t('fi', 'forums.hideReportedOf', { title: threadTitle, number: 1 }) }).focus();
  await admin.keyboard.press('Enter');
  await admin.getByRole('status').filter({ hasText: t('fi', 'forums.reportsHidden', { title: threadTitle, number: 1 }) }).waitFor();
  await queue.getByRole('link', { name: `${threadTitle} #1` }).waitFor({ state: 'detached' });
  await admin.waitForFunction(() => document.activeElement?.id === 'forum-reports');
  // The status belongs to the open list: showing the resolved ones clears it.
  await queue.getByRole('button', { name: t('fi', 'forums.reportsResolved') }).click();
  await queue.getByText(t('fi', 'forums.reportsHidden', { title: threadTitle, number: 1 })).waitFor({ state: 'detached' });
  await queue.getByRole('listitem').filter({ hasText: `${threadTitle} #1` }).getByText(t('fi', 'forums.resolvedHidden', { name: '' }).trim(), { exact: false }).waitFor();
  assert.deepEqual(await scan(admin, 'forum-report-audit'), []);
  // The member sees their post hidden, live.
  await member.locator('#p1').getByText(t('fi', 'forums.hiddenPost')).waitFor();

  // Move the thread through the dialog (keyboard: the select has focus when it opens).
  const forums = await api(env.server, 'GET', '/forums', { as: ACCOUNTS.admin });
  const target = forums.forums.find((f) => f.kind === 'theme' && f.names.fi !== FORUM);
  await admin.goto(threadPath);
  await heading(admin, threadTitle);
  await admin.getByRole('button', { name: t('fi', 'forums.move'), exact: true }).click();
  const dialog = admin.getByRole('dialog', { name: t('fi', 'forums.moveTitle', { title: threadTitle }) });
  await dialog.waitFor();
  await dialog.getByRole('option', { name: target.names.fi }).waitFor({ state: 'attached' });
  assert.equal(await admin.evaluate(() => document.activeElement?.id), 'move-forum');
  assert.deepEqual(await scan(admin, 'forum-move-dialog'), []);
  // Sending without a forum: the button is not disabled; the select says why and keeps the focus.
  assert.equal(await dialog.getByRole('button', { name: t('fi', 'forums.moveSubmit') }).isDisabled(), false);
  await dialog.getByRole('button', { name: t('fi', 'forums.moveSubmit') }).click();
  await dialog.getByText(t('fi', 'forums.moveRequired')).waitFor();
  assert.equal(await admin.evaluate(() => document.activeElement?.id), 'move-forum');
  assert.equal(await dialog.getByLabel(t('fi', 'forums.moveTo')).getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await scan(admin, 'forum-move-dialog-error'), []);
  await admin.screenshot({ path: 'screenshots/forum-move-dialog-error.png' });
  await dialog.getByLabel(t('fi', 'forums.moveTo')).selectOption({ label: target.names.fi });
  await dialog.getByText(t('fi', 'forums.moveRequired')).waitFor({ state: 'detached' });
  await dialog.getByRole('button', { name: t('fi', 'forums.moveSubmit') }).click();
  await dialog.waitFor({ state: 'detached' });
  await admin.getByRole('link', { name: t('fi', 'forums.backTo', { name: target.names.fi }) }).waitFor();
  // The moderator sees where it went (a visible status, not only a screen reader's).
  await admin.getByRole('status').locator('.fi-inline-alert', { hasText: t('fi', 'forums.moved', { name: target.names.fi }) }).waitFor();
  // The member's page follows live; the old address still opens the thread, in its new forum.
  await member.getByRole('link', { name: t('fi', 'forums.backTo', { name: target.names.fi }) }).waitFor();
  await member.goto(threadPath);
  await heading(member, threadTitle);
  await member.getByRole('link', { name: t('fi', 'forums.backTo', { name: target.names.fi }) }).waitFor();
  assert.deepEqual([...member.errors, ...coord.errors, ...admin.errors], []);
});

test('a forum with more reports than a page: "show more" loads the rest, the focus goes to the first new entry', async () => {
  // 54 open reports of 54 posts in another theme forum (9 each by 6 demo members: under the posting limit).
  const forums = await api(env.server, 'GET', '/forums', { as: ACCOUNTS.admin });
  const forum = forums.forums.find((f) => f.kind === 'theme' && f.names.fi === 'Laatutyö');
  assert.ok(forum, 'the demo has the Laatutyö forum');
  const page = await api(env.server, 'GET', `/forums/${forum.id}?limit=54`, { as: ACCOUNTS.admin });
  assert.equal(page.threads.length, 54);
  const posts = [];
  for (const th of page.threads) posts.push({ id: (await api(env.server, 'GET', `/threads/${th.id}?limit=1`, { as: ACCOUNTS.admin })).posts[0].id, title: th.title });
  const workspaces = await api(env.server, 'GET', '/workspaces', { as: ACCOUNTS.admin });
  const reporters = [];
  for (const ws of workspaces) {
    for (const m of await api(env.server, 'GET', `/workspaces/${ws.id}/members`, { as: ACCOUNTS.admin })) {
      if (reporters.length < 6 && m.email !== ACCOUNTS.admin && !reporters.includes(m.email)) reporters.push(m.email);
    }
    if (reporters.length === 6) break;
  }
  assert.equal(reporters.length, 6);
  for (const [i, email] of reporters.entries()) {
    const session = await fetch(`${env.server.baseURL}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    const { accessToken } = await session.json();
    for (const p of posts.slice(i * 9, i * 9 + 9)) {
      const res = await fetch(`${env.server.baseURL}/api/v1/posts/${p.id}/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ reason: `Tarkistettava ${i}` }),
      });
      assert.equal(res.status, 204, await res.text());
    }
  }

  const admin = await newPage(env.browser, env.server);
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto(`/forums/${forum.id}`);
  await heading(admin, 'Laatutyö');
  await admin.getByRole('button', { name: t('fi', 'forums.reportsWithCount_other', { count: 54 }), exact: true }).click();
  const queue = admin.getByRole('region', { name: t('fi', 'forums.reports'), exact: true });
  const entries = queue.locator('ul.report-queue > li');
  // The newest page first (50 reports of 50 posts); the oldest four follow on "show more".
  await entries.nth(49).waitFor();
  assert.equal(await entries.count(), 50);
  const more = queue.getByRole('button', { name: t('fi', 'forums.moreReports') });
  await more.focus();
  await admin.keyboard.press('Enter');
  await entries.nth(53).waitFor();
  assert.equal(await entries.count(), 54);
  await more.waitFor({ state: 'detached' });
  // The focus is on the first entry "show more" brought: the oldest reports are of the first threads.
  const focused = await admin.evaluate(() => document.activeElement?.textContent ?? '');
  assert.equal(focused, `${posts[3].title} #1`);
  assert.deepEqual(await scan(admin, 'forum-report-queue-more'), []);
  assert.deepEqual(admin.errors, []);
});
