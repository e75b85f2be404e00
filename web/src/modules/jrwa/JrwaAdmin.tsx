import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../ui/Alert.tsx';
import { FileField, TextField } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading, QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { importJrwa, useJrwaVersions } from './jrwa.api.ts';

type Defect = Schemas['JrwaImportReport']['defects'][number];

/** The file plan (JRWA): versions in force and the import of a new one with its defect report. */
export function JrwaAdmin() {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useJrwaVersions();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [adoptedOn, setAdoptedOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Schemas['JrwaImportReport'] | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      name: name.trim() ? undefined : t('validation.required'),
      adoptedOn: adoptedOn ? undefined : t('validation.required'),
      file: file ? undefined : t('validation.chooseFile'),
    };
    setErrors(found);
    if (!file || found.name || found.adoptedOn) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const text = await file.text();
      const result = await importJrwa({ name: name.trim(), adoptedOn, text });
      setReport(result);
      await queryClient.invalidateQueries({ queryKey: ['jrwa'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Section title={t('jrwa.import')} id="jrwa-import">
        <p className="muted">{t('jrwa.importLead')}</p>
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <ErrorAlert error={error} />
          <div className="grid-2">
            <TextField
              label={t('jrwa.name')}
              value={name}
              onChange={setName}
              required
              error={errors.name}
            />
            <TextField
              label={t('jrwa.adoptedOn')}
              type="date"
              value={adoptedOn}
              onChange={setAdoptedOn}
              required
              error={errors.adoptedOn}
            />
          </div>
          <FileField
            label={t('jrwa.file')}
            accept=".tsv,.txt,.csv,text/plain,text/tab-separated-values"
            onChange={(files) => setFile(files[0] ?? null)}
            required
            error={errors.file}
          />
          {busy ? <Loading label={t('jrwa.importing')} /> : null}
          <button type="submit" disabled={busy}>
            {t('jrwa.importSubmit')}
          </button>
        </form>
        {report ? (
          <div>
            <Notice kind={report.defects.length ? 'warning' : 'success'}>
              {t('jrwa.reportSummary', {
                classes: report.classCount,
                final: report.finalClassCount,
                defects: report.defects.length,
                format: report.format,
              })}
            </Notice>
            <DefectTable defects={report.defects} />
          </div>
        ) : null}
      </Section>
      <Section title={t('jrwa.versions')} id="jrwa-versions">
        <QueryView query={versions}>
          {(rows) => (
            <ul className="plain-list">
              {rows.map((v) => (
                <li key={v.id}>
                  <strong>{v.name}</strong> · {t('jrwa.adoptedOn')}: {format.date(v.adoptedOn)} ·{' '}
                  {v.format} · {t('jrwa.importedAt')}: {format.dateTime(v.importedAt)}
                  {v.defects.length > 0 ? (
                    <details>
                      <summary>{t('jrwa.defects', { count: v.defects.length })}</summary>
                      <DefectTable defects={v.defects} />
                    </details>
                  ) : (
                    <span className="muted"> · {t('jrwa.noDefects')}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </Section>
    </>
  );
}

function DefectTable(props: { defects: Defect[] }) {
  const { t, i18n } = useTranslation();
  if (props.defects.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="compact">
        <caption>{t('jrwa.defects', { count: props.defects.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('jrwa.line')}</th>
            <th scope="col">{t('admin.symbol')}</th>
            <th scope="col">{t('jrwa.defect')}</th>
          </tr>
        </thead>
        <tbody>
          {props.defects.map((d, index) => (
            <tr key={`${d.lineNo}-${index}`}>
              <td>{d.lineNo}</td>
              <td>{d.symbol ?? '—'}</td>
              <td>
                {i18n.language.startsWith('pl') ? d.messagePl : d.message}{' '}
                <code className="muted small">{d.code}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
