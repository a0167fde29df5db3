// Read-only access: the national group sees regional groups without managing them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, heading, newPage, signIn, t, useServerAndBrowser } from './support.mjs';

const KAINUU = 'ELO-ryhmä Kainuu';

const env = useServerAndBrowser();

/** The members page shows the members and nothing to manage them with. */
async function assertReadOnlyMembersPage(page, workspace, someMember) {
  await heading(page, t('fi', 'members.titleFor', { name: workspace }));
  const table = page.getByRole('table', { name: t('fi', 'workspace.membersCaption', { name: workspace }) });
  await table.getByRole('rowheader', { name: someMember, exact: true }).waitFor();
  assert.equal(await table.getByRole('columnheader', { name: t('fi', 'common.actions') }).count(), 0, 'no actions column');
  assert.equal(await page.getByRole('region', { name: t('fi', 'members.inviteHeading') }).count(), 0, 'no invite form');
  assert.equal(await page.getByRole('button', { name: t('fi', 'members.inviteSubmit') }).count(), 0, 'no invite button');
  assert.equal(await page.getByRole('region', { name: t('fi', 'members.pendingHeading') }).count(), 0, 'no open invitations');
  assert.equal(await page.getByRole('button', { name: new RegExp(t('fi', 'members.remove')) }).count(), 0, 'no remove buttons');
  assert.equal(await page.getByLabel(t('fi', 'members.roleOf', { name: someMember })).count(), 0, 'no role selects');
}

test('a national group member opens Kainuu\'s group and sees its members read-only', async () => {
  const page = await newPage(env.browser, env.server);
  await signIn(page, ACCOUNTS.national);
  await heading(page, t('fi', 'workspaces.title'));
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: KAINUU, exact: true }) });
  await card.getByText(t('fi', 'workspaces.readOnly'), { exact: true }).waitFor();
  await card.getByRole('link', { name: KAINUU, exact: true }).click();

  await heading(page, KAINUU);
  await page.getByText(t('fi', 'workspaces.readOnly'), { exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: t('fi', 'workspace.manageMembers') }).count(), 0);
  await page.getByRole('link', { name: t('fi', 'workspace.allMembers') }).click();
  await assertReadOnlyMembersPage(page, KAINUU, 'Kaisa Kemppainen');

  // Opening the address directly gives the same page.
  await page.reload();
  await assertReadOnlyMembersPage(page, KAINUU, 'Kaisa Kemppainen');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a plain member sees their own group\'s members page without the invite form', async () => {
  const page = await newPage(env.browser, env.server);
  await signIn(page, ACCOUNTS.etelaSavoMember);
  await page.getByRole('link', { name: 'ELO-ryhmä Etelä-Savo', exact: true }).click();
  await heading(page, 'ELO-ryhmä Etelä-Savo');
  await page.getByRole('link', { name: t('fi', 'workspace.allMembers') }).click();
  await heading(page, t('fi', 'members.titleFor', { name: 'ELO-ryhmä Etelä-Savo' }));
  const someone = await page.getByRole('table').getByRole('rowheader').first().textContent();
  await assertReadOnlyMembersPage(page, 'ELO-ryhmä Etelä-Savo', someone);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
