// The notification routes (shared/api/openapi.yaml: listNotifications, markNotificationsRead) and
// the live notification event (shared/coedit/PROTOCOL.md, "Events socket").
import { api } from '../api/client';

export interface Notification {
  id: string;
  kind: string;
  actorId: string;
  actorName: string;
  workspaceId?: string;
  subject: string;
  excerpt: string;
  link: string;
  at: string;
  read: boolean;
}

export interface NotificationPage {
  notifications: Notification[];
  unread: number;
  next?: string;
}

/** The data of a `notification` event on the person's own topic. */
export interface NotificationChange {
  unread: number;
  notification?: Notification;
  read?: string[];
  readAll?: boolean;
}

export const listNotifications = (limit = 20, before?: string) =>
  api<NotificationPage>('/notifications', { query: { limit, before } });

export const markRead = (body: { ids: string[] } | { all: true }) =>
  api<{ unread: number }>('/notifications/read', { method: 'POST', body });
