#!/usr/bin/env bash
# Installs what the project needs into .venv from the lock file (uv.lock).
# Works on a fresh machine that has python3.11: uv itself is installed from PyPI into .tools/.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.9
if command -v uv >/dev/null 2>&1 && [ "$(uv --version | cut -d' ' -f2)" = "$UV_VERSION" ]; then
  UV=uv
else
  if [ ! -x .tools/bin/uv ]; then
    python3.11 -m venv .tools 2>/dev/null || python3 -m venv .tools
    .tools/bin/pip install --quiet "uv==$UV_VERSION"
  fi
  UV=.tools/bin/uv
fi
if [ -z "${SSL_CERT_FILE:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
fi
export UV_PYTHON_DOWNLOADS=never
# The parser extra (spaCy and its English model, verified by tests/extraction/test_parser_model.py)
# is installed by default; CLAIMSAPI_PARSER=0 installs the service without it (rules only).
EXTRAS=(--extra parser)
if [ "${CLAIMSAPI_PARSER:-1}" = "0" ]; then
  EXTRAS=()
fi
"$UV" sync --frozen --quiet "${EXTRAS[@]}" ${UV_SYNC_ARGS:-}
