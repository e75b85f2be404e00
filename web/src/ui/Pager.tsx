import { useTranslation } from 'react-i18next';

/**
 * Previous / next for a list fetched `pageSize` rows at a time from `offset`: "next" stays off
 * once a page comes back shorter than a full one.
 */
export function Pager(props: {
  offset: number;
  pageSize: number;
  shown: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button
        type="button"
        className="secondary"
        disabled={props.offset === 0}
        onClick={() => props.onChange(Math.max(0, props.offset - props.pageSize))}
      >
        {t('common.previous')}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={props.shown < props.pageSize}
        onClick={() => props.onChange(props.offset + props.pageSize)}
      >
        {t('common.next')}
      </button>
    </div>
  );
}
