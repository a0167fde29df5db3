// "Notifications: Watching / Normal / Muted" on a forum, a thread or a practice: three toggle
// buttons in a labelled group (one pressed), the chosen level's meaning below, and a status
// message when it is saved. A level the person chooses in another tab shows here live.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert, StatusMessage } from '../components/common';
import { useEvents } from '../events/useEvents';
import { LEVEL_EVENT, LEVELS, LEVELS_KEY, setLevel, type Level, type LevelChange, type LevelKind } from './levels';
import './levels.css';

export function LevelControl({ kind, id, level, compact, name }: { kind: LevelKind; id: string; level?: Level; compact?: boolean; name?: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const labelId = useId();
  const hintId = useId();
  const [chosen, setChosen] = useState<Level | null>(null);
  // The level the status message says was saved (null: no message).
  const [saved, setSaved] = useState<Level | null>(null);
  const current = chosen ?? level ?? 'normal';
  // The person's other tabs: the same target's control follows; this tab's own "saved" goes if it
  // no longer says the level shown. (Functional updates: the event may come before this tab's own
  // response or before its render.)
  useEvents('user', LEVEL_EVENT, (data) => {
    const c = data as LevelChange;
    if (c?.kind !== kind || c.id !== id) return;
    setChosen(c.level);
    setSaved((s) => (s === c.level ? s : null));
  });
  const change = useMutation({
    mutationFn: (l: Level) => setLevel(kind, id, l),
    onSuccess: (r) => {
      setChosen(r.level);
      setSaved(r.level);
      void qc.invalidateQueries({ queryKey: LEVELS_KEY });
    },
  });
  const hintKind = kind === 'practice' ? 'practice' : 'forum';
  return (
    <div className={compact ? 'level-control compact' : 'level-control'}>
      <div
        role="group"
        aria-labelledby={name ? undefined : labelId}
        aria-label={name ? t('levels.labelFor', { name }) : undefined}
        aria-describedby={compact ? undefined : hintId}
        className="level-buttons"
      >
        <span id={labelId} className="level-label">
          {t('levels.label')}
        </span>
        {LEVELS.map((l) => (
          // Not disabled while a choice is saved: a disabled button loses the keyboard's focus.
          <button key={l} type="button" aria-pressed={current === l} aria-disabled={change.isPending || undefined} onClick={() => current !== l && !change.isPending && change.mutate(l)}>
            {t(`levels.${l}`)}
          </button>
        ))}
      </div>
      {compact ? null : (
        <p id={hintId} className="level-hint">
          {t(`levels.hints.${hintKind}.${current}`)}
        </p>
      )}
      <ErrorAlert error={change.error} />
      <StatusMessage>{saved ? t('levels.saved', { level: t(`levels.${saved}`) }) : ''}</StatusMessage>
    </div>
  );
}
