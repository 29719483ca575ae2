"""The service's app plus bare endpoints that return fixed JSON bodies (the baseline).

The bodies are read once at start-up from BENCH_BARE_DIR/<name>.json, captured from the
real endpoints, so the baseline serialises a body of the same size through the same
stack (middleware, exception handlers, JSON encoding) without touching the database.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from api.main import create_app


def create_bench_app() -> FastAPI:
    app = create_app()
    folder = Path(os.environ["BENCH_BARE_DIR"])
    for file in sorted(folder.glob("*.json")):
        body: Any = json.loads(file.read_text())

        def bare(body: Any = body) -> Any:
            return body

        app.add_api_route(
            f"/bench/bare/{file.stem}", bare, methods=["GET"], include_in_schema=False
        )
    return app
