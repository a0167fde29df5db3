// Form controls bound to a LiveDocument: text fields edited by operational transformation and
// scalar fields set as a whole. Native elements with real labels, so screen readers and the
// keyboard work as in any form.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectionComment } from '../comments/ItemComments';
import { fieldId, useEditor, usePresence } from './editorContext';
import type { DocNode } from './model';
import { diffOp, transformIndex } from './textDiff';

/** "Name is editing" labels for the others focused on this field. */
export function Editing({ node, field }: { node: string; field: string }) {
  const { t } = useTranslation();
  const { store } = useEditor();
  const here = usePresence().filter((p) => p.user !== store.you && p.node === node && p.field === field);
  if (!here.length) return null;
  return (
    <span className="co-editing-list">
      {here.map((p) => (
        <span key={p.user} className="co-editing" style={{ borderColor: p.color }}>
          <span className="co-dot" style={{ background: p.color }} aria-hidden="true" />
          {t('editor.isEditing', { name: p.name })}
        </span>
      ))}
    </span>
  );
}

function FieldLabel({ htmlFor, label, node, field, hint }: { htmlFor: string; label: string; node: string; field: string; hint?: ReactNode }) {
  return (
    <div className="co-label-row">
      <label htmlFor={htmlFor} className="co-label">
        {label}
      </label>
      {hint}
      <Editing node={node} field={field} />
    </div>
  );
}

type TextEl = HTMLInputElement | HTMLTextAreaElement;

/** Styles a caret layer copies from its field, so its text wraps and lines up the same. */
const MIRRORED = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'lineHeight', 'letterSpacing', 'wordSpacing', 'tabSize', 'textIndent', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft'] as const;

/**
 * Others' carets and selections in a text field, drawn over it: per person a layer with the
 * field's geometry and font holding the text up to their caret (invisible), their selection
 * (tinted) and a caret with their name. Decoration only (aria-hidden): the field's label already
 * says who is editing it.
 */
