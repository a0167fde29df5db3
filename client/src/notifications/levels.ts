// Notification levels on forums, threads and practices (shared/api/openapi.yaml: setForumLevel,
// setThreadLevel, setPracticeLevel, listNotificationLevels).
import { api } from '../api/client';

export type Level = 'watch' | 'normal' | 'mute';
export type LevelKind = 'forum' | 'thread' | 'practice';

export const LEVELS: Level[] = ['watch', 'normal', 'mute'];

export interface ChosenLevel {
  kind: LevelKind;
  id: string;
  level: Level;
  names?: { fi: string; sv: string; en: string };
  title?: string;
  link: string;
  at: string;
}

const path: Record<LevelKind, string> = { forum: 'forums', thread: 'threads', practice: 'practices' };

export const setLevel = (kind: LevelKind, id: string, level: Level) =>
  api<{ level: Level }>(`/${path[kind]}/${encodeURIComponent(id)}/level`, { method: 'PUT', body: { level } });

export const listLevels = () => api<{ levels: ChosenLevel[] }>('/notification-levels');

export const LEVELS_KEY = ['notification-levels'];

/** The live event of a level the person chose in any of their tabs (their own topic, kind level). */
export const LEVEL_EVENT = 'level';
export interface LevelChange {
  kind: LevelKind;
  id: string;
  level: Level;
}
