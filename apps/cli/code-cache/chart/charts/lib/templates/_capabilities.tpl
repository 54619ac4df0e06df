{{- define "lib.capabilities.kubeVersion" -}}
{{- default .Capabilities.KubeVersion.Version .Values.kubeVersion -}}
{{- end -}}

{{- define "lib.capabilities.hpa.apiVersion" -}}
{{- if semverCompare "<1.23-0" (include "lib.capabilities.kubeVersion" .) -}}
autoscaling/v2beta2
{{- else -}}
autoscaling/v2
{{- end -}}
{{- end -}}

{{- define "lib.capabilities.policy.apiVersion" -}}
{{- if .Capabilities.APIVersions.Has "policy/v1/PodDisruptionBudget" -}}policy/v1{{- else -}}policy/v1beta1{{- end -}}
{{- end -}}
