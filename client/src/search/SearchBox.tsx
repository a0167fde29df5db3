// The header's search box: a combobox (ARIA 1.2, list autocomplete) whose results appear as
// you type; arrows move through them, Enter opens the chosen one or, with none chosen, the
// full results page; a polite live region tells how many were found.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { search, type SearchHit } from './api';
import { Marked } from './Marked';
import './search.css';

/** How long typing must pause before a search is sent. */
export const DEBOUNCE_MS = 200;
const SUGGESTIONS = 8;

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(text.trim(), DEBOUNCE_MS);
  const res = useQuery({
    queryKey: ['search', 'suggest', q],
    queryFn: ({ signal }) => search({ q, limit: SUGGESTIONS, counts: false }, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const hits: SearchHit[] = q && res.data ? res.data.hits : [];
  // Options: the hits, then "show all results".
  const count = hits.length + (q ? 1 : 0);
  const expanded = open && q.length > 0 && (res.data !== undefined || res.isError);

  // Leaving the page closes the list, unless the person is typing in the box meanwhile (a
  // navigation finishing as they type, such as the one after signing in, must not close it).
  useEffect(() => {
    if (document.activeElement === inputRef.current) return;
    setOpen(false);
    setActive(-1);
  }, [location.pathname, location.search]);

  const showAll = () => {
    setOpen(false);
    navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  const choose = (i: number) => {
    if (i >= 0 && i < hits.length) {
      setOpen(false);
      setText('');
      navigate(hits[i].link);
    } else {
      showAll();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen(true);
        if (count > 0) setActive((a) => (a + 1) % count);
        break;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(true);
        if (count > 0) setActive((a) => (a <= 0 ? count - 1 : a - 1));
        break;
      case 'Enter':
        if (!text.trim()) return;
        e.preventDefault();
        choose(expanded ? active : -1);
        break;
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          setText('');
        }
        break;
    }
  };

  const status = !q
    ? ''
    : res.isError
      ? t('search.failed')
      : res.data && !res.isPlaceholderData
        ? t('search.suggestCount', { count: res.data.total })
        : '';
  const optionId = (i: number) => `${id}-opt-${i}`;

  return (
    <div className="search-box" role="search">
      <label htmlFor={`${id}-input`} className="search-sr-only">
        {t('search.label')}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="text"
        className="search-box-input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        value={text}
        maxLength={200}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <span id={`${id}-hint`} className="search-sr-only">
        {t('search.hint')}
      </span>
      <ul id={listId} role="listbox" aria-label={t('search.suggestions')} className="search-box-list" hidden={!expanded}>
        {hits.map((h, i) => (
          <li
            key={`${h.kind}/${h.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'search-option active' : 'search-option'}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(i);
            }}
            onMouseMove={() => setActive(i)}
          >
            <span className={`search-kind search-kind-${h.kind}`}>{t(`search.kind.${h.kind}`)}</span>
            <span className="search-option-text">
              <span className="search-option-title">
                <Marked html={h.titleHtml} />
              </span>
              {h.fragmentHtml ? (
                <span className="search-option-fragment">
                  <Marked html={h.fragmentHtml} lead={24} />
                </span>
              ) : null}
            </span>
          </li>
        ))}
        {q ? (
          <li
            id={optionId(hits.length)}
            role="option"
            aria-selected={active === hits.length}
            className={active === hits.length ? 'search-option search-all active' : 'search-option search-all'}
            onMouseDown={(e) => {
              e.preventDefault();
              showAll();
            }}
            onMouseMove={() => setActive(hits.length)}
          >
            {res.data ? t('search.showAll', { count: res.data.total }) : t('search.showAllPlain')}
          </li>
        ) : null}
      </ul>
      <div role="status" aria-live="polite" className="search-sr-only">
        {status}
      </div>
    </div>
  );
}
