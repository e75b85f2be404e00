import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client.ts';
import { Badge } from '../../ui/Badge.tsx';
import { useFormat } from '../../ui/format.ts';

export type ValidationReport = Schemas['SignatureValidationReport'];

/** "podpis ważny" / "podpis nieważny": the verdict of a validation report. */
export function SignatureValidity(props: { valid: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge tone={props.valid ? 'success' : 'danger'}>
      {props.valid ? t('signatures.valid') : t('signatures.invalid')}
    </Badge>
  );
}

/** What is wrong with a signature, in the UI's language (nothing when it is sound). */
export function SignatureProblems(props: { problems: ValidationReport['problems'] }) {
  const { i18n } = useTranslation();
  if (props.problems.length === 0) return null;
  return (
    <ul>
      {props.problems.map((p) => (
        <li key={p.code}>{i18n.language.startsWith('pl') ? p.messagePl : p.message}</li>
      ))}
    </ul>
  );
}

/**
 * One signature's validation report in full (a letter's file checked on arrival): verdict, format,
 * signer, signing time, integrity of the signed content, the certificate and its chain, problems.
 */
export function SignatureReport(props: { report: ValidationReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const report = props.report;
  return (
    <div>
      <p>
        <SignatureValidity valid={report.valid} />{' '}
        <span className="muted small">{t(`signatures.report.format.${report.format}`)}</span>
      </p>
      <dl className="dl-grid">
        <dt>{t('signatures.report.signer')}</dt>
        <dd>{report.signer?.subject ?? '—'}</dd>
        <dt>{t('signatures.report.signingTime')}</dt>
        <dd>{format.dateTime(report.signingTime)}</dd>
        <dt>{t('signatures.report.integrity')}</dt>
        <dd>{t(`signatures.report.integrityState.${report.integrity}`)}</dd>
        <dt>{t('signatures.report.certificate')}</dt>
        <dd>
          {report.certificate ? (
            <>
              {t(`signatures.report.chain.${report.certificate.chain}`)};{' '}
              {report.certificate.validAtSigningTime
                ? t('signatures.report.validAtSigningTime')
                : t('signatures.report.notValidAtSigningTime')}
              {report.signer ? (
                <div className="muted small">
                  {t('signatures.report.issuer', { issuer: report.signer.issuer })}
                </div>
              ) : null}
            </>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      <SignatureProblems problems={report.problems} />
    </div>
  );
}
