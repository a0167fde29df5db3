import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Dropdown, DropdownItem, Heading, TextInput } from 'suomifi-ui-components';
import { ApiError } from '../api/client';
import { changePassword, listOrganisations, updateMe } from '../api/endpoints';
import type { Language, Me } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert, Page, StatusMessage, errorField, useErrorText, useFieldStatus, onSubmit } from '../components/common';
import { LanguageSelect } from '../components/LanguageSelect';
import { NewPasswordFields, useNewPassword } from '../components/NewPassword';
import i18n, { rememberLanguage } from '../i18n';
import { EmailSettings } from '../notifications/EmailSettings';

const NONE = '__none__';

interface OrgOption {
  labelText: string;
  uniqueItemId: string;
}

function ProfileForm({ user }: { user: Me }) {
  const { t } = useTranslation();
  const { setUser } = useAuth();
  const [name, setName] = useState(user.name);
  const [title, setTitle] = useState(user.title ?? '');
  const [organisationId, setOrganisationId] = useState(user.organisationId ?? '');
  const [language, setLanguage] = useState<Language>(user.language);
  const [notificationEmail, setNotificationEmail] = useState(user.notificationEmail);
  const orgs = useQuery({ queryKey: ['organisations', 'all'], queryFn: () => listOrganisations({ limit: 200 }) });
  const options: OrgOption[] = useMemo(
    () => (orgs.data?.items ?? []).map((o) => ({ labelText: o.name, uniqueItemId: o.id })).sort((a, b) => a.labelText.localeCompare(b.labelText)),
    [orgs.data],
  );

  const mutation = useMutation({
    mutationFn: () => updateMe({ name, title, organisationId, language, notificationEmail }),
    onSuccess: (me) => {
      setUser(me);
      rememberLanguage(me.language);
      void i18n.changeLanguage(me.language);
    },
  });
  const fieldStatus = useFieldStatus(mutation.error);
  const field = errorField(mutation.error);
  const submit = onSubmit(() => mutation.mutate());
  return (
    <section aria-labelledby="profile-heading" className="panel">
      <Heading variant="h2" id="profile-heading">
        {t('profile.detailsHeading')}
      </Heading>
      <form onSubmit={submit} noValidate className="form">
        <TextInput labelText={t('fields.email')} value={user.email} disabled hintText={t('profile.emailHint')} />
        <TextInput labelText={t('fields.name')} autoComplete="name" value={name} onChange={(v) => setName(String(v ?? ''))} {...fieldStatus('name')} />
        <TextInput labelText={t('fields.title')} optionalText={t('common.optional')} autoComplete="organization-title" value={title} onChange={(v) => setTitle(String(v ?? ''))} {...fieldStatus('title')} />
        {/* A Dropdown rather than SingleSelect: SingleSelect points aria-controls at a popover
            that does not exist while closed, which axe reports as a critical violation. */}
        <Dropdown
          labelText={t('fields.organisation')}
          optionalText={t('common.optional')}
          hintText={t('profile.organisationHint')}
          value={organisationId || NONE}
          onChange={(v) => setOrganisationId(v === NONE ? '' : v)}
          className="field"
          {...fieldStatus('organisationId')}
        >
          {[
            <DropdownItem key={NONE} value={NONE}>
              {t('common.none')}
            </DropdownItem>,
            ...options.map((o) => (
              <DropdownItem key={o.uniqueItemId} value={o.uniqueItemId}>
                {o.labelText}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
        <LanguageSelect label={t('fields.language')} value={language} onChange={setLanguage} />
        <TextInput
          labelText={t('profile.notificationEmail')}
          hintText={t('profile.notificationEmailHint')}
          optionalText={t('common.optional')}
          type="email"
          value={notificationEmail}
          onChange={(v) => setNotificationEmail(String(v ?? ''))}
          {...fieldStatus('notificationEmail')}
        />
        <ErrorAlert error={field ? null : mutation.error} />
        <StatusMessage>{mutation.isSuccess ? t('profile.saved') : null}</StatusMessage>
        <Button type="submit" disabled={mutation.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </section>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [current, setCurrent] = useState('');
  const password = useNewPassword();
  const mutation = useMutation({
    mutationFn: () => changePassword(current, password.value),
    onSuccess: () => {
      setCurrent('');
      password.clear();
    },
  });
  const code = mutation.error instanceof ApiError ? mutation.error.code : '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.check()) mutation.mutate();
  };
  return (
    <section aria-labelledby="password-heading" className="panel">
      <Heading variant="h2" id="password-heading">
        {t('profile.passwordHeading')}
      </Heading>
      <form onSubmit={submit} noValidate className="form">
        <TextInput
          labelText={t('fields.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(v) => setCurrent(String(v ?? ''))}
          {...(code === 'wrong_password' ? { status: 'error' as const, statusText: errorText(mutation.error) } : {})}
        />
        <NewPasswordFields password={password} error={code === 'weak_password' ? errorText(mutation.error) : undefined} />
        <ErrorAlert error={code === 'wrong_password' || code === 'weak_password' ? null : mutation.error} />
        <StatusMessage>{mutation.isSuccess ? t('profile.passwordChanged') : null}</StatusMessage>
        <Button type="submit" disabled={mutation.isPending}>
          {t('profile.passwordSubmit')}
        </Button>
      </form>
    </section>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <Page title={t('profile.title')}>
      {user ? <ProfileForm key={user.id} user={user} /> : null}
      <EmailSettings />
      <PasswordForm />
    </Page>
  );
}
