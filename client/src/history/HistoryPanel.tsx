// The history of a co-edited document: a timeline of changes grouped by author and time; any
// past version read-only; what changed between it and now; restoring it (as new changes, so
// nothing in between is lost); and who wrote what in the document now.
import { Fragment, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, VisuallyHidden } from 'suomifi-ui-components';
import { ErrorAlert, Loading, StatusMessage, formatDate, formatDateTime, useLang, useRefName } from '../components/common';
import { CHILD_LISTS, children, type DocNode, type Nodes } from '../coedit/model';
import type { LiveDocument } from '../coedit/liveDocument';
import { getAuthors, getHistory, getRevision, restoreRevision, type Authors, type HistoryGroup, type Span } from './api';
import { diffDocuments, type FieldChange, type NodeChange } from './diff';
import './history.css';

/** Colours for authors (at least 4.5:1 against white as text, 3:1 as underlines). */
const AUTHOR_COLOURS = ['#005eb8', '#b3261e', '#2e7d32', '#6a1b9a', '#8a4b00', '#00695c', '#ad1457', '#37474f'];

const PAGE = 25;

function useFieldValue() {
  const { t } = useTranslation();
  const lang = useLang();
  const refName = useRefName();
  return (field: string, v: unknown): string => {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return t('history.empty');
    switch (field) {
      case 'status':
        return t(`editor.actionStatuses.${String(v)}`);
      case 'start':
      case 'end':
      case 'date':
        return formatDate(String(v), lang);
      case 'nationalGoals':
      case 'qualityDimensions':
      case 'themes':
        return (v as string[]).map((id) => refName(id) || id).join(', ');
      case 'organisations':
      case 'responsible':
        return t('history.organisations', { count: (v as string[]).length });
      case 'values':
        return (v as { date: string; value: number }[]).map((x) => `${formatDate(x.date, lang)}: ${x.value}`).join('; ');
      default:
        return String(v);
    }
  };
}

/** One text, its runs coloured by author, each author named for screen readers. */
function AuthoredText({ text, spans, colourOf, people }: { text: string; spans: Span[]; colourOf: (by: string) => string; people: Record<string, string> }) {
  const { t } = useTranslation();
  const out: ReactNode[] = [];
  let at = 0;
  spans.forEach((s, i) => {
    const part = text.slice(at, at + s.n);
    at += s.n;
    const who = s.by ? people[s.by] || t('history.someone') : t('history.atCreation');
    out.push(
      <span key={i} className="co-authored" style={{ borderBottomColor: colourOf(s.by) }} title={who}>
        <VisuallyHidden>{`(${who}) `}</VisuallyHidden>
        {part}
      </span>,
    );
  });
  if (at < text.length) out.push(<span key="rest">{text.slice(at)}</span>);
  return <>{out}</>;
}

