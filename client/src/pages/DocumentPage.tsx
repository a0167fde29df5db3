// The co-editing page of a strategy, action plan or situation description: details and
// workflow at the top, the connection state and who else is here, then the outline.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { ApiError, getAccessToken, refreshSession } from '../api/client';
import { changeDocumentStatus, getDocument, getWorkspace, updateDocument } from '../api/endpoints';
import type { DocumentKind, DocumentStatus, DocumentSummary, LiveDocumentData } from '../api/types';
import { ErrorAlert, Loading, Page, StatusMessage, errorField, formatDate, useErrorText, useLang, onSubmit } from '../components/common';
import { Connection, socketUrl } from '../coedit/connection';
import { EditorContext } from '../coedit/editorContext';
import { LiveDocument, type ConnectionState, type PresenceUser } from '../coedit/liveDocument';
import { Outline } from '../coedit/Outline';
import { CommentsArea } from '../comments/CommentsArea';
import { HistoryPanel } from '../history/HistoryPanel';
import { ExportMenu } from '../exports/ExportMenu';
import { VisibilitySwitch } from '../public/VisibilitySwitch';
import '../coedit/editor.css';

/** Workflow moves per kind and status (server/plans/workflow.go). */
export function nextStatuses(kind: DocumentKind, status: DocumentStatus): DocumentStatus[] {
  if (kind === 'action_plan') {
    return ({ draft: ['approved'], approved: ['followed_up', 'draft'], followed_up: ['closed'], closed: [] } as Record<DocumentStatus, DocumentStatus[]>)[status];
  }
  return status === 'draft' ? ['approved'] : status === 'approved' ? ['draft'] : [];
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return '?';
  return ((parts[0][0] ?? '') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}

function Presence({ users }: { users: PresenceUser[] }) {
  const { t } = useTranslation();
  return (
    <div className="co-presence">
      <h2 className="co-presence-heading">{t('editor.presenceHeading')}</h2>
      {users.length ? (
        <ul className="co-avatars">
          {users.map((u) => (
            <li key={u.user} className="co-avatar-item">
              <span className="co-avatar" style={{ background: u.color }} aria-hidden="true">
                {initials(u.name)}
              </span>
              <span>{u.name}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted co-presence-none">{t('editor.presenceNone')}</p>
      )}
    </div>
  );
}

function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  // Shown always, but announced only when it matters: losing the connection, getting it back
  // ("All changes saved" after that), losing access. "Saving…" and "saved" at every keystroke
  // would interrupt a screen reader user's typing.
  const [said, setSaid] = useState('');
  const troubled = useRef(false);
  useEffect(() => {
    if (state === 'offline' || state === 'reconnecting' || state === 'forbidden') {
      troubled.current = true;
      setSaid(t(`editor.connection.${state}`));
    } else if (state === 'saved' && troubled.current) {
      troubled.current = false;
      setSaid(t('editor.connection.saved'));
    }
  }, [state, t]);
  return (
    <>
      <div className={`co-connection co-connection-${state}`} role="status" aria-live="off">
        <span className="co-connection-dot" aria-hidden="true" />
        {t(`editor.connection.${state}`)}
      </div>
      <div className="co-sr-only" aria-live="polite">
        {said}
      </div>
    </>
  );
}

function DetailsForm({ doc, onSaved }: { doc: DocumentSummary; onSaved: (d: DocumentSummary) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [title, setTitle] = useState(doc.title);
  const [period, setPeriod] = useState(doc.period);
  const mutation = useMutation({
    mutationFn: () => updateDocument(doc.id, { title: title.trim(), period: period.trim() }),
    onSuccess: onSaved,
  });
  const field = errorField(mutation.error);
  const status = (f: string) => (field === f ? { status: 'error' as const, statusText: errorText(mutation.error) } : {});
  const submit = onSubmit(() => mutation.mutate());
  return (
    <form onSubmit={submit} noValidate className="co-details-form">
      <TextInput labelText={t('documents.fields.title')} value={title} maxLength={200} onChange={(v) => setTitle(String(v ?? ''))} {...status('title')} />
      <TextInput labelText={t('documents.fields.period')} hintText={t('documents.periodHint')} value={period} maxLength={40} onChange={(v) => setPeriod(String(v ?? ''))} {...status('period')} />
      <ErrorAlert error={field ? null : mutation.error} />
      <StatusMessage>{mutation.isSuccess ? t('editor.detailsSaved') : null}</StatusMessage>
      <Button type="submit" variant="secondary" disabled={mutation.isPending || !title.trim()}>
        {t('editor.saveDetails')}
      </Button>
    </form>
  );
}

function Workflow({ doc, onChanged }: { doc: DocumentSummary; onChanged: (d: DocumentSummary) => void }) {
  const { t } = useTranslation();
  const mutation = useMutation({
    mutationFn: (to: DocumentStatus) => changeDocumentStatus(doc.id, to),
    onSuccess: onChanged,
  });
  const next = doc.canApprove ? nextStatuses(doc.kind, doc.status) : [];
  if (!next.length && !mutation.isSuccess && !mutation.error) return null;
  return (
    <div className="co-workflow">
      <div className="button-row">
        {next.map((to) => (
          <Button
            key={to}
            variant={to === 'draft' ? 'secondary' : 'default'}
            disabled={mutation.isPending}
            onClick={() => {
              if (to === 'closed' && !window.confirm(t('editor.confirmClose'))) return;
              mutation.mutate(to);
            }}
          >
            {t(`editor.workflow.${to}`)}
          </Button>
        ))}
      </div>
      <ErrorAlert error={mutation.error} />
      <StatusMessage>{mutation.isSuccess ? t('editor.statusChanged', { status: t(`documents.statuses.${mutation.data.status}`) }) : null}</StatusMessage>
    </div>
  );
}

/** Creates the store and its connection for one loaded document; stops on unmount. */
function useLiveDocument(data: LiveDocumentData | undefined): LiveDocument | null {
  const [store, setStore] = useState<LiveDocument | null>(null);
  const id = data?.id;
  useEffect(() => {
    if (!data) return;
    const s = new LiveDocument(data.id, data.nodes, data.revision, data.canEdit);
    const conn = new Connection(s, {
      url: socketUrl(data.id),
      getToken: getAccessToken,
      refreshToken: async () => (await refreshSession())?.accessToken ?? null,
      loadDocument: () => getDocument(data.id),
      isForbidden: (err) => err instanceof ApiError && (err.status === 403 || err.status === 404),
    });
    setStore(s);
    conn.start();
    return () => conn.stop();
    // One store per document id: later refetches must not replace the live copy.
  }, [id, !!data]);
  return store;
}

/** Tells the editor when their own edit did not land (a concurrent delete or conflict). */
function LostEditNotice({ store }: { store: LiveDocument }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(0);
  const n = store.notice;
  if (!n || n.seq <= dismissed) return null;
  const name = n.by ? store.presence.find((u) => u.user === n.by)?.name : undefined;
  const key = n.kind === 'conflict' ? 'editor.notice.conflict' : name ? 'editor.notice.deletedBy' : 'editor.notice.deleted';
  return (
    <div className="co-notice" role="alert">
      <p>{t(key, { name })}</p>
      <Button variant="secondaryNoBorder" onClick={() => setDismissed(n.seq)}>
        {t('editor.notice.dismiss')}
      </Button>
    </div>
  );
}

/** The history, loaded only once opened. */
function HistorySection({ store, canEdit }: { store: LiveDocument; canEdit: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="co-history-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('history.heading')}</summary>
      {open ? <HistoryPanel store={store} canEdit={canEdit} /> : null}
    </details>
  );
}

function Editor({ store, summary, regionId }: { store: LiveDocument; summary: DocumentSummary; regionId?: string }) {
  const { t } = useTranslation();
  useSyncExternalStore(store.subscribe, store.getVersion);
  const state = store.state;
  const canEdit = summary.canEdit && store.canEdit && state !== 'forbidden';
  // One value per (store, canEdit): a new object would re-render every field on every change.
  const editor = useMemo(() => ({ store, canEdit }), [store, canEdit]);
  return (
    <EditorContext.Provider value={editor}>
      <div className="co-bar">
        <ConnectionIndicator state={state} />
        <Presence users={store.others} />
      </div>
      {!canEdit ? <p className="co-readonly-note">{t('editor.readOnly')}</p> : null}
      <LostEditNotice store={store} />
      <CommentsArea documentId={summary.id} workspaceId={summary.workspaceId} live={store} canComment={canEdit}>
        <div className="co-outline">
          <Outline regionId={regionId} />
        </div>
      </CommentsArea>
      <HistorySection store={store} canEdit={canEdit} />
    </EditorContext.Provider>
  );
}

export function DocumentPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { workspaceId = '', documentId = '' } = useParams();
  const queryClient = useQueryClient();
  const doc = useQuery({ queryKey: ['document', documentId], queryFn: () => getDocument(documentId), staleTime: Infinity, refetchOnWindowFocus: false });
  const ws = useQuery({ queryKey: ['workspace', workspaceId], queryFn: () => getWorkspace(workspaceId) });
  const [summary, setSummary] = useState<DocumentSummary | null>(null);
  const store = useLiveDocument(doc.data);
  const current: DocumentSummary | undefined = summary ?? doc.data;
  const updated = (d: DocumentSummary) => {
    setSummary(d);
    void queryClient.invalidateQueries({ queryKey: ['documents', workspaceId] });
  };

  return (
    <Page title={current?.title ?? t('editor.title')}>
      <Paragraph className="co-back">
        <RouterLink asComponent={RRLink} to={`/workspaces/${workspaceId}`}>
          {t('editor.back', { name: ws.data?.name ?? t('workspace.title') })}
        </RouterLink>
      </Paragraph>
      {doc.isPending ? <Loading /> : null}
      <ErrorAlert error={doc.error} />
      {current ? (
        <>
          <div className="co-head">
            <dl className="facts compact">
              <dt>{t('documents.fields.kind')}</dt>
              <dd>{t(`documents.kinds.${current.kind}`)}</dd>
              <dt>{t('documents.fields.period')}</dt>
              <dd>{current.period || '–'}</dd>
              <dt>{t('documents.fields.status')}</dt>
              <dd>
                <span className={`co-status co-status-${current.status}`}>{t(`documents.statuses.${current.status}`)}</span>
              </dd>
              <dt>{t('documents.fields.updated')}</dt>
              <dd>{formatDate(current.updatedAt, lang)}</dd>
            </dl>
            <Workflow doc={current} onChanged={updated} />
          </div>
          <ExportMenu documentId={current.id} workspaceId={workspaceId} kind={current.kind} title={current.title} />
          <VisibilitySwitch documentId={current.id} status={current.status} />
          {current.canEdit ? (
            <details className="co-details">
              <summary>{t('editor.editDetails')}</summary>
              <DetailsForm doc={current} onSaved={updated} />
            </details>
          ) : null}
          {store ? <Editor store={store} summary={current} regionId={ws.data?.regionId} /> : null}
        </>
      ) : null}
    </Page>
  );
}
