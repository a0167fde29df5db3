import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import { localized, useLang, useReference } from './common';

const NONE = '__none__';

/** A select of (non-archived) regions; '' means none. */
export function RegionSelect({
  value,
  onChange,
  label,
  noneLabel,
  status,
  statusText,
}: {
  value: string;
  onChange: (id: string) => void;
  label?: string;
  noneLabel?: string;
  status?: 'default' | 'error';
  statusText?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const ref = useReference();
  const regions = (ref.data?.regions ?? []).filter((r) => !r.archived || r.id === value);
  return (
    <Dropdown
      labelText={label ?? t('fields.region')}
      value={value || NONE}
      onChange={(v) => onChange(v === NONE ? '' : v)}
      status={status}
      statusText={statusText}
      className="field"
    >
      {[
        <DropdownItem key={NONE} value={NONE}>
          {noneLabel ?? t('common.none')}
        </DropdownItem>,
        ...regions.map((r) => (
          <DropdownItem key={r.id} value={r.id}>
            {localized(r.names, lang)}
          </DropdownItem>
        )),
      ]}
    </Dropdown>
  );
}
