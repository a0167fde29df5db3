import type { TFunction } from 'i18next';
import type { Notification } from './api';

const KINDS = new Set(['mention', 'reply', 'followed', 'review', 'adoption', 'published']);

/** What happened, in one line: "Kaisa mentioned you: Action plan 2026". */
export function notificationText(t: TFunction, n: Pick<Notification, 'kind' | 'actorName' | 'subject'>): string {
  const kind = KINDS.has(n.kind) ? n.kind : 'other';
  return t(`notifications.kinds.${kind}`, { actor: n.actorName, subject: n.subject, interpolation: { escapeValue: false } });
}
