// axe-core scan (WCAG 2.1 A and AA) and a full-page screenshot of every page, in Finnish and
// Swedish. Serious and critical violations fail the test, listed page by page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { ACCOUNTS, api, heading, invitationLink, launchBrowser, newPage, resetLink, signIn, startServer, scan, t, uniqueEmail } from './support.mjs';

const KAINUU = 'ELO-ryhmä Kainuu';
const DOCUMENT = 'Kainuun ELO-toimintasuunnitelma 2027';

let server;
let browser;
let invitation; // link of an open invitation to Kainuu's group
let reset; // a password reset link
before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const [kainuu] = (await api(server, 'GET', '/workspaces', { as: ACCOUNTS.kainuuCoordinator })).filter((w) => w.name === KAINUU);
  const invitee = uniqueEmail('a11y');
  await api(server, 'POST', `/workspaces/${kainuu.id}/invitations`, {
    as: ACCOUNTS.kainuuCoordinator,
    body: { email: invitee, role: 'member', message: 'Tervetuloa!' },
  });
  invitation = invitationLink(server, invitee).link;
  await api(server, 'POST', `/workspaces/${kainuu.id}/documents`, {
    as: ACCOUNTS.kainuuCoordinator,
    body: { kind: 'action_plan', title: DOCUMENT, period: '2027' },
  });
  await api(server, 'POST', '/auth/password-reset', { body: { email: ACCOUNTS.etelaSavoMember } });
  reset = resetLink(server, ACCOUNTS.etelaSavoMember);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A good practice of Kainuu's group, published and made public (made once per run). */
let practiceId;
async function publicPractice(server) {
  if (practiceId) return practiceId;
  const as = ACCOUNTS.kainuuCoordinator;
  const [kainuu] = (await api(server, 'GET', '/workspaces', { as })).filter((w) => w.name === KAINUU);
  const theme = (await api(server, 'GET', '/reference', { as })).themes.find((x) => x.code === 'ohjaamo').id;
  let v = await api(server, 'POST', '/practices', {
    as,
    body: { workspaceId: kainuu.id, name: 'Jalkautuva Ohjaamo', summary: 'Ohjaajat tapaavat nuoria siellä missä he ovat.', basicIdea: 'Ohjaajat **jalkautuvat** kouluihin.', themes: [theme] },
  });
  v = await api(server, 'POST', `/practices/${v.id}/submit`, { as, body: { version: v.version } });
  v = await api(server, 'POST', `/practices/${v.id}/review`, { as, body: { version: v.version, decision: 'approve' } });
  await api(server, 'POST', `/practices/${v.id}/visibility`, { as, body: { version: v.version, public: true } });
  return (practiceId = v.id);
}

/** A draft good practice of Kainuu's group (made once per run), for the practice pages' scans. */
let kainuuDraftId;
async function kainuuDraft(server) {
  if (kainuuDraftId) return kainuuDraftId;
  const as = ACCOUNTS.kainuuCoordinator;
  const [kainuu] = (await api(server, 'GET', '/workspaces', { as })).filter((w) => w.name === KAINUU);
  const v = await api(server, 'POST', '/practices', {
    as,
    body: { workspaceId: kainuu.id, name: 'Ohjauskävelyt', summary: 'Ohjaajat kävelevät nuorten kanssa.', basicIdea: 'Liike **avaa** keskustelun.', steps: '1. Reitti\n2. Kävely' },
  });
  return (kainuuDraftId = v.id);
}

/** Waits until no loading spinner is shown. */
async function settled(page, lang) {
  await page.getByText(t(lang, 'common.loading')).first().waitFor({ state: 'detached' });
}

/**
 * The pages, each opened the way a user gets there; `who` is the browser it is opened in:
 * anonymous, the Kainuu coordinator or the platform administrator.
 */
