import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph, RouterLink, Textarea } from 'suomifi-ui-components';
import { useAuth } from '../auth/AuthContext';
import { listWorkspaces } from '../api/endpoints';
import { ErrorAlert, Loading, Page, StatusMessage, formatDate, onSubmit, useFieldStatus, useLang, useRefName } from '../components/common';
import { useEvents } from '../events/useEvents';
import {
  LONG_FIELDS,
  adoptPractice,
  getPractice,
  getPracticeVersion,
  listAdoptions,
  listPracticeLinks,
  reviewPractice,
  setPracticePublic,
  submitPractice,
  type Practice,
  type PracticeContent,
} from '../practices/api';
import { StateTag } from '../practices/common';
import { LinkToPlan } from '../practices/LinkToPlan';
import { startThread } from '../forums/api';
import { api } from '../api/client';
import { diffVersions } from '../practices/diff';
import '../practices/practices.css';
import { LevelControl } from '../notifications/LevelControl';

function Content({ c, p }: { c: PracticeContent; p: Practice }) {
  const { t } = useTranslation();
  const refName = useRefName();
  const names = (ids: string[]) => ids.map(refName).filter(Boolean).join(', ') || '–';
  return (
    <>
      <p className="practice-lead">{c.summary}</p>
      {LONG_FIELDS.map((f) =>
        c.html[f] ? (
          <section key={f} className="practice-section" aria-labelledby={`ps-${f}`}>
            <h2 id={`ps-${f}`}>{t(`practices.fields.${f}`)}</h2>
            {/* Rendered on the server from Markdown with raw HTML and unsafe links dropped (server/markdown). */}
            <div className="practice-md" dangerouslySetInnerHTML={{ __html: c.html[f] ?? '' }} />
          </section>
        ) : null,
      )}
      <section className="practice-section" aria-labelledby="ps-facts">
        <h2 id="ps-facts">{t('practices.facts')}</h2>
        <dl className="practice-facts">
          <dt>{t('fields.region')}</dt>
          <dd>{refName(c.regionId) || '–'}</dd>
          <dt>{t('practices.fields.organisations')}</dt>
          <dd>{p.organisationNames.length ? p.organisationNames.map((o) => `${o.name} (${t(`organisationTypes.${o.type}`)})`).join(', ') : '–'}</dd>
          <dt>{t('practices.fields.themes')}</dt>
          <dd>{names(c.themes)}</dd>
          <dt>{t('practices.fields.targetGroups')}</dt>
          <dd>{names(c.targetGroups)}</dd>
          <dt>{t('practices.fields.nationalGoals')}</dt>
          <dd>{names(c.nationalGoals)}</dd>
          <dt>{t('practices.fields.contact')}</dt>
          <dd>{[c.contact.name, c.contact.email, c.contact.phone].filter(Boolean).join(', ') || '–'}</dd>
          <dt>{t('practices.fields.links')}</dt>
          <dd>
            {c.links.length
              ? c.links.map((l, i) => (
                  <span key={i}>
                    {i > 0 ? ', ' : ''}
                    <a href={l.url} rel="noopener noreferrer" target="_blank">
                      {l.title || l.url}
                    </a>
                  </span>
                ))
              : '–'}
          </dd>
        </dl>
      </section>
    </>
  );
}

