import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Button, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { confirmPasswordReset, requestPasswordReset } from '../api/endpoints';
import { ErrorAlert, Page, StatusMessage, onSubmit } from '../components/common';
import { NewPasswordFields, useNewPassword } from '../components/NewPassword';

function RequestForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: () => requestPasswordReset(email) });
  const submit = onSubmit(() => mutation.mutate());
  return (
    <Page title={t('reset.requestTitle')}>
      <Paragraph>{t('reset.requestIntro')}</Paragraph>
      <form onSubmit={submit} noValidate className="form">
        <TextInput labelText={t('fields.email')} type="email" autoComplete="email" value={email} onChange={(v) => setEmail(String(v ?? ''))} />
        <ErrorAlert error={mutation.error} />
        <StatusMessage>{mutation.isSuccess ? t('reset.requestSent') : null}</StatusMessage>
        <Button type="submit" disabled={mutation.isPending}>
          {t('reset.requestSubmit')}
        </Button>
      </form>
      <Paragraph className="after-form">
        <RouterLink asComponent={RRLink} to="/login">
          {t('reset.backToLogin')}
        </RouterLink>
      </Paragraph>
    </Page>
  );
}

function ConfirmForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const password = useNewPassword();
  const mutation = useMutation({ mutationFn: () => confirmPasswordReset(token, password.value) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.check()) mutation.mutate();
  };
  return (
    <Page title={t('reset.confirmTitle')}>
      {mutation.isSuccess ? (
        <>
          <StatusMessage>{t('reset.confirmDone')}</StatusMessage>
          <Paragraph>
            <RouterLink asComponent={RRLink} to="/login">
              {t('login.title')}
            </RouterLink>
          </Paragraph>
        </>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <NewPasswordFields password={password} />
          <ErrorAlert error={mutation.error}>
            {mutation.error ? (
              <>
                {' '}
                <RouterLink asComponent={RRLink} to="/reset-password">
                  {t('reset.requestAgain')}
                </RouterLink>
              </>
            ) : null}
          </ErrorAlert>
          <Button type="submit" disabled={mutation.isPending}>
            {t('reset.confirmSubmit')}
          </Button>
        </form>
      )}
    </Page>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ConfirmForm token={token} /> : <RequestForm />;
}
