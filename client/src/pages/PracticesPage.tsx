import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { useAuth } from '../auth/AuthContext';
import { listWorkspaces } from '../api/endpoints';
import { ORGANISATION_TYPES } from '../api/types';
import { ErrorAlert, Loading, Page, useRefName } from '../components/common';
import { listPractices, type PracticeQuery } from '../practices/api';
import { RefSelect, StateTag } from '../practices/common';
import '../practices/practices.css';

const PAGE_SIZE = 20;
const FILTERS = ['region', 'theme', 'targetGroup', 'nationalGoal', 'orgType', 'status', 'q'] as const;

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

  const query: PracticeQuery = { limit: shown };
  for (const f of FILTERS) if (get(f)) (query as Record<string, string>)[f] = get(f);
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
        <RefSelect id="pf-theme" kind="themes" label={t('practices.fields.themes')} value={get('theme')} onChange={(v) => set('theme', v)} allLabel={t('practices.all')} />
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
        {user ? (
          <div className="practice-select">
            <label htmlFor="pf-status">{t('practices.show')}</label>
            <select id="pf-status" value={get('status')} onChange={(e) => set('status', e.target.value)}>
              <option value="">{t('practices.showPublished')}</option>
              <option value="drafts">{t('practices.showDrafts')}</option>
            </select>
          </div>
        ) : null}
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
