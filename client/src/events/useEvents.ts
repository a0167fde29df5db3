// The tab's one events connection and the hooks that listen to it.
import { useEffect, useRef } from 'react';
import { getAccessToken, refreshSession } from '../api/client';
import { getMe } from '../api/endpoints';
import { EventsConnection, eventsUrl, type EventHandler } from './connection';

let shared: EventsConnection | null = null;
let sharedUser: string | null = null;

/** The tab's events connection (created on first use; connected while someone is signed in). */
export function getEvents(): EventsConnection {
  if (!shared) {
    shared = new EventsConnection({
      url: eventsUrl(),
      getToken: getAccessToken,
      refreshToken: async () => (await refreshSession())?.accessToken ?? null,
      probe: getMe,
    });
  }
  return shared;
}

/** Keeps the connection open while userId is signed in (the layout renders it once). */
export function useEventsSession(userId: string | null | undefined): void {
  useEffect(() => {
    if (!userId) return;
    const events = getEvents();
    if (sharedUser !== userId) {
      events.stop();
      sharedUser = userId;
    }
    events.start();
    return () => {
      events.stop();
      sharedUser = null;
    };
  }, [userId]);
}

/**
 * Calls handler with each event of kind on topic while the component is mounted. topic "user" is
 * the signed-in person's own topic; others (thread:<id>, national) are subscribed while listened to.
 */
export function useEvents(topic: string | null, kind: string, handler: EventHandler): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!topic) return;
    return getEvents().listen(topic, kind, (data, ev) => latest.current(data, ev));
  }, [topic, kind]);
}

/** Calls handler after every (re)connection: refetch what live events may have missed meanwhile. */
export function useEventsReady(handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => getEvents().onReady(() => latest.current()), []);
}
