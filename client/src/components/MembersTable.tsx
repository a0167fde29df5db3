import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RRLink } from 'react-router';
import { Paragraph, RouterLink } from 'suomifi-ui-components';
import type { Member } from '../api/types';

/** Members as a table; `actions` adds a cell per member (role select, remove) for coordinators. */
export function MembersTable({
  members,
  caption,
  actions,
  actionsHeader,
}: {
  members: Member[];
  caption: string;
  actions?: (m: Member) => ReactNode;
  actionsHeader?: string;
}) {
  const { t } = useTranslation();
  if (members.length === 0) return <Paragraph>{t('workspace.noMembers')}</Paragraph>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.name')}</th>
            <th scope="col">{t('fields.title')}</th>
            <th scope="col">{t('fields.organisation')}</th>
            <th scope="col">{t('fields.role')}</th>
            {actions ? <th scope="col">{actionsHeader}</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <th scope="row">{m.name}</th>
              <td>{m.title}</td>
              <td>
                {m.organisationId ? (
                  <RouterLink asComponent={RRLink} to={`/organisations/${m.organisationId}`}>
                    {m.organisationName || m.organisationId}
                  </RouterLink>
                ) : (
                  m.organisationName
                )}
              </td>
              <td>{t(`roles.${m.role}`)}</td>
              {actions ? <td>{actions(m)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
