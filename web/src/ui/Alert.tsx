import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../api/errors.ts';
import i18n from '../i18n/index.ts';

/** An error from the API, in the UI's language, in an alert region (read out at once). */
export function ErrorAlert(props: { error: unknown; title?: string }) {
  const { t, i18n } = useTranslation();
  if (!props.error) return null;
  const code = props.error instanceof ApiError ? props.error.code : null;
  const details = props.error instanceof ApiError ? fieldDetails(props.error.details) : [];
  return (
    <div className="alert alert-error" role="alert">
      <p>
        <strong>{props.title ?? t('common.error')}:</strong> {errorText(props.error, i18n.language)}
      </p>
      {details.length > 0 ? (
        <ul>
          {details.map((d) => (
            <li key={d.path}>
              <code>{d.path}</code>: {d.message}
            </li>
          ))}
        </ul>
      ) : null}
      {code ? <p className="muted small">{t('common.errorCode', { code })}</p> : null}
    </div>
  );
}

function fieldDetails(details: unknown): { path: string; message: string }[] {
  // Template errors name the placeholders that have no value: `{ missing: ['fields.fee'] }`.
  const missing = (details as { missing?: unknown } | null)?.missing;
  if (Array.isArray(missing)) {
    return missing.map((name) => ({ path: String(name), message: i18n.t('common.missingValue') }));
  }
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    const item = d as { path?: unknown; message?: unknown };
    return typeof item.path === 'string' && typeof item.message === 'string'
      ? [{ path: item.path, message: item.message }]
      : [];
  });
}

/** A polite status message (saved, registered…). */
export function Notice(props: { children: ReactNode; kind?: 'success' | 'info' | 'warning' }) {
  return (
    <div className={`alert alert-${props.kind ?? 'success'}`} role="status">
      {props.children}
    </div>
  );
}
