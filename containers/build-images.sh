#!/usr/bin/env bash
# Builds the images of the container path (README, "Containers"); idempotent, Docker's layer cache
# keeps what is already built:
#   cruddur-debian:bookworm        a Debian base made with debootstrap, only when it is not there yet
#   cruddur-jre:17                 Debian's OpenJDK 17 JRE on that base
#   cruddur-dynamodb-local:2.6.1   stand-in for amazon/dynamodb-local:2.6.1
#   cruddur-postgres:17            stand-in for postgres:17
#   cruddur-messaging:latest       the service's production image, when production/target/cruddur-messaging-prod.jar
#                                  exists (./mvnw -B -ntp -q -DskipTests package builds it)
# Needs a running Docker engine; as root on a machine without any base image it also needs
# debootstrap (apt-get install -y debootstrap). Where the official images can be pulled, only the
# service image is needed: containers/build-images.sh service.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"

debian_base() {
  if docker image inspect cruddur-debian:bookworm > /dev/null 2>&1; then
    return
  fi
  local mirror rootfs
  # The Debian mirror this machine's apt already uses (deb822 or one-line sources).
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2> /dev/null || true)
  if [ -z "$mirror" ]; then
    mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2> /dev/null || true)
  fi
  mirror="${mirror:-http://deb.debian.org/debian}"
  rootfs=$(mktemp -d)
  echo "[images] cruddur-debian:bookworm: debootstrap from $mirror"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" > "$rootfs.log" 2>&1 \
    || { tail -20 "$rootfs.log"; exit 1; }
  tar -C "$rootfs" -c . | docker import - cruddur-debian:bookworm > /dev/null
  rm -rf "$rootfs" "$rootfs.log"
}

# build TAG CONTEXT [docker build options]: with the host's network unless the options say otherwise (apt-get
# inside reaches the same Debian mirror as the machine).
build() {
  local tag="$1" context="$2"
  shift 2
  echo "[images] $tag"
  local log
  log=$(mktemp)
  # The classic builder (the only one Debian's docker.io has); its output is shown only when the build fails.
  if ! DOCKER_BUILDKIT=0 docker build --network "${NETWORK:-host}" -t "$tag" "$@" "$context" > "$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

engines() {
  debian_base
  build cruddur-jre:17 containers/base
  ./mvnw -B -ntp -q -f containers/dynamodb-local/pom.xml package
  build cruddur-dynamodb-local:2.6.1 containers/dynamodb-local
  ./mvnw -B -ntp -q -f containers/postgres/pom.xml package
  build cruddur-postgres:17 containers/postgres
}

service() {
  local jar=production/target/cruddur-messaging-prod.jar
  if [ ! -f "$jar" ]; then
    echo "[images] cruddur-messaging:latest skipped: $jar is missing (./mvnw -B -ntp -q -DskipTests package)"
    return
  fi
  if [ "${BASE_IMAGE:-}" = "" ] && ! docker image inspect eclipse-temurin:17-jre > /dev/null 2>&1; then
    debian_base
    build cruddur-jre:17 containers/base
    BASE_IMAGE=cruddur-jre:17
  fi
  local context
  context=$(mktemp -d)
  cp "$jar" "$context/cruddur-messaging.jar"
  cp containers/service/Dockerfile containers/service/class-data-training.sh "$context/"
  # No network: the class-data training run inside reaches nothing.
  NETWORK=none build cruddur-messaging:latest "$context" ${BASE_IMAGE:+--build-arg BASE_IMAGE="$BASE_IMAGE"}
  rm -rf "$context"
}

case "$what" in
  all) engines; service ;;
  engines) engines ;;
  service) service ;;
  *) echo "usage: $0 [all|engines|service]" >&2; exit 2 ;;
esac
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep '^cruddur-' | sed 's/^/[images] /'
