"""`GET /v1/export/{resource}`: the bulk files, streamed."""

from __future__ import annotations

import inspect
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


def _ndjson_route(resource: Resource, filters: type, one: str) -> None:
    """Declare `GET /export/<resource>`: every row of ``resource`` (each is ``one``, as
    its description says) matching the filters of its list, as NDJSON."""

    def endpoint(**values: Any) -> StreamingResponse:
        return _stream(values["session"], resource, Format.ndjson, values["filters"])

    keyword = inspect.Parameter.KEYWORD_ONLY
    endpoint.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("session", keyword, annotation=StreamSessionDep),
            inspect.Parameter("_", keyword, annotation=ReaderKey),
            inspect.Parameter(
                "filters", keyword, annotation=Annotated[filters, Depends(query_params(filters))]
            ),
            inspect.Parameter("format", keyword, annotation=NdjsonQuery, default="ndjson"),
        ],
        return_annotation=StreamingResponse,
    )
    operation_id = f"export_{resource.value}"
    endpoint.__name__ = endpoint.__qualname__ = operation_id
    router.add_api_route(
        f"/{resource.value}",
        endpoint,
        methods=["GET"],
        name=operation_id,
        operation_id=operation_id,
        summary=f"Export {resource.value}",
        description=f"Every {one} matching the filters of `GET /v1/{resource.value}`, as NDJSON.",
        response_class=StreamingResponse,
        responses=NDJSON_ONLY,
    )


_ndjson_route(Resource.articles, ArticleFilters, "article")
_ndjson_route(Resource.actors, ActorFilters, "actor")
_ndjson_route(Resource.discrepancies, DiscrepancyFilters, "discrepancy")
_ndjson_route(Resource.events, EventFilters, "event")
