import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusText } from 'suomifi-ui-components';
import { errorField, onSubmit, useErrorText } from '../components/common';
import { reportPost } from './api';

/**
 * A reader tells the forum's moderators about a post: a reason, then send. The field takes the
 * focus when the form opens; an empty reason (or the server's refusal of it) is said at the field,
 * translated, and the field takes the focus again (no browser validation bubble). Other failures go
 * to onError (the page's alert). Escape closes the form unsent (onCancel).
 */
export function ReportForm({ postId, onSent, onCancel, onError }: { postId: string; onSent: () => void; onCancel: () => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const id = `report-${postId}`;
  const send = () => {
    if (busy) return;
    if (reason.trim() === '') {
      setFieldError(t('forums.reportReasonRequired'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setFieldError('');
    reportPost(postId, reason).then(
      () => {
        setBusy(false);
        onSent();
      },
      (e: unknown) => {
        setBusy(false);
        if (errorField(e) === 'reason') {
          setFieldError(errorText(e));
          input.current?.focus();
        } else onError(e);
      },
    );
  };
  return (
    <form
      className="report-form"
      noValidate
      onSubmit={onSubmit(send)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={id}>{t('forums.reportReason')}</label>
      <input
        id={id}
        ref={input}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          setFieldError('');
        }}
        maxLength={1000}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? `${id}-status` : undefined}
      />
      <button type="submit">{t('forums.sendReport')}</button>
      <StatusText id={`${id}-status`} status={fieldError ? 'error' : 'default'}>
        {fieldError}
      </StatusText>
    </form>
  );
}
