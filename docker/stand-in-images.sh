#!/usr/bin/env bash
# Makes sure every image docker-compose.yml names is present, standing one in locally only where
# it cannot be pulled (a machine or CI runner without a reachable image registry):
#   docker/stand-in-images.sh                      every image the compose file names
#   docker/stand-in-images.sh eclipse-temurin:25-jre   only these
# Per image: a pull is tried first (STAND_IN_PULL=0 skips it); a real image already present is
# never touched; otherwise a stand-in is built and tagged under the image's own name, so the
# compose file runs unchanged. Stand-ins are built as root, with debootstrap, from:
#   eclipse-temurin:25-jre         Debian bookworm minbase (debootstrap, from apt's own Debian
#                                  mirror) + the local Temurin 25 JDK at /opt/java/openjdk, as the
#                                  real image has it (a JDK, not a JRE: what this machine has)
#   maven:3.9-eclipse-temurin-25   the above + the Maven distribution ./mvnw downloaded
# Each stand-in carries the label org.jvmbench.stand-in.inputs: a SHA-256 of everything it was
# made from (the recipe's commands, the JDK's and Maven's files). A second run whose inputs did
# not change finds the label and does nothing; changed inputs rebuild only the layers above them.
# Environment: JDK_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), MAVEN_DIST (default: the
# wrapper's unpacked distribution under ~/.m2/wrapper), DEBIAN_MIRROR (default: apt's),
# STAND_IN_PULL_TIMEOUT (seconds a pull may take, default 600).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
COMPOSE_FILE="${COMPOSE_FILE:-$ROOT/docker-compose.yml}"
LABEL=org.jvmbench.stand-in.inputs
JDK_HOME="${JDK_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SUITE=bookworm
# The rootfs cache tag: a tag of our own, so the Debian layer survives a JDK change.
ROOTFS_REPO=jvm-server-bench/stand-in-rootfs

log() { echo "stand-in: $*" >&2; }
# Temporary containers and folders, removed however the script ends.
CLEANUP=()
trap 'for c in "${CLEANUP[@]}"; do eval "$c"; done' EXIT
die() { echo "stand-in: $*" >&2; exit 1; }

sha() { sha256sum | cut -c1-64; }

# The Debian mirror apt already uses (deb822 "URIs:" or one-line "deb URL bookworm main").
debian_mirror() {
  if [[ -n "${DEBIAN_MIRROR:-}" ]]; then echo "$DEBIAN_MIRROR"; return; fi
  local url
  url=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -v '^\s*#' | grep -oE 'https?://[^ ]*/debian/?( |$)' | grep -v security | head -1 | tr -d ' ' || true)
  echo "${url:-http://deb.debian.org/debian}"
}

label_of() { docker image inspect -f "{{ index .Config.Labels \"$LABEL\" }}" "$1" 2>/dev/null || true; }
present() { docker image inspect "$1" >/dev/null 2>&1; }

# Content of a directory tree: every file's path and bytes (mtimes and owners do not count).
tree_hash() {
  (cd "$1" && find . -type f ! -path ./lib/src.zip ! -path './man/*' -print0 | LC_ALL=C sort -z \
    | xargs -0 sha256sum) | sha
}

# The folder $1 as a tar of the path $2 (with its parent folders, which docker cp does not
# make), leaving out lib/src.zip and man/ (a JDK's sources and manual pages).
tar_as() {
  local stage
  stage=$(mktemp -d /var/tmp/stand-in-stage.XXXXXX)
  CLEANUP+=("rm -rf '$stage'")
  mkdir -p "$stage/$(dirname "$2")"
  ln -s "$1" "$stage/$2"
  tar -C "$stage" --dereference --exclude="./$2/lib/src.zip" --exclude="./$2/man" -c "./$2"
}

# Copies the tar on stdin into a container of image $1 and commits it as $2 with the given
# --change instructions: a layer on top, without a Dockerfile or a builder (none needed, and
# BuildKit would ask the registry about the base).
layer_on() {
  local base=$1 tag=$2; shift 2
  local id change changes=()
  id=$(docker create "$base" /bin/true)
  CLEANUP+=("docker rm -f $id >/dev/null 2>&1 || true")
  docker cp - "$id:/"
  for change in "$@"; do changes+=(--change "$change"); done
  docker commit "${changes[@]}" "$id" "$tag" >/dev/null
  docker rm -f "$id" >/dev/null
}

