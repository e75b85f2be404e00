import { ApiError, networkError, toApiError } from './errors.ts';
import { getToken, setToken } from './session.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Sends a multipart form with upload progress (fetch cannot report it), e.g. a scan of a letter.
 * Resolves with the JSON answer; rejects with an `ApiError`.
 */
export function uploadForm<T>(
  url: string,
  form: FormData,
  onProgress?: (progress: UploadProgress) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = getToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else {
        if (xhr.status === 401) setToken(null);
        reject(toApiError(xhr.status, body));
      }
    };
    xhr.send(form);
  });
}

/** Fetches a binary answer (a PDF version, a CSV list) with the sign-in token. */
export async function fetchBlob(url: string): Promise<Blob> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw networkError();
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    throw toApiError(response.status, body);
  }
  return response.blob();
}

/** Fetches a file and hands it to the browser as a download. */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  const blob = await fetchBlob(url);
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export { ApiError };
