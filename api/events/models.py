from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated

from fastapi import Query
from sqlmodel import Field, SQLModel

from api.common import UpdatedSinceQuery
from api.db import UTCDateTime, utcnow
from api.inputs import MAX_ID, DateInput


@dataclass(frozen=True)
class EventFilters:
    """The filters of `GET /v1/events` (and of its export)."""

    date_from: Annotated[
        DateInput | None,
        Query(alias="from", description="Only events whose dates reach this day or later."),
    ] = None
    date_to: Annotated[
        DateInput | None,
        Query(alias="to", description="Only events whose dates reach this day or earlier."),
    ] = None
    actor_id: Annotated[
        int | None,
        Query(
            ge=1,
            le=MAX_ID,
            description="Only events with a claim involving this actor (claimant, relay,"
            " side or target).",
        ),
    ] = None
    updated_since: UpdatedSinceQuery = None


class Event(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=500)
    start_date: date | None = Field(default=None, index=True)
    end_date: date | None = Field(default=None, index=True)
    article_count: int = 0
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class EventTerm(SQLModel, table=True):
    """How many of an event's articles name a term: the event's signature, indexed by term."""

    __tablename__ = "event_term"

    event_id: int = Field(foreign_key="event.id", ondelete="CASCADE", primary_key=True)
    term: str = Field(max_length=100, primary_key=True, index=True)
    count: int = 1


class EventPublic(SQLModel):
    id: int
    title: str
    start_date: date | None = Field(description="Earliest publication date of its articles.")
    end_date: date | None = Field(description="Latest publication date of its articles.")
    article_count: int
    created_at: datetime
    updated_at: datetime
