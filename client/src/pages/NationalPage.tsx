// The national dashboard: national goals by region, live (shared/api/openapi.yaml /national/*).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Details, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading, Page, RelativeTime, formatDate, localized, useLang } from '../components/common';
import {
  getNationalDashboard,
  getNationalTimeline,
  nationalExportPath,
  toQuery,
  type NationalDashboard,
  type NationalFilter,
  type NationalGroup,
} from '../national/api';
import { StatusChart } from '../national/charts';
import { NationalFilters, useNationalFilter, useNationalLive } from '../national/filters';
import { CellLink, GoalColumns, SummaryFigures, goalsAndActions, planHref } from '../national/format';
import { PracticesMatrix } from '../national/practices';
import { DownloadMenu } from '../exports/ExportMenu';
import '../national/national.css';

export function NationalPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useNationalFilter();
  useNationalLive();
  const q = useQuery({
    queryKey: ['national', 'dashboard', toQuery(filter)],
    queryFn: () => getNationalDashboard(filter),
    placeholderData: keepPreviousData,
  });
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (q.data) setUpdatedAt(new Date(q.dataUpdatedAt));
  }, [q.data, q.dataUpdatedAt]);
  const d = q.data;
  return (
    <Page title={t('national.title')}>
      <Paragraph className="intro">{d?.scope === 'regional' ? t('national.introRegional') : t('national.intro')}</Paragraph>
      <NationalFilters filter={filter} onChange={(f) => setFilter(f)} periods={d?.periods ?? []} regions={d?.scope !== 'regional'} />
      <NationalDownloads filter={filter} />
      <ErrorAlert error={q.error} />
      {d ? (
        <>
          <p className="muted live-note">
            {t('national.live')} {updatedAt ? t('national.updatedAt', { time: updatedAt.toLocaleTimeString() }) : null}
          </p>
          <Matrix d={d} filter={filter} busy={q.isPlaceholderData} />
          <Rules quietAfterDays={d.quietAfterDays} />
          {d.scope === 'national' ? (
            <p>
              <Link to={`/national/compare?${toQuery(filter)}`}>{t('national.compareLink')}</Link>
            </p>
          ) : null}
          <Charts d={d} />
          <Groups groups={d.groups} quietAfterDays={d.quietAfterDays} />
          <PracticesMatrix d={d} filter={filter} />
          <Timeline filter={filter} />
        </>
      ) : q.isPending ? (
        <Loading />
      ) : null}
    </Page>
  );
}

