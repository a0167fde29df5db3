import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useParams, useSearchParams } from 'react-router';
import { Button, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert, Loading, Page, RelativeTime, StatusMessage, onSubmit, useLang } from '../components/common';
import { useEvents, useEventsReady } from '../events/useEvents';
import {
  REACTIONS, deletePost, editPost, forumName, getThread, markRead, moderate, postHistory, preview, react, reply,
  type LiveChange, type Post, type ThreadPage,
} from '../forums/api';
import { MentionInput, type MentionValue } from '../comments/MentionInput';
import { encodeMentions } from '../comments/mentions';
import { MAX_POST, getPost, threadMentionable } from '../forums/api';
import { MoveThread } from '../forums/MoveThread';
import { PostCards } from '../forums/PostCards';
import { ReportForm } from '../forums/ReportForm';
import '../forums/forums.css';
import { LevelControl } from '../notifications/LevelControl';

/** Keeps the person's own reaction flags when a live copy of a post (viewed by nobody) replaces it. */
function merge(old: Post | undefined, next: Post): Post {
  if (!old) return next;
  return { ...next, reactions: next.reactions.map((r) => ({ ...r, mine: old.reactions.find((o) => o.kind === r.kind)?.mine ?? false })) };
}

/** A thread: its posts a page at a time, new ones arriving live, a reply box with preview and quoting. */
export function ForumThreadPage() {
  const { threadId = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();
  const [page, setPage] = useState<ThreadPage | null>(null);
  const [posts, setPosts] = useState<Post[]>([]);
  const [hasBefore, setHasBefore] = useState(false);
  const [hasAfter, setHasAfter] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announce, setAnnounce] = useState('');
  const [moved, setMoved] = useState(''); // shown: the moderator who moved the thread sees where it went
  const [pendingNew, setPendingNew] = useState(0);
  const readUpTo = useRef(0);

  const load = useCallback(
    async (q: { after?: number; before?: number } = {}) => {
      try {
        const p = await getThread(threadId, q);
        setPage(p);
        setPosts(p.posts);
        setHasBefore(p.hasBefore);
        setHasAfter(p.hasAfter);
        setPendingNew(0);
        setError(null);
      } catch (e) {
        setError(e);
      }
    },
    [threadId],
  );
  // Open at the linked post (?post=n) or at the start.
  useEffect(() => {
    const n = Number(params.get('post') ?? 0);
    readUpTo.current = 0;
    void load(n > 1 ? { after: n - 1 } : {});
  }, [load, params]);
  useEventsReady(() => void (page && !hasAfter ? load(posts.length ? { after: Math.max(0, posts[0].number - 1) } : {}) : undefined));

  // Read markers: what is shown is read.
  useEffect(() => {
    const last = posts.at(-1)?.number ?? 0;
    if (page && last > Math.max(readUpTo.current, page.thread.read)) {
      readUpTo.current = last;
      void markRead(threadId, last).catch(() => undefined);
    }
  }, [posts, page, threadId]);

  // Answers to one's own calls replace a post; live copies keep one's own reaction flags.
  const put = (p: Post) => setPosts((list) => list.map((x) => (x.id === p.id ? p : x)));
  const putLive = (p: Post) => setPosts((list) => list.map((x) => (x.id === p.id ? merge(x, p) : x)));
  // A live copy carries no cards (they are resolved per reader): fetch this reader's copy.
  const withCards = (p: Post) => {
    if (p.links) void getPost(threadId, p.number).then((own) => own && own.id === p.id && put(own), () => undefined);
  };
  useEvents(`thread:${threadId}`, 'post', (data) => {
    const ch = data as LiveChange;
    if (!ch.post) return;
    const p = ch.post;
    if (ch.thread) setPage((pg) => (pg ? { ...pg, thread: { ...pg.thread, posts: ch.thread!.posts, lastAt: ch.thread!.lastAt } } : pg));
    if (p.authorId !== user?.id) setAnnounce(t('forums.liveNewPost', { name: p.authorName }));
    if (hasAfter) {
      setPendingNew((n) => n + 1);
      return;
    }
    setPosts((list) => (list.some((x) => x.id === p.id) ? list : [...list, p]));
    withCards(p);
  });
  useEvents(`thread:${threadId}`, 'edited', (data) => {
    const p = (data as LiveChange).post;
    if (p) {
      putLive(p);
      withCards(p);
    }
  });
  useEvents(`thread:${threadId}`, 'reacted', (data) => {
    const p = (data as LiveChange).post;
    if (p) putLive(p);
  });
  useEvents(`thread:${threadId}`, 'moderated', (data) => {
    const th = (data as LiveChange).thread;
    if (th) setPage((pg) => (pg ? { ...pg, thread: { ...pg.thread, pinned: th.pinned, locked: th.locked, hidden: th.hidden } } : pg));
    // Moved to another forum: the page shows its new forum (and rights) where the reader is.
    if (th && page && th.forumId !== page.forum.id) void load(posts.length ? { after: Math.max(0, posts[0].number - 1) } : {});
  });

  const [quote, setQuote] = useState<Post | null>(null);

  if (error && !page) return <ErrorAlert error={error} />;
  if (!page) return <Loading />;
  const th = page.thread;

  const mod = page.canModerate;
  const toggle = async (change: { pinned?: boolean; locked?: boolean; hidden?: boolean }) => {
    try {
      const p = await moderate(threadId, change);
      setPage((pg) => (pg ? { ...pg, thread: p.thread } : pg));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Page title={th.title}>
      <p>
        <RouterLink asComponent={RRLink} to={`/forums/${page.forum.id}`}>
          {t('forums.backTo', { name: forumName(page.forum, lang) })}
        </RouterLink>
      </p>
      <p className="thread-meta">
        {t('forums.postCount', { count: th.posts })}
        {th.pinned ? <span className="forum-tag">{t('forums.pinned')}</span> : null}
        {th.locked ? <span className="forum-tag">{t('forums.locked')}</span> : null}
        {th.hidden ? <span className="forum-tag">{t('forums.hiddenThread')}</span> : null}
      </p>
      <LevelControl key={threadId} kind="thread" id={threadId} level={th.level} />
      <div className="forum-tools">
        {mod ? (
          <>
            <button type="button" aria-pressed={th.pinned} onClick={() => void toggle({ pinned: !th.pinned })}>
              {t('forums.pin')}
            </button>
            <button type="button" aria-pressed={th.locked} onClick={() => void toggle({ locked: !th.locked })}>
              {t('forums.lock')}
            </button>
            <button type="button" aria-pressed={th.hidden} onClick={() => void toggle({ hidden: !th.hidden })}>
              {t('forums.hideThread')}
            </button>
            <MoveThread
              page={page}
              onMoved={(p, name) => {
                setPage((pg) => (pg ? { ...pg, thread: p.thread, forum: p.forum, canWrite: p.canWrite, canModerate: p.canModerate } : pg));
                setMoved(t('forums.moved', { name }));
              }}
            />
          </>
        ) : null}
      </div>
      <StatusMessage>{moved}</StatusMessage>
      <ErrorAlert error={error} />
      {/* New posts are announced politely; focus stays where the reader is. */}
      <div role="status" aria-live="polite" className="visually-hidden">
        {announce}
      </div>
      {th.unread > 0 && th.read > 0 && posts[0]?.number === 1 && th.read < th.posts ? (
        <p>
          <button type="button" className="link-button" onClick={() => void load({ after: th.read })}>
            {t('forums.jumpToUnread', { count: th.unread })}
          </button>
        </p>
      ) : null}
      {hasBefore ? (
        <div className="forum-pager">
          <Button variant="secondary" onClick={() => void load({ before: posts[0]?.number ?? 1 })}>
            {t('forums.earlierPosts')}
          </Button>
          <Button variant="secondary" onClick={() => void load({})}>
            {t('forums.firstPosts')}
          </Button>
        </div>
      ) : null}
      <section aria-labelledby="thread-posts">
        <Heading variant="h2" id="thread-posts" className="visually-hidden">
          {t('forums.posts')}
        </Heading>
        <ol className="post-list">
          {posts.map((p) => (
            <PostItem
              key={p.id}
              post={p}
              unread={p.number > th.read && p.authorId !== user?.id}
              mine={p.authorId === user?.id}
              canWrite={page.canWrite}
              canModerate={mod}
              onChange={put}
              onError={setError}
              onQuote={() => {
                setQuote(p);
                document.getElementById('reply-body')?.focus();
              }}
            />
          ))}
        </ol>
      </section>
      {hasAfter ? (
        <div className="forum-pager">
          <Button variant="secondary" onClick={() => void load({ after: posts.at(-1)?.number ?? 0 })}>
            {pendingNew > 0 ? t('forums.laterPostsNew', { count: pendingNew }) : t('forums.laterPosts')}
          </Button>
          <Button variant="secondary" onClick={() => void load({ before: th.posts + 1 })}>
            {t('forums.lastPosts')}
          </Button>
        </div>
      ) : null}
      {page.canWrite ? (
        <ReplyBox
          threadId={threadId}
          workspaceId={page.forum.kind === 'workspace' ? page.forum.workspaceId : undefined}
          me={user?.id ?? null}
          quote={quote}
          onClearQuote={() => setQuote(null)}
          onSent={(p) => {
            setQuote(null);
            if (!hasAfter) setPosts((list) => (list.some((x) => x.id === p.id) ? list : [...list, p]));
            setAnnounce(t('forums.sent'));
          }}
        />
      ) : th.locked ? (
        <Paragraph>{t('forums.lockedNote')}</Paragraph>
      ) : null}
    </Page>
  );
}

function ReplyBox({
  threadId, workspaceId, me, quote, onClearQuote, onSent,
}: {
  threadId: string;
  /** A group's area: @mentions of its members are offered while typing (elsewhere the thread's readers, asked per query). */
  workspaceId?: string;
  me: string | null;
  quote: Post | null;
  onClearQuote: () => void;
  onSent: (p: Post) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<MentionValue>({ text: '', picks: [] });
  const body = encodeMentions(value.text, value.picks);
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const p = await reply(threadId, body, quote?.id);
      setValue({ text: '', picks: [] });
      setHtml(null);
      setError(null);
      onSent(p);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="reply-heading" className="reply-box">
      <Heading variant="h2" id="reply-heading">
        {t('forums.reply')}
      </Heading>
      <form onSubmit={onSubmit(() => void send())}>
        {quote ? (
          <div className="post-quote">
            {t('forums.quoting', { name: quote.authorName, number: quote.number })}{' '}
            <button type="button" onClick={onClearQuote}>
              {t('forums.cancelQuote')}
            </button>
          </div>
        ) : null}
        <MentionInput
          id="reply-body" workspaceId={workspaceId} source={workspaceId ? undefined : { key: ['thread', threadId], find: (q) => threadMentionable(threadId, q) }}
          me={me} label={t('forums.replyLabel')} value={value} onChange={setValue} onSubmit={() => { if (!busy) void send(); }} rows={6} maxLength={MAX_POST} describedBy="reply-hint"
        />
        <p id="reply-hint" className="forum-meta">
          {t('forums.markdownHint')}
        </p>
        {html !== null ? (
          <div className="reply-preview" aria-label={t('forums.preview')} role="region">
            <div className="post-body" dangerouslySetInnerHTML={{ __html: html }} />
          </div>
        ) : null}
        <ErrorAlert error={error} />
        <div className="post-actions">
          <button type="button" aria-pressed={html !== null} onClick={() => (html !== null ? setHtml(null) : void preview(body).then(setHtml, setError))}>
            {t('forums.preview')}
          </button>
          <Button type="submit" disabled={busy || body.trim() === ''}>
            {t('forums.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function PostItem({
  post, unread, mine, canWrite, canModerate, onChange, onError, onQuote,
}: {
  post: Post;
  unread: boolean;
  mine: boolean;
  canWrite: boolean;
  canModerate: boolean;
  onChange: (p: Post) => void;
  onError: (e: unknown) => void;
  onQuote: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [history, setHistory] = useState<{ body: string; html: string; at: string }[] | null>(null);
  const [reporting, setReporting] = useState(false);
  // The sent report's form goes away: the focus goes back to the button that opened it.
  const reportButton = useRef<HTMLButtonElement>(null);
  const [note, setNote] = useState('');
  const run = (p: Promise<Post | void>) =>
    p.then((r) => {
      if (r) onChange(r);
    }, onError);
  const removed = post.deleted;
  const headingId = `post-${post.number}`;
  return (
    <li className={`post${unread ? ' post-unread' : ''}`} id={`p${post.number}`} aria-labelledby={headingId}>
      <div className="post-meta" id={headingId}>
        <strong>{post.authorName}</strong> · #{post.number} · <RelativeTime iso={post.createdAt} />
        {unread ? <span className="forum-tag forum-tag-new">{t('forums.new')}</span> : null}
        {post.editedAt ? <span className="forum-tag">{t('forums.edited')}</span> : null}
      </div>
      {post.quote ? (
        <blockquote className="post-quote">
          {t('forums.quoteOf', { name: post.quote.authorName, number: post.quote.number })}
          {post.quote.excerpt ? `: ${post.quote.excerpt}` : ''}
        </blockquote>
      ) : null}
      {removed ? (
        <p className="post-removed">{t('forums.removed')}</p>
      ) : post.hidden && !post.html ? (
        <p className="post-removed">{t('forums.hiddenPost')}</p>
      ) : editing ? (
        <form
          onSubmit={onSubmit(() =>
            void editPost(post.id, { body: draft }).then((p) => {
              onChange(p);
              setEditing(false);
            }, onError),
          )}
        >
          <label htmlFor={`edit-${post.id}`}>{t('forums.editLabel')}</label>
          <textarea id={`edit-${post.id}`} className="reply-box-edit" value={draft} onChange={(e) => setDraft(e.target.value)} />
          <div className="post-actions">
            <button type="submit">{t('forums.save')}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('forums.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="post-body" dangerouslySetInnerHTML={{ __html: post.html }} />
          <PostCards cards={post.cards} postNumber={post.number} />
        </>
      )}
      {post.hidden && post.html ? <p className="post-removed">{t('forums.hiddenPost')}</p> : null}
      {history ? (
        <section className="post-quote" aria-label={t('forums.history')}>
          {history.length === 0 ? <p>{t('forums.noHistory')}</p> : null}
          {history.map((h, i) => (
            <div key={i}>
              <p className="post-meta">
                <RelativeTime iso={h.at} />
              </p>
              <div className="post-body" dangerouslySetInnerHTML={{ __html: h.html }} />
            </div>
          ))}
        </section>
      ) : null}
      {!removed ? (
        <div className="post-actions">
          {canWrite && !post.hidden
            ? REACTIONS.map((k) => {
                const r = post.reactions.find((x) => x.kind === k);
                return (
                  <button key={k} type="button" aria-pressed={r?.mine ?? false} onClick={() => void run(react(post.id, k, !(r?.mine ?? false)))}>
                    {t(`forums.reaction.${k}`)}
                    {r ? ` (${r.count})` : ''}
                  </button>
                );
              })
            : post.reactions.map((r) => (
                <span key={r.kind} className="forum-tag">
                  {t(`forums.reaction.${r.kind}`)} ({r.count})
                </span>
              ))}
          {canWrite && !post.hidden ? (
            <button type="button" onClick={onQuote}>
              {t('forums.quote')}
            </button>
          ) : null}
          {mine && canWrite && !post.hidden ? (
            <button
              type="button"
              onClick={() => {
                setDraft(post.body);
                setEditing(true);
              }}
            >
              {t('forums.edit')}
            </button>
          ) : null}
          {post.edits > 0 ? (
            <button type="button" aria-expanded={history !== null} onClick={() => (history ? setHistory(null) : void postHistory(post.id).then(setHistory, onError))}>
              {t('forums.showHistory', { count: post.edits })}
            </button>
          ) : null}
          {mine || canModerate ? (
            <button type="button" onClick={() => window.confirm(t('forums.confirmDelete')) && void run(deletePost(post.id).then(() => ({ ...post, deleted: true, body: '', html: '' })))}>
              {t('forums.delete')}
            </button>
          ) : null}
          {canModerate ? (
            <button type="button" aria-pressed={post.hidden} onClick={() => void run(editPost(post.id, { hidden: !post.hidden }))}>
              {t('forums.hidePost')}
            </button>
          ) : null}
          {!mine ? (
            <button type="button" ref={reportButton} aria-expanded={reporting} onClick={() => setReporting(!reporting)}>
              {t('forums.report')}
            </button>
          ) : null}
        </div>
      ) : null}
      {reporting ? (
        <ReportForm
          postId={post.id}
          onSent={() => {
            setReporting(false);
            setNote(t('forums.reported'));
            reportButton.current?.focus();
          }}
          onCancel={() => {
            setReporting(false);
            reportButton.current?.focus();
          }}
          onError={onError}
        />
      ) : null}
      <div role="status" className="post-meta">
        {note}
      </div>
    </li>
  );
}
