// Forgotten password: the link on the sign-in page, the emailed link, the new password.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, DEMO_PASSWORD, heading, newPage, resetLink, signIn, t, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

test('a member resets a forgotten password from the sign-in page and signs in with the new one', async () => {
  const email = ACCOUNTS.etelaSavoMember;
  const newPassword = 'uusi-salasana-etela-savo';
  const page = await newPage(env.browser, env.server);

  await page.goto('/login');
  await heading(page, t('fi', 'login.title'));
  await page.getByRole('link', { name: t('fi', 'login.forgot') }).click();
  await heading(page, t('fi', 'reset.requestTitle'));
  await page.getByLabel(t('fi', 'fields.email'), { exact: true }).fill(email);
  await page.getByRole('button', { name: t('fi', 'reset.requestSubmit') }).click();
  await page.getByRole('status').getByText(t('fi', 'reset.requestSent')).waitFor();

  const link = resetLink(env.server, email);
  assert.ok(link.startsWith(`${env.server.baseURL}/reset-password?token=`), link);
  await page.goto(link);
  await heading(page, t('fi', 'reset.confirmTitle'));

  // Two different passwords are caught before anything is sent.
  await page.getByLabel(t('fi', 'fields.newPassword'), { exact: true }).fill(newPassword);
  await page.getByLabel(t('fi', 'fields.newPasswordAgain')).fill(`${newPassword}-typo`);
  await page.getByRole('button', { name: t('fi', 'reset.confirmSubmit') }).click();
  await page.getByText(t('fi', 'fields.passwordMismatch')).waitFor();

  await page.getByLabel(t('fi', 'fields.newPasswordAgain')).fill(newPassword);
  await page.getByRole('button', { name: t('fi', 'reset.confirmSubmit') }).click();
  await page.getByRole('status').getByText(t('fi', 'reset.confirmDone')).waitFor();
  await page.getByRole('main').getByRole('link', { name: t('fi', 'login.title') }).click();
  await heading(page, t('fi', 'login.title'));

  // The old password no longer works; the new one does.
  await page.getByLabel(t('fi', 'fields.email'), { exact: true }).fill(email);
  await page.getByLabel(t('fi', 'fields.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: t('fi', 'login.submit'), exact: true }).click();
  await page.getByRole('alert').getByText(t('fi', 'errors.invalid_credentials')).waitFor();

  await signIn(page, email, newPassword);
  await heading(page, t('fi', 'workspaces.title'));
  await page.getByRole('link', { name: 'ELO-ryhmä Etelä-Savo', exact: true }).waitFor();

  // The link worked once.
  const again = await newPage(env.browser, env.server);
  await again.goto(link);
  await heading(again, t('fi', 'reset.confirmTitle'));
  await again.getByLabel(t('fi', 'fields.newPassword'), { exact: true }).fill('kolmas-salasana-123');
  await again.getByLabel(t('fi', 'fields.newPasswordAgain')).fill('kolmas-salasana-123');
  await again.getByRole('button', { name: t('fi', 'reset.confirmSubmit') }).click();
  await again.getByRole('alert').getByText(t('fi', 'errors.reset_link_invalid')).waitFor();
  await again.getByRole('link', { name: t('fi', 'reset.requestAgain') }).waitFor();

  assert.deepEqual(page.errors, []);
  assert.deepEqual(again.errors, []);
  await page.context().close();
  await again.context().close();
});
