import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import { LANGUAGES, type Language } from '../api/types';

/** A select for a preferred language (profile, new account). */
export function LanguageSelect({ value, onChange, label }: { value: Language; onChange: (l: Language) => void; label?: string }) {
  const { t } = useTranslation();
  return (
    <Dropdown<Language>
      labelText={label ?? t('fields.language')}
      value={value}
      onChange={(v) => onChange(v)}
      className="field"
    >
      {LANGUAGES.map((l) => (
        <DropdownItem<Language> key={l} value={l}>
          {t(`languages.${l}`)}
        </DropdownItem>
      ))}
    </Dropdown>
  );
}
