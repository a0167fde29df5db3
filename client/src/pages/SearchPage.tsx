// The full search results page (/search?q=&type=&region=&theme=&nationalGoal=&from=&to=&offset=):
// the same search as the header's box with filters, highlighted matches and pages. The URL
// holds the search, so results can be linked and Back returns to them.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Dropdown, DropdownItem, RouterLink, TextInput } from 'suomifi-ui-components';
import { ErrorAlert, Loading, Page, formatDate, localized, useFieldStatus, useLang, useRefName, useReference } from '../components/common';
import { KINDS, fromQuery, search, toQuery, type SearchHit, type SearchParams } from '../search/api';
import { Marked } from '../search/Marked';
import { DEBOUNCE_MS, useDebounced } from '../search/SearchBox';
import type { ReferenceItem } from '../api/types';
import '../search/search.css';

const PAGE = 20;
const ALL = '__all';

function RefDropdown({
  label,
  allLabel,
  items,
  value,
  onChange,
}: {
  label: string;
  allLabel: string;
  items: { id: string; name: string }[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <Dropdown labelText={label} value={value || ALL} onChange={(v) => onChange(v === ALL ? '' : v)} className="search-field">
      {[
        <DropdownItem key={ALL} value={ALL}>
          {allLabel}
        </DropdownItem>,
        ...items.map((i) => (
          <DropdownItem key={i.id} value={i.id}>
            {i.name}
          </DropdownItem>
        )),
      ]}
    </Dropdown>
  );
}

function Result({ h }: { h: SearchHit }) {
  const { t } = useTranslation();
  const lang = useLang();
  const refName = useRefName();
  const regions = h.region.map(refName).filter(Boolean).join(', ');
  return (
    <li className="search-result" data-kind={h.kind}>
      <span className={`search-kind search-kind-${h.kind}`}>{t(`search.kind.${h.kind}`)}</span>
      <p className="search-result-title">
        <RouterLink asComponent={RRLink} to={h.link}>
          <Marked html={h.titleHtml} />
        </RouterLink>
      </p>
      {h.fragmentHtml ? (
        <p className="search-result-fragment">
          <Marked html={h.fragmentHtml} />
        </p>
      ) : null}
      <p className="search-result-meta">
        {[regions, h.at && !h.at.startsWith('0001') ? formatDate(h.at, lang) : ''].filter(Boolean).join(' · ')}
      </p>
    </li>
  );
}

export function SearchPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const ref = useReference();
  const [params, setParams] = useSearchParams();
  const p = fromQuery(params);
  const [text, setText] = useState(p.q);
  const typed = useDebounced(text, DEBOUNCE_MS);

  // The box follows the URL (a search from the header while on this page) ...
  useEffect(() => setText(p.q), [p.q]);
  // ... and the URL follows typing, replacing the entry so Back leaves the page.
  useEffect(() => {
    if (typed.trim() !== p.q.trim()) update({ q: typed }, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  function update(change: Partial<SearchParams>, replace = false) {
    const next = { ...p, ...change };
    if (!('offset' in change)) next.offset = 0;
    setParams(toQuery(next), { replace });
  }

  const res = useQuery({
    queryKey: ['search', 'page', toQuery(p)],
    queryFn: ({ signal }) => search({ ...p, limit: PAGE }, signal),
    placeholderData: keepPreviousData,
  });
  const fieldStatus = useFieldStatus(res.error);
  const d = res.data;
  const refItems = (items: ReferenceItem[] | undefined) => (items ?? []).map((i) => ({ id: i.id, name: localized(i.names, lang) }));
  const kindCount = (k: string) => d?.byKind[k as keyof typeof d.byKind] ?? 0;
  const kindTotal = d ? Object.values(d.byKind).reduce((a, b) => a + (b ?? 0), 0) : 0;

  return (
    <Page title={t('search.title')}>
      <form className="search-page-form" role="search" aria-label={t('search.formLabel')} onSubmit={(e) => { e.preventDefault(); update({ q: text }); }}>
        <TextInput
          labelText={t('search.label')}
          hintText={t('search.pageHint')}
          value={text}
          maxLength={200}
          onChange={(v) => setText(String(v ?? ''))}
          className="search-field"
          {...fieldStatus('q')}
        />
        <RefDropdown
          label={t('search.filters.type')}
          allLabel={d ? t('search.filters.allTypesCount', { count: kindTotal }) : t('search.filters.allTypes')}
          items={KINDS.map((k) => ({ id: k, name: d ? t('search.kindCount', { kind: t(`search.kind.${k}`), count: kindCount(k) }) : t(`search.kind.${k}`) }))}
          value={p.type}
          onChange={(v) => update({ type: v })}
        />
        <RefDropdown label={t('search.filters.region')} allLabel={t('search.filters.allRegions')} items={refItems(ref.data?.regions)} value={p.region} onChange={(v) => update({ region: v })} />
        <RefDropdown label={t('search.filters.theme')} allLabel={t('search.filters.allThemes')} items={refItems(ref.data?.themes)} value={p.theme} onChange={(v) => update({ theme: v })} />
        <RefDropdown
          label={t('search.filters.nationalGoal')}
          allLabel={t('search.filters.allGoals')}
          items={refItems(ref.data?.nationalGoals)}
          value={p.nationalGoal}
          onChange={(v) => update({ nationalGoal: v })}
        />
        <label className="date-label">
          {t('search.filters.from')}
          <input type="date" value={p.from} max={p.to || undefined} onChange={(e) => update({ from: e.target.value })} />
        </label>
        <label className="date-label">
          {t('search.filters.to')}
          <input type="date" value={p.to} min={p.from || undefined} onChange={(e) => update({ to: e.target.value })} />
        </label>
      </form>
      <ErrorAlert error={res.error} />
      <div role="status" aria-live="polite" className="search-count">
        {d && !res.isPlaceholderData ? (p.q ? t('search.resultsFor', { count: d.total, q: p.q }) : t('search.results', { count: d.total })) : null}
      </div>
      {res.isPending ? <Loading /> : null}
      {d ? (
        <>
          <ol className="search-results" aria-busy={res.isPlaceholderData} start={p.offset + 1}>
            {d.hits.map((h) => (
              <Result key={`${h.kind}/${h.id}`} h={h} />
            ))}
          </ol>
          {d.total > PAGE ? (
            <nav className="search-pager" aria-label={t('search.pages')}>
              <Button variant="secondary" disabled={p.offset === 0} onClick={() => update({ offset: Math.max(0, p.offset - PAGE) })}>
                {t('search.previous')}
              </Button>
              <span>{t('search.pageOf', { from: p.offset + 1, to: Math.min(d.total, p.offset + PAGE), total: d.total })}</span>
              <Button variant="secondary" disabled={p.offset + PAGE >= d.total} onClick={() => update({ offset: p.offset + PAGE })}>
                {t('search.next')}
              </Button>
            </nav>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
