// The person's unread count and notification list as queries, kept current by the live
// `notification` events of their own topic.
import { useQueryClient, useQuery } from '@tanstack/react-query';
import { useEvents, useEventsReady } from '../events/useEvents';
import { listNotifications, type NotificationChange } from './api';

export const UNREAD_KEY = ['notifications', 'unread'] as const;
export const LIST_KEY = ['notifications', 'list'] as const;

/** The unread count (null until known). */
export function useUnreadCount(enabled: boolean): number | null {
  const query = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: async () => (await listNotifications(1)).unread,
    enabled,
    staleTime: Infinity,
  });
  return query.data ?? null;
}

/**
 * Keeps the notification queries current: each live event sets the count and refetches the list;
 * a reconnection refetches both (events sent meanwhile were missed). onNew hears new notifications.
 */
export function useLiveNotifications(onNew?: (change: NotificationChange) => void): void {
  const queryClient = useQueryClient();
  useEvents('user', 'notification', (data) => {
    const change = data as NotificationChange;
    if (typeof change?.unread === 'number') queryClient.setQueryData(UNREAD_KEY, change.unread);
    void queryClient.invalidateQueries({ queryKey: LIST_KEY });
    if (change?.notification && onNew) onNew(change);
  });
  useEventsReady(() => {
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  });
}
