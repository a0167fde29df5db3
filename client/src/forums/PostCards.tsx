import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { useRefName } from '../components/common';
import type { Card } from './api';

/**
 * The practices and plan items a post links to, as cards below its text: each resolved for this
 * reader by the server (a link the reader may not read has no card, only the plain link).
 */
export function PostCards({ cards, postNumber }: { cards?: Card[]; postNumber: number }) {
  const { t } = useTranslation();
  const refName = useRefName();
  if (!cards?.length) return null;
  return (
    <ul className="post-cards" aria-label={t('forums.cards.label', { number: postNumber })}>
      {cards.map((c, i) => {
        const region = refName(c.regionId);
        const where = [c.group, region].filter(Boolean).join(' · ');
        return (
          <li key={`${c.link}-${i}`} className={`post-card post-card-${c.kind}`}>
            <span className="post-card-kind">{t(`forums.cards.${c.kind}`)}</span>
            <RouterLink asComponent={RRLink} to={c.link} className="post-card-title">
              {c.title || t('forums.cards.untitled')}
            </RouterLink>
            {where ? <span className="post-card-meta">{where}</span> : null}
            {c.kind === 'practice' && c.state === 'draft' ? <span className="forum-tag">{t('forums.cards.draft')}</span> : null}
            {c.kind === 'practice' && c.summary ? <p className="post-card-summary">{c.summary}</p> : null}
            {c.kind === 'plan' && c.itemType ? (
              <p className="post-card-summary">
                {t(`forums.cards.itemTypes.${c.itemType}`, { defaultValue: t('forums.cards.item') })}: {c.itemTitle || t('forums.cards.untitled')}
                {c.status ? ` · ${t('forums.cards.status')}: ${t(`editor.actionStatuses.${c.status}`, { defaultValue: c.status })}` : ''}
                {typeof c.progress === 'number' ? ` · ${c.progress} %` : ''}
              </p>
            ) : c.kind === 'plan' && c.state ? (
              <p className="post-card-summary">
                {t('forums.cards.planStatus')}: {t(`documents.statuses.${c.state}`, { defaultValue: c.state })}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
