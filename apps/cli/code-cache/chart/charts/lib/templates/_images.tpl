{{- define "lib.images.image" -}}
{{- $registry := .imageRoot.registry -}}
{{- if and .global .global.imageRegistry -}}
{{- $registry = .global.imageRegistry -}}
{{- end -}}
{{- $separator := ":" -}}
{{- $termination := .imageRoot.tag | default .chart.AppVersion | toString -}}
{{- if .imageRoot.digest -}}
{{- $separator = "@" -}}
{{- $termination = .imageRoot.digest | toString -}}
{{- end -}}
{{- if $registry -}}
{{- printf "%s/%s%s%s" $registry .imageRoot.repository $separator $termination -}}
{{- else -}}
{{- printf "%s%s%s" .imageRoot.repository $separator $termination -}}
{{- end -}}
{{- end -}}

{{- define "lib.images.pullPolicy" -}}
{{- if regexMatch "^(Always|IfNotPresent|Never)$" (toString .) -}}{{ . }}{{- else -}}IfNotPresent{{- end -}}
{{- end -}}
