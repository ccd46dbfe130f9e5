#!/usr/bin/env bash
# Creates Serambi's role and databases on a local PostgreSQL when they are missing. Idempotent.
# SERAMBI_DB_ADMIN_URL: a superuser connection (default: postgres over TCP on 127.0.0.1:5432).
# SERAMBI_DB_BOOTSTRAP=false skips it (for a managed database that is already prepared).
set -euo pipefail
if [ "${SERAMBI_DB_BOOTSTRAP:-true}" = "false" ]; then
  echo "[db-bootstrap] skipped (SERAMBI_DB_BOOTSTRAP=false)"; exit 0
fi
admin_url="${SERAMBI_DB_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
if ! command -v psql >/dev/null 2>&1; then
  echo "[db-bootstrap] psql not found: create role 'serambi' and databases serambi, serambi_test, serambi_e2e yourself" >&2
  exit 0
fi
psql "$admin_url" -v ON_ERROR_STOP=1 -q <<'SQL'
SELECT 'CREATE ROLE serambi LOGIN PASSWORD ''serambi'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'serambi')\gexec
SELECT format('CREATE DATABASE %I OWNER serambi', d)
  FROM unnest(ARRAY['serambi', 'serambi_test', 'serambi_test2', 'serambi_e2e']) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)\gexec
SQL
echo "[db-bootstrap] role and databases ready"
