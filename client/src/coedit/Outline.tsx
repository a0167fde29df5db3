// The outline of a co-edited document: action plan goals, actions, indicators and follow-ups;
// strategy and situation sections and values. Every list can be added to, reordered (a new
// fractional position between the neighbours) and deleted from.
import { memo, useEffect, useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { generateKeyBetween } from 'fractional-indexing';
import { listOrganisations } from '../api/endpoints';
import { localized, useLang, useReference } from '../components/common';
import { fieldId, requestFocus, useChildren, useEditor, useRoot } from './editorContext';
import { CoCheckboxes, CoScalar, CoSelect, CoText, fieldValue } from './fields';
import { IndicatorChart } from './IndicatorChart';
import { ItemComments } from '../comments/ItemComments';
import { ActionPractices } from '../practices/ActionPractices';
import {
  ACTION_STATUSES,
  MAX_BODY,
  MAX_CONTACT,
  MAX_INDICATOR_VALUES,
  MAX_NOTE,
  MAX_TITLE,
  MAX_UNIT,
  newNodeId,
  type DocNode,
  type IndicatorValue,
} from './model';

/** The text that names a node in headings and button names. */
function nodeTitle(n: DocNode): string {
  return (n.text?.title ?? n.text?.name ?? '').trim();
}

/** A position key between a and b (either may be missing); null if none can be made. */
function keyBetween(a: string | undefined, b: string | undefined): string | null {
  try {
    return generateKeyBetween(a ?? null, b ?? null);
  } catch {
    return null;
  }
}

function useNaming() {
  const { t } = useTranslation();
  return (n: DocNode) => nodeTitle(n) || t(`editor.untitled.${n.type}`);
}

/** Move up, move down and delete for one item of a list. */
function ItemControls({ node, siblings, addButtonId }: { node: DocNode; siblings: DocNode[]; addButtonId: string }) {
  const { t } = useTranslation();
  const { store, canEdit } = useEditor();
  const name = useNaming();
  if (!canEdit) return null;
  const i = siblings.findIndex((s) => s.id === node.id);
  const what = t(`editor.types.${node.type}`);
  const title = name(node);
  const move = (dir: -1 | 1) => {
    const pos = dir < 0 ? keyBetween(siblings[i - 2]?.pos, siblings[i - 1]?.pos) : keyBetween(siblings[i + 1]?.pos, siblings[i + 2]?.pos);
    if (!pos || !node.parent || !node.list) return;
    store.edit([{ t: 'move', node: node.id, parent: node.parent, list: node.list, pos }]);
    // Keep focus on the button pressed; at the top (bottom) it is disabled, so take the other.
    const last = siblings.length - 1;
    const atEnd = dir < 0 ? i - 1 <= 0 : i + 1 >= last;
    requestFocus(`${(dir < 0) !== atEnd ? 'up' : 'down'}-${node.id}`);
  };
  const remove = () => {
    if (!window.confirm(t('editor.confirmRemove', { what, title }))) return;
    store.edit([{ t: 'delete', node: node.id }]);
    requestFocus(addButtonId);
  };
  return (
    <div className="co-item-controls button-row">
      <button type="button" id={`up-${node.id}`} className="co-button co-secondary" disabled={i <= 0} onClick={() => move(-1)} aria-label={t('editor.moveUp', { what, title })}>
        ↑ <span aria-hidden="true">{t('editor.up')}</span>
      </button>
      <button
        type="button"
        id={`down-${node.id}`}
        className="co-button co-secondary"
        disabled={i < 0 || i >= siblings.length - 1}
        onClick={() => move(1)}
        aria-label={t('editor.moveDown', { what, title })}
      >
        ↓ <span aria-hidden="true">{t('editor.down')}</span>
      </button>
      <button type="button" className="co-button co-danger" onClick={remove} aria-label={t('editor.remove', { what, title })}>
        <span aria-hidden="true">{t('editor.delete')}</span>
      </button>
    </div>
  );
}

/** The add button of a list: inserts a node at the end and focuses its first field. */
function AddButton({
  parent,
  list,
  type,
  siblings,
  firstField,
  fields = {},
  parentTitle,
}: {
  parent: string;
  list: string;
  type: string;
  siblings: DocNode[];
  firstField: string;
  fields?: Record<string, unknown>;
  /** The parent's name, for a button name that says where (many lists have the same button). */
  parentTitle?: string;
}) {
  const { t } = useTranslation();
  const { store, canEdit } = useEditor();
  if (!canEdit) return null;
  const add = () => {
    const pos = keyBetween(siblings[siblings.length - 1]?.pos, undefined);
    if (!pos) return;
    const id = newNodeId();
    if (store.edit([{ t: 'insert', node: { id, type, parent, list, pos, fields } }])) requestFocus(fieldId(id, firstField));
  };
  return (
    <button
      type="button"
      id={`add-${parent}-${list}`}
      className="co-button co-add"
      onClick={add}
      aria-label={parentTitle !== undefined ? t(`editor.addTo.${type}`, { title: parentTitle }) : undefined}
    >
      <span aria-hidden="true">+ </span>
      {t(`editor.add.${type}`)}
    </button>
  );
}

/** Responsible organisations: the chosen ones with remove buttons, and a select to add one. */
function OrganisationsField({ node, field, label, regionId }: { node: DocNode; field: string; label: string; regionId?: string }) {
  const { t } = useTranslation();
  const { store, canEdit } = useEditor();
  const orgs = useQuery({
    queryKey: ['organisations', 'for-documents', regionId ?? ''],
    queryFn: () => listOrganisations({ regionId: regionId || undefined, limit: 200 }),
    staleTime: 5 * 60_000,
  });
  const chosen = fieldValue<string[]>(node, field) ?? [];
  const nameOf = (id: string) => orgs.data?.items.find((o) => o.id === id)?.name ?? id;
  const selectId = fieldId(node.id, field);
  const set = (next: string[]) => store.edit([{ t: 'set', node: node.id, field, value: next.length ? next : null }]);
  return (
    <div className="co-field">
      <div className="co-label" id={`${selectId}-label`}>
        {label}
      </div>
      {chosen.length ? (
        <ul className="co-chips" aria-labelledby={`${selectId}-label`}>
          {chosen.map((id) => (
            <li key={id} className="co-chip">
              {nameOf(id)}
              {canEdit ? (
                <button type="button" className="co-chip-remove" aria-label={t('editor.removeOrganisation', { name: nameOf(id) })} onClick={() => set(chosen.filter((x) => x !== id))}>
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <div className="muted">{t('editor.noOrganisations')}</div>
      )}
      {canEdit && orgs.data ? (
        <div className="co-inline">
          <label htmlFor={selectId} className="co-sublabel">
            {t('editor.addOrganisation')}
          </label>
          <select
            id={selectId}
            className="co-input co-select"
            value=""
            onChange={(e) => {
              if (e.target.value && !chosen.includes(e.target.value)) set([...chosen, e.target.value]);
            }}
          >
            <option value="">{t('editor.chooseOrganisation')}</option>
            {orgs.data.items
              .filter((o) => !chosen.includes(o.id))
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}

/** An indicator's recorded values: a table and a form to add one. */
function IndicatorValues({ node }: { node: DocNode }) {
  const { t, i18n } = useTranslation();
  const { store, canEdit } = useEditor();
  const name = useNaming();
  const values = fieldValue<IndicatorValue[]>(node, 'values') ?? [];
  const [date, setDate] = useState('');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const base = fieldId(node.id, 'values');
  const fmtDate = (d: string) => new Date(`${d}T00:00:00`).toLocaleDateString(i18n.resolvedLanguage);
  const fmtNum = (n: number) => n.toLocaleString(i18n.resolvedLanguage);
  const set = (next: IndicatorValue[]) => store.edit([{ t: 'set', node: node.id, field: 'values', value: next.length ? next : null }]);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value.trim().replace(',', '.'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || value.trim() === '' || !Number.isFinite(n)) {
      setError(t('editor.valueRequired'));
      return;
    }
    if (values.length >= MAX_INDICATOR_VALUES) {
      setError(t('editor.tooManyValues', { max: MAX_INDICATOR_VALUES }));
      return;
    }
    setError(null);
    const v: IndicatorValue = { date, value: n };
    if (note.trim()) v.note = note.trim();
    const next = [...values, v].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    set(next);
    setValue('');
    setNote('');
    requestFocus(`${base}-date`);
  };
  const baseline = fieldValue<number>(node, 'baseline');
  const target = fieldValue<number>(node, 'target');
  return (
    <div className="co-values">
      {values.length ? <IndicatorChart name={name(node)} values={values} baseline={baseline} target={target} unit={node.text?.unit} /> : null}
      {values.length ? (
        <div className="table-wrap">
          <table className="data-table co-values-table">
            <caption>{t('editor.valuesCaption', { name: name(node) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('editor.fields.date')}</th>
                <th scope="col">{t('editor.fields.value')}</th>
                <th scope="col">{t('editor.fields.note')}</th>
                {canEdit ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {values.map((v, i) => (
                <tr key={`${v.date}-${i}`}>
                  <td>{fmtDate(v.date)}</td>
                  <td>{fmtNum(v.value)}</td>
                  <td>{v.note || ''}</td>
                  {canEdit ? (
                    <td>
                      <button
                        type="button"
                        className="co-button co-danger co-small"
                        aria-label={t('editor.removeValue', { date: fmtDate(v.date), name: name(node) })}
                        onClick={() => set(values.filter((_, j) => j !== i))}
                      >
                        <span aria-hidden="true">{t('editor.delete')}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('editor.noValues')}</p>
      )}
      {canEdit ? (
        <form className="co-add-value" onSubmit={add} noValidate aria-label={t('editor.addValueFor', { name: name(node) })}>
          <div className="co-field">
            <label htmlFor={`${base}-date`} className="co-label">
              {t('editor.fields.date')}
            </label>
            <input id={`${base}-date`} type="date" className="co-input" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="co-field">
            <label htmlFor={`${base}-value`} className="co-label">
              {t('editor.fields.value')}
            </label>
            <input id={`${base}-value`} type="text" inputMode="decimal" className="co-input co-input-number" value={value} onChange={(e) => setValue(e.target.value)} />
          </div>
          <div className="co-field co-grow">
            <label htmlFor={`${base}-note`} className="co-label">
              {t('editor.fields.note')} <span className="muted">({t('common.optional')})</span>
            </label>
            <input id={`${base}-note`} type="text" className="co-input" maxLength={MAX_NOTE} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="submit" className="co-button">
            {t('editor.addValue')}
          </button>
          {error ? (
            <div className="co-error co-full" role="alert">
              {error}
            </div>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

const Indicator = memo(function Indicator({ node, siblings, addId }: { node: DocNode; siblings: DocNode[]; addId: string }) {
  const { t } = useTranslation();
  const name = useNaming();
  return (
    <li className="co-item co-indicator">
      <h5 className="co-item-heading">{name(node)}</h5>
      <ItemComments node={node} />
      <div className="co-grid">
        <CoText node={node} field="name" label={t('editor.fields.name')} maxLength={MAX_TITLE} />
        <CoText node={node} field="unit" label={t('editor.fields.unit')} maxLength={MAX_UNIT} />
        <CoScalar node={node} field="baseline" label={t('editor.fields.baseline')} kind="number" />
        <CoScalar node={node} field="target" label={t('editor.fields.target')} kind="number" />
      </div>
      <IndicatorValues node={node} />
      <ItemControls node={node} siblings={siblings} addButtonId={addId} />
    </li>
  );
});

const Followup = memo(function Followup({ node, siblings, addId }: { node: DocNode; siblings: DocNode[]; addId: string }) {
  const { t, i18n } = useTranslation();
  const date = fieldValue<string>(node, 'date');
  const title = date ? new Date(`${date}T00:00:00`).toLocaleDateString(i18n.resolvedLanguage) : t('editor.untitled.followup');
  return (
    <li className="co-item co-followup">
      <h5 className="co-item-heading">{t('editor.followupHeading', { date: title })}</h5>
      <ItemComments node={node} />
      <CoScalar node={node} field="date" label={t('editor.fields.date')} kind="date" />
      <CoText node={node} field="body" label={t('editor.fields.followupBody')} multiline maxLength={MAX_BODY} />
      <ItemControls node={node} siblings={siblings} addButtonId={addId} />
    </li>
  );
});

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const Action = memo(function Action({ node, siblings, addId, regionId }: { node: DocNode; siblings: DocNode[]; addId: string; regionId?: string }) {
  const { t } = useTranslation();
  const name = useNaming();
  const { store } = useEditor();
  const indicators = useChildren(node.id, 'indicators');
  const followups = useChildren(node.id, 'followups');
  const start = fieldValue<string>(node, 'start');
  const end = fieldValue<string>(node, 'end');
  const statusOptions = ACTION_STATUSES.map((s) => ({ value: s, label: t(`editor.actionStatuses.${s}`) }));
  const indAdd = `add-${node.id}-indicators`;
  const fuAdd = `add-${node.id}-followups`;
  return (
    <li className="co-item co-action">
      <h4 className="co-item-heading" id={`item-${node.id}`} tabIndex={-1}>
        {name(node)}
      </h4>
      <ItemComments node={node} />
      <CoText node={node} field="title" label={t('editor.fields.actionTitle')} maxLength={MAX_TITLE} />
      <CoText node={node} field="description" label={t('editor.fields.description')} multiline maxLength={MAX_BODY} rows={3} />
      <div className="co-grid">
        <CoSelect node={node} field="status" label={t('editor.fields.status')} options={statusOptions} />
        <CoScalar node={node} field="progress" label={t('editor.fields.progress')} kind="number" min={0} max={100} display={(v) => (typeof v === 'number' ? `${v} %` : '–')} />
        <CoScalar node={node} field="start" label={t('editor.fields.start')} kind="date" validate={(v) => (v && end && String(v) > end ? t('editor.endBeforeStart') : null)} />
        <CoScalar node={node} field="end" label={t('editor.fields.end')} kind="date" validate={(v) => (v && start && String(v) < start ? t('editor.endBeforeStart') : null)} />
        <CoScalar node={node} field="contact" label={t('editor.fields.contact')} kind="string" maxLength={MAX_CONTACT} />
      </div>
      <OrganisationsField node={node} field="organisations" label={t('editor.fields.organisations')} regionId={regionId} />
      <ActionPractices documentId={store.id} nodeId={node.id} title={name(node)} />
      <section className="co-sublist" aria-label={t('editor.indicatorsOf', { title: name(node) })}>
        <h5 className="co-list-heading">{t('editor.indicators')}</h5>
        {indicators.length ? (
          <ul className="co-list">
            {indicators.map((n) => (
              <Indicator key={n.id} node={n} siblings={indicators} addId={indAdd} />
            ))}
          </ul>
        ) : (
          <p className="muted">{t('editor.noIndicators')}</p>
        )}
        <AddButton parent={node.id} list="indicators" type="indicator" siblings={indicators} firstField="name" parentTitle={name(node)} />
      </section>
      <section className="co-sublist" aria-label={t('editor.followupsOf', { title: name(node) })}>
        <h5 className="co-list-heading">{t('editor.followups')}</h5>
        {followups.length ? (
          <ul className="co-list">
            {followups.map((n) => (
              <Followup key={n.id} node={n} siblings={followups} addId={fuAdd} />
            ))}
          </ul>
        ) : (
          <p className="muted">{t('editor.noFollowups')}</p>
        )}
        <AddButton parent={node.id} list="followups" type="followup" siblings={followups} firstField="body" fields={{ date: today() }} parentTitle={name(node)} />
      </section>
      <ItemControls node={node} siblings={siblings} addButtonId={addId} />
    </li>
  );
});

const Goal = memo(function Goal({ node, siblings, index, regionId }: { node: DocNode; siblings: DocNode[]; index: number; regionId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ref = useReference();
  const name = useNaming();
  const actions = useChildren(node.id, 'actions');
  const goalOptions = (ref.data?.nationalGoals ?? []).map((g) => ({ value: g.id, label: localized(g.names, lang), archived: g.archived }));
  const themeOptions = (ref.data?.themes ?? []).map((g) => ({ value: g.id, label: localized(g.names, lang), archived: g.archived }));
  const actAdd = `add-${node.id}-actions`;
  return (
    <li className="co-item co-goal">
      <h3 className="co-item-heading" id={`goal-${node.id}`} tabIndex={-1}>
        {t('editor.goalHeading', { n: index + 1, title: name(node) })}
      </h3>
      <ItemComments node={node} />
      <CoText node={node} field="title" label={t('editor.fields.goalTitle')} maxLength={MAX_TITLE} />
      <CoText node={node} field="description" label={t('editor.fields.description')} multiline maxLength={MAX_BODY} rows={3} />
      <CoCheckboxes node={node} field="nationalGoals" legend={t('editor.fields.nationalGoals')} options={goalOptions} />
      <CoCheckboxes node={node} field="themes" legend={t('editor.fields.themes')} options={themeOptions} />
      <ItemControls node={node} siblings={siblings} addButtonId={`add-${node.parent}-goals`} />
      <section className="co-sublist" aria-label={t('editor.actionsOf', { title: name(node) })}>
        <h4 className="co-list-heading">{t('editor.actions')}</h4>
        {actions.length ? (
          <ul className="co-list">
            {actions.map((n) => (
              <Action key={n.id} node={n} siblings={actions} addId={actAdd} regionId={regionId} />
            ))}
          </ul>
        ) : (
          <p className="muted">{t('editor.noActions')}</p>
        )}
        <AddButton parent={node.id} list="actions" type="action" siblings={actions} firstField="title" fields={{ status: 'planned' }} parentTitle={name(node)} />
      </section>
    </li>
  );
});

const Section = memo(function Section({ node, siblings, addId }: { node: DocNode; siblings: DocNode[]; addId: string }) {
  const { t } = useTranslation();
  const name = useNaming();
  return (
    <li className="co-item co-section">
      <h3 className="co-item-heading">{name(node)}</h3>
      <ItemComments node={node} />
      <CoText node={node} field="title" label={t('editor.fields.title')} maxLength={MAX_TITLE} />
      <CoText node={node} field="body" label={t('editor.fields.body')} multiline maxLength={MAX_BODY} rows={6} />
      <ItemControls node={node} siblings={siblings} addButtonId={addId} />
    </li>
  );
});

function TopList({ root, list, type, heading, empty }: { root: DocNode; list: string; type: string; heading: string; empty: string }) {
  const items = useChildren(root.id, list);
  const addId = `add-${root.id}-${list}`;
  return (
    <section className="co-top" aria-labelledby={`h-${list}`}>
      <h2 id={`h-${list}`}>{heading}</h2>
      {items.length ? (
        <ul className="co-list">
          {items.map((n) => (
            <Section key={n.id} node={n} siblings={items} addId={addId} />
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
      <AddButton parent={root.id} list={list} type={type} siblings={items} firstField="title" />
    </section>
  );
}

/** Links to each goal: a long plan is quicker to get around (and the headings take focus). */
function GoalLinks({ goals }: { goals: DocNode[] }) {
  const { t } = useTranslation();
  const name = useNaming();
  if (goals.length < 2) return null;
  const jump = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    const target = document.getElementById(`goal-${id}`);
    if (!target) return;
    e.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
  return (
    <nav className="co-goal-links" aria-label={t('editor.goalLinks')}>
      <ol>
        {goals.map((g, i) => (
          <li key={g.id}>
            <a href={`#goal-${g.id}`} onClick={(e) => jump(e, g.id)}>
              {t('editor.goalHeading', { n: i + 1, title: name(g) })}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Goals({ root, regionId }: { root: DocNode; regionId?: string }) {
  const { t } = useTranslation();
  const goals = useChildren(root.id, 'goals');
  return (
    <section className="co-top" aria-labelledby="h-goals">
      <h2 id="h-goals">{t('editor.goals')}</h2>
      <GoalLinks goals={goals} />
      {goals.length ? (
        <ol className="co-list">
          {goals.map((g, i) => (
            <Goal key={g.id} node={g} siblings={goals} index={i} regionId={regionId} />
          ))}
        </ol>
      ) : (
        <p className="muted">{t('editor.noGoals')}</p>
      )}
      <AddButton parent={root.id} list="goals" type="goal" siblings={goals} firstField="title" />
    </section>
  );
}

/**
 * A link to an item of the plan (#item-<node>, as forum posts link plan items, or #goal-<node>):
 * once the outline shows, its heading is scrolled to and takes focus.
 */
function useLinkedItem(shown: boolean) {
  useEffect(() => {
    const m = /^#(?:item|goal)-([0-9A-Za-z_-]{1,64})$/.exec(window.location.hash);
    if (!shown || !m) return;
    const target = document.getElementById(`item-${m[1]}`) ?? document.getElementById(`goal-${m[1]}`);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [shown]);
}

/** The whole outline of the document, by kind. */
export const Outline = memo(function Outline({ regionId }: { regionId?: string }) {
  const { t } = useTranslation();
  const root = useRoot();
  useLinkedItem(!!root);
  if (!root) return null;
  if (root.type === 'action_plan') return <Goals root={root} regionId={regionId} />;
  return (
    <>
      {root.type === 'strategy' ? <OrganisationsField node={root} field="responsible" label={t('editor.fields.responsible')} regionId={regionId} /> : null}
      <TopList root={root} list="sections" type="section" heading={t('editor.sections')} empty={t('editor.noSections')} />
      {root.type === 'strategy' ? <TopList root={root} list="values" type="value" heading={t('editor.strategyValues')} empty={t('editor.noStrategyValues')} /> : null}
    </>
  );
});
