// Notifications as people meet them: a mention in a comment reaches the mentioned person's bell
// live, in every tab; the notifications page lists it, opening it marks it read, "mark all as
// read" clears the count, and the page passes axe with unread and read items.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, api, eventsReady, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();
const KAINUU = 'ELO-ryhmä Kainuu';

/** Sets up a document in Kainuu and who mentions whom. */
async function scene(server) {
  const [kainuu] = (await api(server, 'GET', '/workspaces', { as: ACCOUNTS.kainuuCoordinator })).filter((w) => w.name === KAINUU);
  const title = `Ilmoitustesti ${Date.now().toString(36)}`;
  const doc = await api(server, 'POST', `/workspaces/${kainuu.id}/documents`, {
    as: ACCOUNTS.kainuuCoordinator,
    body: { kind: 'action_plan', title, period: '2028' },
  });
  const coordinator = await api(server, 'GET', '/me', { as: ACCOUNTS.kainuuCoordinator });
  const national = await api(server, 'GET', '/me', { as: ACCOUNTS.national });
  const mention = (text) =>
    api(server, 'POST', `/documents/${doc.id}/comments`, {
      as: ACCOUNTS.kainuuCoordinator,
      body: { anchor: { node: doc.id }, body: `@[${national.name}](${national.id}) ${text}` },
    });
  return { kainuu, doc, title, coordinator, national, mention };
}

const bell = (page, count) =>
  page.getByRole('link', {
    name: count === 0 ? t('fi', 'notifications.bellLabelNone') : t('fi', count === 1 ? 'notifications.bellLabel_one' : 'notifications.bellLabel_other', { count }),
    exact: true,
  });

test('a mention reaches the bell live in every tab, and reading it clears it everywhere', async () => {
  const { server, browser } = env;
  const s = await scene(server);
  const page = await newPage(browser, server);
  const ready = eventsReady(page);
  await signIn(page, ACCOUNTS.national);
  await heading(page, t('fi', 'workspaces.title'));
  await ready;
  await bell(page, 0).waitFor();

  // A second tab of the same browser.
  const other = await page.context().newPage();
  other.errors = [];
  other.on('pageerror', (e) => other.errors.push(e.message));
  const otherReady = eventsReady(other);
  await other.goto('/notifications');
  await heading(other, t('fi', 'notifications.title'));
  await otherReady;
  await other.getByText(t('fi', 'notifications.empty')).waitFor();

  await s.mention('katso tämä tavoite, ehditkö kommentoida?');
  const what = t('fi', 'notifications.kinds.mention', { actor: s.coordinator.name, subject: s.title });
  await bell(page, 1).waitFor();
  await page.getByRole('status').filter({ hasText: t('fi', 'notifications.announce', { text: what }) }).waitFor({ state: 'attached' });
  await bell(other, 1).waitFor();
  // The open list in the other tab shows it without a reload, marked unread in words.
  const item = other.getByRole('list', { name: t('fi', 'notifications.listLabel') }).getByRole('listitem').first();
  await item.getByRole('link', { name: what, exact: true }).waitFor();
  await item.getByText(t('fi', 'notifications.unread'), { exact: true }).waitFor();
  await item.getByText(`@${s.national.name} katso tämä tavoite, ehditkö kommentoida?`, { exact: true }).waitFor();

  await s.mention('toinen maininta');
  await bell(page, 2).waitFor();
  await other.getByText(t('fi', 'notifications.unreadSummary_other', { count: 2 })).waitFor();
  const violations = await scan(other, 'fi-notifications-unread');
  assert.equal(violations.length, 0, violations.join('\n'));

  // Opening one in the first tab: it goes to the comment, and both bells count one less.
  await bell(page, 2).click();
  await heading(page, t('fi', 'notifications.title'));
  const second = t('fi', 'notifications.kinds.mention', { actor: s.coordinator.name, subject: s.title });
  await page.getByRole('link', { name: second, exact: true }).first().click();
  await page.waitForURL((url) => url.pathname === `/workspaces/${s.kainuu.id}/documents/${s.doc.id}` && url.searchParams.has('comment'));
  await heading(page, s.title);
  await bell(page, 1).waitFor();
  await bell(other, 1).waitFor();

  // Mark all as read in the other tab.
  await other.getByRole('button', { name: t('fi', 'notifications.markAllRead') }).click();
  await other.getByText(t('fi', 'notifications.allMarkedRead')).waitFor();
  await other.getByText(t('fi', 'notifications.unreadSummaryNone')).waitFor();
  assert.equal(await other.getByText(t('fi', 'notifications.unread'), { exact: true }).count(), 0);
  await bell(page, 0).waitFor();
  const read = await scan(other, 'fi-notifications-read');
  assert.equal(read.length, 0, read.join('\n'));

  // Nobody else heard of it: the coordinator (the author) has no notifications.
  const coord = await newPage(browser, server);
  await signIn(coord, ACCOUNTS.kainuuCoordinator);
  await bell(coord, 0).waitFor();
  await coord.goto('/notifications');
  await coord.getByText(t('fi', 'notifications.empty')).waitFor();

  assert.deepEqual([...page.errors, ...other.errors, ...coord.errors], []);
  await page.context().close();
  await coord.context().close();
});

test('the bell is reached by keyboard and says how many are unread', async () => {
  const { server, browser } = env;
  const s = await scene(server);
  await s.mention('näppäimistötesti');
  const page = await newPage(browser, server);
  await signIn(page, ACCOUNTS.national);
  await page.goto('/'); // a fresh load: the keyboard starts at the top of the page
  const link = bell(page, 1);
  await link.waitFor();
  for (let i = 0; i < 15 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  assert.ok(await link.evaluate((el) => el === document.activeElement), 'the bell takes focus from the keyboard');
  await page.keyboard.press('Enter');
  await heading(page, t('fi', 'notifications.title'));
  await page.getByRole('link', { name: t('fi', 'notifications.kinds.mention', { actor: s.coordinator.name, subject: s.title }), exact: true }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
