import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading, Page, StatusMessage, useLang } from '../components/common';
import { listNotifications, markRead, type Notification } from '../notifications/api';
import { notificationText } from '../notifications/text';
import { LIST_KEY, UNREAD_KEY } from '../notifications/useNotifications';
import '../notifications/notifications.css';
import { ChosenLevels } from '../notifications/ChosenLevels';

const PAGE = 20;

function when(at: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

function NotificationItem({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <li className={n.read ? 'notification-item' : 'notification-item unread'}>
      <p className="notification-head">
        {!n.read ? <span className="notification-unread-tag">{t('notifications.unread')}</span> : null}
        <RouterLink asComponent={RRLink} to={n.link} className="notification-link" onClick={() => onOpen(n)}>
          {notificationText(t, n)}
        </RouterLink>
      </p>
      {n.excerpt ? <blockquote className="notification-excerpt">{n.excerpt}</blockquote> : null}
      <p className="notification-meta">
        <time dateTime={n.at}>{when(n.at, lang)}</time>
      </p>
    </li>
  );
}

/** The person's notifications, newest first; the list and count stay live (the header's bell listens). */
export function NotificationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: LIST_KEY,
    queryFn: ({ pageParam }) => listNotifications(PAGE, pageParam || undefined),
    initialPageParam: '',
    getNextPageParam: (last) => last.next,
  });
  const items = list.data?.pages.flatMap((p) => p.notifications) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  const afterRead = (r: { unread: number }) => {
    queryClient.setQueryData(UNREAD_KEY, r.unread);
    void queryClient.invalidateQueries({ queryKey: LIST_KEY });
  };
  const readAll = useMutation({
    mutationFn: () => markRead({ all: true }),
    onSuccess: (r) => {
      afterRead(r);
      // The button goes away with the last unread one: keep focus on the page, not lost on <body>.
      document.getElementById('page-heading')?.focus();
    },
  });
  const open = (n: Notification) => {
    if (!n.read) void markRead({ ids: [n.id] }).then(afterRead, () => undefined);
  };

  return (
    <Page title={t('notifications.title')}>
      {list.isPending ? <Loading /> : null}
      <ErrorAlert error={list.error ?? readAll.error} />
      {list.isSuccess && items.length > 0 ? (
        <div className="notification-toolbar">
          <Paragraph>
            {unread === 0 ? t('notifications.unreadSummaryNone') : t('notifications.unreadSummary', { count: unread })}
          </Paragraph>
          {unread > 0 ? (
            <Button variant="secondary" onClick={() => readAll.mutate()} disabled={readAll.isPending}>
              {t('notifications.markAllRead')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <StatusMessage>{readAll.isSuccess && unread === 0 ? t('notifications.allMarkedRead') : null}</StatusMessage>
      {list.isSuccess && items.length === 0 ? <Paragraph>{t('notifications.empty')}</Paragraph> : null}
      {items.length > 0 ? (
        <ul className="notification-list" aria-label={t('notifications.listLabel')}>
          {items.map((n) => (
            <NotificationItem key={n.id} n={n} onOpen={open} />
          ))}
        </ul>
      ) : null}
      {list.hasNextPage ? (
        <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('notifications.loadMore')}
        </Button>
      ) : null}
      <ChosenLevels />
    </Page>
  );
}
