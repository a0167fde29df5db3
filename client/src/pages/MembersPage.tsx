import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Heading,
  Modal,
  ModalContent,
  ModalFooter,
  ModalTitle,
  Paragraph,
  RouterLink,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import {
  changeMemberRole,
  createInvitation,
  getWorkspace,
  listInvitations,
  listMembers,
  removeMember,
  resendInvitation,
  revokeInvitation,
} from '../api/endpoints';
import type { Invitation, Member, Role } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { MembersTable } from '../components/MembersTable';
import { RoleSelect } from '../components/RoleSelect';
import { ErrorAlert, Loading, Page, StatusMessage, errorField, formatDate, useLang, useFieldStatus, onSubmit } from '../components/common';

function InviteForm({ workspaceId, onSent }: { workspaceId: string; onSent: (inv: Invitation) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [message, setMessage] = useState('');
  const mutation = useMutation({
    mutationFn: () => createInvitation(workspaceId, { email, role, message: message || undefined }),
    onSuccess: (inv) => {
      setEmail('');
      setMessage('');
      setRole('member');
      onSent(inv);
    },
  });
  const fieldStatus = useFieldStatus(mutation.error);
  const field = errorField(mutation.error);
  const submit = onSubmit(() => mutation.mutate());
  return (
    <section aria-labelledby="invite-heading" className="panel">
      <Heading variant="h2" id="invite-heading">
        {t('members.inviteHeading')}
      </Heading>
      <form onSubmit={submit} noValidate className="form">
        <TextInput labelText={t('fields.email')} type="email" autoComplete="off" value={email} onChange={(v) => setEmail(String(v ?? ''))} {...fieldStatus('email')} />
        <RoleSelect label={t('fields.role')} value={role} onChange={setRole} />
        <Textarea labelText={t('members.message')} optionalText={t('common.optional')} hintText={t('members.messageHint')} value={message} onChange={(e) => setMessage(e.target.value)} {...fieldStatus('message')} />
        <ErrorAlert error={field ? null : mutation.error} />
        <StatusMessage>{mutation.isSuccess && mutation.data ? t('members.inviteSent', { email: mutation.data.email }) : null}</StatusMessage>
        <Button type="submit" disabled={mutation.isPending}>
          {t('members.inviteSubmit')}
        </Button>
      </form>
    </section>
  );
}

function InvitationsList({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery({ queryKey: ['invitations', workspaceId], queryFn: () => listInvitations(workspaceId) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['invitations', workspaceId] });
    void queryClient.invalidateQueries({ queryKey: ['activity', workspaceId] });
  };
  const resend = useMutation({
    mutationFn: (inv: Invitation) => resendInvitation(workspaceId, inv.id),
    onSuccess: (inv) => {
      setNotice(t('members.resent', { email: inv.email }));
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (inv: Invitation) => revokeInvitation(workspaceId, inv.id).then(() => inv),
    onSuccess: (inv) => {
      setNotice(t('members.revoked', { email: inv.email }));
      refresh();
    },
  });
  const pending = (query.data ?? []).filter((i) => i.status === 'pending');
  return (
    <section aria-labelledby="invitations-heading" className="panel">
      <Heading variant="h2" id="invitations-heading">
        {t('members.pendingHeading')}
      </Heading>
      {query.isPending ? <Loading /> : null}
      <ErrorAlert error={query.error ?? resend.error ?? revoke.error} />
      <StatusMessage>{notice}</StatusMessage>
      {query.isSuccess && pending.length === 0 ? <Paragraph>{t('members.noPending')}</Paragraph> : null}
      {pending.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('members.pendingCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('fields.role')}</th>
                <th scope="col">{t('invitation.invitedBy')}</th>
                <th scope="col">{t('invitation.expires')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((inv) => (
                <tr key={inv.id}>
                  <th scope="row">{inv.email}</th>
                  <td>{t(`roles.${inv.role}`)}</td>
                  <td>{inv.invitedBy}</td>
                  <td>{formatDate(inv.expiresAt, lang)}</td>
                  <td>
                    <div className="button-row">
                      <Button variant="secondary" aria-label={t('members.resendFor', { email: inv.email })} onClick={() => resend.mutate(inv)} disabled={resend.isPending}>
                        {t('members.resend')}
                      </Button>
                      <Button variant="secondary" aria-label={t('members.revokeFor', { email: inv.email })} onClick={() => revoke.mutate(inv)} disabled={revoke.isPending}>
                        {t('members.revoke')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function MembersPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const ws = useQuery({ queryKey: ['workspace', id], queryFn: () => getWorkspace(id) });
  const members = useQuery({ queryKey: ['members', id], queryFn: () => listMembers(id), enabled: ws.isSuccess });
  const canManage = !!user && (user.isAdmin || ws.data?.myRole === 'coordinator');
  const [toRemove, setToRemove] = useState<Member | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  const refreshMembers = () => {
    void queryClient.invalidateQueries({ queryKey: ['members', id] });
    void queryClient.invalidateQueries({ queryKey: ['workspace', id] });
    void queryClient.invalidateQueries({ queryKey: ['workspaces'] });
    void queryClient.invalidateQueries({ queryKey: ['activity', id] });
  };

  const roleChange = useMutation({
    mutationFn: ({ m, role }: { m: Member; role: Role }) => changeMemberRole(id, m.userId, role),
    onMutate: () => {
      setActionError(null);
      setNotice(null);
    },
    onSuccess: (m) => {
      setNotice(t('members.roleChanged', { name: m.name, role: t(`roles.${m.role}`) }));
      refreshMembers();
    },
    onError: (e) => {
      setActionError(e);
      refreshMembers();
    },
  });
  const remove = useMutation({
    mutationFn: (m: Member) => removeMember(id, m.userId).then(() => m),
    onMutate: () => {
      setActionError(null);
      setNotice(null);
    },
    onSuccess: (m) => {
      setNotice(t('members.removed', { name: m.name }));
      refreshMembers();
    },
    onError: (e) => setActionError(e),
    onSettled: () => setToRemove(null),
  });

  const title = ws.data ? t('members.titleFor', { name: ws.data.name }) : t('members.title');

  return (
    <Page title={title}>
      <Paragraph>
        <RouterLink asComponent={RRLink} to={`/workspaces/${id}`}>
          {t('members.backToWorkspace')}
        </RouterLink>
      </Paragraph>
      {ws.isPending ? <Loading /> : null}
      <ErrorAlert error={ws.error} />
      {ws.data ? (
        <>
          <section aria-labelledby="member-list-heading" className="panel">
            <Heading variant="h2" id="member-list-heading">
              {t('members.listHeading')}
            </Heading>
            <ErrorAlert error={members.error ?? actionError} />
            <StatusMessage>{notice}</StatusMessage>
            {members.isPending ? <Loading /> : null}
            {members.data ? (
              <MembersTable
                members={members.data}
                caption={t('workspace.membersCaption', { name: ws.data.name })}
                actionsHeader={canManage ? t('common.actions') : undefined}
                actions={
                  canManage
                    ? (m) => (
                        <div className="button-row">
                          <RoleSelect
                            label={t('members.roleOf', { name: m.name })}
                            labelMode="hidden"
                            value={m.role}
                            disabled={roleChange.isPending}
                            onChange={(role) => {
                              if (role !== m.role) roleChange.mutate({ m, role });
                            }}
                          />
                          <Button variant="secondary" aria-label={t('members.removeFor', { name: m.name })} onClick={() => setToRemove(m)}>
                            {t('members.remove')}
                          </Button>
                        </div>
                      )
                    : undefined
                }
              />
            ) : null}
          </section>
          {canManage ? (
            <>
              <InviteForm
                workspaceId={id}
                onSent={() => {
                  void queryClient.invalidateQueries({ queryKey: ['invitations', id] });
                  void queryClient.invalidateQueries({ queryKey: ['activity', id] });
                }}
              />
              <InvitationsList workspaceId={id} />
            </>
          ) : null}
        </>
      ) : null}
      <Modal
        appElementId="root"
        visible={toRemove !== null}
        onEscKeyDown={() => setToRemove(null)}
        focusOnOpenRef={cancelRef}
        ariaLabelledBy="remove-title"
      >
        <ModalContent>
          <ModalTitle id="remove-title">{t('members.removeTitle')}</ModalTitle>
          <Paragraph>{toRemove ? t('members.removeConfirm', { name: toRemove.name, workspace: ws.data?.name ?? '' }) : null}</Paragraph>
        </ModalContent>
        <ModalFooter>
          <Button onClick={() => toRemove && remove.mutate(toRemove)} disabled={remove.isPending}>
            {t('members.removeYes')}
          </Button>
          <Button variant="secondary" ref={cancelRef} onClick={() => setToRemove(null)}>
            {t('common.cancel')}
          </Button>
        </ModalFooter>
      </Modal>
    </Page>
  );
}