function Matrix({ d, filter, busy }: { d: NationalDashboard; filter: NationalFilter; busy: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const goalName = (i: number) => t('national.goalN', { n: d.nationalGoals[i]?.code ?? i + 1 });
  return (
    <section aria-labelledby="matrix-h">
      <h2 id="matrix-h">{t('national.matrixTitle')}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`${t('national.scrollTable')}: ${t('national.matrixTitle')}`}>
        <table className="data-table matrix" data-testid="national-matrix" aria-busy={busy}>
          <caption>{d.scope === 'regional' ? t('national.matrixCaptionRegional') : t('national.matrixCaption')}</caption>
          <thead>
            <GoalColumns goals={d.nationalGoals} last={t('national.allGoals')} />
          </thead>
          <tbody>
            {d.rows.map((row) => {
              const region = localized(row.region.names, lang);
              return (
                <tr key={row.region.id} data-region={row.region.code}>
                  <th scope="row">
                    {region}
                    <span className="muted block">{t('national.plans', { count: row.plans })}</span>
                  </th>
                  {row.cells.map((c, i) => (
                    <td key={c.nationalGoal} data-goal={d.nationalGoals[i]?.code}>
                      <CellLink s={c} nationalGoal={c.nationalGoal} region={row.region.id} filter={filter} context={`${region}, ${goalName(i)}`} />
                      {c.goals > 0 ? <SummaryFigures s={c} /> : null}
                    </td>
                  ))}
                  <td>
                    <span>{goalsAndActions(t, row.total.goals, row.total.actions)}</span>
                    {row.total.goals > 0 ? <SummaryFigures s={row.total} /> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="totals-row">
              <th scope="row">
                {d.scope === 'regional' ? t('national.totalsAllRegions') : t('national.totalsShown')}
                <span className="muted block">{t('national.totalsOf', { regions: d.totals.regions, plans: d.totals.plans })}</span>
              </th>
              {d.totals.cells.map((c) => (
                <td key={c.nationalGoal}>
                  <span>{goalsAndActions(t, c.goals, c.actions)}</span>
                  {c.goals > 0 ? <SummaryFigures s={c} /> : null}
                </td>
              ))}
              <td>
                <span>{goalsAndActions(t, d.totals.total.goals, d.totals.total.actions)}</span>
                {d.totals.total.goals > 0 ? <SummaryFigures s={d.totals.total} /> : null}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3 className="small-heading">{t('national.goalsLegend')}</h3>
      <ol className="goal-legend">
        {d.nationalGoals.map((ng, i) => (
          <li key={ng.id} id={`ng-${ng.id}`}>
            <strong>{goalName(i)}:</strong> {localized(ng.names, lang)}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The national summary and the action list under the current filters, as XLSX and CSV. */
function NationalDownloads({ filter }: { filter: NationalFilter }) {
  const { t } = useTranslation();
  const lang = useLang();
  const items = (['summary', 'actions'] as const).flatMap((what) =>
    (['xlsx', 'csv'] as const).map((format) => ({
      key: `${what}-${format}`,
      label: t(`national.exports.${what}${format === 'xlsx' ? 'Xlsx' : 'Csv'}`),
      path: nationalExportPath(what, format, filter, lang),
      fallbackName: `${t(`national.exports.${what}Name`)}.${format}`,
    })),
  );
  return <DownloadMenu items={items} label={t('national.exports.title')} />;
}

function Rules({ quietAfterDays }: { quietAfterDays: number }) {
  const { t } = useTranslation();
  return (
    <Details summaryLabel={t('national.rulesTitle')} className="rules">
      <ul>
        <li>{t('national.rules.goals')}</li>
        <li>{t('national.rules.progress')}</li>
        <li>{t('national.rules.onTrack')}</li>
        <li>{t('national.rules.quiet', { days: quietAfterDays })}</li>
      </ul>
    </Details>
  );
}

function Charts({ d }: { d: NationalDashboard }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="charts-h">
      <h2 id="charts-h">{t('national.chartsTitle')}</h2>
      <StatusChart
        title={d.scope === 'regional' ? t('national.chartByGoalAll') : t('national.chartByGoal')}
        rowHeader={t('national.nationalGoal')}
        rows={d.totals.cells.map((c, i) => ({
          key: c.nationalGoal,
          label: t('national.goalN', { n: d.nationalGoals[i]?.code ?? i + 1 }),
          summary: c,
        }))}
      />
      <StatusChart
        title={t('national.chartByRegion')}
        rowHeader={t('national.region')}
        rows={d.rows.map((r) => ({ key: r.region.id, label: localized(r.region.names, lang), summary: r.total }))}
      />
    </section>
  );
}

function Groups({ groups, quietAfterDays }: { groups: NationalGroup[]; quietAfterDays: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const quiet = groups.filter((g) => g.quiet).length;
  return (
    <section aria-labelledby="groups-h">
      <h2 id="groups-h">{t('national.groupsTitle')}</h2>
      <Paragraph>{t('national.groupsSummary', { quiet, active: groups.length - quiet, days: quietAfterDays })}</Paragraph>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`${t('national.scrollTable')}: ${t('national.groupsTitle')}`}>
        <table className="data-table" data-testid="national-groups">
          <caption>{t('national.groupsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('national.group')}</th>
              <th scope="col">{t('national.groupState')}</th>
              <th scope="col">{t('national.lastSeen')}</th>
              <th scope="col">{t('national.lastActivity')}</th>
              <th scope="col">{t('national.lastDocumentChange')}</th>
              <th scope="col">{t('national.lastFollowup')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.workspaceId}>
                <th scope="row">
                  <Link to={`/workspaces/${encodeURIComponent(g.workspaceId)}`}>{g.name}</Link>
                </th>
                <td>
                  <span className={g.quiet ? 'state quiet' : 'state active'}>{g.quiet ? t('national.quiet') : t('national.active')}</span>
                </td>
                <td>{g.lastSeen ? <RelativeTime iso={g.lastSeen} /> : t('national.never')}</td>
                <td>{g.lastActivity ? formatDate(g.lastActivity, lang) : '–'}</td>
                <td>{g.lastDocumentChange ? formatDate(g.lastDocumentChange, lang) : '–'}</td>
                <td>{g.lastFollowup ? formatDate(g.lastFollowup, lang) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Timeline({ filter }: { filter: NationalFilter }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [limit, setLimit] = useState(20);
  const q = useQuery({
    queryKey: ['national', 'timeline', toQuery(filter), limit],
    queryFn: () => getNationalTimeline(filter, limit),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="timeline-h">
      <h2 id="timeline-h">{t('national.timelineTitle')}</h2>
      <ErrorAlert error={q.error} />
      {q.data ? (
        <>
          <Paragraph>{t('national.timelineCount', { shown: q.data.entries.length, count: q.data.total })}</Paragraph>
          <ol className="timeline">
            {q.data.entries.map((e) => (
              <li key={e.followupId}>
                <time dateTime={e.date} className="timeline-date">
                  {formatDate(e.date, lang)}
                </time>
                <div>
                  <strong>{localized(e.region.names, lang)}</strong> · <Link to={planHref(e.plan)}>{e.plan.title}</Link>
                  <div className="muted">{e.actionTitle}</div>
                  {e.excerpt ? <p className="excerpt">{e.excerpt}</p> : null}
                </div>
              </li>
            ))}
          </ol>
          {q.data.total > q.data.entries.length ? (
            <Button variant="secondary" onClick={() => setLimit((l) => Math.min(l + 40, 500))}>
              {t('national.showMore')}
            </Button>
          ) : null}
        </>
      ) : q.isPending ? (
        <Loading />
      ) : null}
    </section>
  );
}
