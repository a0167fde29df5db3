// The filters of the national views, kept in the page's URL so a view can be linked and reloaded.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Checkbox, CheckboxGroup, Details, Dropdown, DropdownItem } from 'suomifi-ui-components';
import { localized, useLang, useReference } from '../components/common';
import { useEvents, useEventsReady } from '../events/useEvents';
import type { ReferenceItem } from '../api/types';
import { filterFromParams, toQuery, type NationalFilter } from './api';

const ALL = '__all__';

/** The filter in the URL and a setter that replaces it (keeping other parameters). */
export function useNationalFilter(): [NationalFilter, (f: NationalFilter, extra?: Record<string, string>) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const set = useCallback(
    (f: NationalFilter, extra: Record<string, string> = {}) => setParams(new URLSearchParams(toQuery(f, extra)), { replace: true }),
    [setParams],
  );
  return [filter, set];
}

/** Refetches every national query when an aggregate changes and after every reconnection. */
export function useNationalLive(): void {
  const qc = useQueryClient();
  const refetch = useCallback(() => void qc.invalidateQueries({ queryKey: ['national'] }), [qc]);
  useEvents('national', 'changed', refetch);
  useEventsReady(refetch);
}

/**
 * A filter of several reference items: checkboxes in a disclosure whose summary says what is
 * chosen. (suomifi's MultiSelect points aria-controls at a list it renders only when open, which
 * axe reports as a critical violation.)
 */
function RefChecklist({
  label,
  hint,
  items,
  selected,
  onChange,
}: {
  label: string;
  hint?: string;
  items: ReferenceItem[];
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const options = items.filter((it) => !it.archived || selected.includes(it.id));
  const chosen = options.filter((o) => selected.includes(o.id)).map((o) => localized(o.names, lang));
  const summary = chosen.length === 0 ? t('national.filters.all') : chosen.length <= 2 ? chosen.join(', ') : t('national.filters.selectedAmount', { count: chosen.length });
  return (
    <Details summaryLabel={`${label}: ${summary}`} className="field filter-checklist">
      <CheckboxGroup labelText={label} labelMode="hidden" groupHintText={hint}>
        {options.map((o) => (
          <Checkbox
            key={o.id}
            checked={selected.includes(o.id)}
            onClick={({ checkboxState }) =>
              onChange(checkboxState ? [...selected.filter((x) => x !== o.id), o.id] : selected.filter((x) => x !== o.id))
            }
          >
            {localized(o.names, lang)}
          </Checkbox>
        ))}
      </CheckboxGroup>
    </Details>
  );
}

export function NationalFilters({
  filter,
  onChange,
  periods,
  regions = true,
}: {
  filter: NationalFilter;
  onChange: (f: NationalFilter) => void;
  periods: string[];
  regions?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const period = filter.period[0] ?? '';
  return (
    <form className="filters national-filters" aria-label={t('national.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <Dropdown
        labelText={t('national.filters.period')}
        value={period && periods.includes(period) ? period : ALL}
        onChange={(v) => onChange({ ...filter, period: v === ALL ? [] : [v] })}
        className="field"
      >
        {[
          <DropdownItem key={ALL} value={ALL}>
            {t('national.filters.allPeriods')}
          </DropdownItem>,
          ...periods.map((p) => (
            <DropdownItem key={p} value={p}>
              {p}
            </DropdownItem>
          )),
        ]}
      </Dropdown>
      <RefChecklist
        label={t('national.filters.qualityDimension')}
        items={ref.data?.qualityDimensions ?? []}
        selected={filter.qualityDimension}
        onChange={(ids) => onChange({ ...filter, qualityDimension: ids })}
      />
      <RefChecklist
        label={t('national.filters.theme')}
        hint={t('national.filters.themeHint')}
        items={ref.data?.themes ?? []}
        selected={filter.theme}
        onChange={(ids) => onChange({ ...filter, theme: ids })}
      />
      {regions ? (
        <RefChecklist
          label={t('national.filters.region')}
          items={ref.data?.regions ?? []}
          selected={filter.region}
          onChange={(ids) => onChange({ ...filter, region: ids })}
        />
      ) : null}
    </form>
  );
}
