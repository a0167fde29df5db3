import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { formatDate, localized, useLang } from '../components/common';
import { getPublicDocument, getPublicRegion, type PublicAction, type PublicGoal, type PublicIndicator } from '../public/api';
import { Facts, Figures, Paragraphs, ProgressBar, PublicFrame, Updated, formatNumber, isMissing, joined, refs, useDocumentMeta } from '../public/format';
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
      <Facts
        facts={[
          [t('public.status'), t(`editor.actionStatuses.${a.status}`)],
          [
            t('public.progressLabel'),
            <>
              {a.progress === null ? t('public.noProgress') : t('public.percent', { value: formatNumber(a.progress, lang) })}
              {a.progress !== null ? <ProgressBar value={a.progress} /> : null}
            </>,
          ],
          [t('public.dates'), joined(dates, ' – ')],
          [t('public.organisations'), joined(a.organisations, ', ')],
        ]}
      />
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
      <Facts
        facts={[
          [t('public.nationalGoals'), refs(g.nationalGoals)],
          [t('public.themes'), refs(g.themes)],
        ]}
      />
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
  const d = q.data;
  const title = d ? d.title : isMissing(q.error) ? t('public.notFound') : t('public.title');
  const back = region.data
    ? { to: `/public/regions/${regionId}`, label: t('public.backToRegion', { region: localized(region.data.region.names, lang) }) }
    : { to: '/public', label: t('public.allRegions') };
  return (
    <PublicFrame back={back} title={title} error={q.error} pending={q.isPending}>
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
    </PublicFrame>
  );
}