function Compare({ p }: { p: Practice }) {
  const { t } = useTranslation();
  const refName = useRefName();
  const last = p.versions.length;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  const a = useQuery({ queryKey: ['practices', p.id, 'version', from], queryFn: () => getPracticeVersion(p.id, from) });
  const b = useQuery({ queryKey: ['practices', p.id, 'version', to], queryFn: () => getPracticeVersion(p.id, to) });
  const names = (ids: string[]) => ids.map(refName).join(', ');
  const diffs =
    a.data && b.data
      ? diffVersions(a.data.content, b.data.content, [
          { field: 'themes', a: names(a.data.content.themes), b: names(b.data.content.themes) },
          { field: 'targetGroups', a: names(a.data.content.targetGroups), b: names(b.data.content.targetGroups) },
          { field: 'nationalGoals', a: names(a.data.content.nationalGoals), b: names(b.data.content.nationalGoals) },
        ])
      : null;
  const select = (id: string, label: string, value: number, set: (n: number) => void) => (
    <div className="practice-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(Number(e.target.value))}>
        {p.versions.map((v) => (
          <option key={v.n} value={v.n}>
            {t('practices.versionN', { n: v.n })}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div>
      <div className="practice-actions">
        {select('pc-from', t('practices.compareFrom'), from, setFrom)}
        {select('pc-to', t('practices.compareTo'), to, setTo)}
      </div>
      <ErrorAlert error={a.error ?? b.error} />
      <div role="status">
        {diffs === null ? null : diffs.length === 0 ? <Paragraph>{t('practices.noDifferences')}</Paragraph> : <Paragraph>{t('practices.differences', { count: diffs.length })}</Paragraph>}
      </div>
      {diffs && diffs.length > 0 ? (
        <dl className="practice-diff">
          {diffs.map((d) => (
            <div key={d.field}>
              <dt>{t(`practices.fields.${d.field}`)}</dt>
              <dd>
                {d.parts.map((part, i) =>
                  part.added ? (
                    <ins key={i}>{part.value}</ins>
                  ) : part.removed ? (
                    <del key={i}>{part.value}</del>
                  ) : (
                    <span key={i}>{part.value}</span>
                  ),
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

function Adoptions({ p }: { p: Practice }) {
  const { t } = useTranslation();
  const lang = useLang();
  const refName = useRefName();
  const qc = useQueryClient();
  const ads = useQuery({ queryKey: ['practices', p.id, 'adoptions'], queryFn: () => listAdoptions(p.id) });
  const ws = useQuery({ queryKey: ['workspaces'], queryFn: listWorkspaces, enabled: p.canAdopt.length > 0 });
  const [workspace, setWorkspace] = useState('');
  const [experience, setExperience] = useState('');
  const chosen = workspace || p.canAdopt[0] || '';
  const adopt = useMutation({
    mutationFn: () => adoptPractice(p.id, chosen, experience),
    onSuccess: () => {
      setExperience('');
      // The form goes away with the report (one per group): keep focus in the section.
      document.getElementById('ps-adoptions')?.focus();
      void qc.invalidateQueries({ queryKey: ['practices', p.id] });
    },
  });
  const fieldStatus = useFieldStatus(adopt.error);
  return (
    <section className="practice-section" aria-labelledby="ps-adoptions" id="adoptions">
      <h2 id="ps-adoptions" tabIndex={-1}>{t('practices.adoptions')}</h2>
      {ads.data && ads.data.length > 0 ? (
        <table className="practice-table">
          <caption className="visually-hidden">{t('practices.spreadCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.region')}</th>
              <th scope="col">{t('practices.group')}</th>
              <th scope="col">{t('practices.reported')}</th>
              <th scope="col">{t('practices.experience')}</th>
            </tr>
          </thead>
          <tbody>
            {ads.data.map((a) => (
              <tr key={a.id}>
                <td>{refName(a.regionId)}</td>
                <td>{a.workspaceName}</td>
                <td>
                  {formatDate(a.at, lang)}
                  <br />
                  {a.byName}
                </td>
                <td>
                  <div className="practice-md" dangerouslySetInnerHTML={{ __html: a.html }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : ads.data ? (
        <Paragraph>{t('practices.noAdoptions')}</Paragraph>
      ) : null}
      <ErrorAlert error={ads.error} />
      {p.canAdopt.length > 0 ? (
        <form className="practice-form" onSubmit={onSubmit(() => adopt.mutate())} aria-labelledby="ps-adopt">
          <h3 id="ps-adopt">{t('practices.adoptHeading')}</h3>
          {p.canAdopt.length > 1 ? (
            <div className="practice-select field">
              <label htmlFor="pa-ws">{t('practices.group')}</label>
              <select id="pa-ws" value={chosen} onChange={(e) => setWorkspace(e.target.value)}>
                {p.canAdopt.map((id) => (
                  <option key={id} value={id}>
                    {ws.data?.find((w) => w.id === id)?.name ?? id}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <Paragraph>{t('practices.adoptFor', { name: ws.data?.find((w) => w.id === chosen)?.name ?? '' })}</Paragraph>
          )}
          <Textarea labelText={t('practices.experience')} hintText={t('practices.markdownHint')} value={experience} onChange={(e) => setExperience(e.target.value)} className="field" {...fieldStatus('experience')} />
          <Button type="submit" disabled={adopt.isPending}>
            {t('practices.adoptSubmit')}
          </Button>
          <ErrorAlert error={adopt.error && !fieldStatus('experience').status ? adopt.error : null} />
        </form>
      ) : null}
      <StatusMessage>{adopt.isSuccess ? t('practices.adopted') : ''}</StatusMessage>
    </section>
  );
}

/** A published practice without a thread: its editors open one in the forum of its first theme and link it. */
const linkPracticeThread = (id: string, threadId: string) =>
  api(`/practices/${encodeURIComponent(id)}/links`, { method: 'POST', body: { kind: 'thread', threadId } });

function StartDiscussion({ p }: { p: Practice }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const name = p.current?.name ?? '';
  const start = useMutation({
    mutationFn: async () => {
      const forum = p.current?.themes[0];
      if (!forum) throw new Error('no theme');
      const page = await startThread(forum, t('practiceDiscussion.title', { name, interpolation: { escapeValue: false } }), t('practiceDiscussion.body', { name, link: `/practices/${p.id}`, interpolation: { escapeValue: false } }));
      await linkPracticeThread(p.id, page.thread.id);
      return page.thread.id;
    },
    onSuccess: (threadId) => {
      void qc.invalidateQueries({ queryKey: ['practices', p.id, 'links'] });
      void navigate(`/threads/${threadId}`);
    },
  });
  return (
    <div className="field">
      <Paragraph>{t('practiceDiscussion.hint')}</Paragraph>
      <Button variant="secondary" onClick={() => start.mutate()} disabled={start.isPending || !p.current?.themes.length}>
        {t('practiceDiscussion.start')}
      </Button>
      <ErrorAlert error={start.error} />
    </div>
  );
}

function Links({ p }: { p: Practice }) {
  const { t } = useTranslation();
  const links = useQuery({ queryKey: ['practices', p.id, 'links'], queryFn: () => listPracticeLinks(p.id) });
  return (
    <section className="practice-section" aria-labelledby="ps-links">
      <h2 id="ps-links">{t('practices.linked')}</h2>
      {links.data && links.data.length === 0 ? <Paragraph>{t('practices.noLinks')}</Paragraph> : null}
      <ul>
        {(links.data ?? []).map((l) => (
          <li key={l.id}>
            {l.kind === 'action' ? (
              <RouterLink asComponent={RRLink} to={`/workspaces/${l.workspaceId}/documents/${l.documentId}`}>
                {t('practices.linkAction', { title: l.title })}
              </RouterLink>
            ) : (
              <RouterLink asComponent={RRLink} to={`/threads/${l.threadId}`}>
                {t('practices.linkThread', { title: l.title })}
              </RouterLink>
            )}
          </li>
        ))}
      </ul>
      {p.canEdit && p.current && links.data && !links.data.some((l) => l.kind === 'thread') ? <StartDiscussion p={p} /> : null}
      <LinkToPlan practiceId={p.id} />
    </section>
  );
}

function Review({ p }: { p: Practice }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const done = (next: Practice) => {
    qc.setQueryData(['practices', p.id, 'view'], next);
    void qc.invalidateQueries({ queryKey: ['practices'] });
  };
  const submit = useMutation({ mutationFn: () => submitPractice(p.id, p.version), onSuccess: done });
  const review = useMutation({ mutationFn: (d: 'approve' | 'return') => reviewPractice(p.id, p.version, d, note), onSuccess: (n) => (setNote(''), done(n)) });
  const visibility = useMutation({ mutationFn: (pub: boolean) => setPracticePublic(p.id, p.version, pub), onSuccess: done });
  const fieldStatus = useFieldStatus(review.error);
  return (
    <>
      {p.canEdit ? (
        <div className="practice-actions">
          {p.state !== 'review' ? (
            <RouterLink asComponent={RRLink} to={`/practices/${p.id}/edit`}>
              {p.published > 0 ? t('practices.editRevision') : t('practices.edit')}
            </RouterLink>
          ) : null}
          {p.state === 'draft' ? (
            <Button onClick={() => submit.mutate()} disabled={submit.isPending}>
              {t('practices.submit')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {p.canReview && p.state === 'review' ? (
        <form className="practice-form" onSubmit={onSubmit(() => review.mutate('approve'))} aria-labelledby="ps-review">
          <h2 id="ps-review">{t('practices.reviewHeading')}</h2>
          <Paragraph>{t('practices.reviewHelp', { name: p.submittedByName ?? '' })}</Paragraph>
          <Textarea labelText={t('practices.reviewNote')} optionalText={t('practices.optionalWhenApproving')} value={note} onChange={(e) => setNote(e.target.value)} className="field" {...fieldStatus('note')} />
          <div className="practice-actions">
            <Button type="submit" disabled={review.isPending}>
              {t('practices.approve')}
            </Button>
            <Button variant="secondary" onClick={() => review.mutate('return')} disabled={review.isPending}>
              {t('practices.return')}
            </Button>
          </div>
        </form>
      ) : null}
      {p.canReview && p.published > 0 ? (
        <div className="practice-actions">
          <Button variant="secondary" onClick={() => visibility.mutate(!p.public)} disabled={visibility.isPending}>
            {p.public ? t('practices.makeNetworkOnly') : t('practices.makePublic')}
          </Button>
        </div>
      ) : null}
      <ErrorAlert error={submit.error ?? (review.error && !fieldStatus('note').status ? review.error : null) ?? visibility.error} />
      <StatusMessage>
        {submit.isSuccess ? t('practices.submitted') : review.isSuccess ? t('practices.reviewed') : visibility.isSuccess ? t('practices.visibilityChanged') : ''}
      </StatusMessage>
    </>
  );
}

/** One practice: the template, its lifecycle actions, versions and comparison, where it spread. */
export function PracticePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const refName = useRefName();
  const { status, user } = useAuth();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['practices', id, 'view'], queryFn: () => getPractice(id), enabled: status !== 'loading' });
  useEvents(user ? `practice:${id}` : null, 'practice', () => void qc.invalidateQueries({ queryKey: ['practices', id] }));
  const p = q.data;
  const [showDraft, setShowDraft] = useState(false);
  const content = p ? (showDraft || !p.current ? p.draft : p.current) : undefined;
  const title = content?.name ?? p?.current?.name ?? p?.draft?.name ?? t('practices.practice');
  const hasOpenDraft = !!p && !!p.draft && !!p.current && p.state !== 'done';
  return (
    <Page title={title}>
      {q.isPending ? <Loading /> : null}
      <ErrorAlert error={q.error} />
      {p && content ? (
        <>
          <p className="practice-meta">
            {refName(content.regionId)} · {p.workspaceName} · <StateTag state={p.state} published={p.published} />
            {p.published > 0 && p.publishedAt ? ` · ${t('practices.publishedVersion', { n: p.published, date: formatDate(p.publishedAt, lang) })}` : ''}
            {p.public ? ` · ${t('practices.public')}` : ''}
          </p>
          {p.spread.length > 0 ? (
            <p className="practice-meta">
              {t('practices.spreadTo', { regions: p.spread.map(refName).join(', ') })}
            </p>
          ) : null}
          {p.reviewNote && p.state === 'draft' && p.draft ? (
            <div className="practice-note" role="note">
              <strong>{t('practices.returnedNote')}</strong> {p.reviewNote}
            </div>
          ) : null}
          {hasOpenDraft ? (
            <div className="practice-actions">
              <Button variant="secondary" aria-pressed={showDraft} onClick={() => setShowDraft((s) => !s)}>
                {showDraft ? t('practices.showPublishedVersion') : t('practices.showWorkingCopy')}
              </Button>
            </div>
          ) : null}
          {user && p.level ? <LevelControl key={p.id} kind="practice" id={p.id} level={p.level} /> : null}
          {user ? <Review p={p} /> : null}
          <Content c={content} p={p} />
          {p.published > 0 && user ? <Adoptions p={p} /> : null}
          {user ? <Links p={p} /> : null}
          {p.versions.length > 0 ? (
            <section className="practice-section" aria-labelledby="ps-versions">
              <h2 id="ps-versions">{t('practices.versions')}</h2>
              <table className="practice-table">
                <caption className="visually-hidden">{t('practices.versions')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('practices.version')}</th>
                    <th scope="col">{t('practices.published')}</th>
                    <th scope="col">{t('practices.author')}</th>
                    <th scope="col">{t('practices.approvedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.versions.map((v) => (
                    <tr key={v.n}>
                      <td>{t('practices.versionN', { n: v.n })}</td>
                      <td>{formatDate(v.publishedAt, lang)}</td>
                      <td>{v.authorName}</td>
                      <td>{v.approvedByName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {p.versions.length > 1 ? (
                <>
                  <h3>{t('practices.compare')}</h3>
                  <Compare p={p} />
                </>
              ) : null}
            </section>
          ) : null}
          <p>
            <RouterLink asComponent={RRLink} to="/practices">
              {t('practices.back')}
            </RouterLink>
          </p>
        </>
      ) : null}
    </Page>
  );
}
