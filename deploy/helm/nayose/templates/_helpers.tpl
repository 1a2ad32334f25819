{{/*
Names. The release's objects are <fullname>-<service>, e.g. nayose-match-service for a release
named nayose. Per-service templates get a dict: root (the chart's context), key (ingest, split,
match, load) and svc (the service's values).
*/}}
{{- define "nayose.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "nayose.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The service's name as the services and their modules call it: match -> match-service. */}}
{{- define "nayose.service" -}}
{{- printf "%s-service" .key -}}
{{- end -}}

{{- define "nayose.serviceFullname" -}}
{{- printf "%s-%s" (include "nayose.fullname" .root) (include "nayose.service" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "nayose.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "nayose.commonLabels" -}}
helm.sh/chart: {{ include "nayose.chart" . }}
app.kubernetes.io/name: {{ include "nayose.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: nayose
{{- end -}}

{{- define "nayose.selectorLabels" -}}
app.kubernetes.io/name: {{ include "nayose.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ include "nayose.service" . }}
{{- end -}}

{{- define "nayose.labels" -}}
{{ include "nayose.commonLabels" .root }}
app.kubernetes.io/component: {{ include "nayose.service" . }}
{{- end -}}

{{- define "nayose.image" -}}
{{- $image := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $image.tag -}}
{{- $repository := printf "%s/%s" $image.repository (include "nayose.service" .) -}}
{{- if $image.registry -}}
{{- printf "%s/%s:%s" $image.registry $repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end -}}

{{- define "nayose.serviceAccountName" -}}
{{- if .svc.serviceAccount.create -}}
{{- default (include "nayose.serviceFullname" .) .svc.serviceAccount.name -}}
{{- else -}}
{{- default "default" .svc.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
The IAM role of a service: serviceAccount.roleArn, else the role the CDK stack (deploy/aws) names
<queues.prefix><service> in aws.accountId.
*/}}
{{- define "nayose.roleArn" -}}
{{- if .svc.serviceAccount.roleArn -}}
{{- .svc.serviceAccount.roleArn -}}
{{- else -}}
{{- printf "arn:aws:iam::%s:role/%s%s" (toString .root.Values.aws.accountId) .root.Values.queues.prefix (include "nayose.service" .) -}}
{{- end -}}
{{- end -}}

{{/* The logical name of the queue a service consumes (nayose.queues.*), empty for ingest. */}}
{{- define "nayose.inputQueue" -}}
{{- $inputs := dict "split" "uploads" "match" "chunks" "load" "matched" -}}
{{- get $inputs .key -}}
{{- end -}}

{{/* The URL of the queue a service consumes, as SQS (or the emulator) reports it. */}}
{{- define "nayose.inputQueueUrl" -}}
{{- $aws := .root.Values.aws -}}
{{- $name := printf "%s%s" .root.Values.queues.prefix (include "nayose.inputQueue" .) -}}
{{- if $aws.endpoints.sqs -}}
{{- printf "%s/%s/%s" (trimSuffix "/" $aws.endpoints.sqs) (toString $aws.accountId) $name -}}
{{- else -}}
{{- printf "https://sqs.%s.amazonaws.com/%s/%s" $aws.region (toString $aws.accountId) $name -}}
{{- end -}}
{{- end -}}

{{- define "nayose.configName" -}}
{{- printf "%s-config" (include "nayose.fullname" .) -}}
{{- end -}}

{{- define "nayose.secretName" -}}
{{- printf "%s-secrets" (include "nayose.fullname" .) -}}
{{- end -}}

{{- define "nayose.databaseSecretName" -}}
{{- default (include "nayose.secretName" .) .Values.database.existingSecret -}}
{{- end -}}

{{/* Whether the chart keeps a Secret of its own: database credentials or emulator credentials. */}}
{{- define "nayose.ownsSecret" -}}
{{- if or (not .Values.database.existingSecret) .Values.aws.staticCredentials.accessKey -}}true{{- end -}}
{{- end -}}
