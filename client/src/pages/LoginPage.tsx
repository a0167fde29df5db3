import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Button, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { login } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert, Page, onSubmit } from '../components/common';

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//')) return next;
  return '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signIn, status } = useAuth();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));

  useEffect(() => {
    if (status === 'signedIn') navigate(next, { replace: true });
  }, [status, next, navigate]);

  const mutation = useMutation({
    mutationFn: () => login({ email, password }),
    onSuccess: (session) => {
      signIn(session);
    },
  });

  const submit = onSubmit(() => mutation.mutate());

  return (
    <Page title={t('login.title')}>
      <form onSubmit={submit} noValidate className="form">
        <TextInput labelText={t('fields.email')} type="email" name="email" autoComplete="username" value={email} onChange={(v) => setEmail(String(v ?? ''))} />
        <TextInput labelText={t('fields.password')} type="password" name="password" autoComplete="current-password" value={password} onChange={(v) => setPassword(String(v ?? ''))} />
        <ErrorAlert error={mutation.error} />
        <Button type="submit" disabled={mutation.isPending}>
          {t('login.submit')}
        </Button>
      </form>
      <Paragraph className="after-form">
        <RouterLink asComponent={RRLink} to="/reset-password">
          {t('login.forgot')}
        </RouterLink>
      </Paragraph>
    </Page>
  );
}
