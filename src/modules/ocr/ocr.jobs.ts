import type { Settings } from '../../config.ts';
import type { PeriodicJob } from '../../platform/jobs/jobs.ts';
import { runOcrWorker, type OcrDeps, type OcrOptions } from './ocr.worker.ts';

type OcrSettings = Pick<
  Settings,
  | 'OBIEG_OCR_INTERVAL_S'
  | 'OBIEG_OCR_WORKERS'
  | 'OBIEG_OCR_TIMEOUT_S'
  | 'OBIEG_OCR_MAX_ATTEMPTS'
  | 'OBIEG_OCR_RETRY_BASE_S'
  | 'OBIEG_OCR_DPI'
  | 'OBIEG_OCR_LANGUAGES'
>;

export const ocrOptions = (settings: OcrSettings): OcrOptions => ({
  workers: settings.OBIEG_OCR_WORKERS,
  timeoutMs: settings.OBIEG_OCR_TIMEOUT_S * 1000,
  maxAttempts: settings.OBIEG_OCR_MAX_ATTEMPTS,
  retryBaseMs: settings.OBIEG_OCR_RETRY_BASE_S * 1000,
  dpi: settings.OBIEG_OCR_DPI,
  languages: settings.OBIEG_OCR_LANGUAGES,
});

/** OCR of scans in the background: registration never waits for it. */
export function ocrJobs(deps: OcrDeps, settings: OcrSettings): PeriodicJob[] {
  let stopping = false;
  const options = { ...ocrOptions(settings), stopping: () => stopping };
  return [
    {
      name: 'ocr worker',
      intervalSeconds: settings.OBIEG_OCR_INTERVAL_S,
      run: () => runOcrWorker(deps, options),
      // The page being read is finished; the rest waits for the next start.
      interrupt: () => (stopping = true),
    },
  ];
}
