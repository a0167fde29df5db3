// Inviting a new member: the coordinator's form, the emailed link, the new account, the
// language switch; used and revoked links.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, heading, invitationLink, newPage, signIn, t, uniqueEmail, useServerAndBrowser } from './support.mjs';

const KAINUU = 'ELO-ryhmä Kainuu';
const COORDINATOR_NAME = 'Kaisa Kemppainen';

const env = useServerAndBrowser();

/** Signs the Kainuu coordinator in and opens the group's members page through the links. */
async function openKainuuMembers() {
  const page = await newPage(env.browser, env.server);
  await signIn(page, ACCOUNTS.kainuuCoordinator);
  await heading(page, t('fi', 'workspaces.title'));
  await page.getByRole('link', { name: KAINUU, exact: true }).click();
  await heading(page, KAINUU);
  await page.getByRole('link', { name: t('fi', 'workspace.manageMembers') }).click();
  await heading(page, t('fi', 'members.titleFor', { name: KAINUU }));
  return page;
}

/** Fills and sends the invite form on the members page. */
async function invite(page, email, message) {
  const form = page.getByRole('region', { name: t('fi', 'members.inviteHeading') });
  await form.getByLabel(t('fi', 'fields.email'), { exact: true }).fill(email);
  if (message) await form.getByLabel(t('fi', 'members.message')).fill(message);
  await form.getByRole('button', { name: t('fi', 'members.inviteSubmit') }).click();
  await form.getByRole('status').getByText(t('fi', 'members.inviteSent', { email })).waitFor();
  // The new invitation is listed among the open ones.
  const pending = page.getByRole('region', { name: t('fi', 'members.pendingHeading') });
  await pending.getByRole('rowheader', { name: email, exact: true }).waitFor();
}

