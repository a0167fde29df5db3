// Small pieces the public pages share: figures of a plan, multi-line text, numbers.
import { useTranslation } from 'react-i18next';
import { formatDate, localized, useLang } from '../components/common';
import type { PublicDocumentSummary, PublicFigures, PublicRef } from './api';

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
}

/** Kind, period and status of a document in one line. */
export function useDocumentMeta() {
  const { t } = useTranslation();
  return (d: PublicDocumentSummary) =>
    t('public.meta', { kind: t(`documents.kinds.${d.kind}`), period: d.period || '–', status: t(`documents.statuses.${d.status}`) });
}

/** An action plan's figures as a short list (nothing for other kinds). */
export function Figures({ f }: { f: PublicFigures }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (f.goals === 0 && f.actions === 0) return null;
  return (
    <ul className="public-figures">
      <li>
        {t('public.goals', { count: f.goals })}, {t('public.actions', { count: f.actions })}
      </li>
      <li>{t('public.doneOf', { done: f.statuses.done ?? 0, actions: f.actions })}</li>
      {f.progress !== null ? (
        <li>
          {t('public.progress', { value: formatNumber(f.progress, lang) })}
          <ProgressBar value={f.progress} />
        </li>
      ) : null}
      <li>{f.measured > 0 ? t('public.reachedOf', { reached: f.reached, measured: f.measured }) : t('public.noMeasured')}</li>
    </ul>
  );
}

/** A bar for a 0-100 figure; decorative, the number is in the text beside it. */
export function ProgressBar({ value }: { value: number }) {
  return (
    <span className="public-bar" aria-hidden="true">
      <span className="public-bar-fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
    </span>
  );
}

/** Text with its line breaks kept, as paragraphs. */
export function Paragraphs({ text }: { text: string }) {
  const parts = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <>
      {parts.map((p, i) => (
        <p key={i} className="public-text">
          {p}
        </p>
      ))}
    </>
  );
}

export function RefNames({ items }: { items: PublicRef[] }) {
  const lang = useLang();
  return <>{items.map((r) => localized(r.names, lang)).join('; ')}</>;
}

export function Updated({ iso }: { iso: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return <p className="muted">{t('public.updated', { date: formatDate(iso, lang) })}</p>;
}
