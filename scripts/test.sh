#!/usr/bin/env bash
# Runs the whole suite on SQLite, then on PostgreSQL (TEST_DATABASE_URL, default the
# local server's `test` database). An unreachable PostgreSQL fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

echo "== test suite on SQLite"
env -u TEST_DATABASE_URL .venv/bin/pytest "$@"

if [ "${SKIP_POSTGRES:-0}" = "1" ] && [ "${CI:-}" != "true" ]; then
  echo "== SKIP_POSTGRES=1: not running the suite on PostgreSQL"
  exit 0
fi
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}"
echo "== test suite on PostgreSQL ($TEST_DATABASE_URL)"
.venv/bin/pytest "$@"
