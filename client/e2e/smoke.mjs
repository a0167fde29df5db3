// Click-through of the built client against a running server, with axe checks and screenshots.
// Usage: BASE=http://localhost:8099 SETUP_URL=... OUTBOX=$DATA_DIR/outbox node e2e/smoke.mjs
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BASE = process.env.BASE ?? 'http://localhost:8099';
const SHOTS = process.env.SHOTS ?? 'screenshots';
const OUTBOX = process.env.OUTBOX;
mkdirSync(SHOTS, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
async function check(page, name) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const res = await new AxeBuilder({ page }).analyze();
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const h1s = await page.locator('h1').count();
  console.log(`${name}: title="${await page.title()}" h1=${h1s} lang=${await page.getAttribute('html', 'lang')} violations=${res.violations.map((v) => `${v.id}(${v.impact})`).join(',')}`);
  for (const v of bad) problems.push(`${name}: ${v.id} ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  if (h1s !== 1) problems.push(`${name}: ${h1s} h1 elements`);
}

const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
page.on('pageerror', (e) => console.log('page error:', e.message));

// Setup
await page.goto(process.env.SETUP_URL);
await page.getByRole('heading', { level: 1 }).waitFor();
await check(page, '01-setup');
await page.getByLabel('Nimi', { exact: true }).fill('Anna Admin');
await page.getByLabel('Sähköpostiosoite').fill('admin@example.fi');
await page.getByLabel(/Uusi salasana/).fill('salasana-123456');
await page.getByRole('button', { name: 'Luo pääkäyttäjä' }).click();
await page.getByRole('heading', { name: 'Omat työtilat', level: 1 }).waitFor();
await check(page, '02-workspaces-empty');

// Create workspace
await page.getByLabel('Työtilan nimi').fill('Kainuun ELO-ryhmä');
await page.getByRole('button', { name: /Alue/ }).click();
await page.getByRole('option', { name: 'Kainuu' }).click();
await page.getByLabel(/Kuvaus/).fill('Kainuun elinikäisen ohjauksen yhteistyöryhmä.');
await page.getByRole('button', { name: 'Luo työtila' }).click();
await page.getByRole('heading', { name: 'Kainuun ELO-ryhmä', level: 1 }).waitFor();
await check(page, '03-workspace-home');
const wsUrl = page.url();

// Members: invite
await page.getByRole('link', { name: /Hallinnoi jäseniä/ }).click();
await page.getByRole('heading', { level: 1 }).waitFor();
await page.getByLabel('Sähköpostiosoite').fill('maija@example.fi');
await page.getByRole('button', { name: 'Lähetä kutsu' }).click();
await page.getByText('Kutsu lähetettiin osoitteeseen maija@example.fi.').waitFor();
await check(page, '04-members');

// Try to demote the only coordinator -> last_coordinator
await page.getByRole('button', { name: /Henkilön Anna Admin rooli/ }).click().catch(() => {});
const opt = page.getByRole('option', { name: 'Jäsen' });
if (await opt.count()) {
  await opt.click();
  await page.waitForTimeout(600);
  console.log('after demote:', (await page.locator('[role=alert]').allInnerTexts()).join(' / '));
}
await check(page, '05-members-after-demote');

// Organisations
await page.getByRole('link', { name: 'Organisaatiot' }).click();
await page.getByRole('heading', { name: 'Organisaatiot', level: 1 }).waitFor();
await check(page, '06-organisations');

// Reference admin
await page.getByRole('link', { name: 'Ylläpito' }).click();
await page.getByRole('heading', { level: 1 }).waitFor();
await check(page, '07-reference');

// Profile, language switch to Swedish
await page.getByRole('link', { name: 'Oma profiili' }).click();
await page.getByRole('heading', { level: 1 }).waitFor();
await check(page, '08-profile');
await page.getByRole('button', { name: /Kieli: Suomi/ }).click();
await page.getByRole('menuitem', { name: /Svenska/ }).click();
await page.getByRole('heading', { name: 'Min profil', level: 1 }).waitFor();
await check(page, '09-profile-sv');

// Reload: session restored via refresh cookie, language from the profile
await page.goto(wsUrl);
await page.getByRole('heading', { name: 'Kainuun ELO-ryhmä', level: 1 }).waitFor();
await check(page, '10-workspace-sv-after-reload');

// Invitation as a new person in another browser context
let inviteLink = null;
if (OUTBOX) {
  const files = readdirSync(OUTBOX).sort();
  for (const f of files) {
    const text = readFileSync(join(OUTBOX, f), 'utf8');
    const m = text.match(/https?:\/\/[^\s"<>]*\/invitations\/[A-Za-z0-9_-]{43}/);
    if (m) inviteLink = m[0];
  }
}
console.log('invite link:', inviteLink);
if (inviteLink) {
  const ctx2 = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p2 = await ctx2.newPage();
  p2.on('pageerror', (e) => console.log('page2 error:', e.message));
  await p2.goto(inviteLink.replace(/^https?:\/\/[^/]+/, BASE));
  await p2.getByRole('heading', { level: 1 }).waitFor();
  await p2.getByText('maija@example.fi').waitFor();
  await check(p2, '11-invitation');
  await p2.getByLabel('Nimi', { exact: true }).fill('Maija Meikäläinen');
  await p2.getByLabel(/Uusi salasana/).fill('toinen-salasana-1');
  await p2.getByRole('button', { name: 'Luo tili ja liity' }).click();
  await p2.getByRole('heading', { name: 'Kainuun ELO-ryhmä', level: 1 }).waitFor();
  await check(p2, '12-joined-workspace');
  await p2.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await p2.getByRole('heading', { name: 'Kirjaudu sisään', level: 1 }).waitFor();
  await check(p2, '13-login');
  await p2.getByLabel('Sähköpostiosoite').fill('maija@example.fi');
  await p2.getByLabel('Salasana').fill('wrong-password');
  await p2.getByRole('button', { name: 'Kirjaudu' }).click();
  await p2.getByText('Sähköpostiosoite tai salasana on väärin.').waitFor();
  await check(p2, '14-login-error');
  await p2.goto(`${BASE}/reset-password`);
  await p2.getByRole('heading', { level: 1 }).waitFor();
  await check(p2, '15-reset');
  await p2.goto(inviteLink.replace(/^https?:\/\/[^/]+/, BASE));
  await p2.getByRole('alert').filter({ hasText: /.+/ }).first().waitFor();
  await check(p2, '16-invitation-used');
  await ctx2.close();
}

// Back to admin: activity now has the join
await page.goto(wsUrl);
await page.getByRole('heading', { level: 1 }).waitFor();
await page.waitForTimeout(500);
await check(page, '17-workspace-activity');
// Remove-member confirmation dialog
await page.goto(`${wsUrl}/members`);
await page.getByRole('button', { name: /Maija Meikäläinen/ }).last().waitFor();
await page.getByRole('button', { name: /Maija Meikäläinen/ }).last().click();
await page.getByRole('dialog').waitFor();
await check(page, '19-remove-dialog');
await page.getByRole('dialog').getByRole('button').last().click();

// Organisation profile and edit form (organisation created through the API)
const loginRes = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.fi', password: 'salasana-123456' }) });
const { accessToken } = await loginRes.json();
const orgRes = await fetch(`${BASE}/api/v1/organisations`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ name: 'Kajaanin Ohjaamo', type: 'ohjaamo', description: 'Alle 30-vuotiaiden matalan kynnyksen ohjauspiste.', services: ['Henkilökohtainen ohjaus', 'Työnhaun tuki'], website: 'https://www.kajaani.fi/ohjaamo' }) });
const org = await orgRes.json();
console.log('created organisation', orgRes.status, org.id);
await page.goto(`${BASE}/organisations`);
await page.getByRole('link', { name: 'Kajaanin Ohjaamo' }).click();
await page.getByRole('heading', { name: 'Kajaanin Ohjaamo', level: 1 }).waitFor();
await check(page, '20-organisation');
await page.getByRole('button', { name: /Redigera|Muokkaa/ }).click();
await page.getByRole('heading', { level: 2, name: /Redigera|Muokkaa/ }).waitFor();
await check(page, '21-organisation-edit');
await page.goto(`${BASE}/no-such-page`);
await check(page, '18-not-found');

await browser.close();
console.log(problems.length ? `PROBLEMS:\n${problems.join('\n')}` : 'no serious/critical axe violations');
