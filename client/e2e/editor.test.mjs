// The co-editing plan editor in two (or three) browser contexts on one demo action plan:
// typing into the same field and into different fields at once, going offline and coming back,
// structural edits, an observer, presence and remote cursors, and an axe scan of it all.
// Every wait is for a condition (a field's value, the connection indicator), never for time.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ACCOUNTS, SCREENSHOTS, api, heading, newPage, scan, signIn, t, useServerAndBrowser } from './support.mjs';

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
async function openPlan(who, title = PLAN) {
  const page = await newPage(env.browser, env.server);
  await signIn(page, who);
  await page.goto(`/workspaces/${world.workspace}`);
  await heading(page, KAINUU);
  await page.getByRole('link', { name: title, exact: true }).click();
  await heading(page, title);
  await connection(page, 'saved');
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

test('an editor goes offline, types, comes back: the other sees the text and nothing is lost', async () => {
  const plan = await getPlan();
  const goal = children(plan.nodes, world.plan, 'goals')[2];
  const original = goal.text.description;
  const [a, b] = await Promise.all([openPlan(world.coordinator.email), openPlan(world.member.email)]);

  // Typing and saving are shown but not announced; losing the connection is.
  const announced = (p) => p.locator('.co-sr-only[aria-live="polite"]');
  assert.equal(await announced(b).textContent(), '');
  await b.context().setOffline(true);
  await connection(b, 'offline'); // "offline: your changes are kept"
  await announced(b).filter({ hasText: t('fi', 'editor.connection.offline') }).waitFor();
  const offlineText = ' Kirjoitettu ilman verkkoyhteyttä.';
  await caretAt(b, goal.id, 'description', 'end');
  await b.keyboard.type(offlineText, { delay: 10 });
  // Meanwhile the other editor writes into the same field.
  const onlineText = 'Verkossa samaan aikaan. ';
  await caretAt(a, goal.id, 'description', 'start');
  await a.keyboard.type(onlineText, { delay: 10 });
  await connection(a, 'saved');
  await connection(b, 'offline');
  assert.equal(await field(a, goal.id, 'description').inputValue(), onlineText + original, 'the offline edit has not arrived');
  assert.equal(await field(b, goal.id, 'description').inputValue(), original + offlineText, 'the offline editor keeps its text');

  await b.context().setOffline(false);
  const want = onlineText + original + offlineText;
  await Promise.all([waitValue(a, goal.id, 'description', want), waitValue(b, goal.id, 'description', want)]);
  await Promise.all([connection(a, 'saved'), connection(b, 'saved')]);
  await announced(b).filter({ hasText: t('fi', 'editor.connection.saved') }).waitFor(); // back, and saved
  assert.equal(await announced(a).textContent(), '', 'the other editor heard nothing');
  assert.equal((await getPlan()).nodes[goal.id].text.description, want);
  await close(a, b);
});

test('structural edits: a new action with status, dates and an indicator value reach the other editor', async () => {
  const plan = await getPlan();
  const goal = children(plan.nodes, world.plan, 'goals')[3];
  const [a, b] = await Promise.all([openPlan(world.coordinator.email), openPlan(world.member.email)]);

  const actions = a.getByRole('region', { name: t('fi', 'editor.actionsOf', { title: goal.text.title }) });
  await actions.getByRole('button', { name: t('fi', 'editor.add.action') }).click();
  // Focus moves to the new action's title field.
  const action = await focusedNode(a, 'title');
  await a.keyboard.type('Uravalmennus aikuisille');
  const item = a.locator('li.co-action', { has: field(a, action, 'title') });
  await item.getByLabel(t('fi', 'editor.fields.status'), { exact: true }).selectOption('in_progress');
  await item.getByLabel(t('fi', 'editor.fields.start'), { exact: true }).fill('2026-03-02');
  await item.getByLabel(t('fi', 'editor.fields.end'), { exact: true }).fill('2026-11-30');
  await item.getByRole('button', { name: t('fi', 'editor.add.indicator') }).click();
  const indicator = await focusedNode(a, 'name');
  await a.keyboard.type('Osallistujat');
  const values = a.getByRole('form', { name: t('fi', 'editor.addValueFor', { name: 'Osallistujat' }) });
  await values.getByLabel(t('fi', 'editor.fields.date'), { exact: true }).fill('2026-04-15');
  await values.getByLabel(t('fi', 'editor.fields.value'), { exact: true }).fill('12');
  await values.getByRole('button', { name: t('fi', 'editor.addValue') }).click();
  await connection(a, 'saved');

  // The other editor sees all of it.
  await waitValue(b, action, 'title', 'Uravalmennus aikuisille');
  await waitValue(b, action, 'status', 'in_progress');
  await waitValue(b, action, 'start', '2026-03-02');
  await waitValue(b, action, 'end', '2026-11-30');
  await waitValue(b, indicator, 'name', 'Osallistujat');
  const table = b.getByRole('table', { name: t('fi', 'editor.valuesCaption', { name: 'Osallistujat' }) });
  await table.getByRole('cell', { name: '12', exact: true }).waitFor();
  await table.getByRole('cell', { name: new Date('2026-04-15T00:00:00').toLocaleDateString('fi'), exact: true }).waitFor();

  const stored = (await getPlan()).nodes;
  assert.deepEqual(
    { parent: stored[action].parent, title: stored[action].text.title, status: stored[action].fields.status, start: stored[action].fields.start, end: stored[action].fields.end },
    { parent: goal.id, title: 'Uravalmennus aikuisille', status: 'in_progress', start: '2026-03-02', end: '2026-11-30' },
  );
  assert.deepEqual(stored[indicator].fields.values, [{ date: '2026-04-15', value: 12 }]);
  await close(a, b);
});

/** Signs in with the API and returns an access token (for talking to the socket directly). */
async function accessToken(email) {
  const res = await fetch(`${env.server.baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'elo-demo' }),
  });
  return (await res.json()).accessToken;
}

test('an observer sees the plan read-only, follows live changes and cannot change anything', async () => {
  const plan = await getPlan();
  const goal = children(plan.nodes, world.plan, 'goals')[4];
  const [a, o] = await Promise.all([openPlan(world.coordinator.email), openPlan(ACCOUNTS.national)]);

  await o.getByText(t('fi', 'editor.readOnly')).waitFor();
  // No edit controls at all in the outline: no inputs, selects or buttons.
  assert.equal(await o.locator('.co-outline').locator('input, textarea, select, button').count(), 0, 'no edit controls for an observer');
  // Text fields are read-only text boxes with their labels, announced as read-only.
  const title = o.getByRole('textbox', { name: t('fi', 'editor.fields.goalTitle'), exact: true }).first();
  assert.equal(await title.getAttribute('aria-readonly'), 'true');
  assert.equal(await title.isEditable(), false);

  // The goal links take a reader to a goal (its heading gets focus), from the keyboard too.
  const links = o.getByRole('navigation', { name: t('fi', 'editor.goalLinks') }).getByRole('link');
  assert.equal(await links.count(), 5);
  await links.nth(4).focus();
  await o.keyboard.press('Enter');
  await o.waitForFunction((id) => document.activeElement?.id === `goal-${id}`, goal.id);

  // Live changes arrive.
  const added = ' – tarkkailija näkee tämän';
  await caretAt(a, goal.id, 'title', 'end');
  await a.keyboard.type(added);
  await waitValue(o, goal.id, 'title', goal.text.title + added);
  await connection(a, 'saved');

  // A change sent straight to the socket is refused.
  const token = await accessToken(ACCOUNTS.national);
  const answer = await o.evaluate(
    ([doc, token, node]) =>
      new Promise((resolve) => {
        const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/api/v1/documents/${doc}/socket`, ['elo.v1', `bearer.${token}`]);
        ws.onopen = () => ws.send(JSON.stringify({ type: 'join', rev: 0 }));
        ws.onmessage = (ev) => {
          for (const m of [JSON.parse(ev.data)].flat()) {
            if (m.type === 'hello') {
              ws.send(JSON.stringify({ type: 'change', rev: m.rev, id: 'observer-1', ops: [{ t: 'set', node, field: 'nationalGoals', value: null }] }));
            }
            if (m.type === 'error') {
              ws.close();
              resolve({ id: m.id, code: m.code });
            }
          }
        };
        ws.onclose = (ev) => resolve({ closed: ev.code });
      }),
    [world.plan, token, goal.id],
  );
  assert.deepEqual(answer, { id: 'observer-1', code: 'forbidden' });
  assert.deepEqual((await getPlan()).nodes[goal.id].fields, goal.fields, 'nothing changed');
  await close(a, o);
});

