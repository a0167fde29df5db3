import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams, Link as RRLink } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { completeSetup, getSetup } from '../api/endpoints';
import type { Language } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert, Loading, Page, errorField, useLang, useFieldStatus, onSubmit } from '../components/common';
import { LanguageSelect } from '../components/LanguageSelect';

export function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signIn } = useAuth();
  const lang = useLang();
  const state = useQuery({ queryKey: ['setup'], queryFn: getSetup });
  const [token, setToken] = useState(params.get('token') ?? '');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState<Language>(lang);

  const mutation = useMutation({
    mutationFn: () => completeSetup({ token, name, email, password, language }),
    onSuccess: (session) => {
      signIn(session);
      navigate('/');
    },
  });
  const fieldStatus = useFieldStatus(mutation.error);
  const field = errorField(mutation.error);

  const submit = onSubmit(() => mutation.mutate());

  return (
    <Page title={t('setup.title')}>
      {state.isPending ? <Loading /> : null}
      <ErrorAlert error={state.error} />
      {state.data && !state.data.needed ? (
        <Paragraph>
          {t('setup.done')}{' '}
          <RouterLink asComponent={RRLink} to="/login">
            {t('login.title')}
          </RouterLink>
        </Paragraph>
      ) : null}
      {state.data?.needed ? (
        <form onSubmit={submit} noValidate className="form">
          <Paragraph>{t('setup.intro')}</Paragraph>
          <TextInput labelText={t('setup.token')} hintText={t('setup.tokenHint')} value={token} onChange={(v) => setToken(String(v ?? ''))} {...fieldStatus('token')} autoComplete="off" />
          <TextInput labelText={t('fields.name')} value={name} onChange={(v) => setName(String(v ?? ''))} {...fieldStatus('name')} autoComplete="name" />
          <TextInput labelText={t('fields.email')} type="email" value={email} onChange={(v) => setEmail(String(v ?? ''))} {...fieldStatus('email')} autoComplete="email" />
          <TextInput labelText={t('fields.newPassword')} hintText={t('fields.passwordHint')} type="password" value={password} onChange={(v) => setPassword(String(v ?? ''))} {...fieldStatus('password')} autoComplete="new-password" />
          <LanguageSelect value={language} onChange={setLanguage} />
          <ErrorAlert error={field ? null : mutation.error} />
          <Button type="submit" disabled={mutation.isPending}>
            {t('setup.submit')}
          </Button>
        </form>
      ) : null}
    </Page>
  );
}
