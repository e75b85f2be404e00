import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/transfer.ts';
import { useFormat } from '../../ui/format.ts';
import { QueryView } from '../../ui/Loading.tsx';
import { SignatureProblems, SignatureValidity } from './SignatureReport.tsx';
import { signatureContentUrl, useDocumentSignatures } from './signatures.api.ts';

/** Signatures made on a document, each with its validation report. */
export function SignatureList(props: { documentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const signatures = useDocumentSignatures(props.documentId);
  return (
    <QueryView query={signatures}>
      {(rows) =>
        rows.length === 0 ? null : (
          <ul className="plain-list">
            {rows.map((s) => (
              <li key={s.id}>
                <SignatureValidity valid={s.report.valid} />{' '}
                {t('signatures.signedBy', { name: s.signedBy, version: s.version })},{' '}
                {format.dateTime(s.signingTime)}{' '}
                <span className="muted small">
                  ({t(`signatures.kind.${s.credentialKind}`)}; {s.signerSubject})
                </span>{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    void downloadFile(signatureContentUrl(props.documentId, s.id), s.fileName)
                  }
                >
                  {t('signatures.downloadXades')}
                </button>
                <SignatureProblems problems={s.report.problems} />
              </li>
            ))}
          </ul>
        )
      }
    </QueryView>
  );
}
