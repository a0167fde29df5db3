// Issue 4's story end to end: a member of Kainuu publishes a good practice (draft -> the
// coordinator's review -> published; set up through the API, the editor and review pages are
// practices.test.mjs's) and opens its discussion thread from the practice's page, a member of Etelä-Savo finds it by typing an inflected Finnish word in the
// header's search box, opens it, goes to its discussion thread and asks the author a question with
// an @mention. The author, with the thread open in another browser, sees the question arrive live,
// and receives the mention by email in a real SMTP server run by this test (smtp-server); the
// email's link opens the thread, and its one-click unsubscribe page works. axe scans every new page.
import assert from 'node:assert/strict';
import { test, after } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { ACCOUNTS, api, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

// --- a test SMTP server: every message kept, waiters woken ------------------------------------
const inbox = [];
const waiters = new Set();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, done) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
      for (const w of waiters) w();
      done();
    });
  },
});
const smtpPort = new Promise((resolve) => smtp.listen(0, '127.0.0.1', () => resolve(smtp.server.address().port)));
after(() => new Promise((resolve) => smtp.close(resolve)));

/** Waits for an email to `to` whose raw text passes `match`. */
function mailTo(to, match) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = inbox.find((x) => x.to.includes(to) && match(x.raw));
      if (m) {
        waiters.delete(check);
        clearTimeout(timer);
        resolve(m);
      }
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`no email to ${to}; got ${inbox.length}: ${inbox.map((x) => x.to).join(', ')}`));
    }, 30_000);
    waiters.add(check);
    check();
  });
}

const env = useServerAndBrowser({
  env: async () => ({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(await smtpPort), SMTP_TLS: 'none', SMTP_FROM: 'ELO <no-reply@elo.test>', MENTION_EMAIL_DELAY: '0s' }),
});

async function noSerious(page, name) {
  const violations = await scan(page, name);
  assert.deepEqual(violations, [], `serious or critical axe violations:\n${violations.join('\n')}`);
}

