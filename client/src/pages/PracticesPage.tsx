import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { useAuth } from '../auth/AuthContext';
import { listWorkspaces } from '../api/endpoints';
import { ORGANISATION_TYPES } from '../api/types';
import { ErrorAlert, Loading, Page, useRefName } from '../components/common';
import { listPractices, periodEnds, periodOf, type PracticeQuery } from '../practices/api';
import { RefSelect, StateTag } from '../practices/common';
import '../practices/practices.css';

const PAGE_SIZE = 20;
const FILTERS = ['region', 'targetGroup', 'nationalGoal', 'orgType', 'status', 'q'] as const;

/** The good-practice library: published practices with filters kept in the URL; the group's drafts for its members. */
export function PracticesPage() {
  const { t } = useTranslation();
  const refName = useRefName();
  const { status, user } = useAuth();
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? '';
  const [text, setText] = useState(get('q'));
  const [shown, setShown] = useState(PAGE_SIZE);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
    setShown(PAGE_SIZE);
  };
  useEffect(() => {
    const id = window.setTimeout(() => {
      if (text.trim() !== get('q')) set('q', text.trim());
    }, 300);
    return () => window.clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const periods = params.getAll('period').filter(Boolean);
  // Several themes (a link from the national overview filtered by them) are alternatives.
  const themes = params.getAll('theme').filter(Boolean);
  const setPeriod = (period: string) => {
    const next = new URLSearchParams(params);
    next.delete('period');
    if (period) next.set('period', period);
    setParams(next, { replace: true });
    setShown(PAGE_SIZE);
  };
  const query: PracticeQuery = { limit: shown };
  for (const f of FILTERS) if (get(f)) (query as Record<string, string>)[f] = get(f);
  if (periods.length > 0) query.period = periods;
  if (themes.length > 0) query.theme = themes;
  const list = useQuery({
    queryKey: ['practices', 'list', query, user?.id ?? ''],
    queryFn: () => listPractices(query),
    enabled: status !== 'loading',
    placeholderData: keepPreviousData,
  });
  const workspaces = useQuery({ queryKey: ['workspaces'], queryFn: listWorkspaces, enabled: !!user });
  const writable = (workspaces.data ?? []).filter((w) => w.myRole === 'coordinator' || w.myRole === 'member');
  const total = list.data?.total ?? 0;

  return (
    <Page title={t('practices.title')}>
      <Paragraph>{t('practices.intro')}</Paragraph>
      {writable.length > 0 ? (
        <p>
          <RouterLink asComponent={RRLink} to={`/practices/new?workspace=${writable[0].id}`}>
            {t('practices.new')}
          </RouterLink>
        </p>
      ) : null}
      <div role="search" aria-label={t('practices.filters')} className="practice-filters">
        <TextInput labelText={t('practices.searchLabel')} value={text} onChange={(v) => setText(String(v ?? ''))} className="field" />
        <RefSelect id="pf-region" kind="regions" label={t('fields.region')} value={get('region')} onChange={(v) => set('region', v)} allLabel={t('practices.all')} />
        <RefSelect id="pf-theme" kind="themes" label={t('practices.fields.themes')} value={themes.length === 1 ? themes[0] : ''} onChange={(v) => set('theme', v)} allLabel={t('practices.all')} />
        <RefSelect id="pf-target" kind="targetGroups" label={t('practices.fields.targetGroups')} value={get('targetGroup')} onChange={(v) => set('targetGroup', v)} allLabel={t('practices.all')} />
        <RefSelect id="pf-goal" kind="nationalGoals" label={t('practices.fields.nationalGoals')} value={get('nationalGoal')} onChange={(v) => set('nationalGoal', v)} allLabel={t('practices.all')} />
        <div className="practice-select">
          <label htmlFor="pf-orgtype">{t('fields.organisationType')}</label>
          <select id="pf-orgtype" value={get('orgType')} onChange={(e) => set('orgType', e.target.value)}>
            <option value="">{t('practices.all')}</option>
            {ORGANISATION_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`organisationTypes.${ty}`)}
              </option>
            ))}
          </select>
        </div>
        <PeriodFilter periods={periods} onChange={setPeriod} />
        {user ? (
          <div className="practice-select">
            <label htmlFor="pf-status">{t('practices.show')}</label>
            <select id="pf-status" value={get('status')} onChange={(e) => set('status', e.target.value)}>
              <option value="">{t('practices.showPublished')}</option>
              <option value="drafts">{t('practices.showDrafts')}</option>
            </select>
          </div>
        ) : null}
        {/* The note and its button go away: the focus goes to the select that now holds the filter. */}
        <ThemesNote
          themes={themes}
          onClear={() => {
            set('theme', '');
            document.getElementById('pf-theme')?.focus();
          }}
        />
        <PeriodNote
          periods={periods}
          onClear={() => {
            setPeriod('');
            document.getElementById('pf-from')?.focus();
          }}
        />
      </div>
      <ErrorAlert error={list.error} />
      <div role="status" className="result-count">
        {list.data ? <Paragraph>{t('practices.count', { count: total })}</Paragraph> : null}
      </div>
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="card-list" aria-label={t('practices.results')}>
          {list.data.items.map((p) => (
            <li key={p.id} className="practice-card">
              <h2>
                <RouterLink asComponent={RRLink} to={`/practices/${p.id}`}>
                  {p.name}
                </RouterLink>
              </h2>
              <p className="practice-meta">
                {refName(p.regionId)} · {p.workspaceName}
                {p.adoptions > 0 ? ` · ${t('practices.adoptedIn', { count: p.spread.length })}` : ''}
                {p.state !== 'done' ? (
                  <>
                    {' '}
                    <StateTag state={p.state} published={p.published} />
                  </>
                ) : null}
              </p>
              <Paragraph>{p.summary}</Paragraph>
              {p.themes.length > 0 ? (
                <ul className="practice-tags" aria-label={t('practices.fields.themes')}>
                  {p.themes.map((th) => (
                    <li key={th}>{refName(th)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {list.data && list.data.items.length < total ? (
        <Button variant="secondary" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          {t('practices.more')}
        </Button>
      ) : null}
    </Page>
  );
}

/** The first years a select offers (and every year a period in the address names). */
const FIRST_YEAR = 2015;

/**
 * First published between two years (either end may stay open), kept in the address as one
 * `period`. A link from the national overview may carry several periods (its period filter's
 * alternatives): PeriodNote names them until the person chooses years here.
 */
function PeriodFilter({ periods, onChange }: { periods: string[]; onChange: (period: string) => void }) {
  const { t } = useTranslation();
  const ends = periods.map(periodEnds);
  const one = periods.length === 1 && ends[0] ? ends[0] : null;
  const thisYear = new Date().getFullYear();
  const years = new Set<number>();
  for (let y = thisYear; y >= FIRST_YEAR; y--) years.add(y);
  for (const e of ends) for (const y of [e?.from, e?.to]) if (y) years.add(y);
  const options = [...years].sort((a, b) => b - a);
  const from = one?.from ?? null;
  const to = one?.to ?? null;
  const pick = (v: string) => (v ? Number(v) : null);
  const select = (id: string, label: string, value: number | null, set: (v: number | null) => void) => (
    <div className="practice-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => set(pick(e.target.value))}>
        <option value="">{t('practices.anyYear')}</option>
        {options.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset className="practice-period">
      <legend>{t('practices.firstPublished')}</legend>
      {select('pf-from', t('practices.publishedFrom'), from, (v) => onChange(periodOf(v, to)))}
      {select('pf-to', t('practices.publishedTo'), to, (v) => onChange(periodOf(from, v)))}
    </fieldset>
  );
}

/** Names the periods the year selects cannot show (several, from a link), with a button to remove them. */
function PeriodNote({ periods, onClear }: { periods: string[]; onClear: () => void }) {
  const { t } = useTranslation();
  const ends = periods.map(periodEnds);
  if (periods.length === 0 || (periods.length === 1 && ends[0])) return null;
  const named = periods
    .map((p, i) => {
      const e = ends[i];
      if (!e) return p;
      if (e.from === e.to) return String(e.from);
      if (e.from === null) return t('practices.periodUntil', { year: e.to });
      if (e.to === null) return t('practices.periodFrom', { year: e.from });
      return `${e.from}–${e.to}`;
    })
    .join(t('practices.periodOr'));
  return (
    <p className="practice-periods-note" data-testid="period-note">
      {t('practices.publishedIn', { periods: named })}{' '}
      <Button variant="secondaryNoBorder" onClick={onClear}>
        {t('practices.anyPeriod')}
      </Button>
    </p>
  );
}

/** Names the themes when a link chose several (the theme select shows one), with a button to remove them. */
function ThemesNote({ themes, onClear }: { themes: string[]; onClear: () => void }) {
  const { t } = useTranslation();
  const refName = useRefName();
  if (themes.length < 2) return null;
  return (
    <p className="practice-periods-note" data-testid="themes-note">
      {t('practices.themesIn', { themes: themes.map((th) => refName(th)).join(t('practices.periodOr')) })}{' '}
      <Button variant="secondaryNoBorder" onClick={onClear}>
        {t('practices.anyTheme')}
      </Button>
    </p>
  );
}
