import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Button, Modal, ModalContent, ModalFooter, ModalTitle, Paragraph, StatusText } from 'suomifi-ui-components';
import { ErrorAlert, errorField, onSubmit, useErrorText, useLang } from '../components/common';
import { forumName, listForums, moderate, type ThreadPage } from './api';

/**
 * A moderator moves a thread to another forum they moderate: a dialog with a forum select. The
 * thread keeps its address; its readers are those of the new forum. Sending without a forum chosen
 * says so at the select (which takes the focus), as the server's refusal of the forum would.
 */
export function MoveThread({ page, onMoved }: { page: ThreadPage; onMoved: (p: ThreadPage, to: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const fieldError = missing ? t('forums.moveRequired') : errorField(error) === 'forumId' ? errorText(error) : '';
  const forums = useQuery({ queryKey: ['forums', 'list'], queryFn: listForums, enabled: open });
  const targets = (forums.data ?? []).filter((f) => f.canModerate && f.id !== page.forum.id);
  const close = () => {
    setOpen(false);
    setError(null);
    setMissing(false);
    opener.current?.focus();
  };
  const submit = async () => {
    if (busy) return;
    setError(null);
    setMissing(!to);
    if (!to) {
      select.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const p = await moderate(page.thread.id, { forumId: to });
      const name = forumName(targets.find((f) => f.id === to) ?? p.forum, lang);
      setOpen(false);
      setTo('');
      onMoved(p, name);
      opener.current?.focus();
    } catch (e) {
      setError(e);
      if (errorField(e) === 'forumId') select.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" ref={opener} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('forums.move')}
      </button>
      <Modal appElementId="root" visible={open} onEscKeyDown={close} focusOnOpenRef={select} ariaLabelledBy="move-title">
        <form className="move-form" noValidate onSubmit={onSubmit(() => void submit())}>
          <ModalContent>
            <ModalTitle id="move-title">{t('forums.moveTitle', { title: page.thread.title })}</ModalTitle>
            <Paragraph>{t('forums.moveIntro', { name: forumName(page.forum, lang) })}</Paragraph>
            <label htmlFor="move-forum">{t('forums.moveTo')}</label>
            <br />
            <select
              id="move-forum"
              ref={select}
              value={to}
              onChange={(e) => {
                setTo(e.target.value);
                setMissing(false);
              }}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? 'move-forum-status' : undefined}
            >
              <option value="">{forums.isPending ? t('common.loading') : t('forums.moveChoose')}</option>
              {targets.map((f) => (
                <option key={f.id} value={f.id}>
                  {forumName(f, lang)}
                </option>
              ))}
            </select>
            <StatusText id="move-forum-status" status={fieldError ? 'error' : 'default'}>
              {fieldError}
            </StatusText>
            {!forums.isPending && targets.length === 0 ? <Paragraph>{t('forums.moveNowhere')}</Paragraph> : null}
            <ErrorAlert error={(errorField(error) === 'forumId' ? null : error) ?? forums.error} />
          </ModalContent>
          <ModalFooter>
            <Button type="submit" disabled={busy}>
              {t('forums.moveSubmit')}
            </Button>
            <Button type="button" variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
          </ModalFooter>
        </form>
      </Modal>
    </>
  );
}
