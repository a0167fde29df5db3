// The comments panel beside the outline: a new thread being written, then the threads in
// document order (open or resolved), each with its comments, a reply box, resolve or reopen,
// and edit and remove for one's own comments.
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { requestFocus } from '../coedit/editorContext';
import type { LiveDocument } from '../coedit/liveDocument';
import { ErrorAlert, RelativeTime } from '../components/common';
import { deleteComment, editComment, replyToThread, resolveThread, startThread, type Comment, type CommentAnchor, type Thread } from './api';
import { CommentText } from './CommentText';
import { composerId, inDocumentOrder, threadElementId, useComments, type CommentsValue } from './context';
import { MentionInput, type MentionValue } from './MentionInput';
import { decodeMentions, encodeMentions } from './mentions';

const empty: MentionValue = { text: '', picks: [] };

/** "Goal: Title · Description": what a thread is about, or that its item was deleted. */
export function useAnchorLabel() {
  const { t } = useTranslation();
  return (live: LiveDocument, a: CommentAnchor): { label: string; deleted: boolean } => {
    const n = live.node(a.node);
    if (!n) return { label: t('comments.deletedItem'), deleted: true };
    let label: string;
    if (n.id === live.id) label = t('comments.onDocument');
    else {
      const title = (n.text?.title ?? n.text?.name ?? '').trim() || t(`editor.untitled.${n.type}`);
      label = t('comments.onItem', { what: t(`editor.types.${n.type}`), title });
    }
    if (a.field) label += ` · ${t(`comments.fields.${a.field}`, { defaultValue: a.field })}`;
    return { label: label.charAt(0).toLocaleUpperCase() + label.slice(1), deleted: false };
  };
}

/** Whether a thread's quote is still in its field's current text. */
function quoteFound(live: LiveDocument, a: CommentAnchor): boolean {
  return !a.quote || !a.field || live.text(a.node, a.field).includes(a.quote);
}

/** Focuses the anchored field and selects the quote in it (a text field), or shows the item. */
function showInDocument(live: LiveDocument, a: CommentAnchor) {
  const el = a.field ? document.getElementById(`f-${a.node}-${a.field}`) : null;
  if (el) {
    el.scrollIntoView({ block: 'center' });
    el.focus();
    if ((el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) && a.quote) {
      const at = live.text(a.node, a.field!).indexOf(a.quote);
      if (at >= 0) el.setSelectionRange(at, at + a.quote.length);
    }
    return;
  }
  const item = document.getElementById(`cm-item-${a.node}`);
  if (item) {
    item.scrollIntoView({ block: 'center' });
    item.focus();
  }
}

