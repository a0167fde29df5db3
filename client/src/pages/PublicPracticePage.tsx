import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { formatDate, useLang } from '../components/common';
import { PRACTICE_FIELDS, getPublicPractice } from '../public/api';
import { Facts, PublicFrame, isMissing, joined, refs } from '../public/format';
import '../public/public.css';

/** /public/practices/:practiceId: a good practice its group made public. */
export function PublicPracticePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { practiceId = '' } = useParams();
  const q = useQuery({ queryKey: ['public', 'practice', practiceId], queryFn: () => getPublicPractice(practiceId), staleTime: 60_000, retry: false });
  const p = q.data;
  const title = p ? p.name : isMissing(q.error) ? t('public.practiceNotFound') : t('public.practicesHeading');
  return (
    <PublicFrame back={{ to: p?.regionId ? `/public/regions/${p.regionId}` : '/public', label: t('public.allRegions') }} title={title} error={q.error} pending={q.isPending}>
      {p ? (
        <>
          <p>{t('public.practiceMeta', { group: p.group })}</p>
          {p.publishedAt ? <p className="muted">{t('public.publishedOn', { date: formatDate(p.publishedAt, lang) })}</p> : null}
          {p.summary ? <p className="public-text">{p.summary}</p> : null}
          <Facts
            facts={[
              [t('public.themes'), refs(p.themes)],
              [t('public.targetGroups'), refs(p.targetGroups)],
              [t('public.nationalGoals'), refs(p.nationalGoals)],
              [t('public.organisations'), joined(p.organisations, ', ')],
            ]}
          />
          {PRACTICE_FIELDS.filter((f) => p.html[f]).map((f) => (
            <section key={f} className="public-goal" aria-labelledby={`practice-${f}`}>
              <h2 id={`practice-${f}`}>{t(`public.practiceFields.${f}`)}</h2>
              {/* Safe HTML: the server renders Markdown and escapes everything else. */}
              <div className="public-html" dangerouslySetInnerHTML={{ __html: p.html[f] }} />
            </section>
          ))}
        </>
      ) : null}
    </PublicFrame>
  );
}
