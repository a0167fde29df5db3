import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Pagination, Paragraph, RouterLink, SearchInput, Heading } from 'suomifi-ui-components';
import { listOrganisations } from '../api/endpoints';
import type { OrganisationType } from '../api/types';
import { ErrorAlert, Loading, Page, useRefName } from '../components/common';
import { OrgTypeSelect } from '../components/OrgTypeSelect';
import { RegionSelect } from '../components/RegionSelect';

const PAGE_SIZE = 20;

export function OrganisationsPage() {
  const { t } = useTranslation();
  const refName = useRefName();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [type, setType] = useState('');
  const [regionId, setRegionId] = useState('');
  const [page, setPage] = useState(1);

  // Debounce typing into the search query.
  useEffect(() => {
    const id = window.setTimeout(() => {
      setQ(text.trim());
      setPage(1);
    }, 300);
    return () => window.clearTimeout(id);
  }, [text]);

  const query = useQuery({
    queryKey: ['organisations', q, type, regionId, page],
    queryFn: () =>
      listOrganisations({ q, type: type as OrganisationType | '', regionId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const total = query.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Page title={t('organisations.title')}>
      <div role="search" className="filters" aria-label={t('organisations.filters')}>
        <SearchInput
          labelText={t('organisations.search')}
          clearButtonLabel={t('organisations.clearSearch')}
          searchButtonLabel={t('organisations.searchButton')}
          value={text}
          onChange={(v) => setText(v)}
          onSearch={(v) => {
            setText(v);
            setQ(v.trim());
            setPage(1);
          }}
        />
        <OrgTypeSelect
          label={t('fields.organisationType')}
          allLabel={t('organisations.allTypes')}
          value={type}
          onChange={(v) => {
            setType(v);
            setPage(1);
          }}
        />
        <RegionSelect
          noneLabel={t('organisations.allRegions')}
          value={regionId}
          onChange={(v) => {
            setRegionId(v);
            setPage(1);
          }}
        />
      </div>
      <ErrorAlert error={query.error} />
      <div role="status" className="result-count">
        {query.data ? <Paragraph>{t('organisations.count', { count: total })}</Paragraph> : null}
      </div>
      {query.isPending ? <Loading /> : null}
      {query.data && query.data.items.length > 0 ? (
        <ul className="card-list" aria-label={t('organisations.resultsLabel')}>
          {query.data.items.map((o) => (
            <li key={o.id} className="card">
              <Heading variant="h2" className="card-title">
                <RouterLink asComponent={RRLink} to={`/organisations/${o.id}`}>
                  {o.name}
                </RouterLink>
              </Heading>
              <Paragraph className="muted">
                {t(`organisationTypes.${o.type}`)}
                {o.regionId && refName(o.regionId) ? ` · ${refName(o.regionId)}` : ''}
              </Paragraph>
            </li>
          ))}
        </ul>
      ) : null}
      {lastPage > 1 ? (
        <Pagination
          aria-label={t('organisations.pagination')}
          currentPage={page}
          lastPage={lastPage}
          onChange={(p) => setPage(p)}
          pageIndicatorText={(c, l) => t('organisations.pageIndicator', { current: c, last: l })}
          ariaPageIndicatorText={(c, l) => t('organisations.pageIndicator', { current: c, last: l })}
          nextButtonAriaLabel={t('organisations.nextPage')}
          previousButtonAriaLabel={t('organisations.previousPage')}
          pageInput={false}
        />
      ) : null}
    </Page>
  );
}
