import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import { ROLES, type Role } from '../api/types';

export function RoleSelect({
  value,
  onChange,
  label,
  labelMode,
  disabled,
}: {
  value: Role;
  onChange: (r: Role) => void;
  label: string;
  labelMode?: 'hidden' | 'visible';
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Dropdown<Role> labelText={label} labelMode={labelMode} value={value} onChange={onChange} disabled={disabled} className="field">
      {ROLES.map((r) => (
        <DropdownItem<Role> key={r} value={r}>
          {t(`roles.${r}`)}
        </DropdownItem>
      ))}
    </Dropdown>
  );
}
