// The group home's documents: the list of strategies, action plans and situation descriptions,
// and a form for coordinators and members to start a new one (empty or copied).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { createDocument, listDocuments } from '../api/endpoints';
import { DOCUMENT_KINDS, type DocumentKind, type Role } from '../api/types';
import { ErrorAlert, Loading, errorField, formatDate, useErrorText, useLang } from '../components/common';

function CreateDocumentForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const docs = useQuery({ queryKey: ['documents', workspaceId], queryFn: () => listDocuments(workspaceId) });
  const [kind, setKind] = useState<DocumentKind>('action_plan');
  const [title, setTitle] = useState('');
  const [period, setPeriod] = useState('');
  const [copyFrom, setCopyFrom] = useState('');
  const [titleMissing, setTitleMissing] = useState(false);
  const mutation = useMutation({
    mutationFn: () => createDocument(workspaceId, { kind, title: title.trim(), period: period.trim() || undefined, copyFrom: copyFrom || undefined }),
    onSuccess: (d) => {
      void queryClient.invalidateQueries({ queryKey: ['documents', workspaceId] });
      navigate(`/workspaces/${workspaceId}/documents/${d.id}`);
    },
  });
  const sameKind = (docs.data ?? []).filter((d) => d.kind === kind && !d.archived);
  const field = errorField(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setTitleMissing(true);
      return;
    }
    setTitleMissing(false);
    mutation.mutate();
  };
  const titleStatus = titleMissing
    ? { status: 'error' as const, statusText: t('documents.titleRequired') }
    : field === 'title'
      ? { status: 'error' as const, statusText: errorText(mutation.error) }
      : {};
  return (
    <form onSubmit={submit} noValidate className="form co-create-form" aria-labelledby="new-document-heading">
      <Heading variant="h3" id="new-document-heading">
        {t('documents.createHeading')}
      </Heading>
      <div className="co-field">
        <label htmlFor="new-document-kind" className="co-label">
          {t('documents.fields.kind')}
        </label>
        <select
          id="new-document-kind"
          className="co-input co-select"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as DocumentKind);
            setCopyFrom('');
          }}
        >
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`documents.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <TextInput labelText={t('documents.fields.title')} value={title} maxLength={200} onChange={(v) => setTitle(String(v ?? ''))} {...titleStatus} />
      <TextInput
        labelText={t('documents.fields.period')}
        optionalText={t('common.optional')}
        hintText={t('documents.periodHint')}
        value={period}
        maxLength={40}
        onChange={(v) => setPeriod(String(v ?? ''))}
        {...(field === 'period' ? { status: 'error' as const, statusText: errorText(mutation.error) } : {})}
      />
      {sameKind.length ? (
        <div className="co-field">
          <label htmlFor="new-document-copy" className="co-label">
            {t('documents.copyFrom')} <span className="muted">({t('common.optional')})</span>
          </label>
          <select id="new-document-copy" className="co-input co-select" value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)}>
            <option value="">{t('documents.startEmpty')}</option>
            {sameKind.map((d) => (
              <option key={d.id} value={d.id}>
                {d.period ? `${d.title} (${d.period})` : d.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <ErrorAlert error={field === 'title' || field === 'period' ? null : mutation.error} />
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {t('documents.createSubmit')}
        </Button>
      </div>
    </form>
  );
}

export function DocumentsSection({ workspaceId, workspaceName, role }: { workspaceId: string; workspaceName: string; role?: Role }) {
  const { t } = useTranslation();
  const lang = useLang();
  const docs = useQuery({ queryKey: ['documents', workspaceId], queryFn: () => listDocuments(workspaceId) });
  const canCreate = role === 'coordinator' || role === 'member';
  const list = (docs.data ?? []).filter((d) => !d.archived);
  return (
    <section aria-labelledby="documents-heading" className="panel">
      <Heading variant="h2" id="documents-heading">
        {t('documents.heading')}
      </Heading>
      <Paragraph className="muted">{t('documents.intro')}</Paragraph>
      {docs.isPending ? <Loading /> : null}
      <ErrorAlert error={docs.error} />
      {docs.data ? (
        list.length ? (
          <div className="table-wrap">
            <table className="data-table">
              <caption>{t('documents.caption', { name: workspaceName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('documents.fields.title')}</th>
                  <th scope="col">{t('documents.fields.kind')}</th>
                  <th scope="col">{t('documents.fields.period')}</th>
                  <th scope="col">{t('documents.fields.status')}</th>
                  <th scope="col">{t('documents.fields.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      <RouterLink asComponent={RRLink} to={`/workspaces/${workspaceId}/documents/${d.id}`}>
                        {d.title}
                      </RouterLink>
                    </th>
                    <td>{t(`documents.kinds.${d.kind}`)}</td>
                    <td>{d.period || '–'}</td>
                    <td>{t(`documents.statuses.${d.status}`)}</td>
                    <td>{formatDate(d.updatedAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Paragraph>{t('documents.none')}</Paragraph>
        )
      ) : null}
      {canCreate ? <CreateDocumentForm workspaceId={workspaceId} /> : null}
    </section>
  );
}
