// The plan page's "Download / Print" bar: a disclosure with the export formats, a link to the
// print view, and while a file comes in, an accessible progress bar and a polite status line.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { Button, RouterLink } from 'suomifi-ui-components';
import type { DocumentKind } from '../api/types';
import { ErrorAlert, useLang } from '../components/common';
import { downloadExport, exportPath, type ExportFormat, type Progress } from './download';
import './exports.css';

export function ExportMenu({ documentId, workspaceId, kind, title }: { documentId: string; workspaceId: string; kind: DocumentKind; title: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const formats: ExportFormat[] = kind === 'action_plan' ? ['docx', 'pdf', 'xlsx', 'csv'] : ['docx', 'pdf'];

  const download = async (format: ExportFormat) => {
    const fallback = `${title}.${format}`;
    setOpen(false);
    setError(null);
    setDone(null);
    setBusy(fallback);
    setProgress({ received: 0, total: null });
    toggle.current?.focus();
    try {
      const name = await downloadExport(exportPath(documentId, format, lang), fallback, setProgress);
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
          disabled={busy !== null}
          onClick={() => setOpen((o) => !o)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          {t('exports.menu')}
        </Button>
        <ul id={menuId} className="export-menu-list" hidden={!open} onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setOpen(false);
            toggle.current?.focus();
          }
        }}>
          {formats.map((f) => (
            <li key={f}>
              <Button variant="secondaryNoBorder" onClick={() => void download(f)}>
                {t(`exports.${f}`)}
              </Button>
            </li>
          ))}
        </ul>
      </div>
      <RouterLink asComponent={RRLink} to={`/workspaces/${workspaceId}/documents/${documentId}/print`} className="export-print-link">
        {t('exports.print')}
      </RouterLink>
      {progress ? (
        <progress className="export-progress" aria-label={t('exports.progressLabel')} max={100} value={percent}>
          {percent !== undefined ? `${percent} %` : null}
        </progress>
      ) : null}
      <div role="status" className="export-status">
        {busy ? t('exports.downloading', { name: busy }) : done ? t('exports.downloaded', { name: done }) : null}
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}
