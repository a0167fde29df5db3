// A comment box with @mention suggestions over the workspace's members. The text box keeps its
// own role (a textarea may not be a combobox) and takes the combobox pattern's keyboard and ARIA
// parts: aria-autocomplete="list", aria-controls naming the listbox, aria-activedescendant on the
// active option; ↑/↓ move, Enter or Tab choose, Escape closes. The box shows "@Name"; the body
// sent carries @[Name](<id>) (encodeMentions).
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { listMembers } from '../api/endpoints';
import { activeQuery, insertMention, matchesName, type Pick } from './mentions';

export const MAX_COMMENT = 5000;
const MAX_SUGGESTIONS = 8;

export interface MentionValue {
  text: string;
  picks: Pick[];
}

export function MentionInput({
  workspaceId,
  me,
  label,
  value,
  onChange,
  onSubmit,
  id,
  rows = 3,
  describedBy,
}: {
  workspaceId: string;
  me: string | null;
  label: string;
  value: MentionValue;
  onChange: (v: MentionValue) => void;
  /** Ctrl+Enter (or ⌘+Enter) sends. */
  onSubmit?: () => void;
  id?: string;
  rows?: number;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const auto = useId();
  const inputId = id ?? `${auto}-input`;
  const listId = `${auto}-list`;
  const hintId = `${auto}-hint`;
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false); // Escape closed the list until the next keystroke
  const [doneAt, setDoneAt] = useState<number | null>(null); // the "@" of the mention just chosen
  const members = useQuery({ queryKey: ['workspace-members', workspaceId], queryFn: () => listMembers(workspaceId), staleTime: 60_000 });

  const q = activeQuery(value.text, caret);
  const options = useMemo(() => {
    if (!q || !members.data) return [];
    return members.data.filter((m) => m.userId !== me && matchesName(m.name, q.query)).slice(0, MAX_SUGGESTIONS);
  }, [q?.query, q?.start, members.data, me]);
  const open = focused && !dismissed && !!q && options.length > 0 && doneAt !== q.start;
  const current = open ? Math.min(active, options.length - 1) : -1;
  const optionId = (i: number) => `${listId}-${i}`;

  const track = () => setCaret(ref.current?.selectionStart ?? 0);
  const choose = (i: number) => {
    const m = options[i];
    if (!m || !q) return;
    const next = insertMention(value.text, q.start, caret, m.name);
    const picks = value.picks.some((p) => p.userId === m.userId) ? value.picks : [...value.picks, { name: m.name, userId: m.userId }];
    onChange({ text: next.text, picks });
    setActive(0);
    setDoneAt(q.start); // this @ is done: typing on after the name does not reopen the list
    setCaret(next.caret);
    requestAnimationFrame(() => {
      const el = ref.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = options.length;
        setActive((current + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        choose(current);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDismissed(true);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && onSubmit) {
      e.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="cm-mention">
      <label htmlFor={inputId} className="co-label">
        {label}
      </label>
      <textarea
        ref={ref}
        id={inputId}
        className="co-input co-textarea cm-textarea"
        rows={rows}
        maxLength={MAX_COMMENT}
        value={value.text}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && current >= 0 ? optionId(current) : undefined}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        onChange={(e) => {
          onChange({ ...value, text: e.target.value });
          setCaret(e.target.selectionStart ?? 0);
          setActive(0);
          setDismissed(false);
          if (doneAt !== null && activeQuery(e.target.value, e.target.selectionStart ?? 0)?.start !== doneAt) setDoneAt(null);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(e) => {
          if (!['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(e.key)) track();
        }}
        onClick={track}
        onFocus={() => {
          setFocused(true);
          track();
        }}
        onBlur={() => setFocused(false)}
      />
      <div id={hintId} className="cm-hint">
        {t('comments.mentionHint')}
      </div>
      {open ? (
        <ul id={listId} role="listbox" className="cm-suggestions" aria-label={t('comments.suggestions')}>
          {options.map((m, i) => (
            <li
              key={m.userId}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'cm-option cm-option-active' : 'cm-option'}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the focus (and caret) in the text box
                choose(i);
              }}
            >
              <span className="cm-option-name">{m.name}</span>
              {m.organisationName ? <span className="cm-option-org">{m.organisationName}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="cm-sr-only" role="status" aria-live="polite">
        {open ? t('comments.suggestionCount', { count: options.length }) : ''}
      </div>
    </div>
  );
}
