#!/bin/bash
# Creates nayose's AWS resources in LocalStack once it is ready: mounted by docker-compose.yml into
# /etc/localstack/init/ready.d/. The same resources as the CDK stack in deploy/aws:
#   - queues <prefix>uploads, <prefix>chunks, <prefix>matched, each with its dead-letter queue
#     <queue>-dlq, a redrive policy (maxReceiveCount = NAYOSE_QUEUES_MAX_RECEIVE_COUNT, the value the
#     services dead-letter at) and, on the DLQ, a redrive-allow policy naming its source queue;
#   - the uploads bucket, whose s3:ObjectCreated:* events under incoming/ go to <prefix>uploads as
#     the standard S3 event JSON (so ingest-service runs with NAYOSE_INGEST_PUBLISH_S3_EVENTS=false).
# Reads the services' own variables, so one set of values in docker-compose.yml configures both.
set -euo pipefail

prefix="${NAYOSE_QUEUES_PREFIX:-nayose-}"
max_receive_count="${NAYOSE_QUEUES_MAX_RECEIVE_COUNT:-5}"
bucket="${NAYOSE_STORAGE_BUCKET:-nayose-uploads}"
region="${AWS_DEFAULT_REGION:-us-east-1}"
visibility_timeout="${VISIBILITY_TIMEOUT_SECONDS:-60}"
upload_prefix="incoming/"
work="$(mktemp -d)"

queue_arn() {
  awslocal sqs get-queue-attributes --queue-url "$1" --attribute-names QueueArn \
    --query Attributes.QueueArn --output text
}

for name in uploads chunks matched; do
  queue="${prefix}${name}"
  dlq="${queue}-dlq"

  # 14 days, the most SQS keeps a message: time to look at it and redrive it
  dlq_url="$(awslocal sqs create-queue --queue-name "${dlq}" \
    --attributes MessageRetentionPeriod=1209600 --query QueueUrl --output text)"
  dlq_arn="$(queue_arn "${dlq_url}")"

  cat >"${work}/${queue}.json" <<JSON
{
  "VisibilityTimeout": "${visibility_timeout}",
  "RedrivePolicy": "{\"deadLetterTargetArn\":\"${dlq_arn}\",\"maxReceiveCount\":\"${max_receive_count}\"}"
}
JSON
  queue_url="$(awslocal sqs create-queue --queue-name "${queue}" \
    --attributes "file://${work}/${queue}.json" --query QueueUrl --output text)"
  queue_arn="$(queue_arn "${queue_url}")"

  cat >"${work}/${dlq}.json" <<JSON
{
  "RedriveAllowPolicy": "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"${queue_arn}\"]}"
}
JSON
  awslocal sqs set-queue-attributes --queue-url "${dlq_url}" --attributes "file://${work}/${dlq}.json"

  if [[ "${name}" == uploads ]]; then
    uploads_arn="${queue_arn}"
  fi
  echo "nayose: queue ${queue} -> ${dlq} after ${max_receive_count} receives"
done

if [[ "${region}" == us-east-1 ]]; then
  awslocal s3api create-bucket --bucket "${bucket}" >/dev/null
else
  awslocal s3api create-bucket --bucket "${bucket}" \
    --create-bucket-configuration "LocationConstraint=${region}" >/dev/null
fi

cat >"${work}/notification.json" <<JSON
{
  "QueueConfigurations": [
    {
      "Id": "nayose-uploads",
      "QueueArn": "${uploads_arn}",
      "Events": ["s3:ObjectCreated:*"],
      "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "${upload_prefix}"}]}}
    }
  ]
}
JSON
awslocal s3api put-bucket-notification-configuration --bucket "${bucket}" \
  --notification-configuration "file://${work}/notification.json"
echo "nayose: bucket ${bucket} notifies ${prefix}uploads of s3:ObjectCreated:* under ${upload_prefix}"
