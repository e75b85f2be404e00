import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { useFormat } from '../../ui/format.ts';
import { useDocumentsToSign } from './signatures.api.ts';

/** The desk's list of approved documents waiting for my signature; each opens its case. */
export function DocumentsToSign() {
  const { t } = useTranslation();
  const format = useFormat();
  const documents = useDocumentsToSign();
  return (
    <QueryView query={documents}>
      {(rows) =>
        rows.length === 0 ? (
          <Empty>{t('desk.noneToSign')}</Empty>
        ) : (
          <ul className="plain-list">
            {rows.map((document) => (
              <li key={document.documentId}>
                <Link to={`/cases/${document.caseId}`}>{document.title}</Link>
                <div className="muted small">
                  {document.caseSign} · {t(`documents.kind.${document.kind}`)}
                  {document.approvedAt
                    ? ` · ${t('desk.approvedOn', { date: format.date(document.approvedAt) })}`
                    : null}
                </div>
              </li>
            ))}
          </ul>
        )
      }
    </QueryView>
  );
}