test('Etelä-Savo finds a Kainuu practice by an inflected word, asks its author in the thread; the author sees it live and gets the mention by email', async () => {
  const { server, browser } = env;
  const ref = await api(server, 'GET', '/reference');
  const id = (list, code) => list.find((x) => x.code === code).id;
  const [kainuu] = (await api(server, 'GET', '/workspaces', { as: ACCOUNTS.kainuuCoordinator })).filter((w) => w.name === 'ELO-ryhmä Kainuu');
  const members = await api(server, 'GET', `/workspaces/${kainuu.id}/members`, { as: ACCOUNTS.kainuuCoordinator });
  const author = members.find((m) => m.role === 'member');
  assert.ok(author, 'a member in Kainuu');
  const me = await api(server, 'GET', '/me', { as: author.email });

  // Kainuu's member writes the practice and its discussion thread; the coordinator publishes it.
  const name = 'Tunturiohjaamo kylille';
  let p = await api(server, 'POST', '/practices', {
    as: author.email,
    body: {
      workspaceId: kainuu.id, name, summary: 'Liikkuva ohjaamo kiertää Kainuun kyliä pakettiautolla.', basicIdea: 'Ohjaus tulee sinne, missä nuoret ovat.',
      themes: [id(ref.themes, 'ohjaamo')], targetGroups: [id(ref.targetGroups, 'young-people')], nationalGoals: [id(ref.nationalGoals, '1')],
    },
  });
  p = await api(server, 'POST', `/practices/${p.id}/submit`, { as: author.email, body: { version: p.version } });
  await api(server, 'POST', `/practices/${p.id}/review`, { as: ACCOUNTS.kainuuCoordinator, body: { version: p.version, decision: 'approve' } });

  // The author opens the practice's discussion from its page (in the Ohjaamo forum, linked both
  // ways) and keeps the thread open.
  const authorPage = await newPage(browser, server);
  await signIn(authorPage, author.email);
  await authorPage.goto(`/practices/${p.id}`);
  await heading(authorPage, name);
  await authorPage.getByText(t('fi', 'practiceDiscussion.hint')).waitFor();
  await noSerious(authorPage, 'story-practice-no-thread');
  await authorPage.getByRole('button', { name: t('fi', 'practiceDiscussion.start') }).click();
  // The thread page loads its posts before its h1 shows: the h1 takes the focus then.
  await authorPage.waitForFunction(() => document.activeElement?.id === 'page-heading');
  await heading(authorPage, `Keskustelu: ${name}`);
  const threadId = new URL(authorPage.url()).pathname.split('/').pop();
  await authorPage.locator('.post').first().waitFor();

  // Etelä-Savo's member types an inflected form in the header's search box.
  const savo = await newPage(browser, server);
  await signIn(savo, ACCOUNTS.etelaSavoMember);
  const box = savo.getByRole('combobox', { name: t('fi', 'search.label') });
  await box.click();
  await box.pressSequentially('tunturiohjaamoissa', { delay: 20 });
  await savo.getByRole('listbox', { name: t('fi', 'search.suggestions') }).getByRole('option', { name: new RegExp(`^${t('fi', 'search.kind.practice')}.*${name}`) }).click();
  await heading(savo, name);
  await noSerious(savo, 'story-practice');
  await savo.getByRole('link', { name: t('fi', 'practices.linkThread', { title: `Keskustelu: ${name}` }) }).click();
  await heading(savo, `Keskustelu: ${name}`);

  // The question mentions the author as a user would: "@" and the first letters of the name, the
  // suggestion (readers of this theme forum, from any group) chosen with the keyboard.
  const question = 'Miten tavoitatte nuoret talvella?';
  const replyBox = savo.getByLabel(t('fi', 'forums.replyLabel'), { exact: true });
  await replyBox.click();
  await replyBox.pressSequentially(`@${me.name.slice(0, 3)}`, { delay: 20 });
  const suggestions = savo.getByRole('listbox', { name: t('fi', 'comments.suggestions') });
  await suggestions.getByRole('option', { name: new RegExp(me.name) }).waitFor();
  await savo.screenshot({ path: 'screenshots/story-mention-suggestions.png', fullPage: true });
  await noSerious(savo, 'story-mention-suggestions');
  // The thread's participants come first: its starter, the author.
  assert.match(await suggestions.getByRole('option').first().textContent(), new RegExp(me.name));
  await savo.keyboard.press('ArrowDown');
  while (!(await suggestions.getByRole('option', { selected: true }).textContent()).includes(me.name)) await savo.keyboard.press('ArrowDown');
  await savo.keyboard.press('Enter');
  await suggestions.waitFor({ state: 'detached' });
  assert.equal(await replyBox.inputValue(), `@${me.name} `);
  await replyBox.pressSequentially(question);
  await savo.getByRole('button', { name: t('fi', 'forums.send'), exact: true }).click();
  await savo.locator('.post').filter({ hasText: question }).waitFor();
  await noSerious(savo, 'story-thread-asked');

  // The author sees it arrive without reloading.
  await authorPage.locator('.post').filter({ hasText: question }).waitFor();

  // …and gets the mention by email, in Finnish, with a link to the thread.
  const mail = await mailTo(me.notificationEmail || me.email, (raw) => raw.includes('/threads/' + threadId));
  assert.match(mail.raw, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  assert.ok(mail.raw.includes(question), 'the question in the email');
  const link = mail.raw.match(/https?:\/\/\S+\/threads\/[0-9a-f]+\S*/)[0];
  const emailed = await newPage(browser, server);
  await signIn(emailed, author.email);
  await emailed.goto(link);
  await heading(emailed, `Keskustelu: ${name}`);
  await emailed.locator('.post').filter({ hasText: question }).waitFor();

  // The email's unsubscribe page stops mention emails without signing in, and offers to undo.
  const unsubscribeURL = [...mail.raw.matchAll(/https?:\/\/[^\s<>]+\/unsubscribe\?token=[A-Za-z0-9._-]+/g)].map((m) => m[0]).find((u) => !u.includes('/api/'));
  const anon = await browser.newContext({ baseURL: server.baseURL });
  const page = await anon.newPage();
  await page.goto(unsubscribeURL);
  await heading(page, t('fi', 'email.unsubscribe.title'));
  await page.getByRole('status').filter({ hasText: t('fi', 'email.unsubscribe.doneMentions') }).waitFor();
  assert.equal((await api(server, 'GET', '/me/email-preferences', { as: author.email })).mentions, 'never');
  await noSerious(page, 'unsubscribe-done');
  await page.screenshot({ path: 'screenshots/story-unsubscribe.png', fullPage: true });
  await page.getByRole('button', { name: t('fi', 'email.unsubscribe.undo') }).click();
  await page.getByRole('status').filter({ hasText: t('fi', 'email.unsubscribe.undone') }).waitFor();
  assert.equal((await api(server, 'GET', '/me/email-preferences', { as: author.email })).mentions, 'immediately');
  await noSerious(page, 'unsubscribe-undone');
  await anon.close();

  // The settings on the profile page: labelled radio groups, keyboard, saved.
  // The emails' link /profile#email lands on the section (shown once its settings load): its heading has the focus.
  await emailed.goto('/profile#email');
  await heading(emailed, t('fi', 'profile.title'));
  await emailed.getByRole('group', { name: new RegExp(t('fi', 'email.mentionsLegend')) }).waitFor();
  await emailed.waitForFunction(() => document.activeElement?.id === 'email-heading');
  assert.ok(await emailed.evaluate(() => document.getElementById('email-heading').getBoundingClientRect().top < window.innerHeight), 'the section is scrolled into view');
  await emailed.getByRole('radio', { name: t('fi', 'email.mentions.immediately'), exact: true }).focus();
  await emailed.keyboard.press('ArrowDown');
  assert.ok(await emailed.getByRole('radio', { name: t('fi', 'email.mentions.daily'), exact: true }).isChecked(), 'arrow keys choose');
  const save = emailed.getByRole('region', { name: t('fi', 'email.settingsHeading') }).getByRole('button', { name: t('fi', 'common.save') });
  await save.focus();
  await emailed.keyboard.press('Enter');
  await emailed.getByRole('status').filter({ hasText: t('fi', 'email.saved') }).waitFor();
  assert.equal(await save.evaluate((el) => el === document.activeElement), true, 'the focus stays on Save');
  assert.equal((await api(server, 'GET', '/me/email-preferences', { as: author.email })).mentions, 'daily');
  await noSerious(emailed, 'profile-email');
  await emailed.locator('#email').screenshot({ path: 'screenshots/profile-email.png' });
});
