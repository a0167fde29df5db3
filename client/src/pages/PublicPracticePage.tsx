import { useTranslation } from 'react-i18next';
import { Link as RRLink, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { RouterLink } from 'suomifi-ui-components';
import { ApiError } from '../api/client';
import { ErrorAlert, Loading, Page, formatDate, useLang } from '../components/common';
import { PRACTICE_FIELDS, getPublicPractice } from '../public/api';
import { RefNames } from '../public/format';
import '../public/public.css';

/** /public/practices/:practiceId: a good practice its group made public. */
export function PublicPracticePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { practiceId = '' } = useParams();
  const q = useQuery({ queryKey: ['public', 'practice', practiceId], queryFn: () => getPublicPractice(practiceId), staleTime: 60_000, retry: false });
  const missing = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
  const p = q.data;
  const title = p ? p.name : missing ? t('public.practiceNotFound') : t('public.practicesHeading');
  return (
    <div className="public-page">
      <p>
        <RouterLink asComponent={RRLink} to={p?.regionId ? `/public/regions/${p.regionId}` : '/public'}>
          {t('public.allRegions')}
        </RouterLink>
      </p>
      <Page title={title}>
        {missing ? null : <ErrorAlert error={q.error} />}
        {q.isPending ? <Loading /> : null}
        {p ? (
          <>
            <p>{t('public.practiceMeta', { group: p.group })}</p>
            {p.publishedAt ? <p className="muted">{t('public.publishedOn', { date: formatDate(p.publishedAt, lang) })}</p> : null}
            {p.summary ? <p className="public-text">{p.summary}</p> : null}
            <dl className="public-facts">
              {p.themes.length > 0 ? (
                <>
                  <dt>{t('public.themes')}</dt>
                  <dd>
                    <RefNames items={p.themes} />
                  </dd>
                </>
              ) : null}
              {p.targetGroups.length > 0 ? (
                <>
                  <dt>{t('public.targetGroups')}</dt>
                  <dd>
                    <RefNames items={p.targetGroups} />
                  </dd>
                </>
              ) : null}
              {p.nationalGoals.length > 0 ? (
                <>
                  <dt>{t('public.nationalGoals')}</dt>
                  <dd>
                    <RefNames items={p.nationalGoals} />
                  </dd>
                </>
              ) : null}
              {p.organisations.length > 0 ? (
                <>
                  <dt>{t('public.organisations')}</dt>
                  <dd>{p.organisations.join(', ')}</dd>
                </>
              ) : null}
            </dl>
            {PRACTICE_FIELDS.filter((f) => p.html[f]).map((f) => (
              <section key={f} className="public-goal" aria-labelledby={`practice-${f}`}>
                <h2 id={`practice-${f}`}>{t(`public.practiceFields.${f}`)}</h2>
                {/* Safe HTML: the server renders Markdown and escapes everything else. */}
                <div className="public-html" dangerouslySetInnerHTML={{ __html: p.html[f] }} />
              </section>
            ))}
          </>
        ) : null}
        <p className="public-note">{t('public.privacyNote')}</p>
      </Page>
    </div>
  );
}
