#!/usr/bin/env bash
# Installs PostgreSQL from Debian when missing, starts it on loopback only, and prints the
# DATABASE_URL of a database for the sync hub's tests. Source-free: run it and eval its output.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then pg_createcluster "$version" main >&2; fi
# Debian's default listen_addresses is localhost: loopback only, which is what the tests need.
pg_ctlcluster "$version" main start >&2 || pg_ctlcluster "$version" main status >&2
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname = 'cg_hub'\" | grep -q 1 || psql -q -c \"CREATE ROLE cg_hub LOGIN PASSWORD 'cg_hub'\"" >&2
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname = 'cg_hub'\" | grep -q 1 || createdb -O cg_hub cg_hub" >&2
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
echo "export DATABASE_URL=postgres://cg_hub:cg_hub@127.0.0.1:${port}/cg_hub"
