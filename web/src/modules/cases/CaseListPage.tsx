import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../api/client.ts';
import { downloadFile } from '../../api/transfer.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { useJrwaClasses } from '../jrwa/jrwa.api.ts';
import { useUnits } from '../org/org.api.ts';

interface ListQuery {
  year: number;
  unitId: string;
  jrwaSymbol: string;
  from?: string | undefined;
  to?: string | undefined;
}

/** Spis spraw: the cases of one unit, JRWA class and year, on screen and as CSV. */
export function CaseListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const units = useUnits();
  const classes = useJrwaClasses(true);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [unitId, setUnitId] = useState(me.unitId);
  const [jrwaSymbol, setJrwaSymbol] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<{ year?: string; jrwa?: string }>({});
  const [query, setQuery] = useState<ListQuery | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      year: /^\d{4}$/.test(year) ? undefined : t('validation.year'),
      jrwa: jrwaSymbol ? undefined : t('validation.required'),
    };
    setErrors(found);
    if (found.year || found.jrwa) return;
    setQuery({
      year: Number(year),
      unitId,
      jrwaSymbol,
      from: from || undefined,
      to: to || undefined,
    });
  }

  return (
    <Page title={t('caseLists.title')}>
      <form className="card" onSubmit={submit} noValidate>
        <div className="grid-3">
          <TextField
            label={t('common.year')}
            type="number"
            value={year}
            onChange={setYear}
            required
            error={errors.year}
          />
          <SelectField
            label={t('cases.unit')}
            value={unitId}
            onChange={setUnitId}
            options={(units.data ?? []).map((u) => ({
              value: u.id,
              label: `${u.symbol} – ${u.name}`,
            }))}
            required
          />
          <SelectField
            label={t('cases.jrwaClass')}
            value={jrwaSymbol}
            onChange={setJrwaSymbol}
            placeholder={t('common.choose')}
            options={(classes.data ?? []).map((c) => ({
              value: c.symbol,
              label: `${c.symbol} – ${c.title}`,
            }))}
            required
            error={errors.jrwa}
          />
          <TextField label={t('caseLists.from')} type="date" value={from} onChange={setFrom} />
          <TextField label={t('caseLists.to')} type="date" value={to} onChange={setTo} />
        </div>
        <button type="submit">{t('caseLists.show')}</button>
      </form>
      <ErrorAlert error={exportError} />
      {query ? <CaseListResult query={query} onExportError={setExportError} /> : null}
    </Page>
  );
}

function CaseListResult(props: { query: ListQuery; onExportError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const q = props.query;
  const list = useQuery({
    queryKey: ['case-lists', q],
    // JSON is asked for explicitly; the same endpoint answers CSV with format=csv.
    queryFn: async () =>
      (await call(
        api.GET('/api/v1/case-lists', { params: { query: { ...q, format: 'json' } } }),
      )) as Schemas['CaseList'],
  });
  const csvUrl = `/api/v1/case-lists?${new URLSearchParams({
    year: String(q.year),
    unitId: q.unitId,
    jrwaSymbol: q.jrwaSymbol,
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    format: 'csv',
  }).toString()}`;
  return (
    <QueryView query={list}>
      {(data) => (
        <Section
          title={`${data.unit.symbol}.${data.jrwa.symbol} · ${data.year}`}
          id="case-list"
          actions={
            <button
              type="button"
              className="secondary small"
              onClick={() =>
                downloadFile(
                  csvUrl,
                  `spis-spraw-${data.unit.symbol}-${data.jrwa.symbol}-${data.year}.csv`,
                ).catch(props.onExportError)
              }
            >
              {t('caseLists.csv')}
            </button>
          }
        >
          <p className="muted">
            {data.office} · {data.unit.name} · {data.jrwa.title} ({t('caseLists.category')}:{' '}
            {data.jrwa.category ?? '—'})
          </p>
          {data.rows.length === 0 ? (
            <Empty>{t('caseLists.empty')}</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('caseLists.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('caseLists.no')}</th>
                    <th scope="col">{t('cases.sign')}</th>
                    <th scope="col">{t('cases.caseTitle')}</th>
                    <th scope="col">{t('caseLists.sender')}</th>
                    <th scope="col">{t('caseLists.initiating')}</th>
                    <th scope="col">{t('caseLists.started')}</th>
                    <th scope="col">{t('caseLists.closed')}</th>
                    <th scope="col">{t('cases.handler')}</th>
                    <th scope="col">{t('caseLists.remarks')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row) => (
                    <tr key={row.sign}>
                      <td>{row.number}</td>
                      <td>{row.sign}</td>
                      <td>{row.title}</td>
                      <td>{row.sender ?? '—'}</td>
                      <td>
                        {row.initiatingLetterSign ?? '—'}
                        {row.initiatingLetterDate ? (
                          <div className="muted small">{row.initiatingLetterDate}</div>
                        ) : null}
                      </td>
                      <td>{format.date(row.startedOn)}</td>
                      <td>{format.date(row.closedOn)}</td>
                      <td>{row.handler}</td>
                      <td>{row.remarks ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      )}
    </QueryView>
  );
}
