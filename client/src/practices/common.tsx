// Pieces the practice pages share.
import { useTranslation } from 'react-i18next';
import { localized, useLang, useReference } from '../components/common';
import type { ReferenceData } from '../api/types';

export type RefKind = 'regions' | 'themes' | 'targetGroups' | 'nationalGoals';

/** A labelled native select of reference items; '' is "all" (or "none"). */
export function RefSelect({ id, kind, label, value, onChange, allLabel }: { id: string; kind: RefKind; label: string; value: string; onChange: (v: string) => void; allLabel: string }) {
  const lang = useLang();
  const ref = useReference();
  const items = ((ref.data as ReferenceData | undefined)?.[kind] ?? []).filter((it) => !it.archived || it.id === value);
  return (
    <div className="practice-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {items.map((it) => (
          <option key={it.id} value={it.id}>
            {kind === 'nationalGoals' ? `${it.code}. ${localized(it.names, lang)}` : localized(it.names, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The state of a practice as a short label. */
export function StateTag({ state, published }: { state: string; published: number }) {
  const { t } = useTranslation();
  const label = state === 'review' ? t('practices.state.review') : state === 'draft' ? (published > 0 ? t('practices.state.revision') : t('practices.state.draft')) : t('practices.state.published');
  return <span className={`practice-tag practice-tag-${state}`}>{label}</span>;
}
