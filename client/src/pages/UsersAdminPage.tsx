import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Modal, ModalContent, ModalFooter, ModalTitle, Paragraph, SearchInput } from 'suomifi-ui-components';
import { listUsers, revokeUserSessions } from '../api/endpoints';
import type { User } from '../api/types';
import { ErrorAlert, Loading, Page, StatusMessage } from '../components/common';

const PAGE = 50;

/** Platform administrators: every account, and "sign out everywhere" for a lost device or a leaver. */
export function UsersAdminPage() {
  const { t } = useTranslation();
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers });
  const [filter, setFilter] = useState('');
  const [target, setTarget] = useState<User | null>(null);
  const [done, setDone] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const revoke = useMutation({
    mutationFn: (u: User) => revokeUserSessions(u.id),
    onSuccess: (_, u) => {
      setTarget(null);
      setDone(t('users.revoked', { name: u.name }));
    },
  });
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = (users.data ?? []).filter((u) => words.every((w) => `${u.name} ${u.email}`.toLowerCase().includes(w)));
  const shown = matching.slice(0, limit);
  return (
    <Page title={t('users.title')}>
      <Paragraph className="intro">{t('users.intro')}</Paragraph>
      <SearchInput
        labelText={t('users.filter')}
        clearButtonLabel={t('users.clearFilter')}
        searchButtonLabel={t('users.filter')}
        value={filter}
        onChange={(v) => {
          setFilter(String(v ?? ''));
          setLimit(PAGE);
        }}
        onSearch={(v) => setFilter(String(v ?? ''))}
      />
      <StatusMessage>{done}</StatusMessage>
      <ErrorAlert error={users.error ?? revoke.error} />
      {users.isPending ? (
        <Loading />
      ) : (
        <table className="data-table">
          <caption>
            {t('users.count', { count: matching.length })}
            {matching.length > shown.length ? ` (${t('users.shown', { shown: shown.length, count: matching.length })})` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.name')}</th>
              <th scope="col">{t('fields.email')}</th>
              <th scope="col">{t('users.administrator')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.name}</th>
                <td>{u.email}</td>
                <td>{u.isAdmin ? t('users.yes') : t('users.no')}</td>
                <td>
                  <Button variant="secondary" aria-label={t('users.revokeFor', { name: u.name })} onClick={() => setTarget(u)}>
                    {t('users.revoke')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {matching.length > shown.length ? (
        <Button variant="secondary" onClick={() => setLimit((l) => l + PAGE)}>
          {t('users.showMore')}
        </Button>
      ) : null}
      <Modal
        appElementId="root"
        visible={target !== null}
        onEscKeyDown={() => setTarget(null)}
        focusOnOpenRef={cancelRef}
        ariaLabelledBy="revoke-title"
      >
        <ModalContent>
          <ModalTitle id="revoke-title">{t('users.revokeTitle')}</ModalTitle>
          <Paragraph>{target ? t('users.revokeConfirm', { name: target.name }) : null}</Paragraph>
        </ModalContent>
        <ModalFooter>
          <Button onClick={() => target && revoke.mutate(target)} disabled={revoke.isPending}>
            {t('users.revokeYes')}
          </Button>
          <Button variant="secondary" ref={cancelRef} onClick={() => setTarget(null)}>
            {t('common.cancel')}
          </Button>
        </ModalFooter>
      </Modal>
    </Page>
  );
}
