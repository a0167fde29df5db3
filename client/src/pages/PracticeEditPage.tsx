import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph, RouterLink, Textarea, TextInput } from 'suomifi-ui-components';
import { listOrganisations, listWorkspaces } from '../api/endpoints';
import type { ReferenceData } from '../api/types';
import { ErrorAlert, Loading, Page, localized, onSubmit, useFieldStatus, useLang, useReference } from '../components/common';
import { LONG_FIELDS, createPractice, emptyFields, fieldsOf, getPractice, updatePractice, type PracticeFields } from '../practices/api';
import { RefSelect } from '../practices/common';
import '../practices/practices.css';

function Checks({ legend, kind, value, onChange }: { legend: string; kind: 'themes' | 'targetGroups' | 'nationalGoals'; value: string[]; onChange: (v: string[]) => void }) {
  const lang = useLang();
  const ref = useReference();
  const items = ((ref.data as ReferenceData | undefined)?.[kind] ?? []).filter((it) => !it.archived || value.includes(it.id));
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="practice-checks">
        {items.map((it) => (
          <label key={it.id}>
            <input type="checkbox" checked={value.includes(it.id)} onChange={(e) => onChange(e.target.checked ? [...value, it.id] : value.filter((x) => x !== it.id))} />
            {kind === 'nationalGoals' ? `${it.code}. ${localized(it.names, lang)}` : localized(it.names, lang)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const linksToText = (f: PracticeFields) => f.links.map((l) => (l.title && l.title !== l.url ? `${l.url} ${l.title}` : l.url)).join('\n');
function textToLinks(s: string) {
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [url, ...title] = l.split(/\s+/);
      return { url, title: title.join(' ') };
    });
}

/** The draft editor: a new practice in a group (?workspace=) or the working copy of one. */
export function PracticeEditPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const existing = useQuery({ queryKey: ['practices', id, 'view'], queryFn: () => getPractice(id!), enabled: !!id });
  const workspaces = useQuery({ queryKey: ['workspaces'], queryFn: listWorkspaces });
  const writable = (workspaces.data ?? []).filter((w) => w.myRole === 'coordinator' || w.myRole === 'member');
  const [workspace, setWorkspace] = useState(params.get('workspace') ?? '');
  const [f, setF] = useState<PracticeFields | null>(id ? null : emptyFields());
  const [links, setLinks] = useState('');
  useEffect(() => {
    if (id && existing.data?.draft && f === null) {
      const fields = fieldsOf(existing.data.draft);
      setF(fields);
      setLinks(linksToText(fields));
    }
  }, [id, existing.data, f]);
  const wsID = id ? existing.data?.workspaceId ?? '' : workspace || writable[0]?.id || '';
  const region = f?.regionId || (workspaces.data ?? []).find((w) => w.id === wsID)?.regionId || '';
  const orgs = useQuery({ queryKey: ['organisations', 'region', region], queryFn: () => listOrganisations({ regionId: region, limit: 100, offset: 0, q: '', type: '' }), enabled: !!region });
  const save = useMutation({
    mutationFn: () => {
      const body = { ...f!, links: textToLinks(links) };
      return id ? updatePractice(id, existing.data!.version, body) : createPractice(wsID, body);
    },
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ['practices'] });
      navigate(`/practices/${p.id}`);
    },
  });
  const fieldStatus = useFieldStatus(save.error);
  const set = <K extends keyof PracticeFields>(k: K, v: PracticeFields[K]) => setF((cur) => (cur ? { ...cur, [k]: v } : cur));
  const title = id ? t('practices.editTitle') : t('practices.newTitle');
  if ((id && existing.isPending) || !f) {
    return (
      <Page title={title}>
        <Loading />
        <ErrorAlert error={existing.error} />
      </Page>
    );
  }
  return (
    <Page title={title}>
      <Paragraph>{t('practices.editorHelp')}</Paragraph>
      <form className="practice-form" onSubmit={onSubmit(() => save.mutate())} noValidate>
        {!id && writable.length > 1 ? (
          <div className="practice-select field">
            <label htmlFor="pe-ws">{t('practices.group')}</label>
            <select id="pe-ws" value={wsID} onChange={(e) => setWorkspace(e.target.value)}>
              {writable.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <TextInput labelText={t('practices.fields.name')} value={f.name} onChange={(v) => set('name', String(v ?? ''))} className="field" fullWidth {...fieldStatus('name')} />
        <Textarea labelText={t('practices.fields.summary')} optionalText={t('practices.neededForReview')} value={f.summary} onChange={(e) => set('summary', e.target.value)} className="field" fullWidth {...fieldStatus('summary')} />
        {LONG_FIELDS.map((k) => (
          <Textarea
            key={k}
            labelText={t(`practices.fields.${k}`)}
            hintText={k === 'basicIdea' ? `${t('practices.neededForReview')}. ${t('practices.markdownHint')}` : t('practices.markdownHint')}
            value={f[k]}
            onChange={(e) => set(k, e.target.value)}
            className="field"
            fullWidth
            {...fieldStatus(k)}
          />
        ))}
        <RefSelect id="pe-region" kind="regions" label={t('fields.region')} value={f.regionId} onChange={(v) => set('regionId', v)} allLabel={t('practices.groupRegion')} />
        <Checks legend={t('practices.fields.themes')} kind="themes" value={f.themes} onChange={(v) => set('themes', v)} />
        <Checks legend={t('practices.fields.targetGroups')} kind="targetGroups" value={f.targetGroups} onChange={(v) => set('targetGroups', v)} />
        <Checks legend={t('practices.fields.nationalGoals')} kind="nationalGoals" value={f.nationalGoals} onChange={(v) => set('nationalGoals', v)} />
        <fieldset>
          <legend>{t('practices.fields.organisations')}</legend>
          <div className="practice-checks">
            {(orgs.data?.items ?? []).map((o) => (
              <label key={o.id}>
                <input type="checkbox" checked={f.organisations.includes(o.id)} onChange={(e) => set('organisations', e.target.checked ? [...f.organisations, o.id] : f.organisations.filter((x) => x !== o.id))} />
                {o.name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('practices.fields.contact')}</legend>
          <TextInput labelText={t('practices.contactName')} value={f.contact.name} onChange={(v) => set('contact', { ...f.contact, name: String(v ?? '') })} className="field" {...fieldStatus('contact.name')} />
          <TextInput labelText={t('practices.contactEmail')} type="email" value={f.contact.email} onChange={(v) => set('contact', { ...f.contact, email: String(v ?? '') })} className="field" {...fieldStatus('contact.email')} />
          <TextInput labelText={t('practices.contactPhone')} value={f.contact.phone} onChange={(v) => set('contact', { ...f.contact, phone: String(v ?? '') })} className="field" {...fieldStatus('contact.phone')} />
        </fieldset>
        <Textarea labelText={t('practices.fields.links')} hintText={t('practices.linksHint')} value={links} onChange={(e) => setLinks(e.target.value)} className="field" fullWidth {...fieldStatus('links.url')} />
        <ErrorAlert error={save.error} />
        <div className="practice-actions">
          <Button type="submit" disabled={save.isPending || !wsID}>
            {t('practices.saveDraft')}
          </Button>
          <RouterLink asComponent={RRLink} to={id ? `/practices/${id}` : '/practices'}>
            {t('practices.cancel')}
          </RouterLink>
        </div>
      </form>
    </Page>
  );
}
