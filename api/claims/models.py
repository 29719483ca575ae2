from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal, Self

from fastapi import Query
from pydantic import AfterValidator, BaseModel, ConfigDict, StrictBool, model_validator
from pydantic import Field as PydanticField
from pydantic.json_schema import SkipJsonSchema
from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from api.actors.models import ActorSummary
from api.common import SearchQuery, UpdatedSinceQuery
from api.db import UTCDateTime, utcnow
from api.extraction.measures import MEASURES
from api.extraction.types import Qualifier, Stance
from api.extraction.units import NAMES as UNIT_NAMES
from api.inputs import MAX_ID, DateInput, IdValue, QueryBool, Text200, Text5000, reject_nulls

QuantityText = Text200


def _known_unit(value: str) -> str:
    if value not in UNIT_NAMES:
        raise ValueError("unknown unit; the schema's `enum` lists every accepted name")
    return value


def _variable_names(values: tuple[str, ...]) -> list[str]:
    """Identifiers for the unit names (`km/h` -> `KM_PER_H`, `%` -> `PERCENT_SIGN`), one
    each: generated SDKs name enum members after them (`x-enum-varnames`)."""
    out: list[str] = []
    for value in values:
        spelled = (
            value.replace("%", " percent sign ").replace("/", " per ").replace("²", " squared")
        )
        base = re.sub(r"[^0-9A-Za-z]+", "_", spelled).strip("_").upper()
        name, n = base, 2
        while name in out:
            name, n = f"{base}_{n}", n + 1
        out.append(name)
    return out


UnitName = Annotated[
    str,
    PydanticField(
        json_schema_extra={"enum": list(UNIT_NAMES), "x-enum-varnames": _variable_names(UNIT_NAMES)}
    ),
    AfterValidator(_known_unit),
]
"""A unit exactly as one of :data:`api.extraction.units.NAMES` spells it."""
Statement = Text5000


def _known_measure(value: str) -> str:
    if value not in MEASURES:
        raise ValueError("unknown measure; the schema's `enum` lists every measure")
    return value


_MEASURE_SCHEMA = PydanticField(json_schema_extra={"title": "Measure", "enum": list(MEASURES)})
MeasureName = Annotated[str, _MEASURE_SCHEMA, AfterValidator(_known_measure)]
"""A measure as the extractor names them (:data:`api.extraction.measures.MEASURES`); any other
value is refused (422), so `measure=kiled` is an error, not an empty page."""
MeasureOut = Annotated[str, _MEASURE_SCHEMA]
"""A stored measure as sent: the same closed list (only :data:`MeasureName` values are stored)."""
Label = Text200


class ClaimStatus(StrEnum):
    """Derived from the other claims, never set by an editor (see `Verdict`)."""

    single_source = "single_source"
    corroborated = "corroborated"
    disputed = "disputed"


class Verdict(StrEnum):
    """An editor's verdict on what the claim says; separate from the derived `status`."""

    accurate = "accurate"
    misleading = "misleading"
    false = "false"
    unverified = "unverified"


class ClaimSort(StrEnum):
    """List orders: `id` (stored order, the default), `-created_at` (newest first),
    `-published_at`/`published_at` (by the article's publication time; unknown times sort
    as the oldest), `-source_count` (most publishers first). Ties go by id."""

    id = "id"
    newest = "-created_at"
    published_desc = "-published_at"
    published_asc = "published_at"
    source_count_desc = "-source_count"


@dataclass(frozen=True)
class ClaimFilters:
    """The filters of `GET /v1/claims` (and of its export)."""

    article_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only claims from this article.")
    ] = None
    claimant_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only claims asserted by this actor.")
    ] = None
    actor_id: Annotated[
        int | None,
        Query(
            ge=1,
            le=MAX_ID,
            description="Only claims involving this actor (claimant, relay, side or target).",
        ),
    ] = None
    status: Annotated[
        ClaimStatus | None,
        Query(description="Only claims with this derived status (whether reviewed or not)."),
    ] = None
    measure: Annotated[
        MeasureName | None,
        Query(
            description="Only claims counting this measure, e.g. `killed` (the `enum` lists them)."
        ),
    ] = None
    event_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only claims of this event.")
    ] = None
    has_discrepancy: Annotated[
        QueryBool | None,
        Query(description="Only claims that are (`true`) or are not (`false`) in a discrepancy."),
    ] = None
    updated_since: UpdatedSinceQuery = None
    reviewed: Annotated[
        QueryBool | None,
        Query(description="Only claims an editor has (`true`) or has not (`false`) reviewed."),
    ] = None
    verdict: Annotated[
        Verdict | None, Query(description="Only claims an editor gave this verdict.")
    ] = None
    q: SearchQuery = None


