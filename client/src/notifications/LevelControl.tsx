// "Notifications: Watching / Normal / Muted" on a forum, a thread or a practice: three toggle
// buttons in a labelled group (one pressed), the chosen level's meaning below, and a status
// message when it is saved.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert, StatusMessage } from '../components/common';
import { LEVELS, LEVELS_KEY, setLevel, type Level, type LevelKind } from './levels';
import './levels.css';

export function LevelControl({ kind, id, level, compact, name }: { kind: LevelKind; id: string; level?: Level; compact?: boolean; name?: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const labelId = useId();
  const hintId = useId();
  const [chosen, setChosen] = useState<Level | null>(null);
  const [saved, setSaved] = useState('');
  const current = chosen ?? level ?? 'normal';
  const change = useMutation({
    mutationFn: (l: Level) => setLevel(kind, id, l),
    onSuccess: (r) => {
      setChosen(r.level);
      setSaved(t('levels.saved', { level: t(`levels.${r.level}`) }));
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
      <StatusMessage>{saved}</StatusMessage>
    </div>
  );
}