ROOTFS_RECIPE="debootstrap --variant=minbase $SUITE $(debian_mirror); rm var/cache/apt/archives/*.deb var/lib/apt/lists/*"
# Sets ROOTFS to the Debian image's tag, making it when missing.
rootfs_image() {
  local key dir
  key=$(printf '%s' "$ROOTFS_RECIPE" | sha)
  ROOTFS="$ROOTFS_REPO:${key:0:16}"
  if present "$ROOTFS"; then return; fi
  command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
  [[ $(id -u) == 0 ]] || die "debootstrap needs root"
  dir=$(mktemp -d /var/tmp/stand-in-rootfs.XXXXXX)
  CLEANUP+=("rm -rf '$dir' '$dir.log'")
  log "debootstrap $SUITE minbase from $(debian_mirror) (a minute or two) ..."
  debootstrap --variant=minbase "$SUITE" "$dir" "$(debian_mirror)" >"$dir.log" 2>&1 \
    || { tail -20 "$dir.log" >&2; die "debootstrap failed"; }
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  tar -C "$dir" -c . | docker import --change 'CMD ["bash"]' - "$ROOTFS" >/dev/null
}

# Each stand-in: how its inputs are hashed and how it is made. The ENV lines copy the real
# images' (JAVA_HOME and PATH of eclipse-temurin, MAVEN_HOME of maven).
JAVA_ENV=('ENV JAVA_HOME=/opt/java/openjdk'
          'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
temurin_key() {
  [[ -x "$JDK_HOME/bin/java" ]] || die "no JDK at $JDK_HOME (set JDK_HOME)"
  { printf '%s\n' "$ROOTFS_RECIPE" "${JAVA_ENV[@]}"; tree_hash "$JDK_HOME"; } | sha
}
make_temurin() {
  local image=$1 key=$2
  rootfs_image
  log "$image: $ROOTFS + the JDK at $JDK_HOME"
  tar_as "$JDK_HOME" opt/java/openjdk | layer_on "$ROOTFS" "$image" "${JAVA_ENV[@]}" "LABEL $LABEL=$key" 'CMD ["jshell"]'
}

maven_dist() {
  if [[ -n "${MAVEN_DIST:-}" ]]; then echo "$MAVEN_DIST"; return; fi
  local version
  version=$(grep -oE 'apache-maven-[0-9.]+' "$ROOT/.mvn/wrapper/maven-wrapper.properties" | head -1)
  local found
  found=$(find "$HOME/.m2/wrapper/dists/$version" -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | head -1)
  [[ -n "$found" ]] || die "no Maven distribution: run ./mvnw once (it unpacks $version under ~/.m2/wrapper) or set MAVEN_DIST"
  dirname "$found"
}
MAVEN_ENV=('ENV MAVEN_HOME=/usr/share/maven'
           'ENV PATH=/usr/share/maven/bin:/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
maven_key() {
  { temurin_key; printf '%s\n' "${MAVEN_ENV[@]}"; tree_hash "$(maven_dist)"; } | sha
}
make_maven() {
  local image=$1 key=$2 base=eclipse-temurin:25-jre
  ensure "$base"
  log "$image: $base + Maven from $(maven_dist)"
  tar_as "$(maven_dist)" usr/share/maven | layer_on "$base" "$image" "${MAVEN_ENV[@]}" "LABEL $LABEL=$key" 'CMD ["mvn"]'
}

recipe_of() {
  case "$1" in
    eclipse-temurin:25-jre) echo temurin ;;
    maven:3.9-eclipse-temurin-25) echo maven ;;
    *) echo "" ;;
  esac
}

ensure() {
  local image=$1 recipe label key
  recipe=$(recipe_of "$image")
  label=$(label_of "$image")
  if present "$image" && [[ -z "$label" ]]; then
    log "$image: present (a real image, left alone)"; return
  fi
  if [[ "${STAND_IN_PULL:-1}" != 0 ]] && timeout "${STAND_IN_PULL_TIMEOUT:-600}" docker pull -q "$image" >/dev/null 2>&1; then
    log "$image: pulled"; return
  fi
  [[ -n "$recipe" ]] || die "$image: cannot be pulled and there is no stand-in recipe for it"
  key=$("${recipe}_key")
  if [[ "$label" == "$key" ]]; then
    log "$image: stand-in up to date (${key:0:16})"; return
  fi
  "make_$recipe" "$image" "$key"
  log "$image: stood in (${key:0:16})"
}

command -v docker >/dev/null || die "no docker command"
docker info >/dev/null 2>&1 || die "no Docker engine answers (start dockerd)"
if (( $# )); then
  images=("$@")
else
  mapfile -t images < <(sed -nE 's/^\s*image:\s*"?([^" ]+)"?\s*$/\1/p' "$COMPOSE_FILE" | sort -u)
fi
for image in "${images[@]}"; do ensure "$image"; done
