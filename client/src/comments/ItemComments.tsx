// The comment controls inside the outline: per item a "Comment" button and the number of its
// open threads (which opens the first of them), and per text field a button that appears while
// the field (or the button itself) has the focus, to comment on the field or on the selected text.
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocNode } from '../coedit/model';
import { inDocumentOrder, useComments } from './context';

const MAX_QUOTE = 1000;

/** What names an item in button labels. */
function useItemName() {
  const { t } = useTranslation();
  return (n: DocNode) => ({
    what: t(`editor.types.${n.type}`, { defaultValue: n.type }),
    title: (n.text?.title ?? n.text?.name ?? '').trim() || t(`editor.untitled.${n.type}`, { defaultValue: '' }),
  });
}

/** "Comment" and "2 comments" for one item of the outline. */
export function ItemComments({ node }: { node: DocNode }) {
  const { t } = useTranslation();
  const c = useComments();
  const name = useItemName();
  if (!c) return null;
  const threads = inDocumentOrder(
    c.comments.threads.filter((th) => th.anchor.node === node.id && !th.resolved),
    c.live,
  );
  const { what, title } = name(node);
  if (!c.canComment && !threads.length) return null;
  return (
    <div className="cm-item button-row" id={`cm-item-${node.id}`} tabIndex={-1}>
      {c.canComment ? (
        <button type="button" className="co-button co-secondary co-small" onClick={() => c.compose({ node: node.id })} aria-label={t('comments.commentOn', { what, title })}>
          {t('comments.comment')}
        </button>
      ) : null}
      {threads.length ? (
        <button type="button" className="cm-badge" onClick={() => c.focusThread(threads[0].id)}>
          {t('comments.threadCount', { count: threads.length })}
          <span className="cm-sr-only">{t('comments.itemSuffix', { what, title })}</span>
        </button>
      ) : null}
    </div>
  );
}

/**
 * "Comment on the selection" for a text field: shown while the field or this button has the
 * focus, so a keyboard user reaches it with Tab after selecting text.
 */
export function SelectionComment({ node, field, target }: { node: string; field: string; target: RefObject<HTMLInputElement | HTMLTextAreaElement | null> }) {
  const { t } = useTranslation();
  const c = useComments();
  const [sel, setSel] = useState<{ start: number; end: number } | null>(null);
  const [active, setActive] = useState(false);
  const buttonId = `cm-sel-${node}-${field}`;

  useEffect(() => {
    const field = target.current;
    if (!field || !c?.canComment) return;
    const el: HTMLElement = field; // one addEventListener signature for input and textarea
    const track = () => setSel({ start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0 });
    const focus = () => {
      setActive(true);
      track();
    };
    const blur = (e: FocusEvent) => {
      if ((e.relatedTarget as HTMLElement | null)?.id !== buttonId) setActive(false);
    };
    el.addEventListener('focus', focus);
    el.addEventListener('blur', blur);
    el.addEventListener('select', track);
    el.addEventListener('keyup', track);
    el.addEventListener('mouseup', track);
    if (document.activeElement === el) focus();
    return () => {
      el.removeEventListener('focus', focus);
      el.removeEventListener('blur', blur);
      el.removeEventListener('select', track);
      el.removeEventListener('keyup', track);
      el.removeEventListener('mouseup', track);
    };
  }, [target, c?.canComment, buttonId]);

  if (!c?.canComment || !active) return null;
  const text = c.live.text(node, field);
  const quote = sel && sel.end > sel.start ? text.slice(sel.start, sel.end).trim().slice(0, MAX_QUOTE) : '';
  return (
    <div className="cm-selection">
      <button
        type="button"
        id={buttonId}
        className="co-button co-secondary co-small"
        onMouseDown={(e) => e.preventDefault()} // the field keeps its focus and selection until the click
        onBlur={(e) => {
          if (e.relatedTarget !== target.current) setActive(false);
        }}
        onClick={() => {
          setActive(false);
          c.compose(quote ? { node, field, quote } : { node, field });
        }}
      >
        {quote ? t('comments.commentSelection') : t('comments.commentField')}
      </button>
    </div>
  );
}
