import createClient from 'openapi-fetch';
import { networkError, toApiError } from './errors.ts';
import type { components, paths } from './schema';
import { getToken, setToken } from './session.ts';

export type Schemas = components['schemas'];

/** The typed API client (paths and bodies generated from docs/openapi.json). */
export const api = createClient<paths>({ baseUrl: '' });

api.use({
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // An expired or revoked token: back to the sign-in screen.
    if (response.status === 401 && !request.url.endsWith('/auth/login') && getToken()) {
      setToken(null);
    }
    return response;
  },
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and returns its data, or throws an `ApiError`. */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch {
    throw networkError();
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.response.status, result.error);
  }
  return result.data as T;
}