class Claim(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE", index=True)
    claimant_id: int | None = Field(
        default=None, foreign_key="actor.id", ondelete="SET NULL", index=True
    )
    relayed_by_id: int | None = Field(
        default=None, foreign_key="actor.id", ondelete="SET NULL", index=True
    )
    subject_side_id: int | None = Field(
        default=None, foreign_key="actor.id", ondelete="SET NULL", index=True
    )
    target_id: int | None = Field(
        default=None, foreign_key="actor.id", ondelete="SET NULL", index=True
    )
    event_id: int | None = Field(
        default=None, foreign_key="event.id", ondelete="SET NULL", index=True
    )
    fact_key: str | None = Field(
        default=None, max_length=400, index=True, description="The fact it is about."
    )
    source_count: int = Field(default=1, description="Independent publishers carrying it.")
    statement: str = Field(sa_column=Column(Text, nullable=False))
    stance: str = Field(max_length=16, default=Stance.assertion.value)
    quote: str = Field(sa_column=Column(Text, nullable=False))
    start_offset: int
    end_offset: int
    sentence_index: int
    measure: str | None = Field(default=None, max_length=64, index=True)
    subject: str | None = Field(default=None, max_length=200)
    subject_text: str | None = Field(default=None, max_length=200)
    quantity_text: str | None = Field(default=None, max_length=200)
    qualifier: str | None = Field(default=None, max_length=16)
    lower: float | None = None
    upper: float | None = None
    strict_lower: bool = False
    strict_upper: bool = False
    unit: str | None = Field(default=None, max_length=32)
    base_unit: str | None = Field(default=None, max_length=16)
    base_lower: float | None = None
    base_upper: float | None = None
    time_text: str | None = Field(default=None, max_length=200)
    time_start: date | None = None
    time_end: date | None = None
    time_kind: str | None = Field(default=None, max_length=16)
    status: str = Field(default=ClaimStatus.single_source.value, max_length=20, index=True)
    reviewed: bool = False
    verdict: str | None = Field(default=None, max_length=16, index=True)
    verdict_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    edited: bool = Field(default=False, description="An editor corrected this claim.")
    confidence: float = 0.5
    extractor_version: str = Field(max_length=50)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class Evidence(BaseModel):
    """Where the claim stands in its article: `article.body[start:end] == quote`.

    `start` and `end` count Unicode code points (Python's `str` indices); `start_utf16` and
    `end_utf16` count UTF-16 code units (JavaScript's `body.slice(start_utf16, end_utf16)`).
    They differ when the body has characters outside the Basic Multilingual Plane (emoji)."""

    quote: str
    start: int = Field(
        description="Offset of the quote's first character in the body, in Unicode code points."
    )
    end: int = Field(description="Offset just past the quote's last character, in code points.")
    start_utf16: int = Field(
        description="`start` in UTF-16 code units (for JavaScript's `String.prototype.slice`)."
    )
    end_utf16: int = Field(description="`end` in UTF-16 code units.")
    sentence_index: int


class QuantityPublic(BaseModel):
    text: str = Field(description="The amount as written, e.g. `some nine`.")
    qualifier: Qualifier
    lower: float | None = Field(description="Lower bound in `unit`; null when unbounded.")
    upper: float | None = Field(description="Upper bound in `unit`; null when unbounded.")
    strict_lower: bool = Field(description="True when the lower bound is excluded.")
    strict_upper: bool = Field(description="True when the upper bound is excluded.")
    unit: str | None = Field(description="Unit as normalised (`km`, `mi`); null for counts.")
    base_unit: str | None = Field(description="SI base unit of the dimension (`m`).")
    base_lower: float | None
    base_upper: float | None


class TimeKind(StrEnum):
    relative = "relative"
    period = "period"
    date = "date"


class TimePublic(BaseModel):
    text: str = Field(description="The time expression as written.")
    start: date | None
    end: date | None
    kind: TimeKind | None = Field(
        description="`relative` (the reported event's own time: overnight, on Sunday), "
        "`period` (an explicit period: a month, a year, a range), `date` (a calendar date)."
    )


class ClaimPublic(BaseModel):
    id: int
    article_id: int
    statement: str
    stance: Stance
    claimant: ActorSummary | None = Field(description="Who asserted it; null if unattributed.")
    relayed_by: ActorSummary | None = Field(description="The outlet the claim was relayed through.")
    event_id: int | None = Field(description="The event the claim's article belongs to.")
    measure: MeasureOut | None = Field(
        description="What is counted: killed, wounded, captured, length... (the `enum`)."
    )
    subject: str | None = Field(description="Coarse category of what is counted (`combatants`).")
    subject_text: str | None = Field(description="What is counted, as written.")
    subject_side: ActorSummary | None = Field(description="The party the subject belongs to.")
    target: ActorSummary | None = Field(description="Whom an accusation or denial concerns.")
    quantity: QuantityPublic | None
    time: TimePublic | None
    evidence: Evidence
    status: ClaimStatus = Field(
        description="Derived from the other claims: `disputed` on a side of an open"
        " discrepancy, else `corroborated` (two or more publishers) or `single_source`."
        " An editor's review does not change it (see `reviewed` and `verdict`)."
    )
    source_count: int = Field(
        description="Independent publishers carrying the same claimant's agreeing figure."
    )
    reviewed: bool = Field(description="An editor has reviewed the claim.")
    verdict: Verdict | None = Field(
        description="An editor's verdict on the claim (null until one is given); independent"
        " of `status`, which is derived from the other claims."
    )
    verdict_at: datetime | None = Field(description="When the verdict was last set.")
    edited: bool
    confidence: float
    extractor_version: str
    discrepancy_ids: list[int]
    created_at: datetime
    updated_at: datetime


Figure = Annotated[float, PydanticField(strict=True, ge=-1e15, le=1e15)]


class _QuantityInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: QuantityText = Field(description="The amount as written, e.g. `some nine`.")
    unit: UnitName | None = Field(
        default=None,
        description="Unit (`km`, `miles`, `kg`, `USD`, ...; the `enum` lists them all), as"
        " written or as the API returns it; omit for counts.",
    )


class PointQuantity(_QuantityInput):
    """One figure, exact or hedged ("23", "some nine")."""

    qualifier: Literal["exact", "approximately"]
    value: Figure


class LowerBoundQuantity(_QuantityInput):
    """ "more than 200" (`more_than`, excluded bound) or "at least 3" (`at_least`)."""

    qualifier: Literal["more_than", "at_least"]
    lower: Figure


class UpperBoundQuantity(_QuantityInput):
    """ "fewer than 10" (`less_than`, excluded bound) or "up to 10" (`at_most`)."""

    qualifier: Literal["less_than", "at_most"]
    upper: Figure


class RangeQuantity(_QuantityInput):
    """ "10 to 12": the bounds are stored in order."""

    qualifier: Literal["range"]
    lower: Figure
    upper: Figure


class VagueQuantity(_QuantityInput):
    """ "dozens": a lower bound and, where the word implies one, an upper bound."""

    qualifier: Literal["vague"]
    lower: Figure
    upper: Figure | None = None


QuantityUpdate = Annotated[
    PointQuantity | LowerBoundQuantity | UpperBoundQuantity | RangeQuantity | VagueQuantity,
    Field(discriminator="qualifier"),
]


class TimeUpdate(BaseModel):
    """A corrected time reference; `start` and `end` are stored in order."""

    model_config = ConfigDict(extra="forbid")

    text: QuantityText
    start: DateInput | None = None
    end: DateInput | None = None
    kind: TimeKind | None = None


class ClaimUpdate(BaseModel):
    """An editor's correction. Omitted fields stay; `null` clears a nullable field."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "quantity": {"text": "23", "qualifier": "exact", "value": 23},
                    "reviewed": True,
                }
            ]
        },
    )

    statement: Statement | SkipJsonSchema[None] = None
    stance: Stance | SkipJsonSchema[None] = None
    claimant_id: IdValue | None = Field(default=None, description="`null`: unattributed.")
    relayed_by_id: IdValue | None = None
    subject_side_id: IdValue | None = None
    target_id: IdValue | None = None
    measure: MeasureName | None = None
    subject: Label | None = None
    subject_text: Label | None = None
    quantity: QuantityUpdate | None = Field(default=None, description="`null`: no quantity.")
    time: TimeUpdate | None = None
    reviewed: StrictBool | SkipJsonSchema[None] = Field(
        default=None,
        description="Mark the claim as reviewed by an editor (its `status` stays what the"
        " other claims make it); `false` also withdraws its verdict.",
    )
    verdict: Verdict | None = Field(
        default=None,
        description="An editor's verdict; `null` withdraws it. Giving one marks the claim"
        " `reviewed` (also when the same request sends `reviewed: false`, which is applied"
        " first); a claim with a verdict has a ClaimReview"
        " (`GET /v1/claims/{id}/claimreview`).",
    )

    @model_validator(mode="after")
    def _not_null(self) -> Self:
        reject_nulls(self, "statement", "stance", "reviewed")
        return self
