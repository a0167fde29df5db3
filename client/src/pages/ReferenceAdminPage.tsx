import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph, RouterLink, StaticChip, TextInput } from 'suomifi-ui-components';
import { ApiError } from '../api/client';
import { createReferenceItem, updateReferenceItem } from '../api/endpoints';
import { LANGUAGES, REFERENCE_KINDS, type LocalizedText, type ReferenceItem, type ReferenceKind } from '../api/types';
import { ErrorAlert, Loading, Page, StatusMessage, errorField, localized, useErrorText, useLang, useReference, onSubmit } from '../components/common';

function isKind(v: string | null): v is ReferenceKind {
  return !!v && (REFERENCE_KINDS as string[]).includes(v);
}

function NamesFields({ names, onChange, context, errorFor }: { names: LocalizedText; onChange: (n: LocalizedText) => void; context?: string; errorFor?: (f: string) => object }) {
  const { t } = useTranslation();
  return (
    <div className="names-row">
      {LANGUAGES.map((l) => (
        <TextInput
          key={l}
          labelText={context ? t('reference.nameInFor', { language: t(`languages.${l}`), item: context }) : t('reference.nameIn', { language: t(`languages.${l}`) })}
          value={names[l]}
          lang={l}
          onChange={(v) => onChange({ ...names, [l]: String(v ?? '') })}
          {...(errorFor ? errorFor(`names.${l}`) : {})}
        />
      ))}
    </div>
  );
}

function ItemEditor({ kind, item }: { kind: ReferenceKind; item: ReferenceItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [names, setNames] = useState<LocalizedText>(item.names);
  const [notice, setNotice] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: { names?: LocalizedText; archived?: boolean }) => updateReferenceItem(kind, item.id, { ...body, version: item.version }),
    onSuccess: (_r, body) => {
      setNotice(body.archived === undefined ? t('reference.saved') : body.archived ? t('reference.archivedDone') : t('reference.unarchivedDone'));
      void queryClient.invalidateQueries({ queryKey: ['reference'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'version_conflict') void queryClient.invalidateQueries({ queryKey: ['reference'] });
    },
  });
  const display = localized(item.names, lang) || item.code;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    mutation.mutate({ names });
  };
  return (
    <li className={`card ref-item${item.archived ? ' archived' : ''}`}>
      <form onSubmit={submit} noValidate aria-label={display}>
        <div className="ref-item-head">
          <Heading variant="h3">{display}</Heading>
          <span className="muted">
            {t('reference.code')}: <code>{item.code}</code>
          </span>
          {item.archived ? <StaticChip>{t('reference.archived')}</StaticChip> : null}
        </div>
        <NamesFields names={names} onChange={setNames} context={item.code} />
        <ErrorAlert error={mutation.error} />
        <StatusMessage>{notice}</StatusMessage>
        <div className="button-row">
          <Button type="submit" variant="secondary" disabled={mutation.isPending} aria-label={t('reference.saveFor', { item: display })}>
            {t('common.save')}
          </Button>
          <Button
            variant="secondaryNoBorder"
            disabled={mutation.isPending}
            aria-label={item.archived ? t('reference.unarchiveFor', { item: display }) : t('reference.archiveFor', { item: display })}
            onClick={() => {
              setNotice(null);
              mutation.mutate({ archived: !item.archived });
            }}
          >
            {item.archived ? t('reference.unarchive') : t('reference.archive')}
          </Button>
        </div>
      </form>
    </li>
  );
}

function AddItemForm({ kind }: { kind: ReferenceKind }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const empty = { fi: '', sv: '', en: '' };
  const [code, setCode] = useState('');
  const [names, setNames] = useState<LocalizedText>(empty);
  const mutation = useMutation({
    mutationFn: () => createReferenceItem(kind, { code: code.trim(), names }),
    onSuccess: () => {
      setCode('');
      setNames(empty);
      void queryClient.invalidateQueries({ queryKey: ['reference'] });
    },
  });
  const field = errorField(mutation.error);
  const errorFor = (f: string) => (field === f ? { status: 'error' as const, statusText: errorText(mutation.error) } : {});
  const submit = onSubmit(() => mutation.mutate());
  return (
    <section aria-labelledby="add-ref-heading" className="panel">
      <Heading variant="h2" id="add-ref-heading">
        {t('reference.addHeading', { kind: t(`reference.kinds.${kind}`) })}
      </Heading>
      <form onSubmit={submit} noValidate className="form">
        <TextInput labelText={t('reference.code')} hintText={t('reference.codeHint')} value={code} onChange={(v) => setCode(String(v ?? ''))} {...errorFor('code')} />
        <NamesFields names={names} onChange={setNames} errorFor={errorFor} />
        <ErrorAlert error={field ? null : mutation.error} />
        <StatusMessage>{mutation.isSuccess ? t('reference.added') : null}</StatusMessage>
        <Button type="submit" disabled={mutation.isPending}>
          {t('reference.add')}
        </Button>
      </form>
    </section>
  );
}

export function ReferenceAdminPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const kindParam = params.get('kind');
  const kind: ReferenceKind = isKind(kindParam) ? kindParam : 'regions';
  const ref = useReference();
  const items = [...(ref.data?.[kind] ?? [])].sort((a, b) => a.order - b.order);

  return (
    <Page title={t('reference.title')}>
      <nav aria-label={t('reference.kindsLabel')} className="sub-nav">
        <ul>
          {REFERENCE_KINDS.map((k) => (
            <li key={k}>
              <RouterLink asComponent={RRLink} to={`/admin/reference?kind=${k}`} aria-current={k === kind ? 'page' : undefined} className={k === kind ? 'active' : undefined}>
                {t(`reference.kinds.${k}`)}
              </RouterLink>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="ref-list-heading">
        <Heading variant="h2" id="ref-list-heading">
          {t(`reference.kinds.${kind}`)}
        </Heading>
        {ref.isPending ? <Loading /> : null}
        <ErrorAlert error={ref.error} />
        {ref.isSuccess && items.length === 0 ? <Paragraph>{t('reference.empty')}</Paragraph> : null}
        {items.length > 0 ? (
          <ul className="card-list">
            {items.map((item) => (
              <ItemEditor key={item.id} kind={kind} item={item} />
            ))}
          </ul>
        ) : null}
      </section>
      <AddItemForm key={kind} kind={kind} />
    </Page>
  );
}
