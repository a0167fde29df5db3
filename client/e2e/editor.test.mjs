// The co-editing plan editor in two (or three) browser contexts on one demo action plan:
// typing into the same field and into different fields at once, going offline and coming back,
// structural edits, an observer, presence and remote cursors, and an axe scan of it all.
// Every wait is for a condition (a field's value, the connection indicator), never for time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, api, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

const KAINUU = 'ELO-ryhmä Kainuu';
const PLAN = 'Kainuun ELO-ryhmän toimintasuunnitelma 2026';

const env = useServerAndBrowser();

/**
 * The workspace, the plan, and a second editor (a plain member of Kainuu's group); looked up
 * once, by the first test that needs them (after the server is up).
 */
const world = {};
let looked = null;
function setUp() {
  looked ??= lookUp();
  return looked;
}
async function lookUp() {
  const [kainuu] = (await api(env.server, 'GET', '/workspaces', { as: ACCOUNTS.kainuuCoordinator })).filter((w) => w.name === KAINUU);
  world.workspace = kainuu.id;
  const docs = await api(env.server, 'GET', `/workspaces/${kainuu.id}/documents`, { as: ACCOUNTS.kainuuCoordinator });
  world.plan = docs.find((d) => d.title === PLAN).id;
  const members = await api(env.server, 'GET', `/workspaces/${kainuu.id}/members`, { as: ACCOUNTS.kainuuCoordinator });
  const member = members.find((m) => m.role === 'member');
  world.member = { email: member.email, name: member.name };
  world.coordinator = { email: ACCOUNTS.kainuuCoordinator, name: members.find((m) => m.email === ACCOUNTS.kainuuCoordinator).name };
}

/** The plan as the REST API returns it now. */
async function getPlan(as = ACCOUNTS.kainuuCoordinator) {
  await setUp();
  return api(env.server, 'GET', `/documents/${world.plan}`, { as });
}

/** Children of parent in list, in document order (pos, then id: shared/coedit/PROTOCOL.md). */
function children(nodes, parent, list) {
  return Object.values(nodes)
    .filter((n) => n.parent === parent && n.list === list)
    .sort((a, b) => (a.pos !== b.pos ? (a.pos < b.pos ? -1 : 1) : a.id < b.id ? -1 : 1));
}

const fieldId = (node, field) => `f-${node}-${field}`;
/** The editor's control for a node's field (ids are f-<node>-<field>). */
const field = (page, node, name) => page.locator(`[id="${fieldId(node, name)}"]`);

/** Signs `who` in, opens the plan from the group's page and waits until it is live and saved. */
async function openPlan(who, lang = 'fi') {
  const page = await newPage(env.browser, env.server);
  await signIn(page, who);
  await page.goto(`/workspaces/${world.workspace}`);
  await heading(page, KAINUU);
  await page.getByRole('link', { name: PLAN, exact: true }).click();
  await heading(page, PLAN);
  await connection(page, 'saved', lang);
  return page;
}

/** Waits until the connection indicator (a status live region) says `state`. */
async function connection(page, state, lang = 'fi') {
  await page.getByRole('status').filter({ hasText: t(lang, `editor.connection.${state}`) }).waitFor();
}

/** Waits until the field's value (or text, read-only) is `want`; the failure says what it was. */
async function waitValue(page, node, name, want) {
  const id = fieldId(node, name);
  try {
    await page.waitForFunction(
      ([id, want]) => {
        const el = document.getElementById(id);
        return el && ('value' in el ? el.value : el.textContent) === want;
      },
      [id, want],
      { timeout: 20_000 },
    );
  } catch (err) {
    const got = await page.evaluate((id) => {
      const el = document.getElementById(id);
      return el ? ('value' in el ? el.value : el.textContent) : '(no such field)';
    }, id);
    throw new Error(`${name} of ${node}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}\n${err.message}`);
  }
}

/** Places the caret in a text field: at its start or end. */
async function caretAt(page, node, name, where) {
  const el = field(page, node, name);
  await el.click();
  await el.evaluate((e, where) => {
    const at = where === 'start' ? 0 : e.value.length;
    e.setSelectionRange(at, at);
  }, where);
}

async function close(...pages) {
  for (const p of pages) {
    assert.deepEqual(p.errors, [], 'no uncaught errors in the page');
    await p.context().close();
  }
}

test('two editors type into the same field at once: both sentences, in both editors, after a reload and in the API', async () => {
  const before = await getPlan();
  const goal = children(before.nodes, world.plan, 'goals')[0];
  const original = goal.text.description;
  const [a, b] = await Promise.all([openPlan(world.coordinator.email), openPlan(world.member.email)]);

  const atEnd = ' Kainuun koordinaattori lisäsi tämän lauseen loppuun.';
  const atStart = 'Jäsen kirjoitti tämän alkuun samaan aikaan. ';
  await caretAt(a, goal.id, 'description', 'end');
  await caretAt(b, goal.id, 'description', 'start');
  // Real key presses, interleaved: each page types a character every 15 ms.
  await Promise.all([a.keyboard.type(atEnd, { delay: 15 }), b.keyboard.type(atStart, { delay: 15 })]);

  const want = atStart + original + atEnd;
  await Promise.all([waitValue(a, goal.id, 'description', want), waitValue(b, goal.id, 'description', want)]);
  await Promise.all([connection(a, 'saved'), connection(b, 'saved')]);
  assert.equal((await getPlan()).nodes[goal.id].text.description, want, 'the REST API has both sentences');

  await b.reload();
  await connection(b, 'saved');
  await waitValue(b, goal.id, 'description', want);
  await close(a, b);
});

test('two editors type into different fields at once and converge', async () => {
  const plan = await getPlan();
  const goal = children(plan.nodes, world.plan, 'goals')[1];
  const action = children(plan.nodes, goal.id, 'actions')[0];
  const [a, b] = await Promise.all([openPlan(world.coordinator.email), openPlan(world.member.email)]);

  const title = ' (tarkennettu)';
  const more = ' Toteutetaan yhdessä oppilaitosten kanssa.';
  await caretAt(a, goal.id, 'title', 'end');
  await caretAt(b, action.id, 'description', 'end');
  await Promise.all([a.keyboard.type(title, { delay: 15 }), b.keyboard.type(more, { delay: 15 })]);

  const wantTitle = goal.text.title + title;
  const wantDescription = action.text.description + more;
  for (const p of [a, b]) {
    await waitValue(p, goal.id, 'title', wantTitle);
    await waitValue(p, action.id, 'description', wantDescription);
  }
  // The goal's heading follows its title in the other editor too.
  await b.getByRole('heading', { level: 3, name: new RegExp(`${title.trim().replace(/[()]/g, '\\$&')}$`) }).waitFor();
  await Promise.all([connection(a, 'saved'), connection(b, 'saved')]);
  const after = await getPlan();
  assert.equal(after.nodes[goal.id].text.title, wantTitle);
  assert.equal(after.nodes[action.id].text.description, wantDescription);
  await close(a, b);
});
