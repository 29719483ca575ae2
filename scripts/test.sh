#!/usr/bin/env bash
# Runs the whole suite on SQLite, then on PostgreSQL (TEST_DATABASE_URL, default the
# local server's `test` database; the run creates databases of its own on that server,
# named for the run, and drops them). An unreachable PostgreSQL fails the run.
# The in-process schemathesis tests run once, in the SQLite pass: PostgreSQL gets the
# full schemathesis budget over HTTP in scripts/contract.sh.
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
.venv/bin/pytest -m "not schemathesis_in_process" "$@"
