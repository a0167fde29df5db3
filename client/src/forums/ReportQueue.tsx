import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading, RelativeTime, StatusMessage } from '../components/common';
import { useEvents } from '../events/useEvents';
import { forumReports, resolveReports, type Report, type ReportState, type Resolution } from './api';

/**
 * A forum's reports for its moderators: the open ones as a queue (each post's reports resolved at
 * once: dismissed, or the post hidden), and the resolved ones with who resolved what and how.
 * New reports and resolutions by other moderators arrive live (forum:<id>, kind reports). A forum
 * with hundreds of reports pages: "show more" loads the next page (the focus goes to its first entry).
 */
export function ReportQueue({ forumId }: { forumId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [state, setState] = useState<ReportState>('open');
  const q = useInfiniteQuery({
    queryKey: ['forums', 'reports', forumId, state],
    queryFn: ({ pageParam }) => forumReports(forumId, state, pageParam || undefined),
    initialPageParam: '',
    getNextPageParam: (last) => last.next,
  });
  const reports = q.data?.pages.flatMap((p) => p.reports);
  useEvents(`forum:${forumId}`, 'reports', () => void qc.invalidateQueries({ queryKey: ['forums', 'reports', forumId] }));
  // What the moderator's last resolution did; it belongs to the list it was made in.
  const [done, setDone] = useState('');
  const show = (s: ReportState) => {
    setState(s);
    setDone('');
  };
  // After "show more", the focus goes to the first entry it brought (the button may be gone).
  const listRef = useRef<HTMLUListElement>(null);
  const [focusFrom, setFocusFrom] = useState(-1);
  // The resolved entry leaves the list with the button that had the focus: the focus goes to the
  // queue's heading (the status line says what happened), not to the page's start.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resolve = useMutation({
    mutationFn: (v: { report: Report; action: Resolution }) => resolveReports(v.report.postId, v.action),
    onSuccess: (_, v) => {
      setDone(t(v.action === 'hide' ? 'forums.reportsHidden' : 'forums.reportsDismissed', { title: v.report.threadTitle, number: v.report.number }));
      void qc.invalidateQueries({ queryKey: ['forums', 'reports', forumId] });
      headingRef.current?.focus();
    },
  });
  // One entry per post: its reports resolve together.
  const byPost = new Map<string, Report[]>();
  for (const r of reports ?? []) {
    const key = state === 'resolved' ? `${r.postId}-${r.resolvedAt}` : r.postId;
    byPost.set(key, [...(byPost.get(key) ?? []), r]);
  }
  const entries = byPost.size;
  useEffect(() => {
    if (focusFrom < 0 || entries <= focusFrom) return;
    listRef.current?.querySelectorAll<HTMLAnchorElement>(':scope > li > div > span > a')[focusFrom]?.focus();
    setFocusFrom(-1);
  }, [focusFrom, entries]);
  return (
    <section aria-labelledby="forum-reports">
      <Heading variant="h2" id="forum-reports" ref={headingRef} tabIndex={-1}>
        {t('forums.reports')}
      </Heading>
      <div className="forum-tools" role="group" aria-label={t('forums.reportsShow')}>
        <button type="button" aria-pressed={state === 'open'} onClick={() => show('open')}>
          {t('forums.reportsOpen')}
        </button>
        <button type="button" aria-pressed={state === 'resolved'} onClick={() => show('resolved')}>
          {t('forums.reportsResolved')}
        </button>
      </div>
      <StatusMessage>{done}</StatusMessage>
      <ErrorAlert error={q.error ?? resolve.error} />
      {q.isPending ? <Loading /> : null}
      {reports?.length === 0 ? <Paragraph>{state === 'open' ? t('forums.noReports') : t('forums.noResolvedReports')}</Paragraph> : null}
      <ul className="thread-list report-queue" ref={listRef}>
        {[...byPost.entries()].map(([key, rs]) => {
          const r = rs[0];
          const headingId = `report-${key}`;
          return (
            <li key={key} aria-labelledby={headingId}>
              <div>
                <span id={headingId}>
                  <RouterLink asComponent={RRLink} to={`/threads/${r.threadId}?post=${r.number}`}>
                    {r.threadTitle} #{r.number}
                  </RouterLink>
                </span>
                {r.postHidden ? <span className="forum-tag">{t('forums.hiddenThread')}</span> : null}
                {r.postDeleted ? <span className="forum-tag">{t('forums.removedTag')}</span> : null}
                {r.excerpt ? <p className="forum-meta">{r.excerpt}</p> : null}
                <ul className="forum-meta">
                  {rs.map((x, i) => (
                    <li key={i}>
                      {t('forums.reportedBy', { name: x.reporterName, reason: x.reason })} <RelativeTime iso={x.at} />
                    </li>
                  ))}
                </ul>
                {state === 'open' ? (
                  <div className="report-actions">
                    <button type="button" aria-disabled={resolve.isPending || undefined} onClick={() => !resolve.isPending && resolve.mutate({ report: r, action: 'dismiss' })}
                      aria-label={t('forums.dismissReportsOf', { title: r.threadTitle, number: r.number })}>
                      {t('forums.dismissReports')}
                    </button>
                    {!r.postDeleted ? (
                      <button type="button" aria-disabled={resolve.isPending || undefined} onClick={() => !resolve.isPending && resolve.mutate({ report: r, action: 'hide' })}
                        aria-label={t('forums.hideReportedOf', { title: r.threadTitle, number: r.number })}>
                        {t('forums.hideReported')}
                      </button>
                    ) : null}
                  </div>
                ) : (
                  <p className="forum-meta">
                    {t(r.resolution === 'hide' ? 'forums.resolvedHidden' : 'forums.resolvedDismissed', { name: r.resolvedByName })}{' '}
                    {r.resolvedAt ? <RelativeTime iso={r.resolvedAt} /> : null}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {q.hasNextPage ? (
        <div className="forum-pager">
          <Button
            variant="secondary"
            disabled={q.isFetchingNextPage}
            onClick={() => {
              setFocusFrom(entries);
              void q.fetchNextPage();
            }}
          >
            {t('forums.moreReports')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
