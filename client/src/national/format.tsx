// Small pieces shared by the national pages.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { VisuallyHidden } from 'suomifi-ui-components';
import { formatDate, useLang } from '../components/common';
import { onTrackShare, toQuery, type NationalFilter, type NationalSummary } from './api';
import { StatusBar } from './charts';

/** The figures of one summary, as compact lines of text (the bar repeats the statuses visually). */
export function SummaryFigures({ s }: { s: NationalSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  const share = onTrackShare(s);
  return (
    <ul className="figures">
      <li>
        <StatusBar summary={s} />
      </li>
      <li>{t('national.doneOf', { done: s.status.done, actions: s.actions })}</li>
      <li>{s.progress === null ? t('national.noProgress') : t('national.progressValue', { value: formatNumber(s.progress, lang) })}</li>
      <li>
        {share === null
          ? t('national.noneMeasured')
          : t('national.onTrackOf', { onTrack: s.onTrack, measured: s.measured, share })}
      </li>
      {s.lastFollowup ? <li>{t('national.lastFollowupOn', { date: formatDate(s.lastFollowup, lang) })}</li> : null}
    </ul>
  );
}

/** "2 goals, 5 actions" with each count in its plural form. */
export function goalsAndActions(t: TFunction, goals: number, actions: number): string {
  return t('national.goalsAndActions', { goals: t('national.goalCount', { count: goals }), actions: t('national.actionCount', { count: actions }) });
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
}

/** The link to a cell's drill-down, or plain text for an empty cell. */
export function CellLink({
  s,
  nationalGoal,
  region,
  filter,
  context,
}: {
  s: NationalSummary;
  nationalGoal: string;
  region: string;
  filter: NationalFilter;
  context: string;
}) {
  const { t } = useTranslation();
  if (s.goals === 0) return <span className="muted">{t('national.noGoals')}</span>;
  const f = { ...filter, region: [region] };
  return (
    <Link to={`/national/cell?${toQuery(f, { nationalGoal })}`} className="cell-link">
      {goalsAndActions(t, s.goals, s.actions)}
      <VisuallyHidden>{`, ${context}`}</VisuallyHidden>
    </Link>
  );
}

export function planHref(p: { id: string; workspaceId: string }): string {
  return `/workspaces/${encodeURIComponent(p.workspaceId)}/documents/${encodeURIComponent(p.id)}`;
}

/** The head row of a matrix of national goals by region: region, one column per goal, a total. */
export function GoalColumns({ goals, last }: { goals: { id: string; code?: string }[]; last: string }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="col">{t('national.region')}</th>
      {goals.map((ng, i) => (
        <th scope="col" key={ng.id} aria-describedby={`ng-${ng.id}`}>
          {t('national.goalN', { n: ng.code ?? i + 1 })}
        </th>
      ))}
      <th scope="col">{last}</th>
    </tr>
  );
}
