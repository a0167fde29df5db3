import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentText } from './CommentText';
import { activeQuery, decodeMentions, encodeMentions, insertMention, matchesName, mentioned, mentionToken, plainText, segments } from './mentions';
import { CommentsStore } from './store';
import type { CommentsMessage, Thread } from './api';

const juho = '0123456789abcdef01234567';
const sanna = 'fedcba9876543210fedcba98';

describe('mentions in a body', () => {
  it('splits text and mentions in order', () => {
    expect(segments(`Hei @[Juho Jäsen](${juho}), katso tämä @[Sanna](${sanna})!`)).toEqual([
      { kind: 'text', text: 'Hei ' },
      { kind: 'mention', name: 'Juho Jäsen', userId: juho },
      { kind: 'text', text: ', katso tämä ' },
      { kind: 'mention', name: 'Sanna', userId: sanna },
      { kind: 'text', text: '!' },
    ]);
    expect(mentioned(`@[A](${juho}) @[B](${juho}) @[C](${sanna})`)).toEqual([juho, sanna]);
    expect(plainText(`Kiitos @[Juho Jäsen](${juho})`)).toBe('Kiitos @Juho Jäsen');
  });

  it('leaves what is not a mention as text', () => {
    for (const body of ['@[Juho](not-an-id)', `@[](${juho})`, `@[a\nb](${juho})`, 'email@example.com', `@[Juho](${juho.toUpperCase()})`]) {
      expect(segments(body)).toEqual([{ kind: 'text', text: body }]);
    }
  });

  it('writes tokens the parser reads back, whatever the name holds', () => {
    const token = mentionToken('Evil ] [name]\n(x)', juho);
    expect(segments(token)).toEqual([{ kind: 'mention', name: 'Evil name (x)', userId: juho }]);
  });

  it('turns the box form into tokens and back', () => {
    const picks = [
      { name: 'Juho Jäsen', userId: juho },
      { name: 'Juho', userId: sanna },
    ];
    const body = encodeMentions('@Juho Jäsen ja @Juho, mutta ei @Juhoo eikä x@Juho', picks);
    expect(body).toBe(`@[Juho Jäsen](${juho}) ja @[Juho](${sanna}), mutta ei @Juhoo eikä x@Juho`);
    expect(decodeMentions(body)).toEqual({ text: '@Juho Jäsen ja @Juho, mutta ei @Juhoo eikä x@Juho', picks });
    expect(encodeMentions('@Sanna', [])).toBe('@Sanna');
  });

  it('finds the name being typed and inserts the choice', () => {
    expect(activeQuery('Hei @Ju', 7)).toEqual({ start: 4, query: 'Ju' });
    expect(activeQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeQuery('posti@x', 7)).toBeNull();
    expect(activeQuery('Hei @Ju\nx', 9)).toBeNull();
    expect(insertMention('Hei @Ju kiitos', 4, 7, 'Juho Jäsen')).toEqual({ text: 'Hei @Juho Jäsen kiitos', caret: 16 });
    expect(matchesName('Juho Jäsen', 'jas')).toBe(true);
    expect(matchesName('Juho Jäsen', 'jä')).toBe(true);
    expect(matchesName('Juho Jäsen', 'sen')).toBe(false);
  });
});

describe('rendering a body', () => {
  it('renders mentions and text as text, never as HTML', () => {
    const html = renderToStaticMarkup(
      createElement(CommentText, { body: `<img src=x onerror=alert(1)> @[<b>Bold</b>](${juho}) & <script>x</script>` }),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<span class="cm-at">@&lt;b&gt;Bold&lt;/b&gt;</span>');
  });
});

describe('the comments store', () => {
  const thread = (over: Partial<Thread> = {}): Thread => ({
    id: 't1',
    documentId: 'd',
    anchor: { node: 'n1' },
    resolved: false,
    createdAt: '2026-01-01T00:00:00Z',
    comments: [{ id: 't1', threadId: 't1', authorId: 'a', authorName: 'A', body: 'first', createdAt: '2026-01-01T00:00:00Z', deleted: false }],
    ...over,
  });
  const head = (over: Partial<Thread> = {}) => ({ ...thread(over), comments: [] });
  const msg = (m: Partial<CommentsMessage>): CommentsMessage => ({ type: 'comments', event: 'replied', seq: 1, by: 'a', thread: head(), removed: false, ...m });

  it('applies live messages and refuses a list older than them', () => {
    const s = new CommentsStore();
    s.load({ seq: 1, threads: [thread()] });
    const reply = { id: 'r1', threadId: 't1', authorId: 'b', authorName: 'B', body: 'second', createdAt: '2026-01-01T00:01:00Z', deleted: false };
    s.apply(msg({ seq: 2, comment: reply }));
    expect(s.get('t1')!.comments.map((c) => c.id)).toEqual(['t1', 'r1']);
    s.apply(msg({ seq: 3, event: 'resolved', thread: head({ resolved: true }) }));
    expect(s.get('t1')!.resolved).toBe(true);
    expect(s.get('t1')!.comments).toHaveLength(2);
    expect(s.load({ seq: 2, threads: [thread()] })).toBe(false);
    s.apply(msg({ seq: 4, event: 'deleted', comment: { ...reply, deleted: true, body: '' } }));
    expect(s.get('t1')!.comments.map((c) => c.id)).toEqual(['t1']);
    s.apply(msg({ seq: 5, event: 'deleted', comment: { ...thread().comments[0], deleted: true, body: '' }, removed: true }));
    expect(s.threads).toEqual([]);
    expect(s.seq).toBe(5);
  });
});
