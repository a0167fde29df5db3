import { useTranslation } from 'react-i18next';
import { Link as RRLink, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { getWorkspace, listMembers } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { ActivityFeed } from '../components/ActivityFeed';
import { MembersTable } from '../components/MembersTable';
import { ErrorAlert, Loading, Page, useRefName } from '../components/common';
import { DocumentsSection } from './DocumentsSection';

export function WorkspacePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const refName = useRefName();
  const ws = useQuery({ queryKey: ['workspace', id], queryFn: () => getWorkspace(id) });
  const members = useQuery({ queryKey: ['members', id], queryFn: () => listMembers(id), enabled: ws.isSuccess });
  const canManage = !!user && (user.isAdmin || ws.data?.myRole === 'coordinator');

  return (
    <Page title={ws.data?.name ?? t('workspace.title')}>
      {ws.isPending ? <Loading /> : null}
      <ErrorAlert error={ws.error} />
      {ws.data ? (
        <>
          <dl className="facts compact">
            <dt>{t('workspaces.kind')}</dt>
            <dd>{t(`workspaces.kinds.${ws.data.kind}`)}</dd>
            {ws.data.regionId ? (
              <>
                <dt>{t('fields.region')}</dt>
                <dd>{refName(ws.data.regionId) || '–'}</dd>
              </>
            ) : null}
            <dt>{t('workspaces.myRole')}</dt>
            <dd>{ws.data.myRole ? t(`roles.${ws.data.myRole}`) : t('workspaces.readOnly')}</dd>
          </dl>
          {ws.data.description ? <Paragraph className="description">{ws.data.description}</Paragraph> : null}
          <DocumentsSection workspaceId={id} workspaceName={ws.data.name} role={ws.data.myRole} />
          <div className="two-columns">
            <section aria-labelledby="members-heading" className="panel">
              <Heading variant="h2" id="members-heading">
                {t('workspace.membersHeading', { count: ws.data.memberCount })}
              </Heading>
              {members.isPending ? <Loading /> : null}
              <ErrorAlert error={members.error} />
              {members.data ? <MembersTable members={members.data} caption={t('workspace.membersCaption', { name: ws.data.name })} /> : null}
              <Paragraph className="after-form">
                <RouterLink asComponent={RRLink} to={`/workspaces/${id}/members`}>
                  {canManage ? t('workspace.manageMembers') : t('workspace.allMembers')}
                </RouterLink>
              </Paragraph>
            </section>
            <ActivityFeed workspaceId={id} />
          </div>
        </>
      ) : null}
    </Page>
  );
}
