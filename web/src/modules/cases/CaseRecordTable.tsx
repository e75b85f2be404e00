import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { QueryView } from '../../ui/Loading.tsx';
import { Section } from '../../ui/Page.tsx';
import { useCaseDocuments } from '../documents/documents.api.ts';
import { useCaseRecord } from './cases.api.ts';

/** The case record (metryka, KPA art. 66a): every step, who did it and when. */
export function CaseRecordTable(props: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const record = useCaseRecord(props.caseId);
  // Record rows name documents by id (or by RPW/RKW number); show a document's title instead.
  const documents = useCaseDocuments(props.caseId);
  const titleOf = new Map((documents.data ?? []).map((d) => [d.id, d.title]));
  return (
    <Section title={t('cases.record')} id="record">
      <QueryView query={record}>
        {(data) => (
          <div className="table-wrap">
            <table className="record">
              <caption className="visually-hidden">
                {t('cases.recordOf', { sign: data.sign })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.recordNo')}</th>
                  <th scope="col">{t('cases.recordAt')}</th>
                  <th scope="col">{t('cases.recordPerson')}</th>
                  <th scope="col">{t('cases.recordAction')}</th>
                  <th scope="col">{t('cases.recordDocument')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.seq}>
                    <td>{row.seq}</td>
                    <td>{format.dateTime(row.at)}</td>
                    <td>
                      {row.person}
                      <div className="muted small">{row.post}</div>
                    </td>
                    <td>
                      {row.description}
                      <div className="muted small">
                        <code>{row.action}</code>
                      </div>
                    </td>
                    <td>
                      {row.documentId ? (titleOf.get(row.documentId) ?? row.documentId) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </Section>
  );
}
