import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './Alert.tsx';

export function Loading(props: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {props.label ?? t('common.loading')}
    </p>
  );
}

/** Renders a query's loading and error states, then its data. */
export function QueryView<T>(props: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
  label?: string;
}) {
  if (props.query.error) return <ErrorAlert error={props.query.error} />;
  if (props.query.isPending || props.query.data === undefined)
    return <Loading label={props.label} />;
  return <>{props.children(props.query.data)}</>;
}

export function Empty(props: { children: ReactNode }) {
  return <p className="empty">{props.children}</p>;
}

export function ProgressBar(props: { label: string; loaded: number; total: number }) {
  const percent = props.total > 0 ? Math.round((props.loaded / props.total) * 100) : 0;
  return (
    <div className="progress">
      <label>
        {props.label} <span aria-hidden="true">{percent}%</span>
        <progress max={100} value={percent}>
          {percent}%
        </progress>
      </label>
    </div>
  );
}
