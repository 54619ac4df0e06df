import type { EventView, ModuleSummary, ModuleView, RevisionView } from '@slipway/api'
import type { ReleaseRecord, ReleaseResource, ReleaseRow } from './backend.ts'

/** Most Events shown on a module page. */
export const MAX_EVENTS = 50

/** A release as a row of the modules list. */
export function toSummary(row: ReleaseRow, source?: ReleaseRecord['source']): ModuleSummary {
  const summary: ModuleSummary = {
    name: row.name,
    namespace: row.namespace,
    chart: row.chartName,
    chartVersion: row.chartVersion,
    status: row.status,
    revision: row.revision,
    updated: row.updated,
  }
  if (row.appVersion) summary.appVersion = row.appVersion
  if (source?.repository && source.path) {
    summary.source = {
      repository: source.repository,
      path: source.path,
      ...(source.version ? { version: source.version } : {}),
    }
  }
  return summary
}

/** A release in full, for its page. */
export function toModuleView(
  record: ReleaseRecord,
  resources: ReleaseResource[],
  history: ReleaseRow[],
  events: EventView[] = [],
): ModuleView {
  return {
    ...toSummary(record, record.source),
    ...(record.notes ? { notes: record.notes } : {}),
    values: record.values,
    manifest: record.manifest,
    resources: resources.map((r) => ({
      apiVersion: r.apiVersion,
      kind: r.kind,
      name: r.name,
      ...(r.namespace ? { namespace: r.namespace } : {}),
      status: r.health,
      ...(r.message ? { message: r.message } : {}),
    })),
    history: history
      .map((h): RevisionView => ({
        revision: h.revision,
        status: h.status,
        chartVersion: h.chartVersion,
        ...(h.appVersion ? { appVersion: h.appVersion } : {}),
        updated: h.updated,
        ...(h.description ? { description: h.description } : {}),
      }))
      .sort((a, b) => b.revision - a.revision),
    events: [...events].sort((a, b) => b.time.localeCompare(a.time)).slice(0, MAX_EVENTS),
  }
}
