"""`GET /healthz` (the process is up) and `GET /readyz` (it can serve: database and schema).

Outside `/v1`, unauthenticated (probes send no key), and never cached.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from api.db import SessionDep
from api.errors import PROBLEM_MEDIA_TYPE, problem_response
from api.health.service import check_readiness

router = APIRouter(tags=["health"])

RETRY_AFTER_SECONDS = 5
NO_STORE = {"Cache-Control": "no-store"}


class Health(BaseModel):
    """The process is up."""

    status: Literal["ok"]


class Ready(BaseModel):
    """The service can serve requests."""

    status: Literal["ready"]
    migration: str = Field(description="The database's Alembic revision (the newest).")


@router.get(
    "/healthz",
    operation_id="get_health",
    summary="Liveness probe",
    response_model=Health,
    responses={200: {"description": "The process is up."}},
)
def healthz(response: Response) -> Health:
    """`200` whenever the process answers HTTP; it does not touch the database (use it
    to decide whether to restart the process, and `/readyz` to decide whether to send it
    traffic)."""
    response.headers.update(NO_STORE)
    return Health(status="ok")


@router.get(
    "/readyz",
    operation_id="get_readiness",
    summary="Readiness probe",
    response_model=Ready,
    responses={
        200: {"description": "The database answers and its schema is at the newest migration."},
        503: {
            "description": "The database is unreachable or its schema is not at the newest "
            "migration; try again after `Retry-After` seconds.",
            "headers": {
                "Retry-After": {
                    "description": "Seconds to wait before asking again.",
                    "required": True,
                    "schema": {"type": "integer"},
                }
            },
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        },
    },
)
def readyz(request: Request, response: Response, session: SessionDep) -> Ready | JSONResponse:
    """`200` when the database answers `SELECT 1` and its `alembic_version` is the head
    of the migration scripts this build ships; otherwise a `503` problem document with
    `Retry-After`."""
    readiness = check_readiness(session)
    if not readiness.ready or readiness.migration is None:
        return problem_response(
            status=503,
            slug="not-ready",
            detail=readiness.detail,
            request=request,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS), **NO_STORE},
        )
    response.headers.update(NO_STORE)
    return Ready(status="ready", migration=readiness.migration)
