import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../../platform/http/http-types.ts';
import { AppError } from '../../platform/errors.ts';
import type { Upload } from './attachments.ts';
import {
  csrfMatches,
  findCitizenSession,
  signInCitizen,
  signOutCitizen,
  type CitizenSession,
} from './citizen-sessions.usecases.ts';
import { findForm } from './forms/form-catalogue.ts';
import {
  downloadLetter,
  getMyMatter,
  listMyMatters,
  readMyApplication,
  readMyReceipt,
} from './matters.usecases.ts';
import { resolvePortalOffice, type PortalDeps, type PortalOffice } from './portal-account.ts';
import { ACS_PATH, type PortalOptions } from './portal-setup.ts';
import { portalErrors } from './portal.errors.ts';
import { lookupStatus } from './status-lookup.usecases.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { COOKIE, safeReturnPath, SECURITY_HEADERS, sendFile } from './portal-http.ts';
import { submitApplication } from './submissions.usecases.ts';
import { formBody } from './pages/form-page.ts';
import { formsBody, homeBody, messageBody } from './pages/home-pages.ts';
import { page, type Html, type PageFrame } from './pages/layout.ts';
import { matterBody, mattersBody } from './pages/matters-pages.ts';
import { PORTAL_CSS } from './pages/portal-styles.ts';
import { statusBody } from './pages/status-page.ts';

interface PortalEnv {
  Variables: { office: PortalOffice; session: CitizenSession | null };
}

/**
 * The citizens' portal under /portal: server-rendered Polish pages that work without JavaScript,
 * a session cookie of its own (never the staff token), CSRF tokens on every form of a signed-in
 * citizen, and the SAML endpoints of the sign-in. Routes only adapt HTTP to the use cases.
 */
