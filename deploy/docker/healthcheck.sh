#!/bin/bash
# Health check of a nayose service container: GET an actuator health group on
# 127.0.0.1:$SERVER_PORT with bash's /dev/tcp alone (the JRE image has neither curl nor wget).
# Exits 0 when the endpoint answers 200 (UP), 1 otherwise (down, starting, not listening).
#   HEALTHCHECK_PATH  default /actuator/health/liveness; /actuator/health/readiness to wait for
#                     readiness (match-service is ready only once its company master is loaded)
set -u
port="${SERVER_PORT:-8080}"
path="${HEALTHCHECK_PATH:-/actuator/health/liveness}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${path}" >&3
IFS= read -r -t 5 status_line <&3 || exit 1
exec 3<&-
case "${status_line}" in
  "HTTP/1."[01]" 200"*) exit 0 ;;
  *) echo "${path}: ${status_line}" >&2; exit 1 ;;
esac
