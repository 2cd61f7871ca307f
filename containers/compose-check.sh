#!/usr/bin/env bash
# Checks compose.yaml as the README runs it (after ./mvnw -B -ntp -q -DskipTests package and
# containers/build-images.sh): "docker-compose up -d" answers /health, a dev token and a send on
# 127.0.0.1:4567; "docker-compose down" keeps the volumes, and the message is there after "up" again.
# Removes what it made (down -v) at the end. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
base=http://127.0.0.1:4567

cleanup() {
  docker-compose down -v > /dev/null 2>&1 || true
}
trap cleanup EXIT

token() {
  local token=""
  for _ in $(seq 1 90); do
    token=$(curl -s -m 2 -X POST "$base/dev/tokens/andrewbrown" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' || true)
    [ -n "$token" ] && break
    sleep 1
  done
  [ -n "$token" ] || { docker-compose logs --tail 50 >&2; echo "compose: no dev token from $base" >&2; exit 1; }
  echo "$token"
}

docker-compose up -d
started=$(date +%s)
token=$(token)
echo "compose: dev token after $(( $(date +%s) - started )) s"
health=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$base/health")
[ "$health" = 200 ] || { echo "compose: /health answered $health" >&2; exit 1; }
text="from compose $(date +%s%N)"
sent=$(curl -s -m 5 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"message\":\"$text\",\"handle\":\"bayko\"}" "$base/api/messages")
group=$(echo "$sent" | sed -n 's/.*"message_group_uuid":"\([^"]*\)".*/\1/p')
[ -n "$group" ] || { echo "compose: the send answered $sent" >&2; exit 1; }
echo "compose: /health UP, a send to group $group"

docker-compose down
for volume in dynamodb-data postgres-data; do
  docker volume ls --format '{{.Name}}' | grep -q "_${volume}\$" || { echo "compose: down removed $volume" >&2; exit 1; }
done
docker-compose up -d
token=$(token)
curl -s -m 5 -H "Authorization: Bearer $token" "$base/api/messages/$group" | grep -q "$text" \
  || { echo "compose: the message did not survive down and up" >&2; exit 1; }
echo "compose: the volumes survived down; the message is there after up"