/** Switches the UI language from the header menu (signed in, this saves it in the profile). */
async function switchLanguage(page, from, to) {
  const names = { fi: 'Suomi (FI)', sv: 'Svenska (SV)' };
  await page.getByRole('button', { name: t(from, 'language.menuLabel', { language: names[from] }) }).click();
  await page.getByRole('menuitem', { name: names[to] }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, to);
}

/** The id of the node whose field `name` has focus, once one has (after an add button). */
async function focusedNode(page, name) {
  const handle = await page.waitForFunction((name) => {
    const m = /^f-(n_[0-9A-Za-z]+|[0-9a-f]{24})-(\w+)$/.exec(document.activeElement?.id ?? '');
    return m && m[2] === name ? m[1] : null;
  }, name);
  return handle.jsonValue();
}

test('a new plan filled in by one editor while another (in Swedish) watches: presence, remote carets and selections; axe finds nothing serious', async () => {
  await setUp();
  const title = 'Kainuun ELO-ryhmän toimintasuunnitelma 2028';
  const created = await api(env.server, 'POST', `/workspaces/${world.workspace}/documents`, {
    as: ACCOUNTS.kainuuCoordinator,
    body: { kind: 'action_plan', title, period: '2028' },
  });
  const { nodes } = await api(env.server, 'GET', `/documents/${created.id}`, { as: ACCOUNTS.kainuuCoordinator });
  const [goal] = children(nodes, created.id, 'goals');
  const [action] = children(nodes, goal.id, 'actions');
  const a = await openPlan(world.coordinator.email, title);
  // The member uses the editor in Swedish.
  const b = await newPage(env.browser, env.server);
  await signIn(b, world.member.email);
  await switchLanguage(b, 'fi', 'sv');
  await b.goto(`/workspaces/${world.workspace}/documents/${created.id}`);
  await heading(b, title);
  await connection(b, 'saved', 'sv');

  // Avatars and names.
  await a.locator('.co-avatars').getByText(world.member.name, { exact: true }).waitFor();
  await b.locator('.co-avatars').getByText(world.coordinator.name, { exact: true }).waitFor();

  // A fills in the goal and its action, adds an indicator with two values and a follow-up.
  await field(a, goal.id, 'title').fill('Ohjaus tavoittaa aikuiset');
  await field(a, action.id, 'title').fill('Aikuisten ohjauspäivät');
  await field(a, action.id, 'description').fill('Ohjauspäivät kirjastoissa keväällä ja syksyllä.');
  const item = a.locator('li.co-action', { has: field(a, action.id, 'title') });
  // From the keyboard: a mouse click right after typing in a text field can miss, because the
  // comments' "Comment" button under the focused field disappears on mousedown and the layout
  // moves up before mouseup (reported to the comments engineer).
  await item.getByRole('button', { name: t('fi', 'editor.addTo.indicator', { title: 'Aikuisten ohjauspäivät' }), exact: true }).press('Enter');
  const indicator = await focusedNode(a, 'name');
  await a.keyboard.type('Kävijät');
  await field(a, indicator, 'unit').fill('henkilöä');
  await field(a, indicator, 'baseline').fill('30');
  await field(a, indicator, 'target').fill('60');
  await a.keyboard.press('Enter'); // commits the number
  const values = a.getByRole('form', { name: t('fi', 'editor.addValueFor', { name: 'Kävijät' }) });
  for (const [date, value] of [['2028-03-15', '42'], ['2028-10-10', '57']]) {
    await values.getByLabel(t('fi', 'editor.fields.date'), { exact: true }).fill(date);
    await values.getByLabel(t('fi', 'editor.fields.value'), { exact: true }).fill(value);
    await values.getByRole('button', { name: t('fi', 'editor.addValue') }).click();
  }
  await item.getByRole('button', { name: t('fi', 'editor.addTo.followup', { title: 'Aikuisten ohjauspäivät' }), exact: true }).press('Enter');
  const followup = await focusedNode(a, 'body');
  await a.keyboard.type('Kevään päivät pidetty, kävijöitä odotettua enemmän.');
  await connection(a, 'saved');
  await waitValue(b, followup, 'body', 'Kevään päivät pidetty, kävijöitä odotettua enemmän.');
  await b.getByRole('table', { name: t('sv', 'editor.valuesCaption', { name: 'Kävijät' }) }).getByRole('cell', { name: '57', exact: true }).waitFor();
  // The chart of the values, with a text alternative that names the range, the latest value and the levels.
  const chart = b.getByRole('img', {
    name: `${t('sv', 'editor.chart.summary', { name: 'Kävijät', first: '2028-03-15', last: '2028-10-10', latest: '57 henkilöä' })} ${t('sv', 'editor.chart.baseline', { value: '30 henkilöä' })}, ${t('sv', 'editor.chart.target', { value: '60 henkilöä' })}.`,
    exact: true,
  });
  await chart.waitFor();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await a.locator('li.co-indicator').screenshot({ path: join(SCREENSHOTS, 'fi-editor-indicator.png') });
  await b.locator('li.co-indicator').screenshot({ path: join(SCREENSHOTS, 'sv-editor-indicator.png') });

  // B types at the end of the action's description and selects the last word.
  await caretAt(b, action.id, 'description', 'end');
  await b.keyboard.type(' Lisätään yhteistyökumppanit.');
  await b.keyboard.press('Shift+Control+ArrowLeft');
  await b.keyboard.press('Shift+Control+ArrowLeft');
  const selected = await field(b, action.id, 'description').evaluate((e) => e.value.slice(e.selectionStart, e.selectionEnd));
  assert.ok(selected.startsWith('yhteistyökumppanit'), `selected: ${JSON.stringify(selected)}`);

  // A sees who is editing the field, B's caret in it and B's selection.
  const wrap = a.locator('.co-field', { has: field(a, action.id, 'description') });
  await wrap.getByText(t('fi', 'editor.isEditing', { name: world.member.name })).waitFor();
  const layer = wrap.locator(`[data-remote-caret="${world.member.name}"]`);
  await layer.locator('.co-caret-selection', { hasText: selected }).waitFor();
  const caret = layer.locator('.co-caret');
  assert.equal((await caret.textContent()).trim(), world.member.name, 'the caret carries the name');
  const [cbox, fbox] = [await caret.boundingBox(), await field(a, action.id, 'description').boundingBox()];
  assert.ok(cbox.x >= fbox.x && cbox.x <= fbox.x + fbox.width && cbox.y >= fbox.y && cbox.y + cbox.height <= fbox.y + fbox.height + 1, `caret ${JSON.stringify(cbox)} inside the field ${JSON.stringify(fbox)}`);

  // And the other way round: A in the goal title, seen by B in Swedish.
  await caretAt(a, goal.id, 'title', 'end');
  const bWrap = b.locator('.co-field', { has: field(b, goal.id, 'title') });
  await bWrap.getByText(t('sv', 'editor.isEditing', { name: world.coordinator.name })).waitFor();
  await bWrap.locator(`[data-remote-caret="${world.coordinator.name}"] .co-caret`).waitFor();
  await Promise.all([connection(a, 'saved'), connection(b, 'saved', 'sv')]);

  // axe with presence and remote carets showing, in both languages (full-page screenshots too).
  const violations = [...(await scan(a, 'fi-editor-presence')), ...(await scan(b, 'sv-editor-presence'))];
  assert.equal(violations.length, 0, `serious or critical axe violations:\n${violations.join('\n')}`);

  await switchLanguage(b, 'sv', 'fi'); // the member's profile as it was
  await close(a, b);
});