/** A document shown read-only: every item of its outline with its texts and values. */
function StaticDocument({ nodes, root, authors }: { nodes: Nodes; root: string; authors?: Authors }) {
  const { t } = useTranslation();
  const value = useFieldValue();
  const people = authors?.people ?? {};
  const order = Object.keys(people).sort();
  const colourOf = (by: string) => (by ? AUTHOR_COLOURS[order.indexOf(by) % AUTHOR_COLOURS.length] : '#767676');
  const renderNode = (n: DocNode, level: number): ReactNode => {
    const title = (n.text?.title ?? n.text?.name ?? '').trim();
    const titleField = n.text?.title !== undefined ? 'title' : 'name';
    const H = `h${Math.min(level + 3, 6)}` as 'h3';
    const spans = (f: string) => authors?.texts[n.id]?.[f];
    const fieldsSet = Object.entries(n.fields ?? {}).filter(([, v]) => v !== null && v !== undefined);
    return (
      <li key={n.id}>
        <H className="co-static-heading">
          <span className="co-static-type">{capitalised(t(`editor.types.${n.type}`))}: </span>
          {title ? (spans(titleField) ? <AuthoredText text={title} spans={spans(titleField)!} colourOf={colourOf} people={people} /> : title) : t(`editor.untitled.${n.type}`)}
        </H>
        {Object.entries(n.text ?? {})
          .filter(([f, v]) => f !== 'title' && f !== 'name' && v)
          .map(([f, v]) => (
            <p key={f} className="co-static-text">
              <span className="co-static-label">{t(`history.fields.${f}`)}: </span>
              {spans(f) ? <AuthoredText text={v} spans={spans(f)!} colourOf={colourOf} people={people} /> : v}
            </p>
          ))}
        {fieldsSet.length ? (
          <dl className="co-static-fields">
            {fieldsSet.map(([f, v]) => {
              const setter = authors?.fields[n.id]?.[f];
              return (
                <Fragment key={f}>
                  <dt>{t(`history.fields.${f}`)}</dt>
                  <dd>
                    {value(f, v)}
                    {setter ? <span className="muted"> – {t('history.setBy', { name: people[setter.by] || t('history.someone') })}</span> : null}
                  </dd>
                </Fragment>
              );
            })}
          </dl>
        ) : null}
        {Object.keys(CHILD_LISTS[n.type] ?? {}).map((list) => {
          const kids = children(nodes, n.id, list);
          return kids.length ? <ul key={list} className="co-static-list">{kids.map((c) => renderNode(c, level + 1))}</ul> : null;
        })}
      </li>
    );
  };
  const top = nodes[root];
  if (!top) return null;
  return (
    <>
      {authors ? (
        <div className="co-authors-legend">
          <h4>{t('history.legend')}</h4>
          <ul>
            {['', ...order].map((by) => (
              <li key={by || 'origin'}>
                <span className="co-legend-swatch" style={{ background: colourOf(by) }} aria-hidden="true" />
                {by ? people[by] || t('history.someone') : t('history.atCreation')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="co-static-list co-static-root">
        {Object.keys(CHILD_LISTS[top.type] ?? {}).flatMap((list) => children(nodes, root, list).map((c) => renderNode(c, 0)))}
      </ul>
    </>
  );
}

function FieldDiff({ c }: { c: FieldChange }) {
  const { t } = useTranslation();
  const value = useFieldValue();
  return (
    <li>
      {t(`history.fields.${c.field}`)}: <del>
        <VisuallyHidden>{t('history.removedText')} </VisuallyHidden>
        {value(c.field, c.before)}
      </del>{' '}
      → <ins>
        <VisuallyHidden>{t('history.addedText')} </VisuallyHidden>
        {value(c.field, c.after)}
      </ins>
    </li>
  );
}

/** What changed from one version to another. */
function Changes({ changes }: { changes: NodeChange[] }) {
  const { t } = useTranslation();
  if (!changes.length) return <p>{t('history.noDifferences')}</p>;
  return (
    <ul className="co-diff">
      {changes.map((c) => (
        <li key={c.id} className={`co-diff-${c.kind}`} style={{ marginInlineStart: `${c.depth * 1.25}rem` }}>
          <strong>
            {c.depth === 0 && !c.title && c.type !== 'goal' && c.type !== 'section' ? t('history.wholeDocument') : `${capitalised(t(`editor.types.${c.type}`))} “${c.title || t(`editor.untitled.${c.type}`)}”`}
          </strong>{' '}
          <span className="co-diff-kind">{t(`history.kinds.${c.kind}`)}</span>
          {c.texts.length || c.fields.length ? (
            <ul>
              {c.texts.map((tc) => (
                <li key={tc.field}>
                  {t(`history.fields.${tc.field}`)}:{' '}
                  {tc.parts.map((p, i) =>
                    p.added ? (
                      <ins key={i}>
                        <VisuallyHidden>{t('history.addedText')} </VisuallyHidden>
                        {p.value}
                      </ins>
                    ) : p.removed ? (
                      <del key={i}>
                        <VisuallyHidden>{t('history.removedText')} </VisuallyHidden>
                        {p.value}
                      </del>
                    ) : (
                      <span key={i}>{p.value}</span>
                    ),
                  )}
                </li>
              ))}
              {c.fields.map((fc) => (
                <FieldDiff key={fc.field} c={fc} />
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The end of a stretch: only the time when it ends on the day it began. */
function formatEnd(start: string, end: string, lang: string): string {
  const a = new Date(start);
  const b = new Date(end);
  if (a.toDateString() === b.toDateString()) return new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(b);
  return formatDateTime(b, lang);
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function groupSummary(g: HistoryGroup, t: (k: string, o?: Record<string, unknown>) => string): string {
  const parts: string[] = [];
  if (g.restored !== undefined && g.restored !== null) parts.push(t('history.restoredFrom', { rev: g.restored }));
  if (g.texts) parts.push(t('history.sumTexts', { count: g.texts }));
  if (g.fields) parts.push(t('history.sumFields', { count: g.fields }));
  if (g.added) parts.push(t('history.sumAdded', { count: g.added }));
  if (g.moved) parts.push(t('history.sumMoved', { count: g.moved }));
  if (g.removed) parts.push(t('history.sumRemoved', { count: g.removed }));
  return parts.join(', ') || t('history.sumNothing');
}

/** One past version: read-only, or what changed from it to now; restore it. */
function VersionView({ store, rev, against, canEdit, onRestored }: { store: LiveDocument; rev: number; against: number | null; canEdit: boolean; onRestored: (rev: number) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [mode, setMode] = useState<'changes' | 'version'>('changes');
  useSyncExternalStore(store.subscribe, store.getVersion);
  const q = useQuery({ queryKey: ['revision', store.id, rev], queryFn: () => getRevision(store.id, rev), staleTime: Infinity });
  const other = useQuery({
    queryKey: ['revision', store.id, against],
    queryFn: () => getRevision(store.id, against ?? 0),
    staleTime: Infinity,
    enabled: against !== null,
  });
  // Changes run from the older version to the newer one (or to now).
  const [older, newer] = against === null || !other.data ? [q.data?.doc.nodes, against === null ? store.nodes : undefined] : against < rev ? [other.data.doc.nodes, q.data?.doc.nodes] : [q.data?.doc.nodes, other.data.doc.nodes];
  const restore = useMutation({ mutationFn: () => restoreRevision(store.id, rev), onSuccess: () => onRestored(rev) });
  return (
    <section className="co-version" aria-labelledby="co-version-heading">
      <h3 id="co-version-heading" tabIndex={-1}>
        {t('history.versionHeading', { rev })}
        {q.data ? ` – ${formatDateTime(new Date(q.data.at), lang)}` : ''}
      </h3>
      {q.isPending ? <Loading /> : null}
      <ErrorAlert error={q.error ?? other.error ?? restore.error} />
      <div className="co-version-actions" role="group" aria-label={t('history.viewAs')}>
        <Button variant="secondary" aria-pressed={mode === 'changes'} onClick={() => setMode('changes')}>
          {against === null ? t('history.compare') : t('history.compareTwo', { a: Math.min(rev, against), b: Math.max(rev, against) })}
        </Button>
        <Button variant="secondary" aria-pressed={mode === 'version'} onClick={() => setMode('version')}>
          {t('history.showVersion')}
        </Button>
        {canEdit ? (
          <Button
            variant="secondary"
            disabled={restore.isPending}
            onClick={() => {
              if (window.confirm(t('history.confirmRestore', { rev }))) restore.mutate();
            }}
          >
            {t('history.restore')}
          </Button>
        ) : null}
      </div>
      {q.data ? (
        mode === 'changes' ? (
          <>
            <p className="muted">
              {against === null ? t('history.compareExplained') : t('history.compareTwoExplained', { a: Math.min(rev, against), b: Math.max(rev, against) })}
            </p>
            {older && newer ? <Changes changes={diffDocuments(older, newer, store.id)} /> : <Loading />}
          </>
        ) : (
          <StaticDocument nodes={q.data.doc.nodes} root={store.id} />
        )
      ) : null}
    </section>
  );
}

/** The history panel of the editor. */
export function HistoryPanel({ store, canEdit }: { store: LiveDocument; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<number | null>(null);
  const [against, setAgainst] = useState<number | null>(null);
  const [showAuthors, setShowAuthors] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const [note, setNote] = useState('');
  useSyncExternalStore(store.subscribe, store.getVersion);
  const rev = store.rev;
  const history = useQuery({ queryKey: ['history', store.id], queryFn: () => getHistory(store.id) });
  const authors = useQuery({ queryKey: ['authors', store.id], queryFn: () => getAuthors(store.id), enabled: showAuthors });
  // Follow the live document: refresh a second after its last change.
  useEffect(() => {
    const timer = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: ['history', store.id] });
      void queryClient.invalidateQueries({ queryKey: ['authors', store.id] });
    }, 1000);
    return () => clearTimeout(timer);
  }, [rev, store.id, queryClient]);

  const groups = history.data?.groups ?? [];
  return (
    <div className="co-history">
      <StatusMessage>{note}</StatusMessage>
      <ErrorAlert error={history.error ?? authors.error} />
      <Button variant="secondary" aria-pressed={showAuthors} onClick={() => setShowAuthors(!showAuthors)}>
        {t('history.whoWrote')}
      </Button>
      {showAuthors ? (
        <section className="co-authors" aria-labelledby="co-authors-heading">
          <h3 id="co-authors-heading">{t('history.whoWroteHeading')}</h3>
          {authors.isPending ? <Loading /> : null}
          {authors.data ? <StaticDocument nodes={store.nodes} root={store.id} authors={authors.data} /> : null}
        </section>
      ) : null}
      <h3>{t('history.timeline')}</h3>
      {history.isPending ? <Loading /> : null}
      {history.data && !history.data.complete ? <p>{t('history.incomplete')}</p> : null}
      {history.data && !groups.length ? <p>{t('history.noChanges')}</p> : null}
      <ol className="co-timeline">
        {groups.slice(0, shown).map((g) => (
          <li key={g.from} className={selected === g.to ? 'co-timeline-selected' : undefined}>
            <div>
              <strong>{g.name || t('history.someone')}</strong>{' '}
              <span className="muted">
                {formatDateTime(new Date(g.start), lang)}
                {g.end !== g.start ? ` – ${formatEnd(g.start, g.end, lang)}` : ''}
              </span>
            </div>
            <div>
              {t('history.changes', { count: g.changes })}: {groupSummary(g, t)}
            </div>
            {history.data?.complete ? (
              <Button
                variant="secondaryNoBorder"
                aria-pressed={selected === g.to}
                aria-label={t('history.openVersionOf', { rev: g.to, name: g.name || t('history.someone') })}
                onClick={() => {
                  setSelected(selected === g.to ? null : g.to);
                  setAgainst(null);
                  requestAnimationFrame(() => document.getElementById('co-version-heading')?.focus());
                }}
              >
                {t('history.openVersion', { rev: g.to })}
              </Button>
            ) : null}
            {history.data?.complete && selected !== null && selected !== g.to ? (
              <Button
                variant="secondaryNoBorder"
                aria-pressed={against === g.to}
                onClick={() => {
                  setAgainst(against === g.to ? null : g.to);
                  requestAnimationFrame(() => document.getElementById('co-version-heading')?.focus());
                }}
              >
                {t('history.compareWith', { rev: g.to, selected })}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {groups.length > shown ? (
        <Button variant="secondaryNoBorder" onClick={() => setShown(shown + PAGE)}>
          {t('history.showMore', { count: groups.length - shown })}
        </Button>
      ) : null}
      {selected !== null ? (
        <VersionView
          store={store}
          rev={selected}
          against={against}
          canEdit={canEdit}
          onRestored={(r) => {
            setNote(t('history.restored', { rev: r }));
            setSelected(null);
            setAgainst(null);
            void queryClient.invalidateQueries({ queryKey: ['history', store.id] });
          }}
        />
      ) : null}
    </div>
  );
}
