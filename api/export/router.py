"""`GET /v1/export/{resource}`: the bulk files, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from api.actors.models import ActorFilters
from api.articles.models import ArticleFilters
from api.auth.service import ReaderKey
from api.claims.models import ClaimFilters
from api.db import StreamSessionDep
from api.discrepancies.models import DiscrepancyFilters
from api.errors import problem_responses
from api.events.models import EventFilters
from api.export.service import MEDIA_TYPES, Format, Resource, encode, filename
from api.http import filters_of, query_params

router = APIRouter(prefix="/export", tags=["export"])

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
    session: StreamSessionDep, resource: Resource, fmt: Format, filters: object
) -> StreamingResponse:
    """The export of ``resource`` rows matching ``filters`` (a list's filters dataclass)."""
    chunks: Iterator[bytes] = encode(session, resource, fmt, filters_of(filters))
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
    filters: Annotated[ClaimFilters, Depends(query_params(ClaimFilters))],
    format: FormatQuery = Format.ndjson,
) -> StreamingResponse:
    """Every claim matching the filters of `GET /v1/claims`, as NDJSON or CSV.

    Streamed in id order, in constant memory. `Content-Disposition: attachment` names the
    file; it is sent gzip-compressed when `Accept-Encoding` allows."""
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
    filters: Annotated[ArticleFilters, Depends(query_params(ArticleFilters))],
    format: NdjsonQuery = "ndjson",
) -> StreamingResponse:
    """Every article matching the filters of `GET /v1/articles`, as NDJSON."""
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
    filters: Annotated[ActorFilters, Depends(query_params(ActorFilters))],
    format: NdjsonQuery = "ndjson",
) -> StreamingResponse:
    """Every actor matching the filters of `GET /v1/actors`, as NDJSON."""
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
    filters: Annotated[DiscrepancyFilters, Depends(query_params(DiscrepancyFilters))],
    format: NdjsonQuery = "ndjson",
) -> StreamingResponse:
    """Every discrepancy matching the filters of `GET /v1/discrepancies`, as NDJSON."""
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
    filters: Annotated[EventFilters, Depends(query_params(EventFilters))],
    format: NdjsonQuery = "ndjson",
) -> StreamingResponse:
    """Every event matching the filters of `GET /v1/events`, as NDJSON."""
    return _stream(session, Resource.events, Format.ndjson, filters)
