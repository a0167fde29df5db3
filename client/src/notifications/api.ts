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

// Email delivery (getEmailPreferences, setEmailPreferences, unsubscribe, undoUnsubscribe).
export type MentionEmail = 'immediately' | 'daily' | 'weekly' | 'never';
export type DigestEmail = 'daily' | 'weekly' | 'never';

export interface EmailPreferences {
  mentions: MentionEmail;
  digest: DigestEmail;
}

export interface Unsubscription {
  scope: 'mentions' | 'digest';
  preferences: EmailPreferences;
  undone?: boolean;
}

export const getEmailPreferences = () => api<EmailPreferences>('/me/email-preferences');

export const setEmailPreferences = (body: EmailPreferences) =>
  api<EmailPreferences>('/me/email-preferences', { method: 'PUT', body });

/** Unsubscribe with an email's signed token: no sign-in needed. */
export const unsubscribe = (token: string) =>
  api<Unsubscription>('/email/unsubscribe', { method: 'POST', body: { token }, noRefresh: true });

export const undoUnsubscribe = (token: string) =>
  api<Unsubscription>('/email/unsubscribe/undo', { method: 'POST', body: { token }, noRefresh: true });
