import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

let screensShown = 0;

/**
 * A screen: sets the document title and, after navigation, moves focus to its heading so that
 * it is announced. The first screen after loading leaves focus alone: the skip link comes first.
 */
export function Page(props: { title: string; actions?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const counted = useRef(false);
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${props.title} — ${t('app.name')}`;
  }, [props.title, t]);
  useEffect(() => {
    // The ref survives StrictMode's second run of effects, so a screen is counted once.
    if (counted.current) return;
    counted.current = true;
    if (screensShown++ > 0) heading.current?.focus();
  }, []);
  return (
    <div className="page">
      <div className="page-head">
        <h1 tabIndex={-1} ref={heading}>
          {props.title}
        </h1>
        {props.actions ? <div className="page-actions">{props.actions}</div> : null}
      </div>
      {props.children}
    </div>
  );
}

export function Section(props: {
  title: string;
  id?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id =
    props.id ?? `section-${props.title.toLowerCase().replace(/[^a-z0-9ąćęłńóśźż]+/g, '-')}`;
  return (
    <section className={`card ${props.className ?? ''}`} aria-labelledby={id}>
      <div className="card-head">
        <h2 id={id}>{props.title}</h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}
