// Small pieces the public pages share: the page's frame, facts, figures of a plan, multi-line
// text, numbers.
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { ApiError } from '../api/client';
import { ErrorAlert, Loading, Page, formatDate, localized, useLang } from '../components/common';
import type { PublicDocumentSummary, PublicFigures, PublicRef } from './api';

/** Whether a public page's query failed because what it names is not public (or not an id). */
export function isMissing(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 404 || err.status === 400);
}

/**
 * A public page of one thing: the way back, the title, the query's error (none when the thing
 * is missing: the title says so) or spinner, the content and the privacy note.
 */
export function PublicFrame(props: { back: { to: string; label: string }; title: string; error: unknown; pending: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="public-page">
      <p>
        <RouterLink asComponent={RRLink} to={props.back.to}>
          {props.back.label}
        </RouterLink>
      </p>
      <Page title={props.title}>
        {isMissing(props.error) ? null : <ErrorAlert error={props.error} />}
        {props.pending ? <Loading /> : null}
        {props.children}
        <p className="public-note">{t('public.privacyNote')}</p>
      </Page>
    </div>
  );
}

/** A fact: its label and value; a null value leaves the fact out. */
export type Fact = [label: string, value: ReactNode];

/** Facts as a definition list (those with a value). */
export function Facts({ facts }: { facts: Fact[] }) {
  return (
    <dl className="public-facts">
      {facts
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([label, v]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
    </dl>
  );
}

/** Reference names as a fact's value; null when there are none. */
export function refs(items: PublicRef[]): ReactNode {
  return items.length > 0 ? <RefNames items={items} /> : null;
}

/** A list joined as a fact's value; null when it is empty. */
export function joined(items: string[], sep: string): ReactNode {
  return items.length > 0 ? items.join(sep) : null;
}

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
