import { useEffect, useMemo, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Heading, InlineAlert, LoadingSpinner } from 'suomifi-ui-components';
import { ApiError, errorKey } from '../api/client';
import { getReference } from '../api/endpoints';
import type { Language, LocalizedText, ReferenceData, ReferenceItem } from '../api/types';
import { isLanguage } from '../i18n';

/** Sets document.title to "<page> – <app name>" in the UI language. */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} – ${t('app.name')}` : t('app.name');
  }, [title, t]);
}

/** The page's one h1; focusable so route changes can move focus to it. */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <Heading variant="h1" tabIndex={-1} id="page-heading" className="page-heading">
      {children}
    </Heading>
  );
}

/** Page title + h1 in one. */
export function Page({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {children}
    </>
  );
}

export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (err: unknown) => t(errorKey(err, (k) => i18n.exists(k)));
}

/** The field an error is about, when the server names it. */
export function errorField(err: unknown): string | undefined {
  return err instanceof ApiError ? err.field : undefined;
}

/**
 * The status props of a suomifi field: an error status with the translated message when the
 * server named this field in its error, nothing otherwise.
 */
export function useFieldStatus(error: unknown) {
  const errorText = useErrorText();
  const field = errorField(error);
  return (f: string) => (field === f ? { status: 'error' as const, statusText: errorText(error) } : {});
}

/** A form submit handler that stays on the page and runs action. */
export function onSubmit(action: () => void) {
  return (e: FormEvent) => {
    e.preventDefault();
    action();
  };
}

/** A translated error message announced to screen readers. Renders nothing when there is no error. */
export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const errorText = useErrorText();
  return (
    <div role="alert" className="alert-slot">
      {error ? (
        <InlineAlert status="error">
          {errorText(error)}
          {children}
        </InlineAlert>
      ) : null}
    </div>
  );
}

/** A success or info message announced politely. */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className="alert-slot">
      {children ? <InlineAlert status="neutral">{children}</InlineAlert> : null}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <LoadingSpinner status="loading" text={t('common.loading')} textAlign="right" variant="small" />;
}

export function useLang(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fi';
}

export function localized(text: LocalizedText | undefined, lang: Language): string {
  if (!text) return '';
  return text[lang] || text.fi || text.sv || text.en || '';
}

export function useReference() {
  return useQuery<ReferenceData>({ queryKey: ['reference'], queryFn: getReference, staleTime: 5 * 60_000 });
}

/** Name of reference item `id` among `items` in the UI language ('' when unknown). */
export function useRefName() {
  const lang = useLang();
  const ref = useReference();
  return useMemo(() => {
    const byId = new Map<string, ReferenceItem>();
    if (ref.data) {
      for (const list of [ref.data.regions, ref.data.nationalGoals, ref.data.qualityDimensions, ref.data.themes, ref.data.targetGroups]) {
        for (const item of list ?? []) byId.set(item.id, item);
      }
    }
    return (id: string | undefined) => (id && byId.has(id) ? localized(byId.get(id)!.names, lang) : '');
  }, [ref.data, lang]);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function formatRelative(date: Date, now: Date, lang: string): string {
  const diff = Math.round((date.getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  for (const [unit, seconds] of UNITS) {
    if (Math.abs(diff) >= seconds || unit === 'second') {
      return rtf.format(Math.round(diff / seconds), unit);
    }
  }
  return rtf.format(0, 'second');
}

export function formatDateTime(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(d);
}

/** A time shown relatively ("3 hours ago") with the absolute time as tooltip and machine value. */
export function RelativeTime({ iso }: { iso: string }) {
  const lang = useLang();
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return <>{iso}</>;
  const absolute = formatDateTime(d, lang);
  return (
    <time dateTime={iso} title={absolute}>
      {formatRelative(d, new Date(), lang)}
    </time>
  );
}
