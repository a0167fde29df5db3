import { useTranslation } from 'react-i18next';
import { Link as RRLink, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { RouterLink } from 'suomifi-ui-components';
import { localized, useLang } from '../components/common';
import { getPublicRegion } from '../public/api';
import { Figures, PublicFrame, Updated, isMissing, useDocumentMeta } from '../public/format';
import '../public/public.css';

/** /public/regions/:regionId: a region's published documents with their figures. */
export function PublicRegionPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { regionId = '' } = useParams();
  const meta = useDocumentMeta();
  const q = useQuery({ queryKey: ['public', 'region', regionId], queryFn: () => getPublicRegion(regionId), staleTime: 60_000, retry: false });
  const title = q.data ? localized(q.data.region.names, lang) : isMissing(q.error) ? t('public.regionNotFound') : t('public.title');
  return (
    <PublicFrame back={{ to: '/public', label: t('public.allRegions') }} title={title} error={q.error} pending={q.isPending}>
        {q.data ? (
          <>
            {q.data.groups.length > 0 ? <p>{t('public.groups', { names: q.data.groups.map((g) => g.name).join(', ') })}</p> : null}
            <section aria-labelledby="public-documents-heading">
              <h2 id="public-documents-heading">{t('public.documentsHeading')}</h2>
              {q.data.documents.length === 0 ? <p>{t('public.noDocuments')}</p> : null}
              <ul className="public-list">
                {q.data.documents.map((d) => (
                  <li key={d.id} data-document={d.id}>
                    <h3>
                      <RouterLink asComponent={RRLink} to={`/public/documents/${d.id}`}>
                        {d.title}
                      </RouterLink>
                    </h3>
                    <div>{meta(d)}</div>
                    <Figures f={d.figures} />
                    <Updated iso={d.updatedAt} />
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="public-practices-heading">
              <h2 id="public-practices-heading">{t('public.practicesHeading')}</h2>
              {q.data.practices.length === 0 ? <p>{t('public.noPractices')}</p> : null}
              <ul className="public-list">
                {q.data.practices.map((p) => (
                  <li key={p.id} data-practice={p.id}>
                    <h3>
                      <RouterLink asComponent={RRLink} to={`/public/practices/${p.id}`}>
                        {p.name}
                      </RouterLink>
                    </h3>
                    <div className="muted">{t('public.practiceMeta', { group: p.group })}</div>
                    {p.summary ? <p className="public-text">{p.summary}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          </>
        ) : null}
    </PublicFrame>
  );
}
