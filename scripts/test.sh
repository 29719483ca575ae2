#!/usr/bin/env bash
# Runs the whole suite on SQLite and on PostgreSQL (TEST_DATABASE_URL, default the local
# server's `test` database; the run creates databases of its own on that server, named for
# the run, and drops them). An unreachable PostgreSQL fails the run.
# The in-process schemathesis tests run once, in the SQLite pass: PostgreSQL gets the
# full schemathesis budget over HTTP in scripts/contract.sh. So do the tests that reach
# no database of the suite (marked database_independent by tests/conftest.py).
#
# The two passes run side by side, one pytest process per core (each is one process, and
# their databases never meet): the PostgreSQL pass writes to a log that is printed after
# the SQLite pass. TEST_SERIAL=1 runs them one after the other instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

postgres=1
if [ "${SKIP_POSTGRES:-0}" = "1" ] && [ "${CI:-}" != "true" ]; then
  postgres=0
fi
pg_url="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}"
# Tests that reach no database of the suite (extraction, the CLI's own errors, ...) do
# the same on either kind: the PostgreSQL pass leaves them to the SQLite pass.
pg_marks="not schemathesis_in_process and not database_independent"

sqlite_pass() {
  env -u TEST_DATABASE_URL .venv/bin/pytest "$@"
}
postgres_pass() {
  TEST_DATABASE_URL="$pg_url" .venv/bin/pytest -m "$pg_marks" "$@"
}

if [ "$postgres" = "0" ]; then
  echo "== test suite on SQLite"
  sqlite_pass "$@"
  echo "== SKIP_POSTGRES=1: not running the suite on PostgreSQL"
  exit 0
fi

if [ "${TEST_SERIAL:-0}" = "1" ]; then
  echo "== test suite on SQLite"
  sqlite_pass "$@"
  echo "== test suite on PostgreSQL ($pg_url)"
  postgres_pass "$@"
  exit 0
fi

log="$(mktemp -t claimsapi-postgres-pass.XXXXXX)"
# exec: the background job is pytest itself, so an interrupt can stop it by its id.
(TEST_DATABASE_URL="$pg_url" exec .venv/bin/pytest -m "$pg_marks" "$@") \
  >"$log" 2>&1 &
pg_pid=$!
trap 'kill "$pg_pid" 2>/dev/null || true; rm -f "$log"; exit 130' INT TERM
trap 'rm -f "$log"' EXIT
echo "== test suite on SQLite (the PostgreSQL pass runs beside it)"
sqlite_status=0
sqlite_pass "$@" || sqlite_status=$?
pg_status=0
wait "$pg_pid" || pg_status=$?
echo "== test suite on PostgreSQL ($pg_url)"
cat "$log"
if [ "$sqlite_status" != 0 ] || [ "$pg_status" != 0 ]; then
  echo "== failed: SQLite pass exit $sqlite_status, PostgreSQL pass exit $pg_status"
  [ "$sqlite_status" != 0 ] && exit "$sqlite_status"
  exit "$pg_status"
fi
