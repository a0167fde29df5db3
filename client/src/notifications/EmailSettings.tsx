// The email part of the profile page: how mentions and the other notifications reach the person
// by email (shared/api/openapi.yaml: getEmailPreferences, setEmailPreferences).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph, RadioButton, RadioButtonGroup } from 'suomifi-ui-components';
import { ErrorAlert, Loading, StatusMessage, onSubmit } from '../components/common';
import { getEmailPreferences, setEmailPreferences, type DigestEmail, type EmailPreferences, type MentionEmail } from './api';

const MENTIONS: MentionEmail[] = ['immediately', 'daily', 'weekly', 'never'];
const DIGESTS: DigestEmail[] = ['daily', 'weekly', 'never'];

function Form({ initial }: { initial: EmailPreferences }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [mentions, setMentions] = useState<MentionEmail>(initial.mentions);
  const [digest, setDigest] = useState<DigestEmail>(initial.digest);
  const mutation = useMutation({
    mutationFn: () => setEmailPreferences({ mentions, digest }),
    onSuccess: (p) => qc.setQueryData(['email-preferences'], p),
  });
  const { reset } = mutation;
  useEffect(() => reset(), [mentions, digest, reset]);
  return (
    <form onSubmit={onSubmit(() => !mutation.isPending && mutation.mutate())} noValidate className="form">
      <RadioButtonGroup labelText={t('email.mentionsLegend')} groupHintText={t('email.mentionsHint')} name="email-mentions" value={mentions} onChange={(v) => setMentions(v as MentionEmail)}>
        {MENTIONS.map((m) => (
          <RadioButton key={m} value={m}>
            {t(`email.mentions.${m}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <RadioButtonGroup labelText={t('email.digestLegend')} groupHintText={t('email.digestHint')} name="email-digest" value={digest} onChange={(v) => setDigest(v as DigestEmail)}>
        {DIGESTS.map((d) => (
          <RadioButton key={d} value={d}>
            {t(`email.digest.${d}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <ErrorAlert error={mutation.error} />
      <StatusMessage>{mutation.isSuccess ? t('email.saved') : null}</StatusMessage>
      {/* aria-disabled while saving: a disabled button would drop the keyboard's focus to the page. */}
      <Button type="submit" aria-disabled={mutation.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}

export function EmailSettings() {
  const { t } = useTranslation();
  const prefs = useQuery({ queryKey: ['email-preferences'], queryFn: getEmailPreferences });
  // /profile#email (the emails' and the unsubscribe page's link): the section shows once its
  // settings load, after the browser looked for the anchor; scroll to it and focus its heading then.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = prefs.data !== undefined;
  useEffect(() => {
    if (loaded && window.location.hash === '#email') {
      headingRef.current?.scrollIntoView();
      headingRef.current?.focus();
    }
  }, [loaded]);
  return (
    <section aria-labelledby="email-heading" className="panel" id="email">
      <Heading variant="h2" id="email-heading" ref={headingRef} tabIndex={-1}>
        {t('email.settingsHeading')}
      </Heading>
      <Paragraph>{t('email.settingsIntro')}</Paragraph>
      {prefs.data ? <Form initial={prefs.data} /> : prefs.error ? <ErrorAlert error={prefs.error} /> : <Loading />}
    </section>
  );
}
