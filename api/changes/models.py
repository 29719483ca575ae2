from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel
from pydantic import Field as PydanticField
from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from api.db import UTCDateTime, utcnow


class Resource(StrEnum):
    """The resources the feed follows; each is read at `/v1/{resource}/{id}`."""

    articles = "articles"
    claims = "claims"
    actors = "actors"
    discrepancies = "discrepancies"
    events = "events"


class ChangeAction(StrEnum):
    created = "created"
    updated = "updated"
    deleted = "deleted"


class Change(SQLModel, table=True):
    """One change of one resource, written in the transaction that made it.

    Writers are serialised by the writers' lock (``api.db``), taken at each write
    transaction's first statement and held until its commit, so the ids taken inside one
    transaction are all greater than those of every transaction committed before it:
    the id order is the commit order, and a reader that has seen id N never later finds
    a committed change below N (see ``api.changes.service``).
    """

    __table_args__ = (Index("ix_change_resource_id", "resource", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    resource: str = Field(max_length=16)
    resource_id: int
    action: str = Field(max_length=8)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ChangePublic(BaseModel):
    id: int = PydanticField(description="Position in the feed: ids grow in commit order.")
    resource: Resource
    resource_id: int = PydanticField(description="The changed resource's id.")
    action: ChangeAction = PydanticField(
        description="`deleted` is a tombstone: the resource answers 404 from then on."
    )
    at: datetime = PydanticField(description="When the change was written (UTC).")


class ChangePage(BaseModel):
    """Changes after the cursor, oldest first."""

    items: list[ChangePublic]
    next: str = PydanticField(
        description="Cursor to resume from (`after=`): past the last change of this page,"
        " or the cursor given when there is nothing new. Never null: keep it and ask again."
    )
    has_more: bool = PydanticField(description="Whether more changes follow right now.")


class ChangeCursor(BaseModel):
    next: str = PydanticField(
        description="Cursor of the newest change: `after=` it returns only later changes."
    )
