import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useEventsSession } from '../events/useEvents';
import { useLiveNotifications, useUnreadCount } from './useNotifications';
import { notificationText } from './text';
import './notifications.css';

function BellIcon() {
  return (
    <svg className="bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Zm-2 1H7v-6a5 5 0 0 1 10 0v6Z"
      />
    </svg>
  );
}

/**
 * The header's notifications link with the unread count. It also keeps the tab's events
 * connection open and the counts live; a new notification is announced politely, once.
 */
export function NotificationsBell({ userId }: { userId: string }) {
  const { t } = useTranslation();
  useEventsSession(userId);
  const unread = useUnreadCount(true);
  const [announcement, setAnnouncement] = useState('');
  useLiveNotifications((change) => {
    if (change.notification) setAnnouncement(t('notifications.announce', { text: notificationText(t, change.notification) }));
  });
  const label =
    unread === null || unread === 0 ? t('notifications.bellLabelNone') : t('notifications.bellLabel', { count: unread });
  return (
    <>
      <NavLink to="/notifications" className="notifications-bell" aria-label={label}>
        <BellIcon />
        <span className="notifications-bell-text">{t('notifications.bell')}</span>
        {unread ? (
          <span className="notifications-badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </NavLink>
      <div role="status" className="visually-hidden">
        {announcement}
      </div>
    </>
  );
}