function NewThread({ c }: { c: CommentsValue }) {
  const { t } = useTranslation();
  const anchorLabel = useAnchorLabel();
  const [value, setValue] = useState<MentionValue>(empty);
  const draft = c.draft!;
  const send = useMutation({
    mutationFn: () => startThread(c.documentId, draft, encodeMentions(value.text, value.picks)),
    onSuccess: (th) => {
      c.comments.put(th);
      setValue(empty);
      c.cancelDraft();
      c.setFilter('open');
      requestFocus(threadElementId(th.id));
    },
  });
  const { label } = anchorLabel(c.live, draft);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (value.text.trim() && !send.isPending) send.mutate();
  };
  return (
    <form className="cm-new" onSubmit={submit} aria-labelledby="cm-new-heading">
      <h3 id="cm-new-heading" className="cm-new-heading">
        {t('comments.newThread')}
      </h3>
      <p className="cm-anchor">{label}</p>
      {draft.quote ? <blockquote className="cm-quote">{draft.quote}</blockquote> : null}
      <MentionInput id={composerId} workspaceId={c.workspaceId} me={c.me} label={t('comments.yourComment')} value={value} onChange={setValue} onSubmit={submit} />
      <ErrorAlert error={send.error} />
      <div className="button-row">
        <button type="submit" className="co-button" disabled={!value.text.trim() || send.isPending}>
          {t('comments.send')}
        </button>
        <button
          type="button"
          className="co-button co-secondary"
          onClick={() => {
            c.cancelDraft();
            showInDocument(c.live, draft);
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function CommentItem({ c, thread, comment }: { c: CommentsValue; thread: Thread; comment: Comment }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<MentionValue | null>(null);
  const mine = comment.authorId === c.me && c.canComment && !comment.deleted;
  const editId = `cm-edit-${comment.id}`;
  const save = useMutation({
    mutationFn: (v: MentionValue) => editComment(c.documentId, comment.id, encodeMentions(v.text, v.picks)),
    onSuccess: (th) => {
      c.comments.put(th);
      setEditing(null);
      requestFocus(`cm-edit-button-${comment.id}`);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteComment(c.documentId, comment.id),
    onSuccess: () => {
      const first = comment.id === thread.id;
      const others = thread.comments.filter((x) => x.id !== comment.id && !x.deleted);
      if (!others.length) c.comments.drop(thread.id);
      else if (first) c.comments.put({ ...thread, comments: thread.comments.map((x) => (x.id === comment.id ? { ...x, body: '', deleted: true } : x)) });
      else c.comments.put({ ...thread, comments: thread.comments.filter((x) => x.id !== comment.id) });
      requestFocus(others.length ? threadElementId(thread.id) : 'cm-panel-heading');
    },
  });
  if (comment.deleted) {
    return (
      <li className="cm-comment cm-removed">
        <p className="muted">{t('comments.removed')}</p>
      </li>
    );
  }
  return (
    <li className="cm-comment">
      <div className="cm-meta">
        <span className="cm-author">{comment.authorName || t('comments.someone')}</span> <RelativeTime iso={comment.createdAt} />
        {comment.editedAt ? <span className="muted"> · {t('comments.edited')}</span> : null}
      </div>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (editing.text.trim()) save.mutate(editing);
          }}
        >
          <MentionInput
            id={editId}
            workspaceId={c.workspaceId}
            me={c.me}
            label={t('comments.editLabel')}
            value={editing}
            onChange={setEditing}
            onSubmit={() => editing.text.trim() && save.mutate(editing)}
          />
          <ErrorAlert error={save.error} />
          <div className="button-row">
            <button type="submit" className="co-button co-small" disabled={!editing.text.trim() || save.isPending}>
              {t('comments.save')}
            </button>
            <button
              type="button"
              className="co-button co-secondary co-small"
              onClick={() => {
                setEditing(null);
                requestFocus(`cm-edit-button-${comment.id}`);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <CommentText body={comment.body} />
      )}
      {mine && !editing ? (
        <div className="button-row cm-own">
          <button
            type="button"
            id={`cm-edit-button-${comment.id}`}
            className="co-button co-secondary co-small"
            onClick={() => {
              setEditing(decodeMentions(comment.body));
              requestFocus(editId);
            }}
          >
            {t('comments.edit')}
          </button>
          <button
            type="button"
            className="co-button co-danger co-small"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(t('comments.confirmRemove'))) remove.mutate();
            }}
          >
            {t('comments.remove')}
          </button>
        </div>
      ) : null}
      <ErrorAlert error={remove.error} />
    </li>
  );
}

