import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ExternalLink, Heading, Paragraph, RouterLink, Textarea, TextInput } from 'suomifi-ui-components';
import { ApiError } from '../api/client';
import { getOrganisation, updateOrganisation } from '../api/endpoints';
import type { OrganisationDetail, OrganisationType } from '../api/types';
import { mayEditOrganisation, useAuth } from '../auth/AuthContext';
import { ErrorAlert, Loading, Page, StatusMessage, errorField, useRefName, useFieldStatus, onSubmit } from '../components/common';
import { OrgTypeSelect } from '../components/OrgTypeSelect';
import { RegionSelect } from '../components/RegionSelect';

function websiteHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

function EditForm({ org, onDone }: { org: OrganisationDetail; onDone: (msg: string | null) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(org.name);
  const [type, setType] = useState<string>(org.type);
  const [regionId, setRegionId] = useState(org.regionId);
  const [description, setDescription] = useState(org.description);
  const [services, setServices] = useState(org.services.join('\n'));
  const [website, setWebsite] = useState(org.website);
  const mutation = useMutation({
    mutationFn: () =>
      updateOrganisation(org.id, {
        name,
        type: type as OrganisationType,
        regionId,
        description,
        services: services.split('\n').map((s) => s.trim()).filter(Boolean),
        website: website.trim(),
        version: org.version,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['organisation', org.id] });
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      onDone(t('organisation.saved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        // Someone else saved first: reload their version; the form is rebuilt from it.
        void queryClient.invalidateQueries({ queryKey: ['organisation', org.id] });
        onDone(t('organisation.conflict'));
      }
    },
  });
  const fieldStatus = useFieldStatus(mutation.error);
  const field = errorField(mutation.error);
  const submit = onSubmit(() => mutation.mutate());
  return (
    <section aria-labelledby="edit-org-heading" className="panel">
      <Heading variant="h2" id="edit-org-heading">
        {t('organisation.editHeading')}
      </Heading>
      <form onSubmit={submit} noValidate className="form">
        <TextInput labelText={t('fields.name')} fullWidth value={name} onChange={(v) => setName(String(v ?? ''))} {...fieldStatus('name')} />
        <OrgTypeSelect label={t('fields.organisationType')} value={type} onChange={setType} />
        <RegionSelect value={regionId} onChange={setRegionId} {...fieldStatus('regionId')} />
        <Textarea labelText={t('fields.description')} fullWidth rows={6} value={description} onChange={(e) => setDescription(e.target.value)} {...fieldStatus('description')} />
        <Textarea labelText={t('organisation.services')} hintText={t('organisation.servicesHint')} fullWidth rows={5} value={services} onChange={(e) => setServices(e.target.value)} {...fieldStatus('services')} />
        <TextInput labelText={t('organisation.website')} hintText={t('organisation.websiteHint')} type="url" fullWidth value={website} onChange={(v) => setWebsite(String(v ?? ''))} {...fieldStatus('website')} />
        <ErrorAlert error={field ? null : mutation.error} />
        <div className="button-row">
          <Button type="submit" disabled={mutation.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="secondary" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export function OrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const refName = useRefName();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery({ queryKey: ['organisation', id], queryFn: () => getOrganisation(id) });
  const org = query.data;

  return (
    <Page title={org?.name ?? t('organisation.title')}>
      <Paragraph>
        <RouterLink asComponent={RRLink} to="/organisations">
          {t('organisation.back')}
        </RouterLink>
      </Paragraph>
      {query.isPending ? <Loading /> : null}
      <ErrorAlert error={query.error} />
      <StatusMessage>{notice}</StatusMessage>
      {org ? (
        <>
          <dl className="facts">
            <dt>{t('fields.organisationType')}</dt>
            <dd>{t(`organisationTypes.${org.type}`)}</dd>
            <dt>{t('fields.region')}</dt>
            <dd>{refName(org.regionId) || '–'}</dd>
            <dt>{t('organisation.website')}</dt>
            <dd>
              {org.website ? (
                <ExternalLink href={websiteHref(org.website)} labelNewWindow={t('common.opensInNewWindow')}>
                  {org.website}
                </ExternalLink>
              ) : (
                '–'
              )}
            </dd>
          </dl>
          {org.description ? <Paragraph className="description">{org.description}</Paragraph> : null}
          <section aria-labelledby="services-heading">
            <Heading variant="h2" id="services-heading">
              {t('organisation.services')}
            </Heading>
            {org.services.length > 0 ? (
              <ul className="plain-list">
                {org.services.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
            ) : (
              <Paragraph>{t('organisation.noServices')}</Paragraph>
            )}
          </section>
          <section aria-labelledby="people-heading">
            <Heading variant="h2" id="people-heading">
              {t('organisation.people')}
            </Heading>
            {org.people.length > 0 ? (
              <ul className="plain-list">
                {org.people.map((p) => (
                  <li key={p.id}>
                    {p.name}
                    {p.title ? `, ${p.title}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <Paragraph>{t('organisation.noPeople')}</Paragraph>
            )}
          </section>
          {mayEditOrganisation(user, org.id) && !editing ? (
            <Button
              variant="secondary"
              className="after-form"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            >
              {t('organisation.edit')}
            </Button>
          ) : null}
          {editing ? (
            <EditForm
              key={org.version}
              org={org}
              onDone={(msg) => {
                setNotice(msg);
                if (msg !== t('organisation.conflict')) setEditing(false);
              }}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
