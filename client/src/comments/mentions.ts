// Mentions in comment bodies (server/comments/mentions.go reads the same form): the body is plain
// text in which a mention is written @[Name](<user id>). Readers see "@Name"; the server notifies
// the id. Nothing here produces HTML: bodies are shown as React text.

/** One piece of a body: plain text or a mention. */
export type Segment = { kind: 'text'; text: string } | { kind: 'mention'; name: string; userId: string };

const MENTION = /@\[([^[\]\n]{1,100})\]\(([0-9a-f]{24})\)/g;

/** Splits a body into text and mentions, in order. */
export function segments(body: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of body.matchAll(MENTION)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: body.slice(last, at) });
    out.push({ kind: 'mention', name: m[1], userId: m[2] });
    last = at + m[0].length;
  }
  if (last < body.length) out.push({ kind: 'text', text: body.slice(last) });
  return out;
}

/** The ids a body mentions, each once. */
export function mentioned(body: string): string[] {
  const ids: string[] = [];
  for (const s of segments(body)) if (s.kind === 'mention' && !ids.includes(s.userId)) ids.push(s.userId);
  return ids;
}

/** A body as plain text: mentions as @Name. */
export function plainText(body: string): string {
  return segments(body)
    .map((s) => (s.kind === 'text' ? s.text : `@${s.name}`))
    .join('');
}

/** The token for a mention; brackets and newlines in a name would break it, so they go. */
export function mentionToken(name: string, userId: string): string {
  return `@[${displayName(name)}](${userId})`;
}

/**
 * The mention being typed at the caret: "@" at the start or after a space, then up to 40
 * characters without a newline or another "@". Returns where the "@" is and the text after it.
 */
export function activeQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s/.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@[\]()]/.test(query)) return null;
  return { start: at, query };
}

/** One person the @mention suggestions offer. */
export interface Mentionable {
  userId: string;
  name: string;
  organisation?: string;
}

/** A person chosen from the suggestions while writing: "@Name" in the box stands for them. */
export interface Pick {
  name: string;
  userId: string;
}

/** The display name of a mention in the text box (what mentionToken keeps of it). */
export function displayName(name: string): string {
  return name.replace(/[[\]\n\r]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || '?';
}

/** Replaces the query typed at start..caret by "@Name " (the box's form); returns the new text and caret. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const shown = `@${displayName(name)} `;
  const next = text.slice(0, start) + shown + text.slice(caret).replace(/^ /, '');
  return { text: next, caret: start + shown.length };
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * The body to send: every "@Name" of a chosen person (longest names first, not followed by a
 * letter or digit) becomes @[Name](<id>); other text is kept as typed.
 */
export function encodeMentions(text: string, picks: Pick[]): string {
  const byLength = [...picks].map((p) => ({ ...p, name: displayName(p.name) })).sort((a, b) => b.name.length - a.name.length);
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '@' && (i === 0 || !WORD.test(text[i - 1]))) {
      const p = byLength.find((c) => text.startsWith(c.name, i + 1) && !WORD.test(text[i + 1 + c.name.length] ?? ''));
      if (p) {
        out += mentionToken(p.name, p.userId);
        i += 1 + p.name.length;
        continue;
      }
    }
    out += text[i];
    i++;
  }
  return out;
}

/** A stored body back in the box's form, with the people it mentions. */
export function decodeMentions(body: string): { text: string; picks: Pick[] } {
  const picks: Pick[] = [];
  let text = '';
  for (const s of segments(body)) {
    if (s.kind === 'text') text += s.text;
    else {
      text += `@${s.name}`;
      if (!picks.some((p) => p.userId === s.userId && p.name === s.name)) picks.push({ name: s.name, userId: s.userId });
    }
  }
  return { text, picks };
}

/** Case- and accent-insensitive match of a query against a name (each word may start with it). */
export function matchesName(name: string, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query.trim());
  if (!q) return true;
  const n = fold(name);
  return n.startsWith(q) || n.split(/\s+/).some((w) => w.startsWith(q));
}
