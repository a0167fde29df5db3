import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useNavigate, useParams } from 'react-router';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert, Loading, Page, RelativeTime, StatusMessage, onSubmit, useLang } from '../components/common';
import { useEvents } from '../events/useEvents';
import { MentionInput, type MentionValue } from '../comments/MentionInput';
import { encodeMentions } from '../comments/mentions';
import { MAX_POST, forumMentionable, forumName, getForum, startThread, visitForum, type ThreadHead } from '../forums/api';
import { ReportQueue } from '../forums/ReportQueue';
import '../forums/forums.css';
import { LevelControl } from '../notifications/LevelControl';

/** A forum: its threads (pinned first, then by last activity), a new thread form, moderators' reports. */
export function ForumPage() {
  const { forumId = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const pages = useInfiniteQuery({
    queryKey: ['forums', 'forum', forumId],
    queryFn: ({ pageParam }) => getForum(forumId, pageParam || undefined),
    initialPageParam: '',
    getNextPageParam: (last) => last.next,
  });
  const first = pages.data?.pages[0];
  const forum = first?.forum;
  // The visit is recorded once the list is shown: "new" marks threads active since the previous one.
  const visited = useRef('');
  useEffect(() => {
    if (first && visited.current !== forumId) {
      visited.current = forumId;
      void visitForum(forumId).catch(() => undefined);
    }
  }, [first, forumId]);
  const [liveNote, setLiveNote] = useState('');
  useEvents(`forum:${forumId}`, 'thread', (data) => {
    const th = (data as { thread?: ThreadHead }).thread;
    if (th && th.authorId !== user?.id) setLiveNote(t('forums.liveNewThread', { title: th.title, name: th.authorName }));
    void qc.invalidateQueries({ queryKey: ['forums', 'forum', forumId] });
  });
  useEvents(`forum:${forumId}`, 'activity', () => void qc.invalidateQueries({ queryKey: ['forums', 'forum', forumId] }));
  useEvents(`forum:${forumId}`, 'moved', () => void qc.invalidateQueries({ queryKey: ['forums', 'forum', forumId] }));
  useEvents(`forum:${forumId}`, 'reports', () => void qc.invalidateQueries({ queryKey: ['forums', 'forum', forumId] }));

  const [title, setTitle] = useState('');
  const [body, setBody] = useState<MentionValue>({ text: '', picks: [] });
  const create = useMutation({
    mutationFn: () => startThread(forumId, title, encodeMentions(body.text, body.picks)),
    onSuccess: (tp) => navigate(`/threads/${tp.thread.id}`),
  });
  const [showReports, setShowReports] = useState(false);

  if (pages.isPending) return <Loading />;
  if (!forum || !pages.data) return <ErrorAlert error={pages.error} />;
  const threads = pages.data.pages.flatMap((p) => p.threads);
  const name = forumName(forum, lang);
  return (
    <Page title={name}>
      <p>
        <RouterLink asComponent={RRLink} to="/forums">
          {t('forums.backToForums')}
        </RouterLink>
      </p>
      <LevelControl key={forumId} kind="forum" id={forumId} level={forum.level} />
      <div className="forum-tools">
        {forum.canModerate ? (
          <Button variant="secondary" aria-expanded={showReports} onClick={() => setShowReports(!showReports)}>
            {forum.openReports ? t('forums.reportsWithCount', { count: forum.openReports }) : t('forums.reports')}
          </Button>
        ) : null}
      </div>
      <StatusMessage>{liveNote}</StatusMessage>
      {showReports && forum.canModerate ? <ReportQueue forumId={forumId} /> : null}
      <section aria-labelledby="forum-threads">
        <Heading variant="h2" id="forum-threads">
          {t('forums.threads')}
        </Heading>
        {threads.length === 0 ? <Paragraph>{t('forums.noThreads')}</Paragraph> : null}
        <ul className="thread-list">
          {threads.map((th) => (
            <li key={th.id}>
              <span>
                <RouterLink asComponent={RRLink} to={`/threads/${th.id}`}>
                  {th.title}
                </RouterLink>
                {th.pinned ? <span className="forum-tag">{t('forums.pinned')}</span> : null}
                {th.locked ? <span className="forum-tag">{t('forums.locked')}</span> : null}
                {th.hidden ? <span className="forum-tag">{t('forums.hiddenThread')}</span> : null}
                {th.level === 'mute' ? <span className="forum-tag">{t('levels.mute')}</span> : null}
                {th.new ? <span className="forum-tag forum-tag-new">{t('forums.new')}</span> : null}
                {th.unread > 0 ? <span className="forum-badge">{t('forums.unreadPosts', { count: th.unread })}</span> : null}
              </span>
              <span className="thread-meta">
                {th.authorName} · {t('forums.postCount', { count: th.posts })} · <RelativeTime iso={th.lastAt} />
              </span>
            </li>
          ))}
        </ul>
        {pages.hasNextPage ? (
          <div className="forum-pager">
            <Button variant="secondary" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
              {t('forums.moreThreads')}
            </Button>
          </div>
        ) : null}
      </section>
      {forum.canWrite ? (
        <section aria-labelledby="forum-new">
          <Heading variant="h2" id="forum-new">
            {t('forums.newThread')}
          </Heading>
          <form className="forum-form" onSubmit={onSubmit(() => create.mutate())}>
            <label htmlFor="thread-title">{t('forums.threadTitle')}</label>
            <input id="thread-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
            <MentionInput
              id="thread-body" me={user?.id ?? null} label={t('forums.threadBody')} value={body} onChange={setBody} onSubmit={() => { if (!create.isPending) create.mutate(); }} rows={6} maxLength={MAX_POST} describedBy="thread-body-hint"
              workspaceId={forum.kind === 'workspace' ? forum.workspaceId : undefined}
              source={forum.kind === 'workspace' ? undefined : { key: ['forum', forumId], find: (q) => forumMentionable(forumId, q) }}
            />
            <p id="thread-body-hint" className="forum-meta">
              {t('forums.markdownHint')}
            </p>
            <ErrorAlert error={create.error} />
            <Button type="submit" disabled={create.isPending}>
              {t('forums.startThread')}
            </Button>
          </form>
        </section>
      ) : null}
    </Page>
  );
}
