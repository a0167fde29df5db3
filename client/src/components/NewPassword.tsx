// The new password and its repetition, as the password change and the password reset ask for
// them: the two fields, and the check that they match before anything is sent.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInput } from 'suomifi-ui-components';

export interface NewPassword {
  value: string;
  again: string;
  mismatch: boolean;
  setValue(v: string): void;
  setAgain(v: string): void;
  /** Says whether the two match (and shows it at the repetition when they do not). */
  check(): boolean;
  clear(): void;
}

export function useNewPassword(): NewPassword {
  const [value, setValue] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return {
    value,
    again,
    mismatch,
    setValue,
    setAgain,
    check: () => {
      const ok = value === again;
      setMismatch(!ok);
      return ok;
    },
    clear: () => {
      setValue('');
      setAgain('');
    },
  };
}

/** The two fields; error is the server's word on the new password (e.g. too weak), if any. */
export function NewPasswordFields({ password, error }: { password: NewPassword; error?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        labelText={t('fields.newPassword')}
        hintText={t('fields.passwordHint')}
        type="password"
        autoComplete="new-password"
        value={password.value}
        onChange={(v) => password.setValue(String(v ?? ''))}
        {...(error ? { status: 'error' as const, statusText: error } : {})}
      />
      <TextInput
        labelText={t('fields.newPasswordAgain')}
        type="password"
        autoComplete="new-password"
        value={password.again}
        onChange={(v) => password.setAgain(String(v ?? ''))}
        status={password.mismatch ? 'error' : 'default'}
        statusText={password.mismatch ? t('fields.passwordMismatch') : undefined}
      />
    </>
  );
}