const PAGES = [
  {
    name: 'sign-in',
    route: '/login',
    who: 'anonymous',
    open: async (page, lang) => {
      await page.goto('/login');
      await heading(page, t(lang, 'login.title'));
    },
  },
  {
    name: 'reset-request',
    route: '/reset-password',
    who: 'anonymous',
    open: async (page, lang) => {
      await page.getByRole('link', { name: t(lang, 'login.forgot') }).click();
      await heading(page, t(lang, 'reset.requestTitle'));
    },
  },
  {
    name: 'unsubscribe-forged',
    route: '/unsubscribe',
    who: 'anonymous',
    open: async (page, lang) => {
      await page.goto('/unsubscribe?token=forged');
      await heading(page, t(lang, 'email.unsubscribe.title'));
      await page.getByRole('alert').filter({ hasText: t(lang, 'errors.unsubscribe_link_invalid') }).waitFor();
    },
  },
  {
    name: 'reset-with-token',
    route: '/reset-password',
    who: 'anonymous',
    open: async (page, lang) => {
      await page.goto(reset);
      await heading(page, t(lang, 'reset.confirmTitle'));
    },
  },
  {
    name: 'setup',
    route: '/setup',
    who: 'anonymous',
    open: async (page, lang) => {
      await page.goto('/setup');
      await heading(page, t(lang, 'setup.title'));
      await page.getByText(t(lang, 'setup.done')).waitFor();
    },
  },
  {
    name: 'invitation',
    route: '/invitations/:token',
    who: 'anonymous',
    open: async (page, lang) => {
      await page.goto(invitation);
      await heading(page, t(lang, 'invitation.title'));
      await page.getByRole('button', { name: t(lang, 'invitation.createSubmit') }).waitFor();
    },
  },
  {
    name: 'public-regions',
    route: '/public',
    who: 'anonymous',
    open: async (page, lang) => {
      await page.goto('/public');
      await heading(page, t(lang, 'public.title'));
      await page.locator('li[data-region="kainuu"]').waitFor();
    },
  },
  {
    name: 'public-region',
    route: '/public/regions/:regionId',
    who: 'anonymous',
    open: async (page, lang) => {
      const name = lang === 'sv' ? 'Kajanaland' : 'Kainuu';
      await page.locator('li[data-region="kainuu"]').getByRole('link', { name }).click();
      await heading(page, name);
      await page.locator('li[data-document]').first().waitFor();
    },
  },
  {
    name: 'public-document',
    route: '/public/documents/:documentId',
    who: 'anonymous',
    open: async (page, lang) => {
      const link = page.locator('li[data-document]').first().getByRole('link');
      const title = await link.innerText();
      await link.click();
      await heading(page, title);
      await page.getByRole('heading', { level: 2, name: t(lang, 'public.summaryHeading') }).waitFor();
    },
  },
  {
    name: 'public-practice',
    route: '/public/practices/:practiceId',
    who: 'anonymous',
    open: async (page, lang) => {
      const id = await publicPractice(server);
      await page.goto(`/public/practices/${id}`);
      await heading(page, 'Jalkautuva Ohjaamo');
    },
  },
  {
    name: 'my-workspaces',
    route: '/',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.goto('/');
      await heading(page, t(lang, 'workspaces.title'));
      await page.getByRole('link', { name: KAINUU, exact: true }).waitFor();
    },
  },
  {
    name: 'group-home',
    route: '/workspaces/:id',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.getByRole('link', { name: KAINUU, exact: true }).click();
      await heading(page, KAINUU);
      await page.getByRole('table', { name: t(lang, 'workspace.membersCaption', { name: KAINUU }) }).waitFor();
      await page.getByRole('region', { name: t(lang, 'activity.heading') }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'members',
    route: '/workspaces/:id/members',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.getByRole('link', { name: t(lang, 'workspace.manageMembers') }).click();
      await heading(page, t(lang, 'members.titleFor', { name: KAINUU }));
      await page.getByRole('region', { name: t(lang, 'members.pendingHeading') }).getByRole('table').waitFor();
      await page.getByRole('button', { name: t(lang, 'members.inviteSubmit'), exact: true }).waitFor();
    },
  },
  {
    name: 'members-remove-dialog',
    route: '/workspaces/:id/members',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.getByRole('button', { name: t(lang, 'members.removeFor', { name: 'Kaisa Kemppainen' }) }).click();
      await page.getByRole('dialog', { name: t(lang, 'members.removeTitle') }).waitFor();
    },
    close: async (page, lang) => {
      await page.getByRole('dialog').getByRole('button', { name: t(lang, 'common.cancel') }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'organisations',
    route: '/organisations',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.getByRole('navigation', { name: t(lang, 'nav.label') }).getByRole('link', { name: t(lang, 'nav.organisations') }).click();
      await heading(page, t(lang, 'organisations.title'));
      await page.getByRole('list', { name: t(lang, 'organisations.resultsLabel') }).getByRole('link').first().waitFor();
    },
  },
  {
    name: 'organisation-edit',
    route: '/organisations/:id',
    who: 'coordinator',
    open: async (page, lang) => {
      const first = page.getByRole('list', { name: t(lang, 'organisations.resultsLabel') }).getByRole('link').first();
      const name = (await first.textContent()).trim();
      await first.click();
      await heading(page, name);
      await page.getByRole('button', { name: t(lang, 'organisation.edit') }).click();
      await page.getByRole('region', { name: t(lang, 'organisation.editHeading') }).getByRole('button', { name: t(lang, 'common.save') }).waitFor();
    },
  },
  {
    name: 'profile',
    route: '/profile',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.getByRole('navigation', { name: t(lang, 'nav.label') }).getByRole('link', { name: t(lang, 'nav.profile') }).click();
      await heading(page, t(lang, 'profile.title'));
      await page.getByRole('region', { name: t(lang, 'profile.passwordHeading') }).waitFor();
    },
  },
  {
    name: 'notifications',
    route: '/notifications',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.getByRole('link', { name: t(lang, 'notifications.bellLabelNone') }).click();
      await heading(page, t(lang, 'notifications.title'));
      await page.getByText(t(lang, 'notifications.empty')).waitFor();
    },
  },
  {
    name: 'forums',
    route: '/forums',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.getByRole('navigation', { name: t(lang, 'nav.label') }).getByRole('link', { name: t(lang, 'forums.nav') }).click();
      await heading(page, t(lang, 'forums.title'));
      await page.locator('.forum-list li').first().waitFor();
    },
  },
  {
    name: 'forum',
    route: '/forums/:forumId',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.goto('/forums');
      await page.locator('.forum-list a').first().click();
      await page.locator('.thread-list li').first().waitFor();
    },
  },
  {
    name: 'forum-thread',
    route: '/threads/:threadId',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.goto('/forums');
      await page.locator('.forum-list a').first().click();
      await page.locator('.thread-list a').first().click();
      await page.locator('.post').first().waitFor();
      await page.getByRole('heading', { name: t(lang, 'forums.reply') }).waitFor();
    },
  },
  {
    name: 'practices',
    route: '/practices',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.getByRole('navigation', { name: t(lang, 'nav.label') }).getByRole('link', { name: t(lang, 'practices.nav') }).click();
      await heading(page, t(lang, 'practices.title'));
      await page.getByRole('list', { name: t(lang, 'practices.results') }).getByRole('link').first().waitFor();
    },
  },
  {
    name: 'practice',
    route: '/practices/:id',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.goto(`/practices/${await kainuuDraft(server)}`);
      await heading(page, 'Ohjauskävelyt');
      await page.getByRole('button', { name: t(lang, 'practices.submit') }).waitFor();
    },
  },
  {
    name: 'practice-edit',
    route: '/practices/:id/edit',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.getByRole('link', { name: t(lang, 'practices.edit') }).click();
      await heading(page, t(lang, 'practices.editTitle'));
      await page.getByRole('group', { name: t(lang, 'practices.fields.organisations') }).getByRole('checkbox').first().waitFor();
    },
  },
  {
    name: 'practice-new',
    route: '/practices/new',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.getByRole('navigation', { name: t(lang, 'nav.label') }).getByRole('link', { name: t(lang, 'practices.nav') }).click();
      await page.getByRole('link', { name: t(lang, 'practices.new') }).click();
      await heading(page, t(lang, 'practices.newTitle'));
    },
  },
  {
    name: 'search',
    route: '/search',
    who: 'coordinator',
    open: async (page, lang) => {
      const box = page.getByRole('combobox', { name: t(lang, 'search.label') });
      await box.fill('ohjaamo');
      await page.getByRole('listbox', { name: t(lang, 'search.suggestions') }).getByRole('option').first().waitFor();
      await box.press('Enter');
      await heading(page, t(lang, 'search.title'));
      await page.locator('.search-result').first().waitFor();
    },
  },
  {
    name: 'not-found',
    route: '*',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.goto('/no-such-page');
      await heading(page, t(lang, 'notFound.title'));
    },
  },
  {
    name: 'document',
    route: '/workspaces/:workspaceId/documents/:documentId',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.goto('/');
      await page.getByRole('link', { name: KAINUU, exact: true }).click();
      await heading(page, KAINUU);
      await page.getByRole('link', { name: DOCUMENT, exact: true }).click();
      await heading(page, DOCUMENT);
      await page.getByRole('heading', { name: t(lang, 'editor.presenceHeading') }).waitFor();
    },
  },
  {
    name: 'print',
    route: '/workspaces/:workspaceId/documents/:documentId/print',
    who: 'coordinator',
    open: async (page, lang) => {
      await page.getByRole('link', { name: t(lang, 'exports.print'), exact: true }).click();
      await heading(page, DOCUMENT);
      await page.getByRole('button', { name: t(lang, 'exports.printNow') }).waitFor();
    },
  },
  {
    name: 'reference-admin',
    route: '/admin/reference',
    who: 'admin',
    open: async (page, lang) => {
      await page.getByRole('navigation', { name: t(lang, 'nav.label') }).getByRole('link', { name: t(lang, 'nav.admin') }).click();
      await heading(page, t(lang, 'reference.title'));
      await page.getByRole('region', { name: t(lang, 'reference.kinds.regions') }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'users-admin',
    route: '/admin/users',
    who: 'admin',
    open: async (page, lang) => {
      await page.getByRole('navigation', { name: t(lang, 'nav.label') }).getByRole('link', { name: t(lang, 'nav.users') }).click();
      await heading(page, t(lang, 'users.title'));
      // All 600 demo accounts make a 20 000 px page that takes half a minute to scan; the
      // filter keeps the same markup with a few dozen rows.
      await page.getByRole('searchbox', { name: t(lang, 'users.filter') }).fill('kainuu');
      await page.getByRole('table', { name: /\d+/ }).getByRole('row').nth(60).waitFor({ state: 'detached' });
      await page.getByRole('table').getByRole('cell', { name: ACCOUNTS.kainuuCoordinator, exact: true }).waitFor();
    },
  },
  {
    name: 'national',
    route: '/national',
    who: 'admin',
    open: async (page, lang) => {
      await page.getByRole('navigation', { name: t(lang, 'nav.label') }).getByRole('link', { name: t(lang, 'national.nav') }).click();
      await heading(page, t(lang, 'national.title'));
      await page.getByTestId('national-matrix').locator('tr[data-region="kainuu"]').waitFor();
      await page.getByRole('region', { name: t(lang, 'national.timelineTitle') }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'national-cell',
    route: '/national/cell',
    who: 'admin',
    open: async (page, lang) => {
      await page.getByTestId('national-matrix').locator('tr[data-region="kainuu"] td[data-goal="1"]').getByRole('link').click();
      await heading(page, t(lang, 'national.cellTitle', { goal: 1, region: lang === 'sv' ? 'Kajanaland' : 'Kainuu' }));
      await page.getByRole('link', { name: new RegExp(t(lang, 'national.openPlan', { title: '.*' })) }).first().waitFor();
    },
  },
  {
    name: 'national-compare',
    route: '/national/compare',
    who: 'admin',
    open: async (page, lang) => {
      await page.getByRole('link', { name: t(lang, 'national.backToDashboard') }).click();
      await page.getByRole('link', { name: t(lang, 'national.compareLink') }).click();
      await heading(page, t(lang, 'national.compareTitle'));
      await page.getByText(`${t(lang, 'national.filters.region')}: ${t(lang, 'national.filters.all')}`).click();
      for (const region of lang === 'sv' ? ['Kajanaland', 'Södra Savolax'] : ['Kainuu', 'Etelä-Savo']) {
        await page.getByRole('checkbox', { name: region, exact: true }).focus();
        await page.keyboard.press('Space');
      }
      await page.getByRole('table', { name: new RegExp(t(lang, 'national.byQualityDimension')) }).waitFor();
      await page.getByRole('table', { name: t(lang, 'national.practices.compareCaption') }).waitFor();
    },
  },
];

/** Switches the UI language from the header menu (signed in, this saves it in the profile). */
async function switchLanguage(page, from, to) {
  const names = { fi: 'Suomi (FI)', sv: 'Svenska (SV)' };
  await page.getByRole('button', { name: t(from, 'language.menuLabel', { language: names[from] }) }).click();
  await page.getByRole('menuitem', { name: names[to] }).click();
  await page.getByRole('button', { name: t(to, 'language.menuLabel', { language: names[to] }) }).waitFor();
  await page.waitForFunction((l) => document.documentElement.lang === l, to);
}

for (const lang of ['fi', 'sv']) {
  test(`every page passes axe in ${lang === 'fi' ? 'Finnish' : 'Swedish'}`, async (tt) => {
    const browsers = {};
    const open = async (who) => {
      if (browsers[who]) return browsers[who];
      const page = await newPage(browser, server);
      if (who === 'anonymous') await page.goto('/login');
      else await signIn(page, who === 'admin' ? ACCOUNTS.admin : ACCOUNTS.kainuuCoordinator);
      await heading(page, who === 'anonymous' ? t('fi', 'login.title') : t('fi', 'workspaces.title'));
      if (lang !== 'fi') await switchLanguage(page, 'fi', lang);
      return (browsers[who] = page);
    };

    const failures = [];
    const notes = [];
    for (const p of PAGES) {
      await tt.test(p.name, async () => {
        const page = await open(p.who);
        await p.open(page, lang);
        await settled(page, lang);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        assert.equal(await page.locator('h1').count(), 1, 'one h1');
        const violations = await scan(page, `${lang}-${p.name}`);
        if (p.close) await p.close(page, lang);
        failures.push(...violations);
        notes.push(...page.axeNotes);
        assert.deepEqual(page.errors, [], 'no uncaught errors');
        assert.equal(violations.length, 0, `serious or critical axe violations:\n${violations.join('\n')}`);
      });
    }
    for (const page of Object.values(browsers)) await page.context().close();
    if (notes.length) tt.diagnostic(`minor/moderate axe findings in ${lang} (not failing):\n${notes.join('\n')}`);
    if (failures.length) tt.diagnostic(`all serious/critical violations in ${lang}:\n${failures.join('\n')}`);
  });
}

test("the unsubscribe page speaks the email's language in a browser that never chose one", async () => {
  const page = await newPage(browser, server); // a fresh context: Finnish by default
  await page.goto('/unsubscribe?token=forged&lang=sv');
  await heading(page, t('sv', 'email.unsubscribe.title'));
  await page.getByRole('alert').filter({ hasText: t('sv', 'errors.unsubscribe_link_invalid') }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
  const violations = await scan(page, 'sv-unsubscribe-from-email');
  assert.deepEqual(violations, [], violations.join('\n'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the scans cover every route of the client', () => {
  const app = readFileSync(new URL('../src/App.tsx', import.meta.url), 'utf8');
  const routes = [...app.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(routes.length > 5, `routes found in App.tsx: ${routes}`);
  const scanned = new Set(PAGES.map((p) => p.route));
  assert.deepEqual(routes.filter((r) => !scanned.has(r)), [], 'routes without an axe scan in PAGES');
});
