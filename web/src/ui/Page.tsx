import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A screen: sets the document title and moves focus to its heading (announced after navigation). */
export function Page(props: { title: string; actions?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${props.title} — ${t('app.name')}`;
  }, [props.title, t]);
  useEffect(() => {
    heading.current?.focus();
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