test('keyboard only: add, move and delete actions; focus follows each step', async () => {
  await setUp();
  const title = 'Kainuun ELO-ryhmän toimintasuunnitelma 2029';
  const created = await api(env.server, 'POST', `/workspaces/${world.workspace}/documents`, {
    as: ACCOUNTS.kainuuCoordinator,
    body: { kind: 'action_plan', title, period: '2029' },
  });
  const { nodes } = await api(env.server, 'GET', `/documents/${created.id}`, { as: ACCOUNTS.kainuuCoordinator });
  const [goal] = children(nodes, created.id, 'goals');
  const [first] = children(nodes, goal.id, 'actions');
  const a = await openPlan(world.coordinator.email, title);
  const focusedId = () => a.evaluate(() => document.activeElement?.id ?? '');

  await field(a, goal.id, 'title').focus();
  await a.keyboard.type('Nuoret');
  // The add button says where it adds.
  await a.getByRole('button', { name: t('fi', 'editor.addTo.action', { title: 'Nuoret' }), exact: true }).focus();
  await a.keyboard.press('Enter');
  const second = await focusedNode(a, 'title');
  await a.keyboard.type('Toinen');
  await connection(a, 'saved');

  // Move the new action up: focus stays on a move button of it (Up is now disabled, so Down).
  const what = t('fi', 'editor.types.action');
  await a.getByRole('button', { name: t('fi', 'editor.moveUp', { what, title: 'Toinen' }), exact: true }).focus();
  await a.keyboard.press('Enter');
  await a.waitForFunction((id) => document.activeElement?.id === `down-${id}`, second);
  const order = await a.locator('li.co-action h4').allTextContents();
  assert.deepEqual(order, ['Toinen', t('fi', 'editor.untitled.action')]);
  // And down again: now Down is disabled, so Up has focus.
  await a.keyboard.press('Enter');
  await a.waitForFunction((id) => document.activeElement?.id === `up-${id}`, second);

  // Delete it (after confirming): focus goes to the list's add button.
  a.once('dialog', (d) => d.accept());
  await a.getByRole('button', { name: t('fi', 'editor.remove', { what, title: 'Toinen' }), exact: true }).focus();
  await a.keyboard.press('Enter');
  await a.waitForFunction((id) => document.activeElement?.id === `add-${id}-actions`, goal.id);
  await connection(a, 'saved');
  const after = (await api(env.server, 'GET', `/documents/${created.id}`, { as: ACCOUNTS.kainuuCoordinator })).nodes;
  assert.deepEqual(children(after, goal.id, 'actions').map((n) => n.id), [first.id]);
  assert.ok(!(await focusedId()).startsWith('f-'), 'focus left the deleted fields');
  await close(a);
});