test('a coordinator invites a new member who joins, signs in again and switches to Swedish', async () => {
  const coordinator = await openKainuuMembers();
  const email = uniqueEmail('invitee');
  const note = 'Tervetuloa mukaan Kainuun ELO-ryhmään! Seuraava kokous on tiistaina.';
  await invite(coordinator, email, note);

  const { link, mail } = invitationLink(env.server, email);
  assert.ok(mail.body.includes(note), `the personal note is in the email:\n${mail.body}`);
  assert.ok(link.startsWith(`${env.server.baseURL}/invitations/`), link);

  // The invitee, in a browser of their own.
  const page = await newPage(env.browser, env.server);
  await page.goto(link);
  await heading(page, t('fi', 'invitation.title'));
  const facts = page.locator('dl.facts');
  await facts.getByText(KAINUU, { exact: true }).waitFor();
  await facts.getByText(email, { exact: true }).waitFor();
  await facts.getByText(COORDINATOR_NAME, { exact: true }).waitFor();

  const name = 'Ville Väisänen';
  const password = 'kainuu-e2e-salasana';
  const create = page.getByRole('region', { name: t('fi', 'invitation.createHeading') });
  await create.getByLabel(t('fi', 'fields.name'), { exact: true }).fill(name);
  await create.getByLabel(t('fi', 'fields.newPassword')).fill(password);
  await create.getByRole('button', { name: t('fi', 'invitation.createSubmit') }).click();

  // Lands on the group home, signed in, listed as a member.
  await heading(page, KAINUU);
  assert.match(new URL(page.url()).pathname, /^\/workspaces\/[0-9a-f]{24}$/);
  await page.getByText(t('fi', 'header.signedInAs', { name })).waitFor();
  const members = page.getByRole('table', { name: t('fi', 'workspace.membersCaption', { name: KAINUU }) });
  await members.getByRole('row', { name: new RegExp(name) }).getByRole('cell', { name: t('fi', 'roles.member') }).waitFor();

  // Sign out, and back in with the new password.
  await page.getByRole('button', { name: t('fi', 'header.signOut') }).click();
  await heading(page, t('fi', 'login.title'));
  await signIn(page, email, password);
  await heading(page, t('fi', 'workspaces.title'));

  // Switch the language to Swedish from the header's language menu.
  await page.getByRole('button', { name: t('fi', 'language.menuLabel', { language: 'Suomi (FI)' }) }).click();
  await page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
  await heading(page, t('sv', 'workspaces.title'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv');

  // The group and its members, in Swedish.
  await page.getByRole('link', { name: KAINUU, exact: true }).click();
  const checkSwedishGroupHome = async () => {
    await heading(page, KAINUU);
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    await page.getByRole('navigation', { name: t('sv', 'nav.label') }).getByRole('link', { name: t('sv', 'nav.workspaces') }).waitFor();
    await page.getByRole('button', { name: t('sv', 'header.signOut') }).waitFor();
    await page.getByRole('button', { name: t('sv', 'language.menuLabel', { language: 'Svenska (SV)' }) }).waitFor();
    await page.getByText(t('sv', 'workspaces.kinds.regional'), { exact: true }).waitFor();
    const table = page.getByRole('table', { name: t('sv', 'workspace.membersCaption', { name: KAINUU }) });
    await table.waitFor();
    await table.getByRole('columnheader', { name: t('sv', 'fields.role') }).waitFor();
    await table.getByRole('row', { name: new RegExp(COORDINATOR_NAME) }).getByRole('cell', { name: t('sv', 'roles.coordinator'), exact: true }).waitFor();
    await table.getByRole('row', { name: new RegExp(name) }).getByRole('cell', { name: t('sv', 'roles.member'), exact: true }).waitFor();
    assert.equal(await page.title(), `${KAINUU} – ${t('sv', 'app.name')}`);
  };
  await checkSwedishGroupHome();

  // The choice survives a reload (the session is restored from the refresh cookie).
  await page.reload();
  await checkSwedishGroupHome();

  assert.deepEqual(coordinator.errors, [], 'no uncaught errors in the coordinator page');
  assert.deepEqual(page.errors, [], 'no uncaught errors in the invitee page');
  await coordinator.context().close();
  await page.context().close();
});

test('a used invitation link says so; a revoked one says it was revoked', async () => {
  const coordinator = await openKainuuMembers();
  const usedEmail = uniqueEmail('used');
  const revokedEmail = uniqueEmail('revoked');
  await invite(coordinator, usedEmail);
  await invite(coordinator, revokedEmail);
  const used = invitationLink(env.server, usedEmail).link;
  const revoked = invitationLink(env.server, revokedEmail).link;

  // Accept the first one.
  const invitee = await newPage(env.browser, env.server);
  await invitee.goto(used);
  const create = invitee.getByRole('region', { name: t('fi', 'invitation.createHeading') });
  await create.getByLabel(t('fi', 'fields.name'), { exact: true }).fill('Käytetty Kutsu');
  await create.getByLabel(t('fi', 'fields.newPassword')).fill('kaytetty-kutsu-123');
  await create.getByRole('button', { name: t('fi', 'invitation.createSubmit') }).click();
  await heading(invitee, KAINUU);
  await invitee.context().close();

  // The coordinator revokes the second one.
  const pending = coordinator.getByRole('region', { name: t('fi', 'members.pendingHeading') });
  await pending.getByRole('button', { name: t('fi', 'members.revokeFor', { email: revokedEmail }) }).click();
  await pending.getByRole('status').getByText(t('fi', 'members.revoked', { email: revokedEmail })).waitFor();
  await pending.getByRole('rowheader', { name: revokedEmail, exact: true }).waitFor({ state: 'detached' });
  // The accepted one is no longer open either.
  await coordinator.reload();
  await heading(coordinator, t('fi', 'members.titleFor', { name: KAINUU }));
  await pending.getByRole('table').waitFor();
  assert.equal(await pending.getByRole('rowheader', { name: usedEmail }).count(), 0);

  // Someone else opens both links.
  const stranger = await newPage(env.browser, env.server);
  await stranger.goto(used);
  await heading(stranger, t('fi', 'invitation.title'));
  await stranger.getByRole('alert').getByText(t('fi', 'errors.invitation_used')).waitFor();
  await stranger.getByText(t('fi', 'invitation.askNew')).waitFor();
  assert.equal(await stranger.getByRole('button', { name: t('fi', 'invitation.createSubmit') }).count(), 0);

  await stranger.goto(revoked);
  await heading(stranger, t('fi', 'invitation.title'));
  await stranger.getByRole('alert').getByText(t('fi', 'errors.invitation_revoked')).waitFor();
  assert.equal(await stranger.getByRole('button', { name: t('fi', 'invitation.createSubmit') }).count(), 0);

  assert.deepEqual(coordinator.errors, []);
  assert.deepEqual(stranger.errors, []);
  await coordinator.context().close();
  await stranger.context().close();
});