export function createPortalPages(appDeps: AppDeps, options: PortalOptions) {
  const deps: PortalDeps = {
    db: appDeps.db,
    clock: appDeps.clock,
    files: appDeps.files,
    logger: appDeps.logger,
    sealPassword: appDeps.sealPassword,
    portal: options.settings,
  };
  const idp = options.identityProvider;
  const app = new Hono<PortalEnv>();

  app.get('/portal.css', (c) =>
    c.body(PORTAL_CSS, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );
  if (options.demoIdentityProvider) app.route('/demo-idp', options.demoIdentityProvider);

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: options.settings.maxFiles * options.settings.maxFileBytes + 1024 * 1024,
      onError: () => {
        throw new AppError(
          'portal.too_large',
          413,
          'The application with its attachments is too large.',
          'Wniosek z załącznikami jest za duży. Zmniejsz lub usuń część plików.',
        );
      },
    }),
  );
  app.use('*', async (c, next) => {
    c.set('office', await resolvePortalOffice(deps.db, deps.portal));
    c.set('session', await findCitizenSession(deps, c.get('office').id, getCookie(c, COOKIE)));
    return next();
  });

  const render = (
    c: Context<PortalEnv>,
    frame: Omit<PageFrame, 'officeName' | 'citizen' | 'signInAvailable'>,
    status: 200 | 400 | 401 | 404 | 413 | 422 | 429 | 500 = 200,
  ) => {
    const session = c.get('session');
    return c.html(
      page({
        ...frame,
        officeName: c.get('office')?.name ?? 'Urząd',
        citizen: session ? { name: session.name, csrfToken: session.csrfToken } : null,
        signInAvailable: Boolean(idp),
      }),
      status,
    );
  };
  const requireSession = (c: Context<PortalEnv>) => {
    const session = c.get('session');
    if (!session) throw portalErrors.unauthenticated();
    return session;
  };
  const requireCsrf = (session: CitizenSession, form: Record<string, unknown>) => {
    const token = typeof form._csrf === 'string' ? form._csrf : undefined;
    if (!csrfMatches(session, token)) throw portalErrors.csrf();
  };
  const acsUrl = (c: Context) =>
    `${options.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin}${ACS_PATH}`;

  app.onError((error, c) => {
    if (error instanceof AppError && error.code === 'portal.unauthenticated') {
      return c.redirect(`/portal/logowanie?powrot=${encodeURIComponent(c.req.path)}`, 303);
    }
    const known = error instanceof AppError ? error : null;
    if (!known) appDeps.logger.error({ err: error, path: c.req.path }, 'portal error');
    if (known?.code === 'portal.not_configured' || !c.get('office')) {
      return c.html(
        page({
          title: 'Portal niedostępny',
          officeName: 'Portal mieszkańca',
          signInAvailable: false,
          body: messageBody('Portal niedostępny', known?.messagePl ?? 'Spróbuj ponownie później.'),
        }),
        503,
      );
    }
    const status = (known?.status ?? 500) as 400 | 401 | 404 | 413 | 422 | 429 | 500;
    return render(
      c,
      {
        title: status === 404 ? 'Nie znaleziono' : 'Wystąpił problem',
        body: messageBody(
          status === 404 ? 'Nie znaleziono strony' : 'Wystąpił problem',
          known?.messagePl ?? 'Wystąpił błąd. Spróbuj ponownie za chwilę.',
          { href: '/portal', label: 'Wróć na stronę główną' },
        ),
      },
      status >= 400 && status < 600 ? status : 500,
    );
  });

  app.get('/', (c) =>
    render(c, {
      title: 'Start',
      current: 'home',
      body: homeBody({ signedIn: Boolean(c.get('session')), signInLabel: idp?.label ?? null }),
    }),
  );

  // Sign-in through the identity provider (SAML 2.0) and sign-out.
  app.get('/logowanie', async (c) => {
    if (!idp) throw portalErrors.signInUnavailable();
    const back = safeReturnPath(c.req.query('powrot'));
    return c.redirect(await idp.startSignIn({ acsUrl: acsUrl(c), relayState: back }), 302);
  });
  app.post('/saml/acs', async (c) => {
    if (!idp) throw portalErrors.signInUnavailable();
    const form = await c.req.parseBody();
    const fields = Object.fromEntries(
      Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const { identity, relayState } = await idp.finishSignIn({ acsUrl: acsUrl(c), form: fields });
    const { token, session } = await signInCitizen(deps, c.get('office'), identity);
    setCookie(c, COOKIE, token, {
      path: '/portal',
      httpOnly: true,
      sameSite: 'Lax',
      secure: new URL(acsUrl(c)).protocol === 'https:',
    });
    c.set('session', session);
    return c.redirect(safeReturnPath(relayState ?? undefined), 303);
  });
  app.get('/saml/metadata', async (c) => {
    if (!idp) throw portalErrors.signInUnavailable();
    return c.body(await idp.metadata({ acsUrl: acsUrl(c) }), 200, {
      'content-type': 'application/samlmetadata+xml',
    });
  });
  app.post('/wyloguj', async (c) => {
    const session = requireSession(c);
    requireCsrf(session, await c.req.parseBody());
    await signOutCitizen(deps, getCookie(c, COOKIE));
    deleteCookie(c, COOKIE, { path: '/portal' });
    c.set('session', null);
    return render(c, {
      title: 'Wylogowano',
      body: messageBody('Wylogowano', 'Zostałeś wylogowany z portalu.', {
        href: '/portal',
        label: 'Wróć na stronę główną',
      }),
    });
  });

  // Forms.
  app.get('/formularze', (c) =>
    render(c, { title: 'Załatw sprawę', current: 'forms', body: formsBody() }),
  );
  app.get('/formularze/:id', (c) => {
    const form = findForm(c.req.param('id'));
    if (!form) throw portalErrors.formNotFound();
    const session = requireSession(c);
    return render(c, { title: form.title, current: 'forms', body: formPage(form.id, session) });
  });
  const formPage = (
    formId: string,
    session: CitizenSession,
    values?: Record<string, string>,
    errors?: Record<string, string>,
  ): Html =>
    formBody({
      form: findForm(formId)!,
      citizen: session,
      csrfToken: session.csrfToken,
      maxFileMb: Math.round((deps.portal.maxFileBytes / 1048576) * 10) / 10,
      maxFiles: deps.portal.maxFiles,
      ...(values ? { values } : {}),
      ...(errors ? { errors } : {}),
    });
  app.post('/formularze/:id', async (c) => {
    const form = findForm(c.req.param('id'));
    if (!form) throw portalErrors.formNotFound();
    const session = requireSession(c);
    const body = await c.req.parseBody({ all: true });
    requireCsrf(session, body);
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(body)) {
      if (typeof value === 'string' && name !== '_csrf') fields[name] = value;
    }
    const files = ([] as unknown[])
      .concat(body.attachments ?? [])
      .filter((f): f is File => f instanceof File);
    const uploads: Upload[] = await Promise.all(
      files.map(async (file) => ({
        name: file.name,
        content: new Uint8Array(await file.arrayBuffer()),
      })),
    );
    const result = await submitApplication(deps, session, form.id, fields, uploads);
    if (!result.ok) {
      return render(
        c,
        {
          title: `Błędy – ${form.title}`,
          current: 'forms',
          body: formPage(form.id, session, result.values, result.errors),
        },
        422,
      );
    }
    return c.redirect(`/portal/sprawy/${result.submissionId}?wyslano=1`, 303);
  });

  // My matters, documents and letters.
  app.get('/sprawy', async (c) => {
    const session = requireSession(c);
    return render(c, {
      title: 'Moje sprawy',
      current: 'matters',
      body: mattersBody(await listMyMatters(deps, session)),
    });
  });
  app.get('/sprawy/:id', async (c) => {
    const session = requireSession(c);
    const matter = await getMyMatter(deps, session, c.req.param('id'));
    return render(c, {
      title: matter.title,
      current: 'matters',
      body: matterBody({
        matter,
        accessCode: matter.accessCode,
        csrfToken: session.csrfToken,
        justSubmitted: c.req.query('wyslano') === '1',
      }),
    });
  });
  const documents = {
    'potwierdzenie.xml': (s: CitizenSession, id: string) => readMyReceipt(deps, s, id, 'xml'),
    'potwierdzenie.pdf': (s: CitizenSession, id: string) => readMyReceipt(deps, s, id, 'pdf'),
    'wniosek.xml': (s: CitizenSession, id: string) => readMyApplication(deps, s, id, 'application'),
    'wniosek.pdf': (s: CitizenSession, id: string) => readMyApplication(deps, s, id, 'printout'),
  } as const;
  app.get('/sprawy/:id/:file', async (c) => {
    const session = requireSession(c);
    const read = documents[c.req.param('file') as keyof typeof documents];
    if (!read) throw portalErrors.notFound();
    return sendFile(c, await read(session, c.req.param('id')));
  });
  app.post('/pisma/:id', async (c) => {
    const session = requireSession(c);
    requireCsrf(session, await c.req.parseBody());
    return sendFile(c, await downloadLetter(deps, session, c.req.param('id')));
  });

  // Status lookup without signing in.
  app.get('/status', (c) =>
    render(c, { title: 'Sprawdź status sprawy', current: 'status', body: statusBody({}) }),
  );
  app.post('/status', async (c) => {
    const form = await c.req.parseBody();
    const reference = typeof form.reference === 'string' ? form.reference : '';
    const accessCode = typeof form.accessCode === 'string' ? form.accessCode : '';
    try {
      const result = await lookupStatus(deps, {
        reference,
        accessCode,
        client: clientAddress(c, options.trustProxy),
      });
      return render(c, {
        title: 'Status sprawy',
        current: 'status',
        body: statusBody({ reference, result }),
      });
    } catch (error) {
      if (!(error instanceof AppError) || !error.code.startsWith('portal.lookup')) throw error;
      if (error.status === 429)
        c.header('Retry-After', String(deps.portal.lookupWindowMinutes * 60));
      return render(
        c,
        {
          title: 'Status sprawy – błąd',
          current: 'status',
          body: statusBody({ reference, error: error.messagePl }),
        },
        error.status === 429 ? 429 : 404,
      );
    }
  });

  // Anything else under /portal is the portal's 404, never the staff application.
  app.all('*', (c) =>
    render(
      c,
      {
        title: 'Nie znaleziono',
        body: messageBody('Nie znaleziono strony', 'Sprawdź adres strony.', {
          href: '/portal',
          label: 'Wróć na stronę główną',
        }),
      },
      404,
    ),
  );
  return app;
}
