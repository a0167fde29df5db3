// The forums, threads and practices a person chose a notification level for (the notifications
// page), each with a link and the same control to change it.
import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading, useLang } from '../components/common';
import { LevelControl } from './LevelControl';
import { useEvents, useEventsReady } from '../events/useEvents';
import { LEVEL_EVENT, LEVELS_KEY, listLevels, type ChosenLevel } from './levels';
import './levels.css';

function title(c: ChosenLevel, lang: string): string {
  if (c.names) return c.names[lang as 'fi' | 'sv' | 'en'] || c.names.fi;
  return c.title ?? '';
}

export function ChosenLevels() {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery({ queryKey: LEVELS_KEY, queryFn: listLevels });
  // A level chosen in another tab (a new entry, or a changed one) shows here; after a reconnection
  // the list is read again (changes meanwhile were missed).
  const qc = useQueryClient();
  useEvents('user', LEVEL_EVENT, () => void qc.invalidateQueries({ queryKey: LEVELS_KEY }));
  useEventsReady(() => void qc.invalidateQueries({ queryKey: LEVELS_KEY }));
  return (
    <section aria-labelledby="chosen-levels-heading" className="chosen-levels-section">
      <Heading variant="h2" id="chosen-levels-heading">
        {t('levels.listTitle')}
      </Heading>
      {q.isPending ? <Loading /> : null}
      <ErrorAlert error={q.error} />
      {q.data && q.data.levels.length === 0 ? <Paragraph>{t('levels.listEmpty')}</Paragraph> : null}
      {q.data && q.data.levels.length > 0 ? (
        <ul className="chosen-levels">
          {q.data.levels.map((c) => (
            <li key={`${c.kind}-${c.id}`}>
              <p className="chosen-level-head">
                <span className="chosen-level-kind">{t(`levels.kinds.${c.kind}`)}</span>
                <RouterLink asComponent={RRLink} to={c.link}>
                  {title(c, lang)}
                </RouterLink>
              </p>
              <LevelControl kind={c.kind} id={c.id} level={c.level} compact name={title(c, lang)} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
