#!/usr/bin/env bash
# The API contract, end to end (CI runs it after the test suite):
#   1. schemas/openapi.json is what the app serves (drift) and Spectral finds nothing;
#   2. the TypeScript types generated from it compile with `tsc --strict`;
#   3. both SDKs generated from it type-check and work against a live server (test_sdks.py),
#      `st run` (every check, every phase: examples, coverage, fuzzing, stateful) finds
#      nothing over real HTTP against uvicorn on a scratch PostgreSQL database, and /docs
#      renders offline in headless Chromium (screenshot: build/docs.png).
# CONTRACT_MAX_TIME (default 150) is st run's budget in seconds; CONTRACT_SEED replays a run;
# CONTRACT_PG_URL (default TEST_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/test)
# names the PostgreSQL server where a database named for the run is created and dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export PATH="$PWD/.venv/bin:$PATH"

echo "== npm ci (Spectral, openapi-typescript, TypeScript)"
npm ci --no-audit --no-fund --loglevel=error

echo "== OpenAPI document is current"
.venv/bin/pytest -q -p no:cacheprovider tests/contract/test_openapi_document.py

echo "== Spectral (spectral:oas, fails on warnings)"
node_modules/.bin/spectral lint --fail-severity=warn schemas/openapi.json

echo "== TypeScript SDK types (openapi-typescript + tsc --strict)"
rm -rf build/sdk/ts
mkdir -p build/sdk/ts
node_modules/.bin/openapi-typescript schemas/openapi.json -o build/sdk/ts/schema.d.ts \
  --default-non-nullable=false
cp tests/contract/sdk_usage.ts build/sdk/ts/usage.ts
node_modules/.bin/tsc --strict --noEmit --target es2022 --module nodenext \
  --moduleResolution nodenext --lib es2022,dom \
  build/sdk/ts/schema.d.ts build/sdk/ts/usage.ts

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Chromium (Debian package) for the docs test"
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "== live server on PostgreSQL: Python and TypeScript SDKs, schemathesis over HTTP, docs in Chromium"
CONTRACT_LIVE=1 .venv/bin/pytest -q -p no:cacheprovider tests/contract/live "$@"
