// Good practices per national goal and region: a table of counts, each a link to the practice
// library filtered by that region, goal, period and theme, which lists as many. The dashboard's
// rows are the matrix's (a regional member sees their own region against the national totals,
// naming no other region); the comparison has a column per region compared.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Paragraph, VisuallyHidden } from 'suomifi-ui-components';
import { localized, useLang } from '../components/common';
import { libraryHref, type NationalComparison, type NationalDashboard, type NationalFilter } from './api';
import { GoalColumns } from './format';

export function PracticeCount({ count, to, context }: { count: number; to: string | null; context: string }) {
  const { t } = useTranslation();
  if (count === 0) return <span className="muted">{t('national.practices.none')}</span>;
  const text = t('national.practices.count', { count });
  if (!to) return <span>{text}</span>;
  return (
    <Link to={to}>
      {text}
      <VisuallyHidden>{`, ${context}`}</VisuallyHidden>
    </Link>
  );
}

export function PracticesMatrix({ d, filter }: { d: NationalDashboard; filter: NationalFilter }) {
  const { t } = useTranslation();
  const lang = useLang();
  const regional = d.scope === 'regional';
  const goalName = (i: number) => t('national.goalN', { n: d.nationalGoals[i]?.code ?? i + 1 });
  const rows = d.practices.rows;
  // The totals are every region's when no region filter narrows them: then the library (which
  // filters by one region at most) lists the same practices.
  const totalsLink = regional || filter.region.length === 0;
  const totalsName = regional ? t('national.totalsAllRegions') : t('national.totalsShown');
  return (
    <section className="panel" aria-labelledby="practices-h" data-testid="national-practices">
      <h2 id="practices-h">{t('national.practicesTitle')}</h2>
      <Paragraph>{t('national.practices.intro')}</Paragraph>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`${t('national.scrollTable')}: ${t('national.practicesTitle')}`}>
        <table className="data-table matrix practices-matrix">
          <caption>{regional ? t('national.practices.captionRegional') : t('national.practices.caption')}</caption>
          <thead>
            <GoalColumns goals={d.nationalGoals} last={t('national.practices.total')} />
          </thead>
          <tbody>
            {rows.map((r, ri) => {
              const region = d.rows[ri]?.region;
              const name = region ? localized(region.names, lang) : '';
              return (
                <tr key={r.regionId ?? ri} data-region={region?.code}>
                  <th scope="row">{name}</th>
                  {r.cells.map((n, i) => (
                    <td key={d.nationalGoals[i]?.id ?? i} data-goal={d.nationalGoals[i]?.code}>
                      <PracticeCount count={n} to={libraryHref(r.regionId ?? null, d.nationalGoals[i]?.id ?? null, filter)} context={`${name}, ${goalName(i)}`} />
                    </td>
                  ))}
                  <td data-goal="all">
                    <PracticeCount count={r.total} to={libraryHref(r.regionId ?? null, null, filter)} context={`${name}, ${t('national.allGoals')}`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="totals-row">
              <th scope="row">{totalsName}</th>
              {d.practices.totals.cells.map((n, i) => (
                <td key={d.nationalGoals[i]?.id ?? i} data-goal={d.nationalGoals[i]?.code}>
                  <PracticeCount count={n} to={totalsLink ? libraryHref(null, d.nationalGoals[i]?.id ?? null, filter) : null} context={`${totalsName}, ${goalName(i)}`} />
                </td>
              ))}
              <td data-goal="all">
                <PracticeCount count={d.practices.totals.total} to={totalsLink ? libraryHref(null, null, filter) : null} context={`${totalsName}, ${t('national.allGoals')}`} />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted">{t('national.practices.libraryNote')}</p>
    </section>
  );
}

/** The comparison's good practices: a row per national goal, a column per region compared (each
 * count a link to the library) and one for the regions together (no link: the library filters by
 * one region at most). */
export function ComparePractices({ d, filter }: { d: NationalComparison; filter: NationalFilter }) {
  const { t } = useTranslation();
  const lang = useLang();
  const title = t('national.practices.compareTitle');
  const together = t('national.practices.compareTotal');
  const regionName = (i: number) => (d.regions[i] ? localized(d.regions[i].region.names, lang) : '');
  const goalName = (i: number) => t('national.goalN', { n: d.nationalGoals[i]?.code ?? i + 1 });
  return (
    <section aria-labelledby="compare-practices-h" data-testid="compare-practices">
      <h2 id="compare-practices-h">{title}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`${t('national.scrollTable')}: ${title}`}>
        <table className="data-table matrix practices-matrix">
          <caption>{t('national.practices.compareCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('national.nationalGoal')}</th>
              {d.practices.rows.map((r, ri) => (
                <th scope="col" key={r.regionId ?? ri}>
                  {regionName(ri)}
                </th>
              ))}
              <th scope="col">{together}</th>
            </tr>
          </thead>
          <tbody>
            {d.nationalGoals.map((ng, i) => (
              <tr key={ng.id} data-goal={ng.code}>
                <th scope="row">{`${goalName(i)}: ${localized(ng.names, lang)}`}</th>
                {d.practices.rows.map((r, ri) => (
                  <td key={r.regionId ?? ri} data-region={d.regions[ri]?.region.code}>
                    <PracticeCount count={r.cells[i] ?? 0} to={libraryHref(r.regionId ?? null, ng.id, filter)} context={`${regionName(ri)}, ${goalName(i)}`} />
                  </td>
                ))}
                <td data-region="all">
                  <PracticeCount count={d.practices.totals.cells[i] ?? 0} to={null} context="" />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="totals-row" data-goal="all">
              <th scope="row">{t('national.practices.total')}</th>
              {d.practices.rows.map((r, ri) => (
                <td key={r.regionId ?? ri} data-region={d.regions[ri]?.region.code}>
                  <PracticeCount count={r.total} to={libraryHref(r.regionId ?? null, null, filter)} context={`${regionName(ri)}, ${t('national.allGoals')}`} />
                </td>
              ))}
              <td data-region="all">
                <PracticeCount count={d.practices.totals.total} to={null} context="" />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted">{t('national.practices.libraryNote')}</p>
    </section>
  );
}
