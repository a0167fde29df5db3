import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { acceptInvitation, getInvitation } from '../api/endpoints';
import type { Language, Session } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert, Loading, Page, errorField, formatDate, useLang, useFieldStatus } from '../components/common';
import { LanguageSelect } from '../components/LanguageSelect';

export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { status, user, signIn, signOut } = useAuth();
  const lang = useLang();
  const preview = useQuery({ queryKey: ['invitation', token], queryFn: () => getInvitation(token) });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState<Language>(lang);

  const before = new Set((user?.memberships ?? []).map((m) => m.workspaceId));
  const afterJoin = (session: Session) => {
    signIn(session);
    void queryClient.invalidateQueries({ queryKey: ['workspaces'] });
    // The accept response has no workspace id: the new membership is the one we lacked before.
    const joined = session.user.memberships.find((m) => !before.has(m.workspaceId));
    navigate(joined ? `/workspaces/${joined.workspaceId}` : '/');
  };

  const join = useMutation({ mutationFn: () => acceptInvitation(token, {}), onSuccess: afterJoin });
  const create = useMutation({ mutationFn: () => acceptInvitation(token, { name, password, language }), onSuccess: afterJoin });
  const fieldStatus = useFieldStatus(create.error);
  const field = errorField(create.error);

  const submitCreate = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  const inv = preview.data;
  const loginTo = `/login?next=${encodeURIComponent(`/invitations/${token}`)}${inv ? `&email=${encodeURIComponent(inv.email)}` : ''}`;

  return (
    <Page title={t('invitation.title')}>
      {preview.isPending ? <Loading /> : null}
      <ErrorAlert error={preview.error} />
      {preview.error ? (
        <Paragraph>{t('invitation.askNew')}</Paragraph>
      ) : null}
      {inv ? (
        <>
          <dl className="facts">
            <dt>{t('invitation.workspace')}</dt>
            <dd>{inv.workspaceName || '–'}</dd>
            <dt>{t('fields.role')}</dt>
            <dd>{t(`roles.${inv.role}`)}</dd>
            {inv.invitedBy ? (
              <>
                <dt>{t('invitation.invitedBy')}</dt>
                <dd>{inv.invitedBy}</dd>
              </>
            ) : null}
            <dt>{t('fields.email')}</dt>
            <dd>{inv.email}</dd>
            <dt>{t('invitation.expires')}</dt>
            <dd>{formatDate(inv.expiresAt, lang)}</dd>
          </dl>

          {status === 'loading' ? <Loading /> : null}

          {status === 'signedIn' && user ? (
            <section aria-labelledby="join-heading">
              <Heading variant="h2" id="join-heading">
                {t('invitation.joinHeading')}
              </Heading>
              {user.email.toLowerCase() !== inv.email.toLowerCase() ? (
                <Paragraph>{t('invitation.otherAccount', { email: user.email, invited: inv.email })}</Paragraph>
              ) : null}
              <ErrorAlert error={join.error} />
              <div className="button-row">
                <Button onClick={() => join.mutate()} disabled={join.isPending}>
                  {t('invitation.join')}
                </Button>
                {user.email.toLowerCase() !== inv.email.toLowerCase() ? (
                  <Button variant="secondary" onClick={() => void signOut()}>
                    {t('header.signOut')}
                  </Button>
                ) : null}
              </div>
            </section>
          ) : null}

          {status === 'signedOut' && inv.accountExists ? (
            <section aria-labelledby="signin-heading">
              <Heading variant="h2" id="signin-heading">
                {t('invitation.signInHeading')}
              </Heading>
              <Paragraph>{t('invitation.signInFirst')}</Paragraph>
              <Paragraph>
                <RouterLink asComponent={RRLink} to={loginTo}>
                  {t('invitation.signInLink')}
                </RouterLink>
              </Paragraph>
            </section>
          ) : null}

          {status === 'signedOut' && !inv.accountExists ? (
            <section aria-labelledby="create-heading">
              <Heading variant="h2" id="create-heading">
                {t('invitation.createHeading')}
              </Heading>
              <form onSubmit={submitCreate} noValidate className="form">
                <TextInput labelText={t('fields.name')} autoComplete="name" value={name} onChange={(v) => setName(String(v ?? ''))} {...fieldStatus('name')} />
                <TextInput labelText={t('fields.newPassword')} hintText={t('fields.passwordHint')} type="password" autoComplete="new-password" value={password} onChange={(v) => setPassword(String(v ?? ''))} {...fieldStatus('password')} />
                <LanguageSelect value={language} onChange={setLanguage} />
                <ErrorAlert error={field ? null : create.error} />
                <Button type="submit" disabled={create.isPending}>
                  {t('invitation.createSubmit')}
                </Button>
              </form>
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
