/** Named bounds of the kube package. */

/** How long `--wait` and hook Jobs are waited for by default (Helm's `--timeout` default: 5m). */
export const defaultTimeoutMs = 5 * 60 * 1000

/** How often readiness is polled while waiting. */
export const pollIntervalMs = 250

/** Revisions kept per release (Helm's `--history-max` default). */
export const defaultHistoryMax = 10

/** Largest encoded release record: etcd refuses objects over about 1 MiB. */
export const maxReleaseRecordBytes = 1024 * 1024 - 16 * 1024

/** Longest release name (Helm's chartutil.ValidateReleaseName). */
export const maxReleaseNameLength = 53

/** Largest API response body read into memory. */
export const maxResponseBytes = 64 * 1024 * 1024

/** How long one API request may take. */
export const requestTimeoutMs = 60 * 1000

/** Requests in flight at once while validating and applying objects of one kind. */
export const applyConcurrency = 8

/** Tries at handing Helm's fields over before giving up (the object keeps changing under us). */
export const migrationAttempts = 5
