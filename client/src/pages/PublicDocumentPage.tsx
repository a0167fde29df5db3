import { useTranslation } from 'react-i18next';
import { Link as RRLink, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { RouterLink } from 'suomifi-ui-components';
import { ApiError } from '../api/client';
import { ErrorAlert, Loading, Page, formatDate, localized, useLang } from '../components/common';
import { getPublicDocument, getPublicRegion, type PublicAction, type PublicGoal, type PublicIndicator } from '../public/api';
import { Figures, Paragraphs, ProgressBar, RefNames, Updated, formatNumber, useDocumentMeta } from '../public/format';
import '../public/public.css';

function IndicatorLine({ i }: { i: PublicIndicator }) {
  const { t } = useTranslation();
  const lang = useLang();
  const num = (x: number | null) => (x === null ? t('public.none') : `${formatNumber(x, lang)}${i.unit ? ` ${i.unit}` : ''}`);
  const state = i.reached === null ? t('public.notMeasured') : i.reached ? t('public.reached') : t('public.notReached');
  return (
    <li>
      <strong>{i.name || t('national.untitled')}</strong>:{' '}
      {i.latest
        ? t('public.indicatorLine', { latest: num(i.latest.value), date: formatDate(i.latest.date, lang), target: num(i.target), baseline: num(i.baseline) })
        : t('public.noValue', { target: num(i.target) })}{' '}
      ({state})
    </li>
  );
}

function ActionItem({ a }: { a: PublicAction }) {
  const { t } = useTranslation();
  const lang = useLang();
  const dates = [a.start, a.end].filter(Boolean).map((d) => formatDate(d, lang));
  return (
    <li className="public-action">
      <h4>{a.title || t('national.untitled')}</h4>
      <dl className="public-facts">
        <dt>{t('public.status')}</dt>
        <dd>{t(`editor.actionStatuses.${a.status}`)}</dd>
        <dt>{t('public.progressLabel')}</dt>
        <dd>
          {a.progress === null ? t('public.noProgress') : t('public.percent', { value: formatNumber(a.progress, lang) })}
          {a.progress !== null ? <ProgressBar value={a.progress} /> : null}
        </dd>
        {dates.length > 0 ? (
          <>
            <dt>{t('public.dates')}</dt>
            <dd>{dates.join(' – ')}</dd>
          </>
        ) : null}
        {a.organisations.length > 0 ? (
          <>
            <dt>{t('public.organisations')}</dt>
            <dd>{a.organisations.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {a.description ? <Paragraphs text={a.description} /> : null}
      {a.indicators.length > 0 ? (
        <>
          <h5 className="public-subheading">{t('public.indicators')}</h5>
          <ul className="public-indicators">
            {a.indicators.map((i) => (
              <IndicatorLine key={i.id} i={i} />
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

function GoalSection({ g, n }: { g: PublicGoal; n: number }) {
  const { t } = useTranslation();
  const headingId = `goal-${g.id}`;
  return (
    <section className="public-goal" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('public.goalHeading', { n, title: g.title || t('national.untitled') })}</h2>
      {g.description ? <Paragraphs text={g.description} /> : null}
      <dl className="public-facts">
        {g.nationalGoals.length > 0 ? (
          <>
            <dt>{t('public.nationalGoals')}</dt>
            <dd>
              <RefNames items={g.nationalGoals} />
            </dd>
          </>
        ) : null}
        {g.themes.length > 0 ? (
          <>
            <dt>{t('public.themes')}</dt>
            <dd>
              <RefNames items={g.themes} />
            </dd>
          </>
        ) : null}
      </dl>
      <h3>{t('public.actionsOf')}</h3>
      {g.actions.length === 0 ? <p>{t('public.noActions')}</p> : null}
      <ol className="public-list">
        {g.actions.map((a) => (
          <ActionItem key={a.id} a={a} />
        ))}
      </ol>
    </section>
  );
}

/** /public/documents/:documentId: one published plan, strategy or situation description. */
export function PublicDocumentPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { documentId = '' } = useParams();
  const meta = useDocumentMeta();
  const q = useQuery({ queryKey: ['public', 'document', documentId], queryFn: () => getPublicDocument(documentId), staleTime: 60_000, retry: false });
  const regionId = q.data?.regionId ?? '';
  const region = useQuery({ queryKey: ['public', 'region', regionId], queryFn: () => getPublicRegion(regionId), staleTime: 60_000, enabled: regionId !== '' });
  const missing = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
  const d = q.data;
  const title = d ? d.title : missing ? t('public.notFound') : t('public.title');
  return (
    <div className="public-page">
      <p>
        {region.data ? (
          <RouterLink asComponent={RRLink} to={`/public/regions/${regionId}`}>
            {t('public.backToRegion', { region: localized(region.data.region.names, lang) })}
          </RouterLink>
        ) : (
          <RouterLink asComponent={RRLink} to="/public">
            {t('public.allRegions')}
          </RouterLink>
        )}
      </p>
      <Page title={title}>
        {missing ? null : <ErrorAlert error={q.error} />}
        {q.isPending ? <Loading /> : null}
        {d ? (
          <>
            <p>
              {d.group.name} · {meta(d)}
            </p>
            <Updated iso={d.updatedAt} />
            {d.kind === 'action_plan' ? (
              <section aria-labelledby="public-summary-heading">
                <h2 id="public-summary-heading">{t('public.summaryHeading')}</h2>
                <Figures f={d.figures} />
              </section>
            ) : null}
            {d.responsible.length > 0 ? (
              <p>
                <strong>{t('public.responsible')}:</strong> {d.responsible.join(', ')}
              </p>
            ) : null}
            {d.sections.map((s) => (
              <section key={s.id} className="public-goal" aria-labelledby={`section-${s.id}`}>
                <h2 id={`section-${s.id}`}>{s.title || t('national.untitled')}</h2>
                <Paragraphs text={s.body} />
              </section>
            ))}
            {d.values.length > 0 ? (
              <section className="public-goal" aria-labelledby="public-values-heading">
                <h2 id="public-values-heading">{t('public.values')}</h2>
                <ul>
                  {d.values.map((v) => (
                    <li key={v.id}>
                      <strong>{v.title}</strong>
                      {v.body ? <Paragraphs text={v.body} /> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {d.goals.map((g, i) => (
              <GoalSection key={g.id} g={g} n={i + 1} />
            ))}
          </>
        ) : null}
        <p className="public-note">{t('public.privacyNote')}</p>
      </Page>
    </div>
  );
}
