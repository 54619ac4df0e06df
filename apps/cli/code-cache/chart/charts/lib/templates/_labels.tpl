{{- define "lib.labels.standard" -}}
{{- $default := dict "app.kubernetes.io/name" (include "lib.names.fullname" .context) "helm.sh/chart" (include "lib.names.chart" .context) "app.kubernetes.io/instance" .context.Release.Name "app.kubernetes.io/managed-by" .context.Release.Service -}}
{{- with .context.Chart.AppVersion -}}
{{- $_ := set $default "app.kubernetes.io/version" . -}}
{{- end -}}
{{- if .customLabels -}}
{{ merge (include "lib.tplvalues.render" (dict "value" .customLabels "context" .context) | fromYaml) $default | toYaml }}
{{- else -}}
{{ toYaml $default }}
{{- end -}}
{{- end -}}

{{- define "lib.labels.matchLabels" -}}
app.kubernetes.io/name: {{ include "lib.names.fullname" .context }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
{{- end -}}
