import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../ui/format.ts';
import { Section } from '../../ui/Page.tsx';
import { useQuarantine } from './ocr.api.ts';

/**
 * The OCR quarantine on the register: pages of scans that kept failing after their retries,
 * each with its letter (where it is re-run). Shown only when there is something in it.
 */
export function QuarantineSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const quarantine = useQuarantine(true);
  const rows = quarantine.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Section title={t('ocr.quarantine')} id="ocr-quarantine">
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('ocr.quarantine')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incoming.field.rpwNumber')}</th>
              <th scope="col">{t('ocr.column.file')}</th>
              <th scope="col">{t('ocr.column.page')}</th>
              <th scope="col">{t('ocr.column.error')}</th>
              <th scope="col">{t('ocr.column.since')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.fileId}-${row.page}`}>
                <td>
                  <Link to={`/incoming/${row.incomingId}`}>{row.rpwNumber}</Link>
                </td>
                <td>{row.name}</td>
                <td>
                  {row.page}{' '}
                  <span className="muted small">
                    ({t('ocr.attempts', { count: row.attempts })})
                  </span>
                </td>
                <td className="small">{row.lastError ?? '—'}</td>
                <td>{row.since ? format.dateTime(row.since) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