function RemoteCarets({ node, field, value, target, multiline }: { node: string; field: string; value: string; target: RefObject<TextEl | null>; multiline?: boolean }) {
  const { store } = useEditor();
  const here = usePresence().filter((p) => p.user !== store.you && p.node === node && p.field === field && Array.isArray(p.sel));
  const box = useRef<HTMLDivElement | null>(null);
  const place = () => {
    const el = target.current;
    const root = box.current;
    if (!el || !root) return;
    const cs = getComputedStyle(el);
    for (const layer of Array.from(root.children) as HTMLElement[]) {
      layer.style.left = `${el.offsetLeft + el.clientLeft}px`;
      layer.style.top = `${el.offsetTop + el.clientTop}px`;
      layer.style.width = `${el.clientWidth}px`;
      layer.style.height = `${el.clientHeight}px`;
      for (const k of MIRRORED) layer.style[k] = cs[k];
      const inner = layer.firstElementChild as HTMLElement | null;
      if (inner) inner.style.transform = `translate(${-el.scrollLeft}px, ${-el.scrollTop}px)`;
    }
  };
  useLayoutEffect(place);
  useEffect(() => {
    const el = target.current;
    if (!el || !here.length) return;
    el.addEventListener('scroll', place);
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(place);
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', place);
      ro?.disconnect();
    };
  });
  if (!here.length) return null;
  return (
    <div ref={box} aria-hidden="true">
      {here.map((p) => {
        const [a, b] = p.sel ?? [0, 0];
        const start = Math.max(0, Math.min(a, b, value.length));
        const end = Math.max(start, Math.min(Math.max(a, b), value.length));
        return (
          <div key={p.user} className={`co-caret-layer ${multiline ? 'co-caret-multi' : 'co-caret-single'}`} data-remote-caret={p.name}>
            <div className="co-caret-text">
              {value.slice(0, start)}
              {end > start ? (
                <span className="co-caret-selection" style={{ background: `${p.color}33`, borderBottom: `2px solid ${p.color}` }}>
                  {value.slice(start, end)}
                </span>
              ) : null}
              <span className="co-caret" style={{ borderColor: p.color }}>
                <span className="co-caret-flag" style={{ background: p.color }}>
                  {p.name}
                </span>
              </span>
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** A text field of a node, co-edited: each input becomes a TextOperation. */
export function CoText({
  node,
  field,
  label,
  multiline,
  maxLength,
  rows = 4,
}: {
  node: DocNode;
  field: string;
  label: string;
  multiline?: boolean;
  maxLength: number;
  rows?: number;
}) {
  const { store, canEdit } = useEditor();
  const value = store.text(node.id, field);
  const ref = useRef<TextEl | null>(null);
  const id = fieldId(node.id, field);

  // Remote operations: rewrite the value and carry the caret and selection through them.
  useEffect(
    () =>
      store.onText((n, f, op) => {
        const el = ref.current;
        if (!el) return;
        const next = store.text(node.id, field);
        if (n === '' || !op) {
          if (el.value !== next) el.value = next;
          return;
        }
        if (n !== node.id || f !== field || el.value === next) return;
        if (document.activeElement === el) {
          const start = transformIndex(el.selectionStart ?? 0, op);
          const end = transformIndex(el.selectionEnd ?? 0, op);
          el.value = next;
          el.setSelectionRange(start, end);
        } else {
          el.value = next;
        }
      }),
    [store, node.id, field],
  );
  // Anything else that changed the stored value (a fresh copy) shows when not being typed in.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && el.value !== value && document.activeElement !== el) el.value = value;
  });

  if (!canEdit) {
    // A read-only text box: screen readers announce its label, its text and "read only".
    return (
      <div className="co-field co-readonly">
        <div className="co-label" id={`${id}-label`}>
          {label}
        </div>
        <div
          id={id}
          role="textbox"
          aria-readonly="true"
          aria-multiline={multiline ? 'true' : undefined}
          aria-labelledby={`${id}-label`}
          tabIndex={0}
          className={`co-readonly-value${multiline ? ' co-text-block' : ''}`}
        >
          {value}
        </div>
      </div>
    );
  }

  const presence = () => {
    const el = ref.current;
    if (el) store.setPresence(node.id, field, [el.selectionStart ?? 0, el.selectionEnd ?? 0]);
  };
  const onInput = () => {
    const el = ref.current;
    if (!el) return;
    const before = store.text(node.id, field);
    if (el.value === before) return;
    if (!store.editText(node.id, field, diffOp(before, el.value))) el.value = store.text(node.id, field);
    presence();
  };
  const common = {
    id,
    defaultValue: value,
    maxLength,
    onInput,
    onFocus: presence,
    onSelect: presence,
    onBlur: () => store.setPresence('', ''),
    spellCheck: true,
  };
  return (
    <div className="co-field">
      <FieldLabel htmlFor={id} label={label} node={node.id} field={field} />
      <div className="co-input-wrap">
        {multiline ? (
          <textarea ref={(el) => void (ref.current = el)} rows={rows} className="co-input co-textarea" {...common} />
        ) : (
          <input ref={(el) => void (ref.current = el)} type="text" className="co-input" {...common} />
        )}
        <RemoteCarets node={node.id} field={field} value={value} target={ref} multiline={multiline} />
      </div>
      <SelectionComment node={node.id} field={field} target={ref} />
    </div>
  );
}

/** Current value of a scalar field. */
export function fieldValue<T>(node: DocNode, field: string): T | undefined {
  return node.fields?.[field] as T | undefined;
}

/** A select bound to a string field. */
export function CoSelect({
  node,
  field,
  label,
  options,
  display,
}: {
  node: DocNode;
  field: string;
  label: string;
  options: { value: string; label: string }[];
  display?: (v: string | undefined) => string;
}) {
  const { t } = useTranslation();
  const { store, canEdit } = useEditor();
  const value = fieldValue<string>(node, field) ?? '';
  const id = fieldId(node.id, field);
  if (!canEdit) {
    return (
      <div className="co-field co-readonly">
        <div className="co-label">{label}</div>
        <div>{display ? display(value) : options.find((o) => o.value === value)?.label ?? '–'}</div>
      </div>
    );
  }
  return (
    <div className="co-field">
      <FieldLabel htmlFor={id} label={label} node={node.id} field={field} />
      <select
        id={id}
        className="co-input co-select"
        value={value}
        onFocus={() => store.setPresence(node.id, field)}
        onBlur={() => store.setPresence('', '')}
        onChange={(e) => store.edit([{ t: 'set', node: node.id, field, value: e.target.value || null }])}
      >
        <option value="">{t('editor.notSet')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A yyyy-mm-dd date in the years 1900-2199 (what a date input gives, once its year is typed). */
function validDate(s: string): boolean {
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(s);
  return !!m && Number(m[1]) >= 1900 && Number(m[1]) <= 2199;
}

/**
 * An input whose value is committed as a whole (set) when it is valid: on change for dates,
 * on blur, Enter or a pause in typing for numbers and short strings.
 */
export function CoScalar({
  node,
  field,
  label,
  kind,
  validate,
  min,
  max,
  maxLength,
  display,
}: {
  node: DocNode;
  field: string;
  label: string;
  kind: 'number' | 'date' | 'string';
  /** An error message for a value that must not be sent, or null. */
  validate?: (v: string | number | null) => string | null;
  min?: number;
  max?: number;
  maxLength?: number;
  display?: (v: unknown) => string;
}) {
  const { t, i18n } = useTranslation();
  const { store, canEdit } = useEditor();
  const stored = node.fields?.[field];
  const storedText = stored === undefined || stored === null ? '' : String(stored);
  const [draft, setDraft] = useState(storedText);
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const id = fieldId(node.id, field);
  const errId = `${id}-error`;

  useEffect(() => {
    if (!focused.current) setDraft(storedText);
  }, [storedText]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  if (!canEdit) {
    let shown = storedText || '–';
    if (display) shown = display(stored);
    else if (kind === 'date' && storedText) shown = new Date(`${storedText}T00:00:00`).toLocaleDateString(i18n.resolvedLanguage);
    else if (kind === 'number' && typeof stored === 'number') shown = stored.toLocaleString(i18n.resolvedLanguage);
    return (
      <div className="co-field co-readonly">
        <div className="co-label">{label}</div>
        <div>{shown}</div>
      </div>
    );
  }

  const parse = (s: string): { value: string | number | null; error: string | null } => {
    const trimmed = s.trim();
    if (trimmed === '') return { value: null, error: null };
    if (kind === 'number') {
      const n = Number(trimmed.replace(',', '.'));
      if (!Number.isFinite(n)) return { value: null, error: t('editor.numberInvalid') };
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
        return { value: null, error: t('editor.numberRange', { min, max }) };
      }
      return { value: n, error: validate?.(n) ?? null };
    }
    if (kind === 'date' && !validDate(trimmed)) return { value: null, error: t('editor.dateInvalid') };
    return { value: trimmed, error: validate?.(trimmed) ?? null };
  };
  const commit = (s: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const p = parse(s);
    setError(p.error);
    if (p.error) return;
    const current = stored === undefined ? null : stored;
    if (p.value === current) return;
    store.edit([{ t: 'set', node: node.id, field, value: p.value }]);
  };
  const onChange = (s: string) => {
    setDraft(s);
    if (kind === 'date') {
      // Typing a year digit by digit passes through years 0002, 0020, 0202: those wait for blur.
      if (s === '' || validDate(s)) commit(s);
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(s), 800);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(draft);
    }
  };
  return (
    <div className="co-field">
      <FieldLabel htmlFor={id} label={label} node={node.id} field={field} />
      <input
        id={id}
        className={`co-input co-input-${kind}`}
        type={kind === 'date' ? 'date' : 'text'}
        inputMode={kind === 'number' ? 'decimal' : undefined}
        value={draft}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errId : undefined}
        onFocus={() => {
          focused.current = true;
          store.setPresence(node.id, field);
        }}
        onBlur={() => {
          focused.current = false;
          store.setPresence('', '');
          commit(draft);
        }}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {error ? (
        <div id={errId} className="co-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** Checkboxes bound to a list-of-ids field. */
export function CoCheckboxes({
  node,
  field,
  legend,
  options,
}: {
  node: DocNode;
  field: string;
  legend: string;
  options: { value: string; label: string; archived?: boolean }[];
}) {
  const { t } = useTranslation();
  const { store, canEdit } = useEditor();
  const chosen = fieldValue<string[]>(node, field) ?? [];
  const visible = options.filter((o) => !o.archived || chosen.includes(o.value));
  if (!canEdit) {
    const names = visible.filter((o) => chosen.includes(o.value)).map((o) => o.label);
    return (
      <div className="co-field co-readonly">
        <div className="co-label">{legend}</div>
        {names.length ? (
          <ul className="co-plain-list">
            {names.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : (
          <div>{t('common.none')}</div>
        )}
      </div>
    );
  }
  const toggle = (v: string, on: boolean) => {
    const next = on ? [...chosen.filter((x) => x !== v), v] : chosen.filter((x) => x !== v);
    store.edit([{ t: 'set', node: node.id, field, value: next.length ? next : null }]);
  };
  return (
    <fieldset className="co-fieldset">
      <legend className="co-label">
        {legend} <Editing node={node.id} field={field} />
      </legend>
      <div className="co-checkboxes">
        {visible.map((o) => {
          const id = `${fieldId(node.id, field)}-${o.value}`;
          return (
            <div key={o.value} className="co-checkbox">
              <input
                id={id}
                type="checkbox"
                checked={chosen.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
                onFocus={() => store.setPresence(node.id, field)}
                onBlur={() => store.setPresence('', '')}
              />
              <label htmlFor={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
