// Download menus: a disclosure with the files on offer and, while a file comes in, an accessible
// progress bar (a share of its length, or the bytes received when the server streams it without
// one) and a polite status line. ExportMenu is a plan's "Download / Print" bar; DownloadMenu
// takes any list of files (the national page's summary and action lists).
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { Button, RouterLink } from 'suomifi-ui-components';
import type { DocumentKind } from '../api/types';
import { ErrorAlert, useLang } from '../components/common';
import { downloadExport, exportPath, formatBytes, type ExportFormat, type Progress } from './download';
import './exports.css';

/** One file a menu offers. */
export interface DownloadItem {
  key: string;
  label: string;
  path: string; // under the API base
  fallbackName: string; // when the server names none
}

export function ExportMenu({ documentId, workspaceId, kind, title }: { documentId: string; workspaceId: string; kind: DocumentKind; title: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const formats: ExportFormat[] = kind === 'action_plan' ? ['docx', 'pdf', 'xlsx', 'csv'] : ['docx', 'pdf'];
  const items = formats.map((f) => ({ key: f, label: t(`exports.${f}`), path: exportPath(documentId, f, lang), fallbackName: `${title}.${f}` }));
  return <DownloadMenu items={items} printTo={`/workspaces/${workspaceId}/documents/${documentId}/print`} />;
}

export function DownloadMenu({ items, label, printTo }: { items: DownloadItem[]; label?: string; printTo?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  const download = async (item: DownloadItem) => {
    setOpen(false);
    setError(null);
    setDone(null);
    setBusy(item.fallbackName);
    setProgress({ received: 0, total: null });
    toggle.current?.focus();
    try {
      const name = await downloadExport(item.path, item.fallbackName, setProgress);
      setDone(name);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const percent = progress?.total ? Math.round((progress.received / progress.total) * 100) : undefined;
  return (
    <div className="export-bar">
      <div className="export-menu">
        <Button
          ref={toggle}
          variant="secondary"
          aria-expanded={open}
          aria-controls={menuId}
          // aria-disabled, not disabled, while a file comes in: the focus put back on it stays.
          aria-disabled={busy !== null || undefined}
          onClick={() => {
            if (busy === null) setOpen((o) => !o);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          {label ?? t('exports.menu')}
        </Button>
        <ul
          id={menuId}
          className="export-menu-list"
          hidden={!open}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setOpen(false);
              toggle.current?.focus();
            }
          }}
        >
          {items.map((it) => (
            <li key={it.key}>
              <Button variant="secondaryNoBorder" onClick={() => void download(it)}>
                {it.label}
              </Button>
            </li>
          ))}
        </ul>
      </div>
      {printTo ? (
        <RouterLink asComponent={RRLink} to={printTo} className="export-print-link">
          {t('exports.print')}
        </RouterLink>
      ) : null}
      {progress ? (
        <>
          {/* Without a length (a streamed file) the bar is indeterminate and the bytes show beside it. */}
          <progress className="export-progress" aria-label={t('exports.progressLabel')} max={100} value={percent}>
            {percent !== undefined ? `${percent} %` : null}
          </progress>
          {percent === undefined && progress.received > 0 ? (
            <span className="export-received">{t('exports.received', { size: formatBytes(progress.received, lang) })}</span>
          ) : null}
        </>
      ) : null}
      <div role="status" className="export-status">
        {busy ? t('exports.downloading', { name: busy }) : done ? t('exports.downloaded', { name: done }) : null}
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}
