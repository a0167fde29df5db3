// Linking a practice with an action of a plan the reader edits (the other direction of
// "practices link both ways with plan actions"): choose a plan, then one of its actions.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'suomifi-ui-components';
import { getDocument, listDocuments, listWorkspaces } from '../api/endpoints';
import { ErrorAlert, StatusMessage, onSubmit } from '../components/common';
import { api } from '../api/client';
import type { PracticeLink } from './api';
import { documentPracticesKey } from './ActionPractices';

const linkAction = (id: string, documentId: string, node: string) =>
  api<PracticeLink>(`/practices/${encodeURIComponent(id)}/links`, { method: 'POST', body: { kind: 'action', documentId, node } });

export function LinkToPlan({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const ws = useQuery({ queryKey: ['workspaces'], queryFn: listWorkspaces });
  const editable = (ws.data ?? []).filter((w) => w.myRole === 'coordinator' || w.myRole === 'member');
  const plans = useQuery({
    queryKey: ['practices', 'linkable-plans', editable.map((w) => w.id).join(',')],
    queryFn: async () => (await Promise.all(editable.map((w) => listDocuments(w.id)))).flat().filter((d) => d.kind === 'action_plan' && d.canEdit && !d.archived),
    enabled: editable.length > 0,
  });
  const [plan, setPlan] = useState('');
  const [node, setNode] = useState('');
  const doc = useQuery({ queryKey: ['practices', 'plan-actions', plan], queryFn: () => getDocument(plan), enabled: !!plan });
  const actions = Object.values(doc.data?.nodes ?? {}).filter((n) => n.type === 'action');
  const link = useMutation({
    mutationFn: () => linkAction(practiceId, plan, node),
    onSuccess: () => {
      setNode('');
      void qc.invalidateQueries({ queryKey: ['practices', practiceId, 'links'] });
      // The plan's editor lists its actions' practices (kept 30 s): opened next, it shows this link.
      void qc.invalidateQueries({ queryKey: documentPracticesKey(plan) });
    },
  });
  if (!plans.data || plans.data.length === 0) return null;
  return (
    <form className="practice-form" onSubmit={onSubmit(() => link.mutate())} aria-labelledby="ps-linkplan">
      <h3 id="ps-linkplan">{t('practices.linkToPlan')}</h3>
      <div className="practice-actions">
        <div className="practice-select">
          <label htmlFor="pl-plan">{t('practices.plan')}</label>
          <select id="pl-plan" value={plan} onChange={(e) => (setPlan(e.target.value), setNode(''))}>
            <option value="">{t('practices.choose')}</option>
            {plans.data.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <div className="practice-select">
          <label htmlFor="pl-action">{t('practices.action')}</label>
          <select id="pl-action" value={node} onChange={(e) => setNode(e.target.value)} disabled={!plan || actions.length === 0}>
            <option value="">{t('practices.choose')}</option>
            {actions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.text?.title || a.id}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={!plan || !node || link.isPending}>
          {t('practices.linkSubmit')}
        </Button>
      </div>
      <ErrorAlert error={link.error} />
      <StatusMessage>{link.isSuccess ? t('practices.linkedDone') : ''}</StatusMessage>
    </form>
  );
}
