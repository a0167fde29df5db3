import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { Paragraph, RouterLink } from 'suomifi-ui-components';
import { Page } from '../components/common';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <RouterLink asComponent={RRLink} to="/">
          {t('notFound.home')}
        </RouterLink>
      </Paragraph>
    </Page>
  );
}