function ThreadCard({ c, thread }: { c: CommentsValue; thread: Thread }) {
  const { t } = useTranslation();
  const anchorLabel = useAnchorLabel();
  const [reply, setReply] = useState<MentionValue>(empty);
  const { label, deleted } = anchorLabel(c.live, thread.anchor);
  const headingId = `${threadElementId(thread.id)}-heading`;
  const replyId = `cm-reply-${thread.id}`;
  const send = useMutation({
    mutationFn: () => replyToThread(c.documentId, thread.id, encodeMentions(reply.text, reply.picks)),
    onSuccess: (th) => {
      c.comments.put(th);
      setReply(empty);
    },
  });
  const resolve = useMutation({
    mutationFn: (resolved: boolean) => resolveThread(c.documentId, thread.id, resolved),
    onSuccess: (th) => {
      c.comments.put(th);
      requestFocus('cm-panel-heading');
    },
  });
  const submitReply = (e?: FormEvent) => {
    e?.preventDefault();
    if (reply.text.trim() && !send.isPending) send.mutate();
  };
  const first = thread.comments[0];
  return (
    <li className={`cm-thread${thread.resolved ? ' cm-thread-resolved' : ''}`}>
      <article id={threadElementId(thread.id)} tabIndex={-1} aria-labelledby={headingId} className="cm-thread-card">
        <h3 id={headingId} className={`cm-anchor${deleted ? ' cm-anchor-deleted' : ''}`}>
          {label}
          {first && !first.deleted ? <span className="cm-sr-only">{`, ${first.authorName}`}</span> : null}
        </h3>
        {thread.anchor.quote ? (
          <blockquote className="cm-quote">
            {thread.anchor.quote}
            {!deleted && !quoteFound(c.live, thread.anchor) ? <span className="cm-quote-changed"> ({t('comments.quoteChanged')})</span> : null}
          </blockquote>
        ) : null}
        {!deleted ? (
          <button type="button" className="cm-link" onClick={() => showInDocument(c.live, thread.anchor)}>
            {t('comments.showInDocument')}
          </button>
        ) : null}
        <ul className="cm-comments">
          {thread.comments.map((cm) => (
            <CommentItem key={cm.id} c={c} thread={thread} comment={cm} />
          ))}
        </ul>
        {thread.resolved ? (
          <p className="cm-resolved-note">
            {t('comments.resolvedBy', { name: thread.resolvedByName || t('comments.someone') })}
            {thread.resolvedAt ? (
              <>
                {' '}
                <RelativeTime iso={thread.resolvedAt} />
              </>
            ) : null}
          </p>
        ) : null}
        {c.canComment && !thread.resolved ? (
          <form className="cm-reply" onSubmit={submitReply}>
            <MentionInput id={replyId} workspaceId={c.workspaceId} me={c.me} label={t('comments.reply')} value={reply} onChange={setReply} onSubmit={submitReply} rows={2} />
            <ErrorAlert error={send.error} />
            <button type="submit" className="co-button co-small" disabled={!reply.text.trim() || send.isPending}>
              {t('comments.sendReply')}
            </button>
          </form>
        ) : null}
        {c.canComment ? (
          <div className="button-row">
            <button type="button" className="co-button co-secondary co-small" disabled={resolve.isPending} onClick={() => resolve.mutate(!thread.resolved)}>
              {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
            </button>
          </div>
        ) : null}
        <ErrorAlert error={resolve.error} />
      </article>
    </li>
  );
}

export function CommentsPanel() {
  const { t } = useTranslation();
  const c = useComments()!;
  useSyncExternalStore(c.live.subscribe, c.live.getVersion); // titles and order follow the document
  const open = c.comments.threads.filter((th) => !th.resolved);
  const resolved = c.comments.threads.filter((th) => th.resolved);
  const shown = inDocumentOrder(c.filter === 'open' ? open : resolved, c.live);
  return (
    <aside id="cm-panel" className="cm-panel" aria-labelledby="cm-panel-heading">
      <div className="cm-panel-head">
        <h2 id="cm-panel-heading" tabIndex={-1}>
          {t('comments.heading')}
        </h2>
        <button type="button" className="co-button co-secondary co-small" onClick={() => c.setPanelOpen(false)} aria-controls="cm-panel">
          {t('comments.close')}
        </button>
      </div>
      <div className="cm-filter" role="group" aria-label={t('comments.filter')}>
        <button type="button" className="cm-filter-button" aria-pressed={c.filter === 'open'} onClick={() => c.setFilter('open')}>
          {t('comments.open', { count: open.length })}
        </button>
        <button type="button" className="cm-filter-button" aria-pressed={c.filter === 'resolved'} onClick={() => c.setFilter('resolved')}>
          {t('comments.resolved', { count: resolved.length })}
        </button>
      </div>
      {c.draft && c.canComment ? <NewThread key={`${c.draft.node}/${c.draft.field ?? ''}/${c.draft.quote ?? ''}`} c={c} /> : null}
      {!c.comments.loaded ? <p className="muted">{t('common.loading')}</p> : null}
      {c.comments.loaded && !shown.length ? (
        <p className="muted">{c.filter === 'open' ? t('comments.noneOpen') : t('comments.noneResolved')}</p>
      ) : null}
      <ul className="cm-threads">
        {shown.map((th) => (
          <ThreadCard key={th.id} c={c} thread={th} />
        ))}
      </ul>
    </aside>
  );
}
