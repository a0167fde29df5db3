// The co-edited document model of shared/coedit/PROTOCOL.md on the client: nodes, operations,
// applying an operation to a document, and ordering siblings. Framework-free.
import { TextOperation, type OpComponent } from '../ot/textOperation';

export type DocumentKind = 'strategy' | 'action_plan' | 'situation';

export interface IndicatorValue {
  date: string;
  value: number;
  note?: string;
}

/** A node as the server sends it; `fields` holds scalars (see server/plans/schema.go). */
export interface DocNode {
  id: string;
  type: string;
  parent?: string;
  list?: string;
  pos?: string;
  text?: Record<string, string>;
  fields: Record<string, unknown>;
}

export type Nodes = Record<string, DocNode>;

export type Op =
  | { t: 'text'; node: string; field: string; op: OpComponent[] }
  | { t: 'set'; node: string; field: string; value: unknown }
  | { t: 'insert'; node: DocNode }
  | { t: 'move'; node: string; parent: string; list: string; pos: string }
  | { t: 'delete'; node: string; removed?: string[] };

/** The node an operation is about (for an insert, the new node). */
export function opTarget(op: Op): string {
  return op.t === 'insert' ? op.node.id : op.node;
}

/** Text field limits in UTF-16 units (server/plans/schema.go). */
export const MAX_TITLE = 300;
export const MAX_BODY = 20000;
export const MAX_UNIT = 50;
export const MAX_CONTACT = 200;
export const MAX_NOTE = 500;
export const MAX_INDICATOR_VALUES = 200;
export const MAX_OPS_PER_CHANGE = 100;

export const TEXT_LIMITS: Record<string, Record<string, number>> = {
  section: { title: MAX_TITLE, body: MAX_BODY },
  value: { title: MAX_TITLE, body: MAX_BODY },
  goal: { title: MAX_TITLE, description: MAX_BODY },
  action: { title: MAX_TITLE, description: MAX_BODY },
  indicator: { name: MAX_TITLE, unit: MAX_UNIT },
  followup: { body: MAX_BODY },
};

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'] as const;

/** Which child list of a parent type holds which child type. */
export const CHILD_LISTS: Record<string, Record<string, string>> = {
  strategy: { sections: 'section', values: 'value' },
  action_plan: { goals: 'goal' },
  situation: { sections: 'section' },
  goal: { actions: 'action' },
  action: { indicators: 'indicator', followups: 'followup' },
};

/** Siblings in order: pos by plain string comparison, ties by id. */
export function compareSiblings(a: DocNode, b: DocNode): number {
  const pa = a.pos ?? '';
  const pb = b.pos ?? '';
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The children of parent in list, in order. */
export function children(nodes: Nodes, parent: string, list: string): DocNode[] {
  const out: DocNode[] = [];
  for (const id in nodes) {
    const n = nodes[id];
    if (n.parent === parent && n.list === list) out.push(n);
  }
  return out.sort(compareSiblings);
}

/** Ids of the subtree rooted at id (id first), as found in nodes. */
export function subtree(nodes: Nodes, id: string): string[] {
  if (!nodes[id]) return [];
  const byParent = new Map<string, string[]>();
  for (const k in nodes) {
    const p = nodes[k].parent;
    if (!p) continue;
    const l = byParent.get(p);
    if (l) l.push(k);
    else byParent.set(p, [k]);
  }
  const out = [id];
  for (let i = 0; i < out.length; i++) {
    for (const c of byParent.get(out[i]) ?? []) out.push(c);
  }
  return out;
}

/** True if ancestor is node or one of its ancestors. */
export function isAncestor(nodes: Nodes, ancestor: string, node: string): boolean {
  let cur: string | undefined = node;
  for (let guard = 0; cur && guard < 10000; guard++) {
    if (cur === ancestor) return true;
    cur = nodes[cur]?.parent;
  }
  return false;
}

export class ApplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApplyError';
  }
}

function cloneNode(n: DocNode): DocNode {
  return { ...n, text: n.text ? { ...n.text } : undefined, fields: { ...n.fields } };
}

function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * Applies op to nodes, replacing changed nodes by new objects (nodes is changed in place; node
 * objects never are, so React can compare them by identity). Returns the ids a delete removed.
 * Throws ApplyError when op does not fit the document.
 */
export function applyOp(nodes: Nodes, op: Op): string[] {
  switch (op.t) {
    case 'text': {
      const n = nodes[op.node];
      if (!n) throw new ApplyError(`no node ${op.node}`);
      const old = n.text?.[op.field] ?? '';
      let next: string;
      try {
        next = TextOperation.fromJSON(op.op).apply(old);
      } catch (e) {
        throw new ApplyError(`text operation does not fit ${op.node}.${op.field}: ${String(e)}`);
      }
      const c = cloneNode(n);
      const text = { ...(c.text ?? {}) };
      if (next === '') delete text[op.field];
      else text[op.field] = next;
      c.text = Object.keys(text).length ? text : undefined;
      nodes[c.id] = c;
      return [];
    }
    case 'set': {
      const n = nodes[op.node];
      if (!n) throw new ApplyError(`no node ${op.node}`);
      const c = cloneNode(n);
      if (isEmptyValue(op.value)) delete c.fields[op.field];
      else c.fields[op.field] = op.value;
      nodes[c.id] = c;
      return [];
    }
    case 'insert': {
      const n = op.node;
      if (nodes[n.id]) throw new ApplyError(`node ${n.id} exists`);
      if (!n.parent || !nodes[n.parent]) throw new ApplyError(`no parent ${n.parent}`);
      nodes[n.id] = cloneNode({ ...n, fields: n.fields ?? {} });
      return [];
    }
    case 'move': {
      const n = nodes[op.node];
      if (!n) throw new ApplyError(`no node ${op.node}`);
      if (!nodes[op.parent]) throw new ApplyError(`no parent ${op.parent}`);
      if (isAncestor(nodes, op.node, op.parent)) throw new ApplyError('move into own subtree');
      nodes[n.id] = { ...n, parent: op.parent, list: op.list, pos: op.pos };
      return [];
    }
    case 'delete': {
      const ids = new Set(subtree(nodes, op.node));
      for (const id of op.removed ?? []) ids.add(id);
      for (const id of ids) delete nodes[id];
      return [...ids];
    }
  }
}

const ID_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random id of n base-62 characters. */
export function randomId(n = 16): string {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += ID_CHARS[b % 62];
  return s;
}

/** A new node id ("n_" + 16 random characters: matches the server's ^[0-9A-Za-z_-]{1,64}$). */
export function newNodeId(): string {
  return `n_${randomId(16)}`;
}
