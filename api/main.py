"""The ASGI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from starlette.concurrency import run_in_threadpool

from api.actors.router import router as actors_router
from api.articles.router import deleted_router
from api.articles.router import router as articles_router
from api.auth.router import router as keys_router
from api.auth.service import Credentials, admit, identify
from api.changes import recording
from api.changes.router import router as changes_router
from api.claims.router import router as claims_router
from api.config import Settings, get_settings
from api.discrepancies.router import router as discrepancies_router
from api.docs import finish_openapi, install_docs
from api.errors import install_error_handlers
from api.events.router import router as events_router
from api.export.router import router as export_router
from api.extraction import warm_up
from api.faults import DatabaseFaults
from api.health.router import router as health_router
from api.http import Moved, moved_response
from api.inputs import reject_unknown_query, require_json_body
from api.middleware import REQUEST_ID_HEADER, BodySizeLimit, HeadAsGet, RequestContext
from api.ratelimit.service import RateLimitHeaders, rate_limit

API_VERSION = "1.0.0"

DESCRIPTION = """
Verified-claim records drawn from news articles.

Articles are ingested by editors; every claim extracted from them carries its exact
quote and character offsets in the stored article, its claimant, the outlet that
relayed it, a normalised quantity and a status. Discrepancies are conflicts between
claims about the same fact.

Errors are [RFC 9457](https://www.rfc-editor.org/rfc/rfc9457) problem documents
(`application/problem+json`). Lists are paginated with an opaque cursor.
"""

TAGS = [
    {"name": "articles", "description": "News articles and the claims extracted from them."},
    {"name": "claims", "description": "Attributed, normalised statements with their evidence."},
    {"name": "actors", "description": "People, governments, militaries, groups and outlets."},
    {"name": "discrepancies", "description": "Conflicts between claims about the same fact."},
    {"name": "events", "description": "Groups of articles about the same happening."},
    {
        "name": "changes",
        "description": "Every create, update and delete, in commit order: how a consumer stays"
        " in sync.",
    },
    {"name": "export", "description": "Bulk files of every resource, streamed."},
    {"name": "keys", "description": "API keys and their roles (admin only)."},
    {"name": "health", "description": "Liveness and readiness probes for orchestrators."},
]

CORS_EXPOSED_HEADERS = [
    "ETag",
    "Link",
    "Location",
    REQUEST_ID_HEADER,
    "Retry-After",
    "RateLimit",
    "RateLimit-Policy",
]
CORS_ALLOWED_HEADERS = [
    "Authorization",
    "Content-Type",
    "If-Match",
    "If-None-Match",
    REQUEST_ID_HEADER,
]


async def v1_checks(request: Request, credentials: Credentials) -> None:
    """What every `/v1` operation checks first, in this order: who calls (kept for the
    role checks) and the rate limit (429), query parameters the operation does not
    define (422), a body that is not JSON (415) and the readers' rule (401: a sent key
    must be valid; with REQUIRE_READ_KEY, a key is needed). One dependency, not five:
    each node of a route's dependency graph costs every request, so a read declares no
    key dependency of its own."""
    caller = await identify(request, credentials)
    await rate_limit(request, caller)
    await reject_unknown_query(request)
    await require_json_body(request)
    await admit(request, caller)


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    # Each worker loads the extraction backend (the parser model) before it serves, so
    # its first POST does not wait seconds for it.
    await run_in_threadpool(warm_up)
    yield


ROUTERS = (
    articles_router,
    deleted_router,
    claims_router,
    actors_router,
    discrepancies_router,
    events_router,
    changes_router,
    export_router,
    keys_router,
)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    recording.install()  # every session's flushes write the change feed
    app = FastAPI(
        lifespan=_lifespan,
        title="Claims API",
        version=API_VERSION,
        description=DESCRIPTION,
        openapi_url="/v1/openapi.json",
        openapi_tags=TAGS,
        docs_url=None,  # served offline by install_docs below
        redoc_url=None,
    )
    v1 = APIRouter(prefix="/v1", dependencies=[Depends(v1_checks)])
    for router in ROUTERS:
        v1.include_router(router)
    app.include_router(v1)
    app.include_router(health_router)
    app.state.settings = settings
    install_error_handlers(app)
    app.add_exception_handler(Moved, moved_response)
    install_docs(app, docs_url="/docs")
    _add_middleware(app, settings)
    app.openapi = partial(_openapi, app)  # type: ignore[method-assign]
    return app


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    app.add_middleware(DatabaseFaults, attempts=settings.db_retry_attempts)
    app.add_middleware(RateLimitHeaders)
    # The last added is the outermost: request id and access log, CORS, HEAD, body limits.
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(
        BodySizeLimit,
        max_bytes=settings.max_body_bytes,
        read_timeout=settings.body_read_timeout_seconds,
    )
    app.add_middleware(HeadAsGet)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "HEAD", "POST", "PATCH", "DELETE"],
            allow_headers=CORS_ALLOWED_HEADERS,
            expose_headers=CORS_EXPOSED_HEADERS,
            max_age=600,
        )
    app.add_middleware(RequestContext)


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI document, built once and finished (:func:`finish_openapi`)."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            openapi_version=app.openapi_version,
            description=app.description,
            routes=app.routes,
            tags=app.openapi_tags,
        )
        app.openapi_schema = finish_openapi(schema)
    return app.openapi_schema
