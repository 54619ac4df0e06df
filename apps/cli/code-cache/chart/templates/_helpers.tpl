{{- define "training.fullname" -}}
{{- include "lib.names.fullname" . -}}
{{- end -}}

{{- define "training.labels" -}}
{{ include "lib.labels.standard" (dict "customLabels" .Values.labels "context" $) }}
{{- end -}}

{{- define "training.serviceAccountName" -}}
{{- if .Values.rbac.create -}}
{{ include "training.fullname" . }}
{{- else -}}
default
{{- end -}}
{{- end -}}
