// Text field helpers: the operation between two values of a field (common prefix and suffix,
// as simple editors such as Etherpad-lite's plain text fallback do), and moving a caret through
// a remote operation.
import { isDelete, isInsert, isRetain, TextOperation } from '../ot/textOperation';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The minimal retain/delete/insert operation turning oldValue into newValue. */
export function diffOp(oldValue: string, newValue: string): TextOperation {
  const op = new TextOperation();
  if (oldValue === newValue) return op.retain(oldValue.length);
  const max = Math.min(oldValue.length, newValue.length);
  let prefix = 0;
  while (prefix < max && oldValue.charCodeAt(prefix) === newValue.charCodeAt(prefix)) prefix++;
  // Never split a surrogate pair.
  if (prefix > 0 && isHigh(oldValue.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  const maxSuffix = max - prefix;
  while (
    suffix < maxSuffix &&
    oldValue.charCodeAt(oldValue.length - 1 - suffix) === newValue.charCodeAt(newValue.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLow(oldValue.charCodeAt(oldValue.length - suffix))) suffix--;
  op.retain(prefix);
  op.delete(oldValue.length - prefix - suffix);
  op.insert(newValue.slice(prefix, newValue.length - suffix));
  op.retain(suffix);
  return op;
}

/** Where index (a caret position) ends up after op (ot.js transformIndex). */
export function transformIndex(index: number, op: TextOperation): number {
  let newIndex = index;
  let rest = index;
  for (const c of op.ops) {
    if (isRetain(c)) {
      rest -= c;
    } else if (isInsert(c)) {
      newIndex += c.length;
    } else if (isDelete(c)) {
      newIndex -= Math.min(rest, -c);
      rest += c;
    }
    if (rest < 0) break;
  }
  return newIndex;
}
