// In the plan editor, under each action: the good practices linked to it (links made on the
// practice's page, "Link to a plan"), by name, each a link to the practice. Only practices the
// reader may read are listed (GET /documents/{id}/practice-links); the whole plan's links come
// in one request shared by every action, fetched again when the page is opened or refocused.
import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { RouterLink } from 'suomifi-ui-components';
import { listDocumentPracticeLinks } from './api';
import './actionPractices.css';

export const documentPracticesKey = (documentId: string) => ['practices', 'document-links', documentId];

export function ActionPractices({ documentId, nodeId, title }: { documentId: string; nodeId: string; title: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: documentPracticesKey(documentId), queryFn: () => listDocumentPracticeLinks(documentId), staleTime: 30_000, retry: false });
  const links = (q.data ?? []).filter((l) => l.node === nodeId);
  // One practice linked twice to the action shows once.
  const practices = links.filter((l, i) => links.findIndex((o) => o.practiceId === l.practiceId) === i);
  if (practices.length === 0) return null;
  return (
    <section className="co-sublist co-practices" aria-label={t('planPractices.label', { title })}>
      <h5 className="co-list-heading">{t('planPractices.title')}</h5>
      <ul className="co-practice-links">
        {practices.map((l) => (
          <li key={l.practiceId}>
            <RouterLink asComponent={RRLink} to={`/practices/${l.practiceId}`}>
              {l.practiceName}
            </RouterLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
