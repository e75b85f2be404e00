import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchBlob } from '../../api/transfer.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Loading } from '../../ui/Loading.tsx';

/**
 * Shows a document version in the browser. The content needs the sign-in token, so it is fetched
 * as a blob and shown from an object URL: PDFs in the built-in viewer, images inline.
 */
export function DocumentPreview(props: { url: string; title: string; fileName: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ href: string; type: string } | { error: unknown } | null>(
    null,
  );
  useEffect(() => {
    let href: string | null = null;
    let cancelled = false;
    fetchBlob(props.url).then(
      (blob) => {
        if (cancelled) return;
        href = URL.createObjectURL(blob);
        setState({ href, type: blob.type });
      },
      (error: unknown) => !cancelled && setState({ error }),
    );
    return () => {
      cancelled = true;
      if (href) URL.revokeObjectURL(href);
    };
  }, [props.url]);

  if (!state) return <Loading label={t('documents.loadingPreview')} />;
  if ('error' in state) return <ErrorAlert error={state.error} />;
  return (
    <div className="preview">
      {state.type.startsWith('image/') ? (
        <img src={state.href} alt={props.title} />
      ) : state.type === 'application/pdf' ? (
        <iframe src={state.href} title={t('documents.previewOf', { title: props.title })} />
      ) : (
        <p>{t('documents.noPreview', { type: state.type })}</p>
      )}
      <p>
        <a href={state.href} download={props.fileName}>
          {t('documents.download', { name: props.fileName })}
        </a>
      </p>
    </div>
  );
}
