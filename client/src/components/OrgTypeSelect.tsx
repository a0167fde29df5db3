import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import { ORGANISATION_TYPES } from '../api/types';

const ALL = '__all__';

/** Organisation type select; with `allLabel`, '' means "any type". */
export function OrgTypeSelect({ value, onChange, label, allLabel }: { value: string; onChange: (v: string) => void; label: string; allLabel?: string }) {
  const { t } = useTranslation();
  const items = ORGANISATION_TYPES.map((ty) => (
    <DropdownItem key={ty} value={ty}>
      {t(`organisationTypes.${ty}`)}
    </DropdownItem>
  ));
  return (
    <Dropdown labelText={label} value={value || (allLabel ? ALL : null)} onChange={(v) => onChange(v === ALL ? '' : v)} className="field">
      {allLabel
        ? [
            <DropdownItem key={ALL} value={ALL}>
              {allLabel}
            </DropdownItem>,
            ...items,
          ]
        : items}
    </Dropdown>
  );
}
