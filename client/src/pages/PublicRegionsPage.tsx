import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading, Page, localized, useLang } from '../components/common';
import { getPublicRegions } from '../public/api';
import '../public/public.css';

/** /public: every region and what its group has published; no account needed. */
export function PublicRegionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery({ queryKey: ['public', 'regions'], queryFn: getPublicRegions, staleTime: 60_000 });
  return (
    <div className="public-page">
      <Page title={t('public.title')}>
        <Paragraph className="public-intro">{t('public.intro')}</Paragraph>
        <ErrorAlert error={q.error} />
        {q.isPending ? <Loading /> : null}
        {q.data ? (
          <section aria-labelledby="public-regions-heading">
            <h2 id="public-regions-heading">{t('public.regionsHeading')}</h2>
            <ul className="public-list">
              {q.data.regions.map((r) => (
                <li key={r.region.id} data-region={r.region.code}>
                  <RouterLink asComponent={RRLink} to={`/public/regions/${r.region.id}`}>
                    {localized(r.region.names, lang)}
                  </RouterLink>
                  <div className="muted">
                    {r.documents > 0 ? t('public.documentCount', { count: r.documents }) : t('public.nothingPublished')}
                    {r.periods.length > 0 ? ` · ${t('public.periods', { periods: r.periods.join(', ') })}` : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <p className="public-note">{t('public.privacyNote')}</p>
      </Page>
    </div>
  );
}
