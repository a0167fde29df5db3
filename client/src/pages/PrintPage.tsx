// The print view of a document: the same content as the DOCX and PDF exports (the server's
// export.json), as plain headings, paragraphs and tables that print cleanly from the browser.
import { useTranslation } from 'react-i18next';
import { Link as RRLink, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading, Page, useLang } from '../components/common';
import { getExportedPlan, type ExportedPlan } from '../exports/download';
import '../exports/exports.css';

function Body({ text }: { text: string }) {
  const paras = text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!paras.length) return null;
  return (
    <div className="print-body">
      {paras.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function schedule(start: string, end: string): string {
  if (!start && !end) return '';
  return `${start || ''} – ${end || ''}`.trim();
}

function Goals({ plan }: { plan: ExportedPlan }) {
  const { t } = useTranslation();
  return (
    <>
      {plan.goals.map((g, gi) => {
        const goalTitle = g.title || t('editor.untitled.goal');
        return (
          <section key={gi} aria-labelledby={`goal-${gi}`}>
            <h2 id={`goal-${gi}`}>{t('exports.goalHeading', { n: gi + 1, title: goalTitle })}</h2>
            <Body text={g.description} />
            <dl className="facts compact">
              <Fact label={t('editor.fields.nationalGoals')} value={g.nationalGoals.join('; ')} />
              <Fact label={t('exports.qualityDimensions')} value={g.qualityDimensions.join('; ')} />
            </dl>
            {g.actions.length ? (
              <table>
                <caption>{t('editor.actionsOf', { title: goalTitle })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('exports.number')}</th>
                    <th scope="col">{t('exports.action')}</th>
                    <th scope="col">{t('editor.fields.organisations')}</th>
                    <th scope="col">{t('exports.schedule')}</th>
                    <th scope="col">{t('editor.fields.status')}</th>
                    <th scope="col">{t('exports.progress')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.actions.map((a, ai) => (
                    <tr key={ai}>
                      <td>{`${gi + 1}.${ai + 1}`}</td>
                      <th scope="row">{a.title || t('editor.untitled.action')}</th>
                      <td>{a.organisations.join(', ')}</td>
                      <td>{schedule(a.start, a.end)}</td>
                      <td>{a.statusName}</td>
                      <td>{a.progress}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>{t('editor.noActions')}</p>
            )}
            {g.actions.map((a, ai) => {
              if (!a.description && !a.contact && !a.indicators.length && !a.followups.length) return null;
              const actionTitle = a.title || t('editor.untitled.action');
              return (
                <section key={ai} aria-labelledby={`action-${gi}-${ai}`}>
                  <h3 id={`action-${gi}-${ai}`}>{t('exports.actionHeading', { n: `${gi + 1}.${ai + 1}`, title: actionTitle })}</h3>
                  <Body text={a.description} />
                  {a.contact ? (
                    <dl className="facts compact">
                      <Fact label={t('editor.fields.contact')} value={a.contact} />
                    </dl>
                  ) : null}
                  {a.indicators.length ? (
                    <table>
                      <caption>{t('editor.indicatorsOf', { title: actionTitle })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('exports.indicator')}</th>
                          <th scope="col">{t('editor.fields.unit')}</th>
                          <th scope="col">{t('editor.fields.baseline')}</th>
                          <th scope="col">{t('editor.fields.target')}</th>
                          <th scope="col">{t('exports.latest')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {a.indicators.map((i, ii) => (
                          <tr key={ii}>
                            <th scope="row">{i.name || t('editor.untitled.indicator')}</th>
                            <td>{i.unit}</td>
                            <td>{i.baseline}</td>
                            <td>{i.target}</td>
                            <td>{i.latestDate ? t('exports.latestOn', { value: i.latest, date: i.latestDate }) : i.latest}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                  {a.followups.length ? (
                    <>
                      <h4>{t('editor.followups')}</h4>
                      <ul>
                        {a.followups.map((f, fi) => (
                          <li key={fi}>
                            <strong>{f.date || t('editor.untitled.followup')}:</strong> {f.body}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </section>
              );
            })}
          </section>
        );
      })}
    </>
  );
}

function Sections({ heading, items, untitled }: { heading: string; items: { title: string; body: string }[]; untitled: string }) {
  if (!items.length) return null;
  return (
    <section>
      <h2>{heading}</h2>
      {items.map((s, i) => (
        <section key={i}>
          <h3>{s.title || untitled}</h3>
          <Body text={s.body} />
        </section>
      ))}
    </section>
  );
}

export function PrintPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { workspaceId = '', documentId = '' } = useParams();
  const plan = useQuery({ queryKey: ['export', documentId, lang], queryFn: ({ signal }) => getExportedPlan(documentId, lang, signal) });
  const p = plan.data;
  return (
    <Page title={p ? p.title : t('exports.print')}>
      <div className="print-view">
        <div className="print-tools">
          <RouterLink asComponent={RRLink} to={`/workspaces/${workspaceId}/documents/${documentId}`}>
            {t('exports.backToDocument')}
          </RouterLink>
          {p ? (
            <Button onClick={() => window.print()}>
              {t('exports.printNow')}
            </Button>
          ) : null}
        </div>
        {plan.isPending ? <Loading /> : null}
        <ErrorAlert error={plan.error} />
        {p ? (
          <>
            <dl className="facts compact">
              <Fact label={t('documents.fields.kind')} value={p.kindName} />
              <Fact label={t('exports.group')} value={p.workspace} />
              <Fact label={t('documents.fields.period')} value={p.period} />
              <Fact label={t('documents.fields.status')} value={p.statusName} />
              <Fact label={t('documents.fields.updated')} value={p.updated} />
              <Fact label={t('editor.fields.responsible')} value={p.responsible.join(', ')} />
            </dl>
            <Sections heading={t('editor.sections')} items={p.sections} untitled={t('editor.untitled.section')} />
            <Sections heading={t('editor.strategyValues')} items={p.values} untitled={t('editor.untitled.value')} />
            <Goals plan={p} />
            <p className="print-footer">{t('exports.printed', { date: p.generated })}</p>
          </>
        ) : null}
      </div>
    </Page>
  );
}
