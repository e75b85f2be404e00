import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageFrame {
  title: string;
  officeName: string;
  /** Which navigation entry is the current page. */
  current?: 'home' | 'forms' | 'matters' | 'status';
  citizen?: { name: string; csrfToken: string } | null;
  signInAvailable: boolean;
  body: Html;
}

/**
 * Every portal page: language, viewport, a skip link, the header with the office and the
 * navigation, one `main` landmark and the footer. Titles read "<page> – e-Urząd – <office>".
 */
export function page(frame: PageFrame): Html {
  const link = (href: string, key: PageFrame['current'], text: string) =>
    html`<li>
      <a href="${href}" ${frame.current === key ? html`aria-current="page"` : ''}>${text}</a>
    </li>`;
  return html`<!doctype html>
    <html lang="pl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${frame.title} – e-Urząd – ${frame.officeName}</title>
        <link rel="stylesheet" href="/portal/portal.css" />
      </head>
      <body>
        <a class="skip-link" href="#tresc">Przejdź do treści</a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href="/portal">e-Urząd <small>${frame.officeName}</small></a>
            <nav class="site-nav" aria-label="Menu główne">
              <ul>
                ${link('/portal', 'home', 'Start')}
                ${link('/portal/formularze', 'forms', 'Załatw sprawę')}
                ${frame.citizen ? link('/portal/sprawy', 'matters', 'Moje sprawy') : ''}
                ${link('/portal/status', 'status', 'Sprawdź status sprawy')}
              </ul>
            </nav>
            <div class="account">
              ${
                frame.citizen
                  ? html`<span>Zalogowano: <strong>${frame.citizen.name}</strong></span>
                      <form method="post" action="/portal/wyloguj">
                        <input type="hidden" name="_csrf" value="${frame.citizen.csrfToken}" />
                        <button class="link-button" type="submit">Wyloguj się</button>
                      </form>`
                  : frame.signInAvailable
                    ? html`<a href="/portal/logowanie">Zaloguj się</a>`
                    : ''
              }
            </div>
          </div>
        </header>
        <main id="tresc" tabindex="-1">${frame.body}</main>
        <footer class="site-footer">
          <div>
            <p>
              ${frame.officeName} · portal mieszkańca e-Urząd. Dane osobowe przetwarzamy wyłącznie w
              celu załatwienia Twoich spraw (art. 6 ust. 1 lit. c i e RODO); z identyfikatorów
              przechowujemy tylko imię, nazwisko i numer PESEL.
            </p>
          </div>
        </footer>
      </body>
    </html>`;
}
