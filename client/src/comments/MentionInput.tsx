// A comment box with @mention suggestions: over the workspace's members (workspaceId, fetched once
// and filtered here) or from a source the server filters as the user types (source: a forum
// thread's readers, for theme forums and peer circles). The text box keeps its
// own role (a textarea may not be a combobox) and takes the combobox pattern's keyboard and ARIA
// parts: aria-autocomplete="list", aria-controls naming the listbox, aria-activedescendant on the
// active option; ↑/↓ move, Enter or Tab choose, Escape closes. The box shows "@Name"; the body
// sent carries @[Name](<id>) (encodeMentions).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listMembers } from '../api/endpoints';
import { activeQuery, insertMention, matchesName, type Mentionable, type Pick } from './mentions';

export type { Mentionable };

export const MAX_COMMENT = 5000;
const MAX_SUGGESTIONS = 8;

/** Where suggestions come from when they are not a workspace's members: asked per query. */
export interface MentionSource {
  /** The query key's stem (the query typed is added). */
  key: readonly unknown[];
  find: (query: string) => Promise<Mentionable[]>;
}

/** The query after a short pause in typing (so a fast typist asks once). */
function useSettled(value: string | null, ms = 150): string | null {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}

export interface MentionValue {
  text: string;
  picks: Pick[];
}

export function MentionInput({
  workspaceId,
  source,
  me,
  label,
  value,
  onChange,
  onSubmit,
  id,
  rows = 3,
  describedBy,
  maxLength = MAX_COMMENT,
}: {
  /** Suggest this workspace's members… */
  workspaceId?: string;
  /** …or ask this source as the user types. */
  source?: MentionSource;
  me: string | null;
  label: string;
  value: MentionValue;
  onChange: (v: MentionValue) => void;
  /** Ctrl+Enter (or ⌘+Enter) sends. */
  onSubmit?: () => void;
  id?: string;
  rows?: number;
  describedBy?: string;
  maxLength?: number;
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
  const q = activeQuery(value.text, caret);
  const members = useQuery({
    queryKey: ['workspace-members', workspaceId],
    queryFn: () => listMembers(workspaceId ?? ''),
    enabled: !!workspaceId && !source,
    staleTime: 60_000,
    select: (ms): Mentionable[] => ms.map((m) => ({ userId: m.userId, name: m.name, organisation: m.organisationName })),
  });
  const asked = useSettled(source && focused && q ? q.query.trim() : null);
  const found = useQuery({
    queryKey: [...(source?.key ?? []), 'mentionable', asked],
    queryFn: () => source!.find(asked ?? ''),
    enabled: !!source && asked !== null,
    staleTime: 30_000,
    placeholderData: keepPreviousData, // the last answer, narrowed below, until the new one comes
  });
  const people = source ? found.data : members.data;
  const options = useMemo(() => {
    if (!q || !people) return [];
    return people.filter((m) => m.userId !== me && matchesName(m.name, q.query)).slice(0, MAX_SUGGESTIONS);
  }, [q?.query, q?.start, people, me]);
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
        maxLength={maxLength}
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
        {t(source ? 'mentions.readersHint' : 'comments.mentionHint')}
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
              {m.organisation ? <span className="cm-option-org">{m.organisation}</span> : null}
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
