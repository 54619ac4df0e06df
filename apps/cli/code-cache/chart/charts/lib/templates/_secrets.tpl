{{/* An existing secret's value, or a new random one: the usual password pattern. */}}
{{- define "lib.secrets.passwords.manage" -}}
{{- $password := "" -}}
{{- $secret := lookup "v1" "Secret" (include "lib.names.namespace" .context) .secret -}}
{{- if and $secret $secret.data (hasKey $secret.data .key) -}}
{{- $password = index $secret.data .key | b64dec -}}
{{- else if .providedValue -}}
{{- $password = .providedValue | toString -}}
{{- else -}}
{{- $password = randAlphaNum (int (.length | default 10)) -}}
{{- end -}}
{{- $password | b64enc | quote -}}
{{- end -}}

{{- define "lib.warnings.rollingTag" -}}
{{- if and (contains "example.invalid" .repository) (not (.tag | toString | regexFind "^[0-9]+\\.")) }}
WARNING: image tag {{ .tag | default "latest" | quote }} is not a fixed version.
{{- end }}
{{- end -}}
