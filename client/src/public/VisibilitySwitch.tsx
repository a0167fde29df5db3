// A document's public visibility, in the plan editor: whether it shows on the public pages
// and, for the group's coordinators, the switch that keeps it off them.
import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Checkbox, RouterLink } from 'suomifi-ui-components';
import { api } from '../api/client';
import { ErrorAlert } from '../components/common';
import './public.css';

interface Visibility {
  documentId: string;
  public: boolean;
  eligible: boolean;
  switchedOn: boolean;
  canSwitch: boolean;
}

const getVisibility = (id: string) => api<Visibility>(`/documents/${encodeURIComponent(id)}/visibility`);
const setVisibility = (id: string, on: boolean) => api<Visibility>(`/documents/${encodeURIComponent(id)}/visibility`, { method: 'PUT', body: { public: on } });

export function VisibilitySwitch({ documentId, status }: { documentId: string; status: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = ['document-visibility', documentId, status];
  const q = useQuery({ queryKey: key, queryFn: () => getVisibility(documentId) });
  const mutation = useMutation({
    mutationFn: (on: boolean) => setVisibility(documentId, on),
    onSuccess: (v) => qc.setQueryData(key, v),
  });
  const v = q.data;
  if (!v) return null;
  const state = v.public ? t('public.visibility.public') : !v.switchedOn ? t('public.visibility.switchedOff') : t('public.visibility.notEligible');
  return (
    <section className="co-visibility" aria-labelledby={`visibility-${documentId}`}>
      <h2 id={`visibility-${documentId}`} className="co-list-heading">
        {t('public.visibility.heading')}
      </h2>
      <p>{state}</p>
      {v.public ? (
        <RouterLink asComponent={RRLink} to={`/public/documents/${documentId}`}>
          {t('public.nav')}
        </RouterLink>
      ) : null}
      {v.canSwitch ? (
        // Not disabled while saving: a disabled checkbox loses the keyboard focus.
        <Checkbox checked={v.switchedOn} onClick={({ checkboxState }) => !mutation.isPending && mutation.mutate(checkboxState)}>
          {t('public.visibility.toggle')}
        </Checkbox>
      ) : null}
      <ErrorAlert error={mutation.error} />
    </section>
  );
}
