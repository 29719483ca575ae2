from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Self

from fastapi import Query
from pydantic import BaseModel, ConfigDict, model_validator
from pydantic.json_schema import SkipJsonSchema
from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from api.actors.models import ActorSummary
from api.claims.models import ClaimPublic, MeasureName, MeasureOut, QuantityPublic, TimePublic
from api.common import UpdatedSinceQuery
from api.db import UTCDateTime, utcnow
from api.inputs import MAX_ID, PlainText5000, reject_nulls

Note = PlainText5000


class DiscrepancyKind(StrEnum):
    conflicting_figures = "conflicting_figures"
    inconsistent_reporting = "inconsistent_reporting"
    denial = "denial"


class DiscrepancyStatus(StrEnum):
    open = "open"
    resolved = "resolved"
    dismissed = "dismissed"


@dataclass(frozen=True)
class DiscrepancyFilters:
    """The filters of `GET /v1/discrepancies` (and of its export)."""

    status: Annotated[DiscrepancyStatus | None, Query(description="Only with this status.")] = None
    kind: Annotated[DiscrepancyKind | None, Query(description="Only of this kind.")] = None
    actor_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only discrepancies involving this actor.")
    ] = None
    measure: Annotated[
        MeasureName | None,
        Query(description="Only about this measure, e.g. `killed` (the `enum` lists them)."),
    ] = None
    event_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only within this event.")
    ] = None
    updated_since: UpdatedSinceQuery = None


class Discrepancy(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32, index=True)
    key: str = Field(max_length=400, unique=True, description="Identity of the finding.")
    fact_key: str = Field(max_length=400, index=True, description="The fact it concerns.")
    event_id: int | None = Field(
        default=None, foreign_key="event.id", ondelete="CASCADE", index=True
    )
    measure: str | None = Field(default=None, max_length=64, index=True)
    subject: str | None = Field(default=None, max_length=200)
    subject_side_id: int | None = Field(
        default=None, foreign_key="actor.id", ondelete="SET NULL", index=True
    )
    base_unit: str | None = Field(default=None, max_length=16)
    status: str = Field(default=DiscrepancyStatus.open.value, max_length=16, index=True)
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    orphaned_at: datetime | None = Field(
        default=None,
        sa_type=UTCDateTime,
        description="Since when its claims are gone (an editor's discrepancy is kept).",
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class DiscrepancyClaim(SQLModel, table=True):
    __tablename__ = "discrepancy_claim"

    discrepancy_id: int = Field(foreign_key="discrepancy.id", ondelete="CASCADE", primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", ondelete="CASCADE", primary_key=True, index=True)
    side: int = Field(ge=0)


class Fact(BaseModel):
    """The fact a discrepancy is about."""

    event_id: int | None
    measure: MeasureOut | None
    subject: str | None
    subject_side: ActorSummary | None
    base_unit: str | None


class Spread(BaseModel):
    lower: float | None = Field(description="Lowest bound any side gives, in the base unit.")
    upper: float | None = Field(description="Highest bound any side gives, in the base unit.")


class DiscrepancySide(BaseModel):
    party: ActorSummary | None = Field(
        description="The party this side's claimants speak for (top of their actor chain)."
    )
    claimants: list[ActorSummary] = Field(description="Who asserted this side's figure.")
    figure: QuantityPublic | None = Field(
        description="This side's figure as its first claim states it; null for denials."
    )
    claims: list[ClaimPublic] = Field(
        description="The claims on this side, with evidence and the outlets relaying them."
    )


class SeriesPoint(BaseModel):
    claim_id: int
    party: ActorSummary | None = Field(description="Whom the figure speaks for.")
    outlet: str | None = Field(description="The publisher of the report giving it.")
    reported_at: datetime | None = Field(description="When its report was published.")
    refers_to: TimePublic | None = Field(description="The time the figure is about.")
    figure: QuantityPublic | None


class DiscrepancyPublic(BaseModel):
    id: int
    kind: DiscrepancyKind
    status: DiscrepancyStatus
    note: str | None
    fact: Fact
    sides: list[DiscrepancySide]
    spread: Spread
    conservative_figure: float | None = Field(
        description="The lowest defensible value across the sides, in the base unit."
    )
    summary: str = Field(
        description="One line: each side's party and figure, with the time it refers to."
    )
    series: list[SeriesPoint] = Field(
        description="Every figure of the discrepancy in the order it was given, with the "
        "time it was reported and the time it refers to: a toll that rises reads as a "
        "timeline."
    )
    orphaned_at: datetime | None = Field(
        description="Set while the claims it was found in are gone (deleted or moved "
        "away); an editor's discrepancy is kept, and comes back with its claims."
    )
    created_at: datetime
    updated_at: datetime


class DiscrepancyUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"status": "resolved", "note": "Both figures confirmed as claims."}]
        },
    )

    status: DiscrepancyStatus | SkipJsonSchema[None] = None
    note: Note | None = Field(default=None, description="An editor's note; `null` clears it.")

    @model_validator(mode="after")
    def _not_null(self) -> Self:
        reject_nulls(self, "status")
        return self
