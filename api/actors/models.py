from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Self

from fastapi import Query
from pydantic import field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema
from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from api.common import UpdatedSinceQuery
from api.db import UTCDateTime, utcnow
from api.extraction.types import ActorKind
from api.inputs import MAX_ID, NO_NUL, IdValue, Text200, reject_nulls

Name = Text200
AliasList = Annotated[list[Name], Field(max_length=50)]


def _dedupe(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


@dataclass(frozen=True)
class ActorFilters:
    """The filters of `GET /v1/actors` (and of its export)."""

    q: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=NO_NUL,
            description="Name or alias contains this (case-insensitive).",
        ),
    ] = None
    kind: Annotated[ActorKind | None, Query(description="Only actors of this kind.")] = None
    parent_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only actors belonging to this one.")
    ] = None
    updated_since: UpdatedSinceQuery = None


class ActorBase(SQLModel):
    name: str = Field(max_length=200, description="Canonical name.")
    kind: ActorKind = Field(description="What sort of actor this is.")
    parent_id: int | None = Field(
        default=None,
        description="The actor this one speaks for or belongs to "
        "(a spokesman's government, a press wing's military).",
    )


class ActorCreate(SQLModel):
    model_config = {
        "extra": "forbid",
        "json_schema_extra": {
            "examples": [
                {
                    "name": "Inter-Services Public Relations",
                    "kind": "military",
                    "aliases": ["ISPR"],
                    "parent_id": None,
                }
            ]
        },
    }

    name: Name
    kind: ActorKind
    aliases: AliasList = []
    parent_id: IdValue | None = None

    _dedupe_aliases = field_validator("aliases")(_dedupe)


class ActorUpdate(SQLModel):
    model_config = {
        "extra": "forbid",
        "json_schema_extra": {"examples": [{"aliases": ["ISPR", "the ISPR"]}]},
    }

    name: Name | SkipJsonSchema[None] = None
    kind: ActorKind | SkipJsonSchema[None] = None
    aliases: AliasList | SkipJsonSchema[None] = Field(
        default=None, description="Replaces the actor's aliases when given."
    )
    parent_id: IdValue | None = Field(default=None, description="`null` detaches the actor.")

    @field_validator("aliases")
    @classmethod
    def _dedupe_optional(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else _dedupe(value)

    @model_validator(mode="after")
    def _not_null(self) -> Self:
        reject_nulls(self, "name", "kind", "aliases")
        return self


class Actor(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    normalized_name: str = Field(max_length=200, unique=True)
    kind: str = Field(max_length=32, index=True)
    parent_id: int | None = Field(
        default=None, foreign_key="actor.id", ondelete="SET NULL", index=True
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class ActorAlias(SQLModel, table=True):
    __tablename__ = "actor_alias"
    __table_args__ = (UniqueConstraint("actor_id", "normalized"),)

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(foreign_key="actor.id", ondelete="CASCADE", index=True)
    alias: str = Field(max_length=200)
    normalized: str = Field(max_length=200, index=True)


class ActorRedirect(SQLModel, table=True):
    """An actor merged into another: its id answers with the survivor's (never reused)."""

    __tablename__ = "actor_redirect"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    actor_id: int = Field(foreign_key="actor.id", ondelete="CASCADE", index=True)
    name: str = Field(max_length=200, description="The merged actor's name.")
    merged_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ActorMerge(SQLModel):
    model_config = {"extra": "forbid", "json_schema_extra": {"examples": [{"into": 12}]}}

    into: IdValue = Field(description="The actor that survives and takes over everything.")


class ActorSummary(SQLModel):
    """An actor as it appears inside other resources."""

    id: int
    name: str
    kind: ActorKind


class ActorPublic(ActorBase):
    model_config = {"json_schema_serialization_defaults_required": True}
    """Every field is always sent (`null` where empty), so the schema requires them all."""

    id: int
    aliases: list[str]
    created_at: datetime
    updated_at: datetime
