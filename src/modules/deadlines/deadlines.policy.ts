/**
 * The KPA calculator and the list of holidays are public: anyone may compute a term without
 * signing in (API paths under /api/v1, exempt from the staff sign-in in app.ts).
 */
export const PUBLIC_DEADLINE_PATHS = ['/deadlines/compute', '/deadlines/holidays'];
