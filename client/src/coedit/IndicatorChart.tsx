// A small line chart of an indicator's recorded values over time, with its baseline and target
// as dashed lines. The chart is a picture with a short text alternative; the values themselves
// are in the table next to it, which is what screen readers and keyboard users read.
import { useTranslation } from 'react-i18next';
import type { IndicatorValue } from './model';

const W = 480;
const H = 160;
const PAD = { top: 16, right: 96, bottom: 28, left: 56 };

/** Round bounds around [min, max] with a 1, 2 or 5 x 10^n step, about four steps high. */
function niceRange(min: number, max: number): [number, number, number] {
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const rough = (max - min) / 4;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= rough) ?? 10 * mag;
  let lo = Math.floor(min / step) * step;
  let hi = Math.ceil(max / step) * step;
  if (lo === min && lo !== 0) lo -= step;
  if (hi === max) hi += step;
  return [lo, hi, step];
}

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

export function IndicatorChart({ name, values, baseline, target, unit }: { name: string; values: IndicatorValue[]; baseline?: number; target?: number; unit?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage;
  if (!values.length) return null;
  const fmtDate = (d: string) => new Date(`${d}T00:00:00`).toLocaleDateString(lang);
  const fmtNum = (n: number) => n.toLocaleString(lang);
  const points = values.filter((v) => Number.isFinite(v.value) && !Number.isNaN(dayNumber(v.date)));
  if (!points.length) return null;

  const ys = [...points.map((v) => v.value), ...(baseline !== undefined ? [baseline] : []), ...(target !== undefined ? [target] : [])];
  const [lo, hi, step] = niceRange(Math.min(...ys), Math.max(...ys));
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  const x0 = dayNumber(points[0].date);
  const x1 = dayNumber(points[points.length - 1].date);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (d: string) => PAD.left + (x1 === x0 ? plotW / 2 : ((dayNumber(d) - x0) / (x1 - x0)) * plotW);
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * plotH;
  const latest = points[points.length - 1];
  const withUnit = (n: number) => (unit ? `${fmtNum(n)} ${unit}` : fmtNum(n));

  const summary = t('editor.chart.summary', {
    name,
    first: fmtDate(points[0].date),
    last: fmtDate(latest.date),
    latest: withUnit(latest.value),
  });
  const extra = [baseline !== undefined ? t('editor.chart.baseline', { value: withUnit(baseline) }) : '', target !== undefined ? t('editor.chart.target', { value: withUnit(target) }) : '']
    .filter(Boolean)
    .join(', ');
  const line = (v: number, label: string, cls: string) => (
    <g className={cls}>
      <line x1={PAD.left} x2={PAD.left + plotW} y1={y(v)} y2={y(v)} />
      <text x={PAD.left + plotW + 6} y={y(v)} dominantBaseline="middle">
        {label}
      </text>
    </g>
  );

  return (
    <figure className="co-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={extra ? `${summary} ${extra}.` : summary} preserveAspectRatio="xMinYMin meet">
        <line className="co-chart-axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} />
        <line className="co-chart-axis" x1={PAD.left} x2={PAD.left + plotW} y1={PAD.top + plotH} y2={PAD.top + plotH} />
        {ticks.map((v) => (
          <g key={v}>
            <line className="co-chart-grid" x1={PAD.left} x2={PAD.left + plotW} y1={y(v)} y2={y(v)} />
            <text className="co-chart-tick" x={PAD.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
              {fmtNum(v)}
            </text>
          </g>
        ))}
        <text className="co-chart-tick" x={points.length > 1 ? PAD.left : x(points[0].date)} y={H - 6} textAnchor={points.length > 1 ? 'start' : 'middle'}>
          {fmtDate(points[0].date)}
        </text>
        {points.length > 1 ? (
          <text className="co-chart-tick" x={PAD.left + plotW} y={H - 6} textAnchor="end">
            {fmtDate(latest.date)}
          </text>
        ) : null}
        {baseline !== undefined ? line(baseline, t('editor.fields.baseline'), 'co-chart-baseline') : null}
        {target !== undefined ? line(target, t('editor.fields.target'), 'co-chart-target') : null}
        <polyline className="co-chart-line" points={points.map((v) => `${x(v.date)},${y(v.value)}`).join(' ')} />
        {points.map((v, i) => (
          <circle key={`${v.date}-${i}`} className="co-chart-point" cx={x(v.date)} cy={y(v.value)} r={4} />
        ))}
        <text className="co-chart-latest" x={x(latest.date) - 8} y={y(latest.value) - 8} textAnchor="end">
          {fmtNum(latest.value)}
        </text>
      </svg>
    </figure>
  );
}
