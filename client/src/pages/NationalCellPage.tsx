// What lies behind one cell of the national matrix: the plan goals of a region that address a
// national goal, their actions and indicators, with links to the plans (read-only and live there).
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading, Page, formatDate, localized, useLang } from '../components/common';
import { filterFromParams, getNationalCell, libraryHref, toQuery, type NationalAction, type NationalFilter } from '../national/api';
import { listPractices } from '../practices/api';
import { useNationalLive } from '../national/filters';
import { SummaryFigures, formatNumber, goalsAndActions, planHref } from '../national/format';
import '../national/national.css';

export function NationalCellPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params] = useSearchParams();
  const filter = filterFromParams(params);
  const nationalGoal = params.get('nationalGoal') ?? '';
  useNationalLive();
  const q = useQuery({
    queryKey: ['national', 'cell', nationalGoal, toQuery(filter)],
    queryFn: () => getNationalCell(nationalGoal, filter),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const d = q.data;
  const title = d
    ? t('national.cellTitle', { goal: d.nationalGoal.code, region: localized(d.region.names, lang) })
    : t('national.cellTitleLoading');
  const back = `/national?${toQuery({ ...filter, region: [] })}`;
  return (
    <Page title={title}>
      <p>
        <Link to={back}>{t('national.backToDashboard')}</Link>
      </p>
      <ErrorAlert error={q.error} />
      {d ? (
        <>
          <Paragraph className="intro">{localized(d.nationalGoal.names, lang)}</Paragraph>
          {filter.period.length > 0 ? <p className="muted">{t('national.periodShown', { period: filter.period.join(', ') })}</p> : null}
          <section className="panel" aria-labelledby="cell-summary-h">
            <h2 id="cell-summary-h">{t('national.summaryTitle')}</h2>
            <p>{goalsAndActions(t, d.summary.goals, d.summary.actions)}</p>
            <SummaryFigures s={d.summary} />
          </section>
          <CellPractices region={d.region.id} nationalGoal={d.nationalGoal.id} filter={filter} />
          {d.goals.length === 0 ? <Paragraph>{t('national.noGoalsHere')}</Paragraph> : null}
          {d.goals.map((g) => (
            <section key={`${g.plan.id}-${g.id}`} className="panel" aria-labelledby={`goal-${g.id}`}>
              <h2 id={`goal-${g.id}`}>{g.title || t('national.untitled')}</h2>
              <p>
                <Link to={planHref(g.plan)}>{t('national.openPlan', { title: g.plan.title })}</Link>{' '}
                <span className="muted">
                  {t('national.planMeta', { group: g.plan.workspaceName, period: g.plan.period || '–' })}
                </span>
              </p>
              <ActionsTable actions={g.actions} caption={t('national.actionsOf', { goal: g.title || t('national.untitled') })} lang={lang} />
            </section>
          ))}
        </>
      ) : q.isPending ? (
        <Loading />
      ) : null}
    </Page>
  );
}

/** The region's published practices on the national goal under the period and theme filters, as the
 * dashboard counts them (the first ten, and a link to all of them in the library). */
function CellPractices({ region, nationalGoal, filter }: { region: string; nationalGoal: string; filter: NationalFilter }) {
  const { t } = useTranslation();
  // Under the national key: a newly published practice (the `national` topic) refetches it.
  const q = useQuery({
    queryKey: ['national', 'cell-practices', region, nationalGoal, filter.theme.join(','), filter.period.join(',')],
    queryFn: () => listPractices({ region, nationalGoal, theme: filter.theme, period: filter.period, limit: 10 }),
  });
  return (
    <section className="panel" aria-labelledby="cell-practices-h" data-testid="cell-practices">
      <h2 id="cell-practices-h">{t('national.cellPractices.title')}</h2>
      <ErrorAlert error={q.error} />
      {q.data ? (
        q.data.total === 0 ? (
          <Paragraph>{t('national.cellPractices.none')}</Paragraph>
        ) : (
          <>
            <ul className="plain-list">
              {q.data.items.map((p) => (
                <li key={p.id}>
                  <Link to={`/practices/${encodeURIComponent(p.id)}`}>{p.name}</Link> <span className="muted">{p.workspaceName}</span>
                </li>
              ))}
            </ul>
            <p>
              <Link to={libraryHref(region, nationalGoal, filter)}>{t('national.cellPractices.all', { count: q.data.total })}</Link>
            </p>
          </>
        )
      ) : q.isPending ? (
        <Loading />
      ) : null}
    </section>
  );
}

function ActionsTable({ actions, caption, lang }: { actions: NationalAction[]; caption: string; lang: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={`${t('national.scrollTable')}: ${caption}`}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('national.action')}</th>
            <th scope="col">{t('national.statusHeader')}</th>
            <th scope="col">{t('national.progress')}</th>
            <th scope="col">{t('national.period')}</th>
            <th scope="col">{t('national.indicators')}</th>
            <th scope="col">{t('national.lastFollowup')}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.title || t('national.untitled')}</th>
              <td>{t(`national.status.${a.status}`)}</td>
              <td>{a.progress === null ? '–' : `${formatNumber(a.progress, lang)} %`}</td>
              <td>{a.start || a.end ? `${a.start ? formatDate(a.start, lang) : '…'} – ${a.end ? formatDate(a.end, lang) : '…'}` : '–'}</td>
              <td>
                {a.indicators.length === 0 ? (
                  '–'
                ) : (
                  <ul className="plain-list">
                    {a.indicators.map((i) => (
                      <li key={i.id}>
                        {i.name || t('national.untitled')}:{' '}
                        {i.latest ? `${formatNumber(i.latest.value, lang)} ${i.unit}`.trim() : t('national.noValue')}
                        {i.target !== null ? ` / ${formatNumber(i.target, lang)} ${i.unit}`.trimEnd() : ''}{' '}
                        <span className={i.measured ? (i.onTrack ? 'state active' : 'state quiet') : 'muted'}>
                          ({i.measured ? (i.onTrack ? t('national.onTrack') : t('national.offTrack')) : t('national.notMeasured')})
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{a.lastFollowup ? formatDate(a.lastFollowup, lang) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
