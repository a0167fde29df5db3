// /unsubscribe?token=…: the page behind an email's one-click unsubscribe link. It unsubscribes
// without signing in (the token is signed by the server), says what stopped and offers to undo.
// A GET of the link alone changes nothing: link scanners do not run this page's script.
// The email's link carries its language (&lang=sv): the page speaks it in a browser that has
// never chosen one (opened from a mail program, signed out).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Button, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Page, StatusMessage } from '../components/common';
import i18n, { isLanguage } from '../i18n';
import { undoUnsubscribe, unsubscribe } from '../notifications/api';

export function UnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const lang = params.get('lang');
  useEffect(() => {
    if (isLanguage(lang) && i18n.resolvedLanguage !== lang) void i18n.changeLanguage(lang);
  }, [lang]);
  const stop = useMutation({ mutationFn: () => unsubscribe(token) });
  const undo = useMutation({ mutationFn: () => undoUnsubscribe(token) });
  const asked = useRef(false);
  useEffect(() => {
    if (token && !asked.current) {
      asked.current = true;
      stop.mutate();
    }
  }, [token, stop]);
  const done = stop.data ? (stop.data.scope === 'digest' ? t('email.unsubscribe.doneDigest') : t('email.unsubscribe.doneMentions')) : null;
  return (
    <Page title={t('email.unsubscribe.title')}>
      {!token ? <Paragraph>{t('email.unsubscribe.missing')}</Paragraph> : null}
      <ErrorAlert error={stop.error ?? undo.error} />
      <StatusMessage>{undo.isSuccess ? t('email.unsubscribe.undone') : stop.isPending ? t('email.unsubscribe.working') : done}</StatusMessage>
      {stop.isSuccess && !undo.isSuccess ? (
        <Button variant="secondary" onClick={() => undo.mutate()} disabled={undo.isPending}>
          {t('email.unsubscribe.undo')}
        </Button>
      ) : null}
      {/* mt: after an alert the class's margin loses to the Paragraph's own styles */}
      <Paragraph className="after-form" mt="m">
        <RouterLink asComponent={RRLink} to="/profile#email">
          {t('email.unsubscribe.settings')}
        </RouterLink>
      </Paragraph>
    </Page>
  );
}
