"""`GET /v1/export/{resource}`: the bulk files, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.auth.service import ReaderKey
from api.claims.models import ClaimStatus, Verdict
from api.common import SearchQuery
from api.db import StreamSessionDep
from api.discrepancies.models import DiscrepancyKind, DiscrepancyStatus
from api.errors import problem_responses
from api.export.service import MEDIA_TYPES, Format, Resource, encode, filename
from api.extraction.types import ActorKind
from api.inputs import MAX_ID, NO_NUL, DateInput, DateTimeInput, QueryBool

router = APIRouter(prefix="/export", tags=["export"])

IdFilter = Annotated[int | None, Query(ge=1, le=MAX_ID)]
MeasureFilter = Annotated[str | None, Query(max_length=64, pattern=NO_NUL)]
FormatQuery = Annotated[Format, Query(description="`ndjson` (one JSON object a line) or `csv`.")]
NdjsonQuery = Annotated[
    Literal["ndjson"], Query(description="`ndjson` (one JSON object a line); CSV is for claims.")
]


def _responses(*media: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "description": "The export file.",
            "content": {m: {"schema": {"type": "string"}} for m in media},
            "headers": {
                "Content-Disposition": {
                    "description": "`attachment; filename=...`",
                    "schema": {"type": "string"},
                }
            },
        },
        **problem_responses(401, 422),
    }


def _stream(
    session: StreamSessionDep, resource: Resource, fmt: Format, filters: dict[str, Any]
) -> StreamingResponse:
    chunks: Iterator[bytes] = encode(session, resource, fmt, filters)
    first = next(chunks, b"")  # faults and refusals before the response starts

    def body() -> Iterator[bytes]:
        yield first
        yield from chunks

    return StreamingResponse(
        body(),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename(resource, fmt)}"'},
    )


@router.get(
    "/claims",
    operation_id="export_claims",
    summary="Export claims",
    response_class=StreamingResponse,
    responses=_responses(MEDIA_TYPES[Format.ndjson], MEDIA_TYPES[Format.csv]),
)
def export_claims(
    session: StreamSessionDep,
    _: ReaderKey,
    format: FormatQuery = Format.ndjson,
    article_id: IdFilter = None,
    claimant_id: IdFilter = None,
    actor_id: IdFilter = None,
    status: ClaimStatus | None = None,
    measure: MeasureFilter = None,
    event_id: IdFilter = None,
    has_discrepancy: QueryBool | None = None,
    verdict: Verdict | None = None,
    q: SearchQuery = None,
) -> StreamingResponse:
    """Every claim matching the filters of `GET /v1/claims`, as NDJSON or CSV.

    Streamed in id order, in constant memory. `Content-Disposition: attachment` names the
    file; it is sent gzip-compressed when `Accept-Encoding` allows."""
    filters = {
        "article_id": article_id,
        "claimant_id": claimant_id,
        "actor_id": actor_id,
        "status": status,
        "measure": measure,
        "event_id": event_id,
        "has_discrepancy": has_discrepancy,
        "verdict": verdict,
        "q": q,
    }
    return _stream(session, Resource.claims, format, filters)


NDJSON_ONLY = _responses(MEDIA_TYPES[Format.ndjson])


@router.get(
    "/articles",
    operation_id="export_articles",
    summary="Export articles",
    response_class=StreamingResponse,
    responses=NDJSON_ONLY,
)
def export_articles(
    session: StreamSessionDep,
    _: ReaderKey,
    format: NdjsonQuery = "ndjson",
    publisher: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
    published_from: DateTimeInput | None = None,
    published_to: DateTimeInput | None = None,
    q: SearchQuery = None,
) -> StreamingResponse:
    """Every article matching the filters of `GET /v1/articles`, as NDJSON."""
    filters = {
        "publisher": publisher,
        "published_from": published_from,
        "published_to": published_to,
        "q": q,
    }
    return _stream(session, Resource.articles, Format.ndjson, filters)


@router.get(
    "/actors",
    operation_id="export_actors",
    summary="Export actors",
    response_class=StreamingResponse,
    responses=NDJSON_ONLY,
)
def export_actors(
    session: StreamSessionDep,
    _: ReaderKey,
    format: NdjsonQuery = "ndjson",
    q: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
    kind: ActorKind | None = None,
    parent_id: IdFilter = None,
) -> StreamingResponse:
    """Every actor matching the filters of `GET /v1/actors`, as NDJSON."""
    filters = {"q": q, "kind": kind, "parent_id": parent_id}
    return _stream(session, Resource.actors, Format.ndjson, filters)


@router.get(
    "/discrepancies",
    operation_id="export_discrepancies",
    summary="Export discrepancies",
    response_class=StreamingResponse,
    responses=NDJSON_ONLY,
)
def export_discrepancies(
    session: StreamSessionDep,
    _: ReaderKey,
    format: NdjsonQuery = "ndjson",
    status: DiscrepancyStatus | None = None,
    kind: DiscrepancyKind | None = None,
    actor_id: IdFilter = None,
    measure: MeasureFilter = None,
    event_id: IdFilter = None,
) -> StreamingResponse:
    """Every discrepancy matching the filters of `GET /v1/discrepancies`, as NDJSON."""
    filters = {
        "status": status,
        "kind": kind,
        "actor_id": actor_id,
        "measure": measure,
        "event_id": event_id,
    }
    return _stream(session, Resource.discrepancies, Format.ndjson, filters)


@router.get(
    "/events",
    operation_id="export_events",
    summary="Export events",
    response_class=StreamingResponse,
    responses=NDJSON_ONLY,
)
def export_events(
    session: StreamSessionDep,
    _: ReaderKey,
    format: NdjsonQuery = "ndjson",
    date_from: Annotated[DateInput | None, Query(alias="from")] = None,
    date_to: Annotated[DateInput | None, Query(alias="to")] = None,
    actor_id: IdFilter = None,
) -> StreamingResponse:
    """Every event matching the filters of `GET /v1/events`, as NDJSON."""
    filters: dict[str, date | int | None] = {
        "date_from": date_from,
        "date_to": date_to,
        "actor_id": actor_id,
    }
    return _stream(session, Resource.events, Format.ndjson, filters)
