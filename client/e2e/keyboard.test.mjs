// Keyboard use: the skip link, and signing in without a mouse.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, DEMO_PASSWORD, heading, newPage, t, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

/** What has focus: tag, id, name attribute and text, for assertions and messages. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), id: el?.id ?? '', name: el?.getAttribute('name') ?? '', text: (el?.textContent ?? '').trim(), type: el?.getAttribute('type') ?? '' };
  });
}

test('the first Tab reaches the skip link, which moves focus to the main content', async () => {
  const page = await newPage(env.browser, env.server);
  await page.goto('/login');
  await heading(page, t('fi', 'login.title'));

  await page.keyboard.press('Tab');
  const first = await focused(page);
  assert.equal(first.tag, 'a', `first Tab stop: ${JSON.stringify(first)}`);
  assert.equal(first.text, t('fi', 'nav.skipToContent'));
  // It is visible when focused (skip links hide only until then).
  assert.ok(await page.getByRole('link', { name: t('fi', 'nav.skipToContent') }).isVisible());

  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal((await focused(page)).tag, 'main');

  // The next Tab goes into the content: the sign-in form's first field.
  await page.keyboard.press('Tab');
  const next = await focused(page);
  assert.equal(next.name, 'email', `Tab after the skip link: ${JSON.stringify(next)}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the sign-in form can be filled and submitted with the keyboard only', async () => {
  const page = await newPage(env.browser, env.server);
  await page.goto('/login');
  await heading(page, t('fi', 'login.title'));

  // Tab through the page until the email field has focus (skip link, header, then the form).
  for (let i = 0; i < 10 && (await focused(page)).name !== 'email'; i++) await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, 'email');
  await page.keyboard.type(ACCOUNTS.kainuuCoordinator);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, 'password');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Tab');
  const submit = await focused(page);
  assert.deepEqual([submit.tag, submit.text], ['button', t('fi', 'login.submit')]);
  await page.keyboard.press('Enter');

  await heading(page, t('fi', 'workspaces.title'));
  await page.getByText(t('fi', 'header.signedInAs', { name: 'Kaisa Kemppainen' })).waitFor();

  // Enter in the password field submits too (sign out, then sign in again that way).
  await page.getByRole('button', { name: t('fi', 'header.signOut') }).focus();
  await page.keyboard.press('Enter');
  await heading(page, t('fi', 'login.title'));
  await page.getByLabel(t('fi', 'fields.email'), { exact: true }).focus();
  await page.keyboard.type(ACCOUNTS.kainuuCoordinator);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await heading(page, t('fi', 'workspaces.title'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
