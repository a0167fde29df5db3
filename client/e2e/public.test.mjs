// The public pages, signed out, on a phone (375 x 812): region list -> region -> plan in
// Finnish and Swedish with axe; then a walk through every public page in the browser with
// private content marked in the demo dataset, finding none of it on screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, api, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();
const PHONE = { width: 375, height: 812 };
const MARK = 'PRIVATE-9K4W';

async function phonePage(lang) {
  const { browser, server } = env;
  const context = await browser.newContext({
    baseURL: server.baseURL,
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: lang === 'sv' ? 'sv-FI' : 'fi-FI',
  });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

/** Switches the UI language from the header menu. */
async function switchLanguage(page, from, to) {
  const names = { fi: 'Suomi (FI)', sv: 'Svenska (SV)' };
  await page.getByRole('button', { name: t(from, 'language.menuLabel', { language: names[from] }) }).click();
  await page.getByRole('menuitem', { name: names[to] }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, to);
}

/** Nothing wider than the viewport: no sideways scrolling on a phone. */
async function fitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `the page is ${width} px wide on a ${PHONE.width} px screen`);
}

for (const lang of ['fi', 'sv']) {
  test(`signed out on a phone in ${lang}: regions, a region, a plan (axe)`, async () => {
    const page = await phonePage(lang);
    await page.goto('/public');
    if (lang !== 'fi') {
      await heading(page, t('fi', 'public.title'));
      await switchLanguage(page, 'fi', lang);
    }
    await heading(page, t(lang, 'public.title'));
    const kainuu = page.locator('li[data-region="kainuu"]');
    await kainuu.getByText(t(lang, 'public.documentCount_other', { count: 3 }), { exact: false }).waitFor();
    await fitsThePhone(page);
    assert.deepEqual(await scan(page, `public-${lang}-regions-phone`), []);

    const regionName = lang === 'sv' ? 'Kajanaland' : 'Kainuu';
    await kainuu.getByRole('link', { name: regionName }).click();
    await heading(page, regionName);
    const first = page.locator('li[data-document]').first();
    await first.waitFor();
    assert.match(await first.innerText(), new RegExp(t(lang, 'documents.kinds.action_plan')));
    await fitsThePhone(page);
    assert.deepEqual(await scan(page, `public-${lang}-region-phone`), []);

    const title = await first.getByRole('link').innerText();
    await first.getByRole('link').click();
    await heading(page, title);
    await page.getByRole('heading', { level: 2, name: t(lang, 'public.summaryHeading') }).waitFor();
    await page.getByRole('heading', { level: 2, name: new RegExp(t(lang, 'public.goalHeading', { n: 1, title: '' })) }).waitFor();
    // Actions show their status and progress, indicators their latest value against the target.
    await page.getByText(t(lang, 'public.status'), { exact: true }).first().waitFor();
    const statusNames = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'].map((s) => t(lang, `editor.actionStatuses.${s}`));
    assert.ok(statusNames.includes(await page.locator('.public-action .public-facts dd').first().innerText()), 'the first fact of an action is its status');
    await page.getByRole('heading', { level: 5, name: t(lang, 'public.indicators') }).first().waitFor();
    await fitsThePhone(page);
    assert.deepEqual(await scan(page, `public-${lang}-plan-phone`), []);

    // Back to the region by its link, keyboard only.
    const back = page.getByRole('link', { name: t(lang, 'public.backToRegion', { region: regionName }) });
    await back.focus();
    await page.keyboard.press('Enter');
    await heading(page, regionName);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('a public good practice from its region page, on a phone (axe)', async () => {
  const { server } = env;
  const as = ACCOUNTS.kainuuCoordinator;
  const kainuu = (await api(server, 'GET', '/workspaces', { as })).find((w) => w.name === 'ELO-ryhmä Kainuu');
  const reference = await api(server, 'GET', '/reference', { as });
  const theme = reference.themes.find((x) => x.code === 'ohjaamo').id;
  const make = async (name, isPublic) => {
    let v = await api(server, 'POST', '/practices', {
      as,
      body: { workspaceId: kainuu.id, name, summary: 'Ohjaajat tapaavat nuoria siellä missä he ovat.', basicIdea: 'Ohjaajat **jalkautuvat** kouluihin.', themes: [theme], steps: '1. Kartoitus\n2. Pilotointi' },
    });
    v = await api(server, 'POST', `/practices/${v.id}/submit`, { as, body: { version: v.version } });
    v = await api(server, 'POST', `/practices/${v.id}/review`, { as, body: { version: v.version, decision: 'approve' } });
    if (isPublic) await api(server, 'POST', `/practices/${v.id}/visibility`, { as, body: { version: v.version, public: true } });
    return v.id;
  };
  await make('Julkinen jalkautuva Ohjaamo', true);
  await make(`${MARK} verkoston käytäntö`, false);
  const page = await phonePage('fi');
  await page.goto('/public');
  await page.locator('li[data-region="kainuu"]').getByRole('link', { name: 'Kainuu' }).click();
  await heading(page, 'Kainuu');
  const list = page.getByRole('region', { name: t('fi', 'public.practicesHeading') });
  await list.getByRole('link', { name: 'Julkinen jalkautuva Ohjaamo' }).click();
  await heading(page, 'Julkinen jalkautuva Ohjaamo');
  await page.getByRole('heading', { level: 2, name: t('fi', 'public.practiceFields.basicIdea') }).waitFor();
  assert.equal(await page.locator('.public-html strong').first().innerText(), 'jalkautuvat');
  assert.ok(!(await page.locator('body').innerText()).includes(MARK), 'a practice that is not public is shown');
  await fitsThePhone(page);
  assert.deepEqual(await scan(page, 'public-fi-practice-phone'), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a coordinator switches a published plan off the public pages and on again', async () => {
  const { server, browser } = env;
  const as = ACCOUNTS.kainuuCoordinator;
  const kainuu = (await api(server, 'GET', '/workspaces', { as })).find((w) => w.name === 'ELO-ryhmä Kainuu');
  const plan = (await api(server, 'GET', `/workspaces/${kainuu.id}/documents`, { as })).find((d) => d.kind === 'action_plan' && d.status === 'followed_up');
  const page = await newPage(browser, server);
  await signIn(page, as);
  await page.goto(`/workspaces/${kainuu.id}/documents/${plan.id}`);
  const box = page.getByRole('region', { name: t('fi', 'public.visibility.heading') });
  await box.getByText(t('fi', 'public.visibility.public')).waitFor();
  const toggle = box.getByRole('checkbox', { name: t('fi', 'public.visibility.toggle') });
  assert.ok(await toggle.isChecked());
  await toggle.focus();
  await page.keyboard.press('Space');
  await box.getByText(t('fi', 'public.visibility.switchedOff')).waitFor();
  assert.equal((await fetch(`${server.baseURL}/api/v1/public/documents/${plan.id}`)).status, 404);
  await page.keyboard.press('Space');
  await box.getByText(t('fi', 'public.visibility.public')).waitFor();
  assert.equal((await fetch(`${server.baseURL}/api/v1/public/documents/${plan.id}`)).status, 200);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('no page of the public site shows private content (the demo, with private content marked)', async () => {
  const { server } = env;
  const admin = ACCOUNTS.admin;
  const coord = ACCOUNTS.kainuuCoordinator;
  const spaces = await api(server, 'GET', '/workspaces', { as: admin });
  const kainuu = spaces.find((w) => w.name === 'ELO-ryhmä Kainuu');
  const private_ = new Map(); // text -> what it is

  // What the demo holds that is never public: contact persons of actions in published plans.
  for (const ws of spaces) {
    for (const d of await api(server, 'GET', `/workspaces/${ws.id}/documents`, { as: admin })) {
      if (d.status === 'draft') continue;
      const full = await api(server, 'GET', `/documents/${d.id}`, { as: admin });
      for (const n of Object.values(full.nodes)) {
        if (typeof n.fields?.contact === 'string' && n.fields.contact.length > 5) private_.set(n.fields.contact, 'a contact person');
        if (n.type === 'followup' && (n.text?.body ?? '').length > 20) private_.set(n.text.body.slice(0, 60), 'a follow-up entry');
      }
    }
  }
  // Marked: a draft, a published plan renamed and switched off, a comment on a published plan,
  // the group's description.
  await api(server, 'POST', `/workspaces/${kainuu.id}/documents`, { as: coord, body: { kind: 'action_plan', title: `${MARK} draft`, period: '2028' } });
  const docs = await api(server, 'GET', `/workspaces/${kainuu.id}/documents`, { as: coord });
  const closed = docs.find((d) => d.kind === 'action_plan' && d.status === 'closed');
  const published = docs.find((d) => d.kind === 'action_plan' && d.status === 'followed_up');
  await api(server, 'PATCH', `/documents/${closed.id}`, { as: coord, body: { title: `${MARK} switched off` } });
  await api(server, 'PUT', `/documents/${closed.id}/visibility`, { as: coord, body: { public: false } });
  const full = await api(server, 'GET', `/documents/${published.id}`, { as: coord });
  const goal = Object.values(full.nodes).find((n) => n.type === 'goal');
  await api(server, 'POST', `/documents/${published.id}/comments`, { as: coord, body: { anchor: { node: goal.id }, body: `${MARK} comment` } });
  const ws = await api(server, 'GET', `/workspaces/${kainuu.id}`, { as: admin });
  await api(server, 'PATCH', `/workspaces/${kainuu.id}`, { as: admin, body: { description: `${MARK} description`, version: ws.version } });

  // The walk, as a reader on a phone: every region, every plan listed there.
  const page = await phonePage('fi');
  let pages = 0;
  const check = async (where) => {
    pages++;
    const text = await page.locator('body').innerText();
    assert.ok(!text.includes(MARK), `${where} shows marked private content`);
    assert.ok(!/[\w.+-]+@[\w-]+\.[\w.]+/.test(text), `${where} shows an email address`);
    for (const [p, what] of private_) assert.ok(!text.includes(p), `${where} shows ${what}: ${p}`);
  };
  await page.goto('/public');
  await heading(page, t('fi', 'public.title'));
  await page.locator('li[data-region]').first().waitFor();
  await check('/public');
  const regions = await page.locator('li[data-region] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.equal(regions.length, 15);
  let plans = 0;
  for (const href of regions) {
    await page.goto(href);
    await page.getByRole('heading', { level: 2, name: t('fi', 'public.documentsHeading') }).waitFor();
    await check(href);
    const links = await page.locator('li[data-document] h3 a, li[data-practice] h3 a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    for (const [doc, title] of links) {
      await page.goto(doc);
      await heading(page, title);
      await page.getByText(t('fi', 'public.privacyNote')).waitFor();
      await check(doc);
      if (doc.startsWith('/public/documents/')) plans++;
    }
  }
  // The switched-off plan's page says it is not found.
  await page.goto(`/public/documents/${closed.id}`);
  await heading(page, t('fi', 'public.notFound'));
  await check(`/public/documents/${closed.id}`);
  assert.ok(plans >= 30, `only ${plans} published documents walked`);
  assert.deepEqual(page.errors, []);
  console.log(`walked ${pages} public pages (${plans} documents), ${private_.size} private texts checked`);
  await page.context().close();
});
