// What changed between two revisions of a document, item by item, in outline order: items
// added, removed, moved, and for the others each changed text (word by word) and value.
import { diffWordsWithSpace } from 'diff';
import { CHILD_LISTS, children, type DocNode, type Nodes } from '../coedit/model';

export interface TextPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface TextChange {
  field: string;
  parts: TextPart[];
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface NodeChange {
  id: string;
  type: string;
  depth: number;
  /** The node's title (or name) now, or when it was removed. */
  title: string;
  kind: 'added' | 'removed' | 'moved' | 'changed';
  texts: TextChange[];
  fields: FieldChange[];
}

/** The outline of nodes under root, depth first, with depths (the root excluded). */
function outline(nodes: Nodes, root: string): { node: DocNode; depth: number }[] {
  const out: { node: DocNode; depth: number }[] = [];
  const walk = (parent: DocNode, depth: number) => {
    for (const list of Object.keys(CHILD_LISTS[parent.type] ?? {})) {
      for (const c of children(nodes, parent.id, list)) {
        out.push({ node: c, depth });
        walk(c, depth + 1);
      }
    }
  };
  if (nodes[root]) walk(nodes[root], 0);
  return out;
}

const titleOf = (n: DocNode) => (n.text?.title ?? n.text?.name ?? '').trim();

function textChanges(before: DocNode | undefined, after: DocNode): TextChange[] {
  const fields = new Set([...Object.keys(before?.text ?? {}), ...Object.keys(after.text ?? {})]);
  const out: TextChange[] = [];
  for (const field of [...fields].sort()) {
    const a = before?.text?.[field] ?? '';
    const b = after.text?.[field] ?? '';
    if (a === b) continue;
    out.push({ field, parts: diffWordsWithSpace(a, b).map((p) => ({ value: p.value, added: p.added || undefined, removed: p.removed || undefined })) });
  }
  return out;
}

function fieldChanges(before: DocNode | undefined, after: DocNode): FieldChange[] {
  const a = before?.fields ?? {};
  const b = after.fields ?? {};
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: FieldChange[] = [];
  for (const field of [...names].sort()) {
    if (JSON.stringify(a[field] ?? null) !== JSON.stringify(b[field] ?? null)) {
      out.push({ field, before: a[field] ?? null, after: b[field] ?? null });
    }
  }
  return out;
}

/** The changes from before to after (both the nodes of one document with root id root). */
export function diffDocuments(before: Nodes, after: Nodes, root: string): NodeChange[] {
  const out: NodeChange[] = [];
  if (before[root] && after[root]) {
    const texts = textChanges(before[root], after[root]);
    const fields = fieldChanges(before[root], after[root]);
    if (texts.length || fields.length) out.push({ id: root, type: after[root].type, depth: 0, title: '', kind: 'changed', texts, fields });
  }
  for (const { node, depth } of outline(after, root)) {
    const old = before[node.id];
    const texts = textChanges(old, node);
    const fields = fieldChanges(old, node);
    let kind: NodeChange['kind'] = 'changed';
    if (!old) kind = 'added';
    else if (old.parent !== node.parent || old.list !== node.list || old.pos !== node.pos) kind = 'moved';
    else if (!texts.length && !fields.length) continue;
    out.push({ id: node.id, type: node.type, depth, title: titleOf(node), kind, texts, fields });
  }
  for (const { node, depth } of outline(before, root)) {
    if (after[node.id] || (node.parent && !after[node.parent] && before[node.parent] && node.parent !== root)) continue;
    out.push({ id: node.id, type: node.type, depth, title: titleOf(node), kind: 'removed', texts: [], fields: [] });
  }
  return out;
}
