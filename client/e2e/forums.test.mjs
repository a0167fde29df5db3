// Forums in two browser contexts: a member of Etelä-Savo opens the Ohjaamo forum and starts a
// thread; Kainuu's coordinator opens it and replies with a quote; the member sees the reply arrive
// live (announced in a polite live region, focus left where it was), reacts, previews and posts;
// the coordinator sees it live. The 2,000-post demo thread pages. axe finds nothing serious on the
// forum list, the forum and the thread. Every wait is for a condition, never for time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, api, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();
const FORUM = 'Ohjaamot';

test('a reply appears live for another reader; forum pages pass axe', async () => {
  const member = await newPage(env.browser, env.server);
  await signIn(member, ACCOUNTS.etelaSavoMember);
  await member.getByRole('navigation', { name: t('fi', 'nav.label') }).getByRole('link', { name: t('fi', 'forums.nav') }).click();
  await heading(member, t('fi', 'forums.title'));
  assert.deepEqual(await scan(member, 'forums-list'), []);
  await member.getByRole('link', { name: FORUM, exact: true }).click();
  await heading(member, FORUM);
  await member.locator('.thread-list li').first().waitFor();
  assert.deepEqual(await scan(member, 'forum-page'), []);

  // Start a thread (HTML stays text).
  const title = `Jalkautuva ohjaus ${Date.now().toString(36)}`;
  await member.getByLabel(t('fi', 'forums.threadTitle'), { exact: true }).fill(title);
  await member.getByLabel(t('fi', 'forums.threadBody'), { exact: true }).fill('Miten **te** tavoitatte nuoret? <script>window.hacked=1</script>');
  await member.getByRole('button', { name: t('fi', 'forums.startThread') }).click();
  await heading(member, title);
  await member.locator('.post-body strong', { hasText: 'te' }).waitFor();
  assert.equal(await member.evaluate(() => window.hacked), undefined);
  const threadURL = member.url();

  // The coordinator opens the same thread in another context and replies quoting the first post.
  const coord = await newPage(env.browser, env.server);
  await signIn(coord, ACCOUNTS.kainuuCoordinator);
  await coord.goto(new URL(threadURL).pathname);
  await heading(coord, title);
  // The member's focus is in the reply box when the reply arrives: it must stay there.
  const box = member.getByLabel(t('fi', 'forums.replyLabel'), { exact: true });
  await box.focus();
  await coord.getByRole('button', { name: t('fi', 'forums.quote') }).first().click();
  await coord.getByLabel(t('fi', 'forums.replyLabel'), { exact: true }).fill('Kainuussa Ohjaamo käy _kouluissa_.');
  await coord.getByRole('button', { name: t('fi', 'forums.send'), exact: true }).click();
  await coord.locator('.post-body em', { hasText: 'kouluissa' }).waitFor();

  await member.locator('.post-body em', { hasText: 'kouluissa' }).waitFor();
  await member.locator('[role=status][aria-live=polite]', { hasText: t('fi', 'forums.liveNewPost', { name: 'Kaisa' }).replace('Kaisa', '') }).first().waitFor();
  assert.equal(await member.evaluate(() => document.activeElement?.id), 'reply-body');
  await member.locator('.post-quote').first().waitFor();

  // The member reacts to the reply; the coordinator sees the count live.
  const reply = member.locator('.post').nth(1);
  await reply.getByRole('button', { name: t('fi', 'forums.reaction.thanks') }).click();
  await reply.getByRole('button', { name: t('fi', 'forums.reaction.thanks'), pressed: true }).waitFor();
  await coord.locator('.post').nth(1).getByRole('button', { name: new RegExp(`${t('fi', 'forums.reaction.thanks')} \\(1\\)`) }).waitFor();

  // Preview, then post; the coordinator sees it live.
  await box.fill('Kiitos! Kokeilemme **samaa**.');
  await member.getByRole('button', { name: t('fi', 'forums.preview') }).click();
  await member.locator('.reply-preview strong', { hasText: 'samaa' }).waitFor();
  await member.getByRole('button', { name: t('fi', 'forums.send'), exact: true }).click();
  await coord.locator('.post-body strong', { hasText: 'samaa' }).waitFor();
  assert.deepEqual(await scan(coord, 'forum-thread'), []);
  assert.deepEqual([...member.errors, ...coord.errors], []);
});

test('the 2,000-post demo thread pages by cursor', async () => {
  const page = await newPage(env.browser, env.server);
  await signIn(page, ACCOUNTS.etelaSavoMember);
  await page.goto('/forums');
  await page.getByRole('link', { name: FORUM, exact: true }).click();
  await heading(page, FORUM);
  // The long thread is somewhere among the forum's 2,000 threads: find it through the API's cursor.
  const forumId = new URL(page.url()).pathname.split('/').pop();
  let id = '';
  for (let cursor = ''; !id; ) {
    const p = await api(env.server, 'GET', `/forums/${forumId}?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { as: ACCOUNTS.etelaSavoMember });
    id = p.threads.find((th) => th.posts === 2000)?.id ?? '';
    assert.ok(id || p.next, 'the 2,000-post thread is in the forum');
    cursor = p.next ?? '';
  }
  await page.goto(`/threads/${id}`);
  await heading(page, 'Ohjaamojen kokemuksia: mikä tavoittaa nuoret?');
  await page.locator('.post').nth(49).waitFor();
  await page.getByRole('button', { name: t('fi', 'forums.lastPosts') }).click();
  await page.locator('#p2000').waitFor();
  await page.getByRole('button', { name: t('fi', 'forums.earlierPosts') }).click();
  await page.locator('#p1950').waitFor();
  assert.deepEqual(page.errors, []);
});
