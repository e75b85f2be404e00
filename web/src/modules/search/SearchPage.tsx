import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '../../ui/Badge.tsx';
import { Empty, QueryView } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { hitPath, MIN_QUERY_LENGTH, useSearch } from './search.api.ts';

/** Results of the header's search: only what the user may open (the API checks each hit). */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const results = useSearch(q);
  return (
    <Page title={q ? t('search.titleFor', { q }) : t('search.title')}>
      {q.length < MIN_QUERY_LENGTH ? (
        <p>{t('search.tooShort', { count: MIN_QUERY_LENGTH })}</p>
      ) : (
        <QueryView query={results} label={t('search.searching')}>
          {(hits) => (
            <>
              <p role="status">{t('search.found', { count: hits.length })}</p>
              {hits.length === 0 ? (
                <Empty>{t('search.nothing')}</Empty>
              ) : (
                <ul className="plain-list search-results">
                  {hits.map((hit) => (
                    <li key={`${hit.type}-${hit.id}`}>
                      <Badge tone={hit.type === 'case' ? 'info' : 'neutral'}>
                        {t(`search.type.${hit.type}`)}
                      </Badge>{' '}
                      <Link to={hitPath(hit)}>{hit.title}</Link>
                      {hit.reference ? <span className="muted"> · {hit.reference}</span> : null}
                      {hit.excerpt ? <p className="excerpt muted small">{hit.excerpt}</p> : null}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </QueryView>
      )}
    </Page>
  );
}
