// The comments of an open document around its outline: loads them, keeps them current from the
// document socket's `comments` messages, opens the panel beside the outline, and follows links
// to one comment (?comment=<id>: the panel opens and that thread gets the focus).
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { requestFocus } from '../coedit/editorContext';
import type { LiveDocument } from '../coedit/liveDocument';
import { listComments, type CommentAnchor, type CommentsMessage } from './api';
import { CommentsContext, composerId, threadElementId, type CommentsValue, type Filter } from './context';
import { CommentsPanel } from './CommentsPanel';
import { CommentsStore } from './store';
import './comments.css';

export function CommentsArea({
  documentId,
  workspaceId,
  live,
  canComment,
  children,
}: {
  documentId: string;
  workspaceId: string;
  live: LiveDocument;
  canComment: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const comments = useMemo(() => new CommentsStore(), [documentId]);
  useSyncExternalStore(comments.subscribe, comments.getVersion);
  useSyncExternalStore(live.subscribe, () => live.you);
  const [panelOpen, setPanelOpen] = useState(false);
  const [filter, setFilter] = useState<Filter>('open');
  const [draft, setDraft] = useState<CommentAnchor | null>(null);
  const [params] = useSearchParams();
  const [announcement, setAnnouncement] = useState('');
  const linked = params.get('comment');
  const handled = useRef<string | null>(null);

  // Load, and load again after every (re)join: messages missed while away are not replayed.
  useEffect(() => {
    let stopped = false;
    const load = () => {
      listComments(documentId)
        .then((list) => {
          if (!stopped && !comments.load(list)) load(); // messages overtook it: fetch again
        })
        .catch(() => {
          // The editor shows the connection state; the next join tries again.
        });
    };
    load();
    const off = live.onComments((msg) => {
      if (!msg) {
        load();
        return;
      }
      const m = msg as unknown as CommentsMessage;
      comments.apply(m);
      if (m.by !== live.you && (m.event === 'created' || m.event === 'replied') && m.comment) {
        setAnnouncement(t('comments.announceNew', { name: m.comment.authorName }));
      }
    });
    return () => {
      stopped = true;
      off();
    };
  }, [comments, live, documentId]);

  const focusThread = useCallback(
    (id: string) => {
      const th = comments.threadOf(id);
      if (!th) return;
      setPanelOpen(true);
      setFilter(th.resolved ? 'resolved' : 'open');
      requestFocus(threadElementId(th.id));
    },
    [comments],
  );

  // A link to a comment: once the comments are here, open its thread.
  useEffect(() => {
    if (!linked || handled.current === linked || !comments.loaded) return;
    handled.current = linked;
    if (comments.threadOf(linked)) {
      focusThread(linked);
      requestAnimationFrame(() => document.getElementById(threadElementId(comments.threadOf(linked)!.id))?.scrollIntoView({ block: 'start' }));
    } else {
      setPanelOpen(true);
      setAnnouncement(t('comments.linkGone'));
    }
  });

  const version = comments.getVersion();
  const me = live.you;
  // One value per state: a new object on every render of the editor (each keystroke) would
  // re-render every item's comment controls.
  const value = useMemo<CommentsValue>(
    () => ({
      documentId,
      workspaceId,
      comments,
      live,
      canComment,
      me,
      panelOpen,
      setPanelOpen,
      filter,
      setFilter,
      draft,
      compose: (anchor) => {
        setDraft(anchor);
        setPanelOpen(true);
        requestFocus(composerId);
      },
      cancelDraft: () => setDraft(null),
      focusThread,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [documentId, workspaceId, comments, live, canComment, me, panelOpen, filter, draft, focusThread, version],
  );
  const open = comments.threads.filter((th) => !th.resolved).length;
  return (
    <CommentsContext.Provider value={value}>
      <div className="cm-toolbar">
        <button
          type="button"
          className="co-button co-secondary"
          aria-expanded={panelOpen}
          aria-controls={panelOpen ? 'cm-panel' : undefined}
          onClick={() => {
            setPanelOpen(!panelOpen);
            if (!panelOpen) requestFocus('cm-panel-heading');
          }}
        >
          {panelOpen ? t('comments.hide') : t('comments.show')} <span className="cm-count">{t('comments.openCount', { count: open })}</span>
        </button>
      </div>
      <div className={panelOpen ? 'cm-layout cm-layout-open' : 'cm-layout'}>
        <div className="cm-main">{children}</div>
        {panelOpen ? <CommentsPanel /> : null}
      </div>
      <div className="cm-sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
    </CommentsContext.Provider>
  );
}
