// Status distribution charts: a plain SVG of stacked bars, always with its data table beside it
// (the table is what assistive technology reads; the picture is hidden from it).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type ActionStatus, type NationalSummary } from './api';

/** Fill colours of the statuses; each also has a text label in the legend and the table. */
export const STATUS_COLOURS: Record<ActionStatus, string> = {
  planned: '#8a98a3',
  in_progress: '#2a6ebb',
  done: '#1f7a3f',
  postponed: '#b56a00',
  cancelled: '#b3261e',
};

/** Patterns make the statuses tell apart without colour too (print, colour blindness). */
const PATTERNS: Record<ActionStatus, string | null> = {
  planned: null,
  in_progress: 'M0,6 L6,0',
  done: null,
  postponed: 'M0,0 L6,6',
  cancelled: 'M0,3 L6,3',
};

export function StatusBar({ summary, width = 120, height = 10 }: { summary: NationalSummary; width?: number; height?: number }) {
  const total = ACTION_STATUSES.reduce((n, s) => n + summary.status[s], 0);
  if (total === 0) return null;
  let x = 0;
  return (
    <svg width={width} height={height} aria-hidden="true" focusable="false" className="status-bar">
      {ACTION_STATUSES.map((s) => {
        const w = (summary.status[s] / total) * width;
        const r = <rect key={s} x={x} y={0} width={w} height={height} fill={STATUS_COLOURS[s]} />;
        x += w;
        return r;
      })}
    </svg>
  );
}

export function StatusLegend() {
  const { t } = useTranslation();
  return (
    <ul className="status-legend" aria-hidden="true">
      {ACTION_STATUSES.map((s) => (
        <li key={s}>
          <svg width="14" height="14" focusable="false">
            <rect width="14" height="14" fill={STATUS_COLOURS[s]} />
            {PATTERNS[s] ? <path d={PATTERNS[s]!} stroke="#fff" strokeWidth="1.5" transform="scale(2.33)" /> : null}
          </svg>
          {t(`national.status.${s}`)}
        </li>
      ))}
    </ul>
  );
}

export interface ChartRow {
  key: string;
  label: string;
  summary: NationalSummary;
}

/**
 * One stacked bar per row (shares of the row's actions by status), and the same figures as a
 * table with row and column headers.
 */
export function StatusChart({ title, rows, rowHeader }: { title: string; rows: ChartRow[]; rowHeader: string }) {
  const { t } = useTranslation();
  const id = useId();
  const barWidth = 400;
  const labelWidth = 150;
  const rowHeight = 26;
  return (
    <section className="chart-with-table" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{title}</h3>
      <div className="chart-columns">
        <figure className="chart">
          <svg
            viewBox={`0 0 ${labelWidth + barWidth + 50} ${rows.length * rowHeight}`}
            width="100%"
            aria-hidden="true"
            focusable="false"
            className="status-chart"
          >
            <defs>
              {ACTION_STATUSES.filter((s) => PATTERNS[s]).map((s) => (
                <pattern key={s} id={`${id}-${s}`} width="6" height="6" patternUnits="userSpaceOnUse">
                  <rect width="6" height="6" fill={STATUS_COLOURS[s]} />
                  <path d={PATTERNS[s]!} stroke="#fff" strokeWidth="1.2" />
                </pattern>
              ))}
            </defs>
            {rows.map((row, i) => {
              const total = ACTION_STATUSES.reduce((n, s) => n + row.summary.status[s], 0);
              let x = labelWidth;
              const y = i * rowHeight + 4;
              return (
                <g key={row.key}>
                  <title>{row.label}</title>
                  <text x={0} y={y + rowHeight - 12} fontSize="12" fill="#212121">
                    {row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label}
                  </text>
                  {total === 0 ? (
                    <rect x={labelWidth} y={y} width={barWidth} height={rowHeight - 8} fill="none" stroke="#c8cdd0" />
                  ) : (
                    ACTION_STATUSES.map((s) => {
                      const w = (row.summary.status[s] / total) * barWidth;
                      const rect = (
                        <rect
                          key={s}
                          x={x}
                          y={y}
                          width={w}
                          height={rowHeight - 8}
                          fill={PATTERNS[s] ? `url(#${id}-${s})` : STATUS_COLOURS[s]}
                        />
                      );
                      x += w;
                      return rect;
                    })
                  )}
                  <text x={labelWidth + barWidth + 6} y={y + rowHeight - 12} fontSize="12" fill="#212121">
                    {total}
                  </text>
                </g>
              );
            })}
          </svg>
          <figcaption className="muted">{t('national.chartCaption')}</figcaption>
          <StatusLegend />
        </figure>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`${t('national.scrollTable')}: ${title}`}>
          <table className="data-table compact-table">
            <caption>{t('national.chartTableCaption', { title })}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {ACTION_STATUSES.map((s) => (
                  <th scope="col" key={s}>
                    {t(`national.status.${s}`)}
                  </th>
                ))}
                <th scope="col">{t('national.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {ACTION_STATUSES.map((s) => (
                    <td key={s}>{row.summary.status[s]}</td>
                  ))}
                  <td>{row.summary.actions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
