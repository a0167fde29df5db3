import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph, StatusText } from 'suomifi-ui-components';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert, Loading, errorField, onSubmit, useErrorText } from '../components/common';
import { circleGroups, joinCircle, openCircle, type Forum } from './api';

/** The groups the person coordinates (the server's rule: only a group's coordinator opens or joins a circle). */
export function useCoordinated(): string[] {
  const { user } = useAuth();
  return (user?.memberships ?? []).filter((m) => m.role === 'coordinator').map((m) => m.workspaceId);
}

/**
 * A coordinator opens a peer circle for their group and invites other groups; the invited groups'
 * coordinators see it in their forum list and join it, and then the members of every joined group
 * read and write in it. Sending without a name or an invited group says so at the field (the
 * first such field takes the focus), as the server's refusals of a field do.
 */
export function OpenCircle() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const coordinated = useCoordinated();
  const [shown, setShown] = useState(false);
  const groups = useQuery({ queryKey: ['forums', 'circleGroups'], queryFn: circleGroups, enabled: shown && coordinated.length > 0 });
  const [title, setTitle] = useState('');
  const [own, setOwn] = useState('');
  const [invite, setInvite] = useState<string[]>([]);
  const mine = groups.data?.mine ?? [];
  // The button that showed the form is gone: the focus goes to the form's first field.
  const titleRef = useRef<HTMLInputElement>(null);
  const inviteRef = useRef<HTMLFieldSetElement>(null);
  const errorText = useErrorText();
  const [missing, setMissing] = useState<{ title?: boolean; invite?: boolean }>({});
  const formShown = shown && !groups.isPending;
  useEffect(() => {
    if (formShown) titleRef.current?.focus();
  }, [formShown]);
  const group = own || mine[0]?.id || '';
  const create = useMutation({
    mutationFn: () => openCircle(title, group, invite),
    onError: (e) => {
      if (errorField(e) === 'title') titleRef.current?.focus();
      else if (errorField(e) === 'invite') inviteRef.current?.querySelector('input')?.focus();
    },
    onSuccess: (f) => {
      void qc.invalidateQueries({ queryKey: ['forums', 'list'] });
      navigate(`/forums/${f.id}`);
    },
  });
  const serverField = errorField(create.error);
  const fieldError = (f: 'title' | 'invite', text: string) => (missing[f] ? text : serverField === f ? errorText(create.error) : '');
  const titleError = fieldError('title', t('forums.circleTitleRequired'));
  const inviteError = fieldError('invite', t('forums.circleInviteRequired'));
  const submit = () => {
    if (create.isPending) return;
    const m = { title: title.trim() === '', invite: invite.length === 0 };
    setMissing(m);
    create.reset();
    if (m.title) titleRef.current?.focus();
    else if (m.invite) inviteRef.current?.querySelector('input')?.focus();
    else create.mutate();
  };
  if (coordinated.length === 0) return null;
  return (
    <section aria-labelledby="circle-new">
      <Heading variant="h2" id="circle-new">
        {t('forums.openCircle')}
      </Heading>
      <Paragraph>{t('forums.openCircleIntro')}</Paragraph>
      {!shown ? (
        <div className="forum-tools">
          <Button variant="secondary" aria-expanded={false} aria-controls="circle-form" onClick={() => setShown(true)}>
            {t('forums.openCircle')}
          </Button>
        </div>
      ) : groups.isPending ? (
        <Loading />
      ) : (
        <form id="circle-form" className="forum-form circle-form" noValidate onSubmit={onSubmit(submit)}>
          <label htmlFor="circle-title">{t('forums.circleTitle')}</label>
          <input
            id="circle-title"
            ref={titleRef}
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              setMissing((m) => ({ ...m, title: false }));
            }}
            maxLength={200}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? 'circle-title-status' : undefined}
          />
          <StatusText id="circle-title-status" status={titleError ? 'error' : 'default'}>
            {titleError}
          </StatusText>
          {mine.length > 1 ? (
            <>
              <label htmlFor="circle-group">{t('forums.circleGroup')}</label>
              <select id="circle-group" value={group} onChange={(e) => setOwn(e.target.value)}>
                {mine.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <p className="forum-meta">{t('forums.circleFor', { name: mine[0]?.name ?? '' })}</p>
          )}
          <fieldset ref={inviteRef} aria-describedby={inviteError ? 'circle-invite-hint circle-invite-status' : 'circle-invite-hint'} className={inviteError ? 'field-invalid' : undefined}>
            <legend>{t('forums.circleInvite')}</legend>
            <p id="circle-invite-hint" className="forum-meta">
              {t('forums.circleInviteHint', { count: invite.length })}
            </p>
            {(groups.data?.others ?? []).map((g) => (
              <label key={g.id}>
                <input
                  type="checkbox"
                  checked={invite.includes(g.id)}
                  onChange={(e) => {
                    const on = e.target.checked;
                    setInvite((l) => (on ? [...l, g.id] : l.filter((x) => x !== g.id)));
                    setMissing((m) => ({ ...m, invite: false }));
                  }}
                />{' '}
                {g.name}
              </label>
            ))}
          </fieldset>
          <StatusText id="circle-invite-status" status={inviteError ? 'error' : 'default'}>
            {inviteError}
          </StatusText>
          <ErrorAlert error={groups.error ?? (serverField === 'title' || serverField === 'invite' ? null : create.error)} />
          <Button type="submit" disabled={create.isPending}>
            {t('forums.openCircleSubmit')}
          </Button>
        </form>
      )}
    </section>
  );
}

/** An invited circle in the coordinator's list: join it with the invited group(s) they coordinate. */
export function JoinCircle({ forum, onJoined }: { forum: Forum; onJoined: (note: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const coordinated = useCoordinated();
  const join = useMutation({
    mutationFn: (ws: string) => joinCircle(forum.id, ws),
    onSuccess: (_, ws) => {
      onJoined(t('forums.circleJoined', { title: forum.names.fi, name: forum.workspaces?.find((g) => g.id === ws)?.name ?? '' }));
      void qc.invalidateQueries({ queryKey: ['forums', 'list'] });
    },
  });
  const invited = (forum.workspaces ?? []).filter((g) => !g.joined && coordinated.includes(g.id));
  const by = (forum.workspaces ?? []).filter((g) => g.joined).map((g) => g.name).join(', ');
  return (
    <span className="circle-join">
      <span className="forum-meta">{t('forums.circleInvitedBy', { names: by })}</span>
      {invited.map((g) => (
        <Button key={g.id} variant="secondary" disabled={join.isPending} onClick={() => join.mutate(g.id)}>
          {t('forums.circleJoin', { name: g.name })}
        </Button>
      ))}
      <ErrorAlert error={join.error} />
    </span>
  );
}
