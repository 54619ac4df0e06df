{{- define "lib.affinities.pods" -}}
{{- $weight := 1 -}}
{{- if eq .type "soft" }}
preferredDuringSchedulingIgnoredDuringExecution:
  - podAffinityTerm:
      labelSelector:
        matchLabels: {{- (include "lib.labels.matchLabels" (dict "context" .context)) | nindent 10 }}
      topologyKey: {{ .topologyKey | default "kubernetes.io/hostname" }}
    weight: {{ mul $weight 100 }}
{{- else if eq .type "hard" }}
requiredDuringSchedulingIgnoredDuringExecution:
  - labelSelector:
      matchLabels: {{- (include "lib.labels.matchLabels" (dict "context" .context)) | nindent 8 }}
    topologyKey: kubernetes.io/hostname
{{- end -}}
{{- end -}}
