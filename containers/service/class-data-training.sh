#!/bin/bash
# Makes the image's class-data sharing archive with the image's own JDK: the production jar starts in
# production mode on the in-memory store (the image build has no network, so nothing is reached; its
# health says DOWN, as the PostgreSQL it is given does not exist), answers the health checks and an
# unauthenticated API call, and stops; the JVM writes the classes it loaded at exit.
# Arguments: the jar, the archive to write.
set -euo pipefail
jar="$1"
archive="$2"
env MICRONAUT_ENVIRONMENTS=prod MICRONAUT_SERVER_PORT=4567 CRUDDUR_MANAGEMENT_PORT=8081 \
  CRUDDUR_STORE=memory CRUDDUR_DIRECTORY=memory CRUDDUR_POSTGRES_MIGRATE_ON_START=false \
  AWS_REGION=us-east-1 CRUDDUR_FRONTEND_ORIGIN=http://127.0.0.1:3000 CRUDDUR_COGNITO_REGION=us-east-1 \
  CRUDDUR_COGNITO_USER_POOL_ID=us-east-1_training CRUDDUR_COGNITO_CLIENT_ID=training \
  CRUDDUR_JDBC_URL=jdbc:postgresql://127.0.0.1:1/training CRUDDUR_JDBC_USER=training CRUDDUR_JDBC_PASSWORD=training \
  java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" > /tmp/training.log 2>&1 &
pid=$!

request() {
  local port="$1" path="$2"
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.0\r\n\r\n' "$path" >&3
  head -1 <&3
  exec 3<&-
}

for _ in $(seq 1 120); do
  if request 4567 /api/message_groups 2> /dev/null | grep -q '^HTTP/'; then
    request 4567 /health > /dev/null
    request 8081 /health > /dev/null
    kill -TERM "$pid"
    wait "$pid" || true
    ls -l "$archive"
    exit 0
  fi
  sleep 0.5
done
echo "class-data training: the service did not answer" >&2
cat /tmp/training.log >&2
kill -KILL "$pid" || true
exit 1
