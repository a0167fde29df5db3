import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading, Page, RelativeTime, StatusMessage, useLang } from '../components/common';
import { JoinCircle, OpenCircle } from '../forums/Circles';
import { forumName, listForums, type Forum, type ForumKind } from '../forums/api';
import '../forums/forums.css';

/** Every forum the person may read: theme forums, their groups' areas, their peer circles. */
export function ForumsPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['forums', 'list'], queryFn: listForums });
  const [note, setNote] = useState('');
  const sections: { kind: ForumKind; title: string }[] = [
    { kind: 'theme', title: t('forums.themeForums') },
    { kind: 'workspace', title: t('forums.groupAreas') },
    { kind: 'circle', title: t('forums.circles') },
  ];
  return (
    <Page title={t('forums.title')}>
      <Paragraph>{t('forums.intro')}</Paragraph>
      <ErrorAlert error={q.error} />
      <StatusMessage>{note}</StatusMessage>
      {q.isPending ? <Loading /> : null}
      {sections.map((s) => {
        const list = (q.data ?? []).filter((f) => f.kind === s.kind);
        if (list.length === 0) return null;
        return (
          <section key={s.kind} aria-labelledby={`forums-${s.kind}`}>
            <Heading variant="h2" id={`forums-${s.kind}`}>
              {s.title}
            </Heading>
            <ul className="forum-list">
              {list.map((f) => (
                <ForumRow key={f.id} forum={f} onJoined={setNote} />
              ))}
            </ul>
          </section>
        );
      })}
      <OpenCircle />
    </Page>
  );
}

function ForumRow({ forum, onJoined }: { forum: Forum; onJoined: (note: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const invited = forum.kind === 'circle' && !forum.canWrite && !forum.canModerate;
  return (
    <li>
      <span>
        {invited ? (
          <strong>{forumName(forum, lang)}</strong>
        ) : (
          <RouterLink asComponent={RRLink} to={`/forums/${forum.id}`}>
            {forumName(forum, lang)}
          </RouterLink>
        )}
        {forum.unread > 0 ? <span className="forum-badge">{t('forums.unreadThreads', { count: forum.unread })}</span> : null}
        {invited ? <span className="forum-tag">{t('forums.invited')}</span> : null}
        {forum.kind === 'circle' && !invited ? (
          <span className="forum-meta">
            {' · '}
            {t('forums.circleGroups', { names: (forum.workspaces ?? []).filter((g) => g.joined).map((g) => g.name).join(', ') })}
          </span>
        ) : null}
        {invited ? <JoinCircle forum={forum} onJoined={onJoined} /> : null}
      </span>
      <span className="forum-meta">
        {t('forums.threadCount', { count: forum.threads })}
        {forum.lastAt ? (
          <>
            {' · '}
            {t('forums.lastActivity')} <RelativeTime iso={forum.lastAt} />
          </>
        ) : null}
      </span>
    </li>
  );
}
