// Two or more regions side by side: by national goal and by quality dimension, with their good
// practices per national goal (live: the `national` topic refetches the comparison).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading, Page, RelativeTime, localized, useLang } from '../components/common';
import { compareRegions, emptyFilter, getNationalDashboard, toQuery, type NationalComparison, type NationalRef, type NationalSummary } from '../national/api';
import { StatusChart } from '../national/charts';
import { ComparePractices } from '../national/practices';
import { NationalFilters, useNationalFilter, useNationalLive } from '../national/filters';
import { SummaryFigures, goalsAndActions } from '../national/format';
import '../national/national.css';

export function NationalComparePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [filter, setFilter] = useNationalFilter();
  useNationalLive();
  const enough = new Set(filter.region).size >= 2;
  const q = useQuery({
    queryKey: ['national', 'compare', toQuery(filter)],
    queryFn: () => compareRegions(filter),
    placeholderData: keepPreviousData,
    enabled: enough,
    retry: false,
  });
  // Periods for the filter come from the dashboard's list; the comparison repeats none.
  const periods = useQuery({
    queryKey: ['national', 'dashboard', ''],
    queryFn: () => getNationalDashboard(emptyFilter()),
  });
  const d = enough ? q.data : undefined;
  return (
    <Page title={t('national.compareTitle')}>
      <p>
        <Link to={`/national?${toQuery({ ...filter, region: [] })}`}>{t('national.backToDashboard')}</Link>
      </p>
      <Paragraph className="intro">{t('national.compareIntro')}</Paragraph>
      <NationalFilters filter={filter} onChange={(f) => setFilter(f)} periods={periods.data?.periods ?? []} />
      {!enough ? <Paragraph>{t('national.chooseTwo')}</Paragraph> : null}
      <ErrorAlert error={enough ? q.error : null} />
      {d ? (
        <>
          <CompareTable
            title={t('national.byNationalGoal')}
            rowHeader={t('national.nationalGoal')}
            items={d.nationalGoals}
            label={(ng) => `${t('national.goalN', { n: ng.code })}: ${localized(ng.names, lang)}`}
            cell={(r, i) => d.regions[r].cells[i]}
            d={d}
          />
          <CompareTable
            title={t('national.byQualityDimension')}
            rowHeader={t('national.qualityDimension')}
            items={d.qualityDimensions}
            label={(qd) => localized(qd.names, lang)}
            cell={(r, i) => d.regions[r].dimensions[i]}
            d={d}
          />
          <ComparePractices d={d} filter={filter} />
          <StatusChart
            title={t('national.chartByRegion')}
            rowHeader={t('national.region')}
            rows={d.regions.map((r) => ({ key: r.region.id, label: localized(r.region.names, lang), summary: r.total }))}
          />
          <section aria-labelledby="compare-groups-h">
            <h2 id="compare-groups-h">{t('national.groupsTitle')}</h2>
            <ul className="plain-list">
              {d.regions.flatMap((r) =>
                r.groups.map((g) => (
                  <li key={g.workspaceId}>
                    <Link to={`/workspaces/${encodeURIComponent(g.workspaceId)}`}>{g.name}</Link>:{' '}
                    <span className={g.quiet ? 'state quiet' : 'state active'}>{g.quiet ? t('national.quiet') : t('national.active')}</span>
                    {g.lastSeen ? (
                      <>
                        {' '}
                        ({t('national.lastSeen')} <RelativeTime iso={g.lastSeen} />)
                      </>
                    ) : null}
                  </li>
                )),
              )}
            </ul>
          </section>
        </>
      ) : enough && q.isPending ? (
        <Loading />
      ) : null}
    </Page>
  );
}

function CompareTable({
  title,
  rowHeader,
  items,
  label,
  cell,
  d,
}: {
  title: string;
  rowHeader: string;
  items: NationalRef[];
  label: (it: NationalRef) => string;
  cell: (region: number, item: number) => NationalSummary;
  d: NationalComparison;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`${t('national.scrollTable')}: ${title}`}>
        <table className="data-table matrix">
          <caption>{t('national.compareCaption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {d.regions.map((r) => (
                <th scope="col" key={r.region.id}>
                  {localized(r.region.names, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((it, i) => (
              <tr key={it.id}>
                <th scope="row">{label(it)}</th>
                {d.regions.map((r, ri) => {
                  const s = cell(ri, i);
                  return (
                    <td key={r.region.id}>
                      <span>{goalsAndActions(t, s.goals, s.actions)}</span>
                      {s.goals > 0 ? <SummaryFigures s={s} /> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="totals-row">
              <th scope="row">{t('national.allGoals')}</th>
              {d.regions.map((r) => (
                <td key={r.region.id}>
                  <span>{goalsAndActions(t, r.total.goals, r.total.actions)}</span>
                  {r.total.goals > 0 ? <SummaryFigures s={r.total} /> : null}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
