import { describe, expect, it } from 'vitest';
import { LiveDocument, type CommentsNews } from '../coedit/liveDocument';

describe('the document socket hands comments messages to their listeners', () => {
  it('passes comments messages through and asks for a reload after each hello', () => {
    const doc = new LiveDocument('d1', { d1: { id: 'd1', type: 'action_plan', fields: {} } } as never, 0);
    const heard: (CommentsNews | null)[] = [];
    const off = doc.onComments((m) => heard.push(m));
    const msg = { type: 'comments', event: 'created', seq: 1, by: 'u', thread: { id: 't' }, removed: false } as CommentsNews;
    doc.receive([{ type: 'hello', you: 'u', canEdit: true, rev: 0 }, msg]);
    expect(heard).toEqual([null, msg]);
    expect(doc.rev).toBe(0); // nothing else changed
    off();
    doc.receive(msg);
    expect(heard).toHaveLength(2);
  });
});
