"""Bulk export: every row of a resource that matches a list's filters, as NDJSON (every
resource) or CSV (claims), in constant memory.

Rows are read in keyset batches by id (``BATCH`` at a time, the list services' own
queries), rendered to their public form, written, and dropped from the session before
the next batch, so memory does not grow with the table. The HTTP route and
``claimsapi export`` share :func:`encode`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session

from api.actors import service as actors_service
from api.articles import service as articles_service
from api.claims import service as claims_service
from api.claims.models import ClaimPublic
from api.discrepancies import service as discrepancies_service
from api.errors import UnprocessableEntity
from api.events import service as events_service

BATCH = 500


class Resource(StrEnum):
    articles = "articles"
    claims = "claims"
    actors = "actors"
    discrepancies = "discrepancies"
    events = "events"


class Format(StrEnum):
    ndjson = "ndjson"
    csv = "csv"


MEDIA_TYPES = {Format.ndjson: "application/x-ndjson", Format.csv: "text/csv; charset=utf-8"}


@dataclass(frozen=True)
class Source:
    rows: Callable[..., Sequence[Any]]
    render: Callable[[Session, list[Any]], Sequence[BaseModel]]


SOURCES: dict[Resource, Source] = {
    Resource.articles: Source(articles_service.list_articles, articles_service.to_public),
    Resource.claims: Source(claims_service.list_claims, claims_service.to_public),
    Resource.actors: Source(actors_service.list_actors, actors_service.to_public),
    Resource.discrepancies: Source(
        discrepancies_service.list_discrepancies, discrepancies_service.to_public
    ),
    Resource.events: Source(
        events_service.list_events, lambda _session, rows: events_service.to_public(rows)
    ),
}


def filename(resource: Resource, fmt: Format) -> str:
    return f"{resource.value}.{fmt.value}"


def check_format(resource: Resource, fmt: Format) -> None:
    if fmt == Format.csv and resource != Resource.claims:
        raise UnprocessableEntity(
            "query.format", f"csv is offered for claims only; {resource.value} export as ndjson"
        )


def batches(
    session: Session, resource: Resource, filters: dict[str, Any], *, batch: int = BATCH
) -> Iterator[Sequence[BaseModel]]:
    """The matching rows' public forms, ``batch`` at a time, in id order."""
    source = SOURCES[resource]
    after: int | None = None
    while True:
        rows = list(source.rows(session, after=after, limit=batch, **filters))
        shown = rows[:batch]
        if not shown:
            return
        rendered = source.render(session, shown)
        after = shown[-1].id
        session.expunge_all()  # nothing read so far stays in memory
        yield rendered
        if len(rows) <= batch:
            return


CSV_COLUMNS = (
    "id",
    "article_id",
    "event_id",
    "statement",
    "stance",
    "claimant_id",
    "claimant",
    "relayed_by_id",
    "relayed_by",
    "measure",
    "subject",
    "subject_text",
    "subject_side_id",
    "target_id",
    "quantity_text",
    "qualifier",
    "lower",
    "upper",
    "unit",
    "base_unit",
    "base_lower",
    "base_upper",
    "time_text",
    "time_start",
    "time_end",
    "status",
    "verdict",
    "source_count",
    "reviewed",
    "edited",
    "confidence",
    "quote",
    "start",
    "end",
    "discrepancy_ids",
    "extractor_version",
    "created_at",
    "updated_at",
)


def _csv_row(c: ClaimPublic) -> list[object]:
    q, t = c.quantity, c.time
    return [
        c.id,
        c.article_id,
        c.event_id,
        c.statement,
        c.stance.value,
        c.claimant.id if c.claimant else None,
        c.claimant.name if c.claimant else None,
        c.relayed_by.id if c.relayed_by else None,
        c.relayed_by.name if c.relayed_by else None,
        c.measure,
        c.subject,
        c.subject_text,
        c.subject_side.id if c.subject_side else None,
        c.target.id if c.target else None,
        q.text if q else None,
        q.qualifier.value if q else None,
        q.lower if q else None,
        q.upper if q else None,
        q.unit if q else None,
        q.base_unit if q else None,
        q.base_lower if q else None,
        q.base_upper if q else None,
        t.text if t else None,
        t.start.isoformat() if t and t.start else None,
        t.end.isoformat() if t and t.end else None,
        c.status.value,
        c.verdict.value if c.verdict else None,
        c.source_count,
        str(c.reviewed).lower(),
        str(c.edited).lower(),
        c.confidence,
        c.evidence.quote,
        c.evidence.start,
        c.evidence.end,
        " ".join(str(i) for i in c.discrepancy_ids),
        c.extractor_version,
        c.created_at.isoformat(),
        c.updated_at.isoformat(),
    ]


def encode(
    session: Session,
    resource: Resource,
    fmt: Format,
    filters: dict[str, Any] | None = None,
    *,
    batch: int = BATCH,
) -> Iterator[bytes]:
    """The export file, one chunk per batch: NDJSON (one public object a line, as the
    resource's `GET` returns it) or CSV (claims; a header line, then `CSV_COLUMNS`)."""
    check_format(resource, fmt)
    if fmt == Format.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        yield buffer.getvalue().encode()
    for rendered in batches(session, resource, filters or {}, batch=batch):
        if fmt == Format.ndjson:
            yield b"".join(model.model_dump_json().encode() + b"\n" for model in rendered)
            continue
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerows(_csv_row(c) for c in rendered if isinstance(c, ClaimPublic))
        yield buffer.getvalue().encode()
