#!/usr/bin/env bash
# Installs what the local Temporal cluster needs, idempotently:
#   - the official Temporal server and its SQL schema tool, built from the pinned
#     go.temporal.io/server module into tools/cluster/bin (a second run is instant:
#     a version stamp next to the binaries says what is there);
#   - PostgreSQL from Debian, when no `postgres` binary is installed.
# Used by `npm run cluster` and `npm run test:cluster`. Niced so a shared machine keeps working.
set -euo pipefail

TEMPORAL_SERVER_VERSION="${TEMPORAL_SERVER_VERSION:-v1.32.2}"
# The Web UI server the Temporal CLI 1.9.1 (tools/bin/temporal) embeds; built on its own
# so the UI can point at the cluster's frontend.
TEMPORAL_UI_VERSION="${TEMPORAL_UI_VERSION:-v2.54.1}"
# v1.31+ needs Go >= 1.26.10; the Go module proxy serves this toolchain when the local Go is older.
GO_TOOLCHAIN="${DONDOC_GO_TOOLCHAIN:-go1.27.3}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="$root/tools/cluster/bin"
stamp="$bin/temporal-server.version"

log() { printf 'cluster-install: %s\n' "$*"; }

install_temporal() {
  if [[ -x "$bin/temporal-server" && -x "$bin/temporal-sql-tool" && -f "$stamp" \
        && "$(cat "$stamp")" == "$TEMPORAL_SERVER_VERSION" ]]; then
    log "temporal server $TEMPORAL_SERVER_VERSION already in $bin"
    return
  fi
  command -v go >/dev/null || { log "Go is required to build the Temporal server (apt-get install golang, or go.dev)"; exit 1; }
  mkdir -p "$bin"
  local gobin
  gobin="$(mktemp -d)"
  log "building go.temporal.io/server $TEMPORAL_SERVER_VERSION with $GO_TOOLCHAIN (first time: ~1.8 GB of modules, ~10 min on 2 cores)"
  local started=$SECONDS
  # Run outside the repo so no go.mod/go.work around it is consulted.
  (cd "$gobin" && GOTOOLCHAIN="$GO_TOOLCHAIN" GOFLAGS=-mod=mod GOBIN="$gobin" nice -n 15 go install \
      "go.temporal.io/server/cmd/server@$TEMPORAL_SERVER_VERSION" \
      "go.temporal.io/server/cmd/tools/sql@$TEMPORAL_SERVER_VERSION")
  mv "$gobin/server" "$bin/temporal-server"
  mv "$gobin/sql" "$bin/temporal-sql-tool"
  rmdir "$gobin"
  # Schemas ship inside the module; copy the PostgreSQL ones next to the binaries so `up`
  # does not depend on where the module cache is.
  local modcache
  modcache="$(cd /tmp && GOTOOLCHAIN="$GO_TOOLCHAIN" go env GOMODCACHE)"
  rm -rf "$root/tools/cluster/schema"
  mkdir -p "$root/tools/cluster/schema"
  cp -r "$modcache/go.temporal.io/server@$TEMPORAL_SERVER_VERSION/schema/postgresql" "$root/tools/cluster/schema/"
  chmod -R u+w "$root/tools/cluster/schema"
  echo "$TEMPORAL_SERVER_VERSION" > "$stamp"
  log "built in $((SECONDS - started)) s: $("$bin/temporal-server" --version 2>&1 | head -1)"
}

install_postgres() {
  if command -v postgres >/dev/null || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "PostgreSQL present: $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | head -1)"
    return
  fi
  if [[ "$(id -u)" != 0 ]]; then
    log "PostgreSQL is missing; install it as root: apt-get install -y postgresql"
    exit 1
  fi
  log "installing PostgreSQL from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
  # Debian starts a default cluster on 5432; dondoc runs its own on another port, so stop it.
  systemctl disable --now postgresql >/dev/null 2>&1 || service postgresql stop >/dev/null 2>&1 || true
}

install_ui() {
  local stamp_ui="$bin/temporal-ui-server.version"
  if [[ -x "$bin/temporal-ui-server" && -f "$stamp_ui" && "$(cat "$stamp_ui")" == "$TEMPORAL_UI_VERSION" ]]; then
    log "temporal ui-server $TEMPORAL_UI_VERSION already in $bin"
    return
  fi
  local gobin
  gobin="$(mktemp -d)"
  log "building github.com/temporalio/ui-server/v2 $TEMPORAL_UI_VERSION"
  local started=$SECONDS
  (cd "$gobin" && GOTOOLCHAIN="$GO_TOOLCHAIN" GOFLAGS=-mod=mod GOBIN="$gobin" nice -n 15 go install \
      "github.com/temporalio/ui-server/v2/cmd/server@$TEMPORAL_UI_VERSION")
  mv "$gobin/server" "$bin/temporal-ui-server"
  rmdir "$gobin"
  echo "$TEMPORAL_UI_VERSION" > "$stamp_ui"
  log "ui-server built in $((SECONDS - started)) s"
}

install_postgres
install_temporal
install_ui
