import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph, RadioButton, RadioButtonGroup, RouterLink, Textarea, TextInput } from 'suomifi-ui-components';
import { createWorkspace, listWorkspaces } from '../api/endpoints';
import type { WorkspaceKind } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert, Loading, Page, errorField, useRefName, useFieldStatus, onSubmit } from '../components/common';
import { RegionSelect } from '../components/RegionSelect';

function CreateWorkspaceForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<WorkspaceKind>('regional');
  const [regionId, setRegionId] = useState('');
  const [description, setDescription] = useState('');
  const mutation = useMutation({
    mutationFn: () => createWorkspace({ name, kind, regionId: regionId || undefined, description }),
    onSuccess: (ws) => {
      void queryClient.invalidateQueries({ queryKey: ['workspaces'] });
      navigate(`/workspaces/${ws.id}`);
    },
  });
  const fieldStatus = useFieldStatus(mutation.error);
  const field = errorField(mutation.error);
  const submit = onSubmit(() => mutation.mutate());
  return (
    <section aria-labelledby="create-ws-heading" className="panel">
      <Heading variant="h2" id="create-ws-heading">
        {t('workspaces.createHeading')}
      </Heading>
      <form onSubmit={submit} noValidate className="form">
        <TextInput labelText={t('workspaces.name')} value={name} onChange={(v) => setName(String(v ?? ''))} {...fieldStatus('name')} />
        <RadioButtonGroup labelText={t('workspaces.kind')} name="kind" value={kind} onChange={(v) => setKind(v as WorkspaceKind)}>
          <RadioButton value="regional">{t('workspaces.kinds.regional')}</RadioButton>
          <RadioButton value="national">{t('workspaces.kinds.national')}</RadioButton>
        </RadioButtonGroup>
        <RegionSelect value={regionId} onChange={setRegionId} {...fieldStatus('regionId')} />
        <Textarea labelText={t('fields.description')} optionalText={t('common.optional')} value={description} onChange={(e) => setDescription(e.target.value)} {...fieldStatus('description')} />
        <ErrorAlert error={field ? null : mutation.error} />
        <Button type="submit" disabled={mutation.isPending}>
          {t('workspaces.createSubmit')}
        </Button>
      </form>
    </section>
  );
}

export function WorkspacesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const refName = useRefName();
  const query = useQuery({ queryKey: ['workspaces'], queryFn: listWorkspaces });
  const items = query.data ?? [];
  return (
    <Page title={t('workspaces.title')}>
      {query.isPending ? <Loading /> : null}
      <ErrorAlert error={query.error} />
      {query.isSuccess && items.length === 0 ? <Paragraph>{t('workspaces.empty')}</Paragraph> : null}
      {items.length > 0 ? (
        <ul className="card-list" aria-label={t('workspaces.listLabel')}>
          {items.map((ws) => (
            <li key={ws.id} className="card">
              <Heading variant="h2" className="card-title">
                <RouterLink asComponent={RRLink} to={`/workspaces/${ws.id}`}>
                  {ws.name}
                </RouterLink>
              </Heading>
              <dl className="facts compact">
                {ws.regionId ? (
                  <>
                    <dt>{t('fields.region')}</dt>
                    <dd>{refName(ws.regionId) || '–'}</dd>
                  </>
                ) : null}
                <dt>{t('workspaces.members')}</dt>
                <dd>{ws.memberCount}</dd>
                <dt>{t('workspaces.myRole')}</dt>
                <dd>{ws.myRole ? t(`roles.${ws.myRole}`) : t('workspaces.readOnly')}</dd>
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
      {user?.isAdmin ? <CreateWorkspaceForm /> : null}
    </Page>
  );
}
