// Shared helpers for the browser tests: a demo server per test file, Debian's chromium,
// the outbox, the UI catalogs, sign-in and axe scans.
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
export const BINARY = process.env.ELO_BINARY ?? join(root, 'bin', 'elo-workspace');
export const SCREENSHOTS = join(root, 'client', 'screenshots');
export const DEMO_PASSWORD = 'elo-demo';
export const ACCOUNTS = {
  admin: 'admin@elo.example',
  kainuuCoordinator: 'coordinator@kainuu.example',
  etelaSavoMember: 'member@etela-savo.example',
  national: 'national@elo.example',
};

/** The UI catalogs, so tests assert the same words the user sees. */
const catalogs = Object.fromEntries(
  ['fi', 'sv', 'en'].map((l) => [l, JSON.parse(readFileSync(join(root, 'shared', 'i18n', `${l}.json`), 'utf8'))]),
);

/** Text of catalog key `key` in `lang`, with {{placeholders}} filled from `vars`. */
export function t(lang, key, vars = {}) {
  const v = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), catalogs[lang]);
  if (typeof v !== 'string') throw new Error(`no catalog text ${lang}:${key}`);
  return v.replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (!(name in vars)) throw new Error(`catalog text ${lang}:${key} needs {{${name}}}`);
    return String(vars[name]);
  });
}

/** An email address no earlier run used. */
export function uniqueEmail(label) {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@e2e.example`;
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * Starts bin/elo-workspace with the demo dataset in a fresh DATA_DIR and waits for /readyz;
 * extraEnv adds or overrides environment variables (SMTP_HOST of a test's SMTP server, say).
 * Returns { baseURL, dataDir, outbox, log(), stop() }.
 */
export async function startServer(extraEnv = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'elo-e2e-'));
  const baseURL = `http://localhost:${port}`;
  const child = spawn(BINARY, [], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DEMO: '1',
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: baseURL,
      LOG_LEVEL: 'warn',
      ...(process.env.WEB_DIR ? { WEB_DIR: process.env.WEB_DIR } : {}),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
  let gone = null;
  void exited.then((e) => (gone = e));
  child.once('error', (err) => {
    // spawn failed (no binary): there will be no exit event
    output += `${err.message}\n(build it first: make build)\n`;
    gone = { error: err.code };
  });

  const server = {
    baseURL,
    dataDir,
    outbox: join(dataDir, 'outbox'),
    log: () => output,
    async stop() {
      if (!gone && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  // Poll readiness: at most 300 attempts, 100 ms apart (the demo load takes a second or two).
  for (let attempt = 0; attempt < 300; attempt++) {
    if (gone) throw new Error(`server exited (${JSON.stringify(gone)}) before it was ready:\n${output}`);
    try {
      const res = await fetch(`${baseURL}/readyz`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  throw new Error(`server at ${baseURL} was not ready after 30 s:\n${output}`);
}

/**
 * Starts a server and a browser before the file's tests and stops them after; the returned
 * object holds them (env.server, env.browser) once the tests run. options.env: extra
 * environment variables for the server, or a function returning them (called in before()).
 */
export function useServerAndBrowser({ env: serverEnv } = {}) {
  const env = {};
  before(async () => {
    [env.server, env.browser] = await Promise.all([startServer(typeof serverEnv === 'function' ? await serverEnv() : serverEnv), launchBrowser()]);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh browser context (own cookies and storage) and a page in it. Uncaught page errors
 * are collected in page.errors so tests can assert there were none.
 */
export async function newPage(browser, server) {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 900 }, locale: 'fi-FI' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

/** The h1 of the page, once it says `name` (string: exact; RegExp: match). */
export async function heading(page, name) {
  const h1 = page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
  await h1.waitFor();
  return h1;
}

/** Signs in through the sign-in form and waits until the app has left /login. */
export async function signIn(page, email, password = DEMO_PASSWORD, lang = 'fi') {
  await page.goto('/login');
  await heading(page, t(lang, 'login.title'));
  await page.getByLabel(t(lang, 'fields.email'), { exact: true }).fill(email);
  await page.getByLabel(t(lang, 'fields.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t(lang, 'login.submit'), exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/**
 * Resolves once the page's next events socket has said it is ready (subscribed to the person's
 * topic); call it before the navigation that opens the socket. The frame listener is attached as
 * the socket appears, so the ready frame is never missed (waiting for the frame after the socket
 * event missed it now and then). Rejects after 30 s.
 */
export function eventsReady(page, timeout = 30_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      page.off('websocket', onSocket);
      reject(new Error('the events socket did not say it was ready within 30 s'));
    }, timeout);
    const onSocket = (ws) => {
      if (!ws.url().includes('/api/v1/events/socket')) return;
      ws.on('framereceived', (f) => {
        if (String(f.payload).includes('"ready"')) {
          clearTimeout(timer);
          page.off('websocket', onSocket);
          resolve();
        }
      });
    };
    page.on('websocket', onSocket);
  });
}

/** Emails in the outbox, oldest first: { file, to, subject, body }. */
export function readOutbox(server) {
  let files;
  try {
    files = readdirSync(server.outbox).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return files.map((file) => {
    const text = readFileSync(join(server.outbox, file), 'utf8').replace(/\r\n/g, '\n');
    const [head, ...rest] = text.split('\n\n');
    const header = (name) => (head.match(new RegExp(`^${name}: (.*)$`, 'mi')) ?? [])[1] ?? '';
    return { file, to: header('To'), subject: header('Subject'), body: rest.join('\n\n') };
  });
}

/** The newest email to `to` (the server writes it before it answers the request). */
export function lastEmailTo(server, to) {
  const mails = readOutbox(server).filter((m) => m.to.toLowerCase() === to.toLowerCase());
  if (mails.length === 0) throw new Error(`no email to ${to} in ${server.outbox}`);
  return mails[mails.length - 1];
}

/** The invitation link in the newest email to `to`. */
export function invitationLink(server, to) {
  const mail = lastEmailTo(server, to);
  const m = mail.body.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/);
  if (!m) throw new Error(`no invitation link in the email to ${to}:\n${mail.body}`);
  return { link: m[0], mail };
}

/** The password reset link in the newest email to `to`. */
export function resetLink(server, to) {
  const mail = lastEmailTo(server, to);
  const m = mail.body.match(/https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/);
  if (!m) throw new Error(`no reset link in the email to ${to}:\n${mail.body}`);
  return m[0];
}

/** A JSON API call as `email` (for setting up data the test is not about). */
export async function api(server, method, path, { as, body } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (as) {
    const res = await fetch(`${server.baseURL}/api/v1/auth/login`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: as, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`sign-in as ${as}: ${res.status} ${await res.text()}`);
    headers.Authorization = `Bearer ${(await res.json()).accessToken}`;
  }
  const res = await fetch(`${server.baseURL}/api/v1${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Full-page screenshot to client/screenshots/<name>.png, then an axe scan. Returns the serious
 * and critical violations as readable lines ([] when there are none); the minor and moderate
 * ones go to page.axeNotes.
 */
export async function scan(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).options(process.env.AXE_EXPERIMENTAL ? { rules: { 'label-content-name-mismatch': { enabled: true } } } : {}).analyze();
  const serious = (v) => v.impact === 'serious' || v.impact === 'critical';
  page.axeNotes = result.violations.filter((v) => !serious(v)).map((v) => `${name}: ${v.id} (${v.impact}, ${v.nodes.length}×) ${v.help}`);
  return result.violations
    .filter(serious)
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(' ')}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`)
        .join('\n');
      return `  ${name}: ${v.id} (${v.impact}) ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    });
}
