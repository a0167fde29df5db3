// Exports from the plan page: the Download menu saves a DOCX that a DOCX reader (mammoth)
// opens with the plan's content, a PDF, the progress and status are announced, and the print
// view prints without the site's navigation and passes axe, in Finnish and Swedish.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import mammoth from 'mammoth';
import { ACCOUNTS, api, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

const KAINUU = 'ELO-ryhmä Kainuu';

/** Switches the UI language from the header menu (signed in, this saves it in the profile). */
async function switchLanguage(page, from, to) {
  const names = { fi: 'Suomi (FI)', sv: 'Svenska (SV)' };
  await page.getByRole('button', { name: t(from, 'language.menuLabel', { language: names[from] }) }).click();
  await page.getByRole('menuitem', { name: names[to] }).click();
  await page.getByRole('button', { name: t(to, 'language.menuLabel', { language: names[to] }) }).waitFor();
  await page.waitForFunction((l) => document.documentElement.lang === l, to);
}
const env = useServerAndBrowser();

/** Kainuu's demo action plan of 2026, and its content as the exports show it. */
async function kainuuPlan(lang) {
  const [kainuu] = (await api(env.server, 'GET', '/workspaces', { as: ACCOUNTS.kainuuCoordinator })).filter((w) => w.name === KAINUU);
  const docs = await api(env.server, 'GET', `/workspaces/${kainuu.id}/documents`, { as: ACCOUNTS.kainuuCoordinator });
  const plan = docs.find((d) => d.kind === 'action_plan' && d.period === '2026');
  assert.ok(plan, 'the demo has a Kainuu action plan for 2026');
  const content = await api(env.server, 'GET', `/documents/${plan.id}/export.json?lang=${lang}`, { as: ACCOUNTS.kainuuCoordinator });
  return { workspaceId: kainuu.id, plan, content };
}

async function download(page, lang, format) {
  await page.getByRole('button', { name: t(lang, 'exports.menu'), exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t(lang, `exports.${format}`), exact: true }).click()]);
  return file;
}

test('the Download menu saves a DOCX with the plan content, and a PDF', async () => {
  const lang = 'fi';
  const { workspaceId, plan, content } = await kainuuPlan(lang);
  assert.ok(content.goals.length > 0 && content.goals[0].actions.length > 0, 'the demo plan has goals and actions');
  const page = await newPage(env.browser, env.server);
  await signIn(page, ACCOUNTS.kainuuCoordinator);
  await page.goto(`/workspaces/${workspaceId}/documents/${plan.id}`);
  await heading(page, plan.title);

  // The menu is a disclosure: closed, then open with the formats of an action plan.
  const toggle = page.getByRole('button', { name: t(lang, 'exports.menu'), exact: true });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  for (const f of ['docx', 'pdf', 'xlsx', 'csv']) await page.getByRole('button', { name: t(lang, `exports.${f}`), exact: true }).waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');

  const docx = await download(page, lang, 'docx');
  assert.match(docx.suggestedFilename(), /^kainuu.*\.docx$/);
  const { value: text } = await mammoth.extractRawText({ path: await docx.path() });
  assert.ok(text.includes(plan.title), 'the DOCX holds the title');
  for (const [gi, g] of content.goals.entries()) {
    assert.ok(text.includes(t(lang, 'exports.goalHeading', { n: gi + 1, title: g.title || t(lang, 'editor.untitled.goal') })), `goal ${gi + 1} heading`);
    for (const a of g.actions) {
      if (a.title) assert.ok(text.includes(a.title), `action "${a.title}"`);
      assert.ok(text.includes(a.statusName), `status "${a.statusName}"`);
      for (const i of a.indicators) assert.ok(text.includes(i.name), `indicator "${i.name}"`);
    }
  }
  const { value: html } = await mammoth.convertToHtml({ path: await docx.path() });
  assert.match(html, /<h1>/, 'goals are headings a reader recognises');
  assert.match(html, /<table>/, 'actions are in tables');
  // The status line says the file came in.
  await page.getByRole('status').filter({ hasText: t(lang, 'exports.downloaded', { name: docx.suggestedFilename() }) }).waitFor();

  const pdf = await download(page, lang, 'pdf');
  assert.match(pdf.suggestedFilename(), /\.pdf$/);
  assert.deepEqual(page.errors, []);
});

for (const lang of ['fi', 'sv']) {
  test(`the print view prints the plan without navigation and passes axe (${lang})`, async () => {
    const { workspaceId, plan, content } = await kainuuPlan(lang);
    const page = await newPage(env.browser, env.server);
    await signIn(page, ACCOUNTS.kainuuCoordinator);
    if (lang !== 'fi') await switchLanguage(page, 'fi', lang);
    await page.goto(`/workspaces/${workspaceId}/documents/${plan.id}`);
    await heading(page, plan.title);
    await page.getByRole('link', { name: t(lang, 'exports.print'), exact: true }).click();
    await page.waitForURL(/\/print$/);
    await heading(page, plan.title);
    const uiLang = lang;
    const g0 = content.goals[0];
    await page.getByRole('heading', { level: 2, name: t(uiLang, 'exports.goalHeading', { n: 1, title: g0.title }) }).waitFor();
    await page.getByRole('table', { name: t(uiLang, 'editor.actionsOf', { title: g0.title }) }).waitFor();
    await page.getByRole('button', { name: t(uiLang, 'exports.printNow') }).waitFor();
    const violations = await scan(page, `${lang}-print`);
    assert.deepEqual(violations, [], violations.join('\n'));

    // On paper: no site header, navigation or print tools; the plan's tables stay.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false, 'the site header is hidden in print');
    assert.equal(await page.getByRole('button', { name: t(uiLang, 'exports.printNow') }).isVisible(), false);
    assert.equal(await page.getByRole('table').first().isVisible(), true);
    await page.screenshot({ path: `screenshots/${lang}-print-media.png`, fullPage: true });
    assert.deepEqual(page.errors, []);
  });
}
