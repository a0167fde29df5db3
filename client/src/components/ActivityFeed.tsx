import { useTranslation } from 'react-i18next';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { listActivity } from '../api/endpoints';
import type { Activity } from '../api/types';
import { ErrorAlert, Loading, RelativeTime } from './common';

const PAGE = 20;

export function useActivitySentence() {
  const { t, i18n } = useTranslation();
  return (a: Activity) => {
    // The detail is a role, a document status or a document kind: shown translated.
    const known = a.detail
      ? [`roles.${a.detail}`, `documents.statuses.${a.detail}`, `documents.kinds.${a.detail}`].find((k) => i18n.exists(k))
      : undefined;
    const detail = known ? t(known) : (a.detail ?? '');
    const values = { actor: a.actorName || t('activity.someone'), subject: a.subject, detail };
    const key = `activity.${a.verb}`;
    return i18n.exists(key) ? t(key, values) : t('activity.unknown', { ...values, verb: a.verb });
  };
}

export function ActivityFeed({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const sentence = useActivitySentence();
  const query = useInfiniteQuery({
    queryKey: ['activity', workspaceId],
    queryFn: ({ pageParam }) => listActivity(workspaceId, pageParam, PAGE),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="activity-heading" className="panel">
      <Heading variant="h2" id="activity-heading">
        {t('activity.heading')}
      </Heading>
      {query.isPending ? <Loading /> : null}
      <ErrorAlert error={query.error} />
      {query.isSuccess && items.length === 0 ? <Paragraph>{t('activity.empty')}</Paragraph> : null}
      {items.length > 0 ? (
        <ol className="activity-list">
          {items.map((a) => (
            <li key={a.seq}>
              <span>{sentence(a)}</span> <span className="muted"><RelativeTime iso={a.at} /></span>
            </li>
          ))}
        </ol>
      ) : null}
      {query.hasNextPage ? (
        <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t('activity.showMore')}
        </Button>
      ) : null}
    </section>
  );
}
