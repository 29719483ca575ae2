from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Self

from fastapi import Query
from pydantic import StringConstraints, model_validator
from pydantic.json_schema import SkipJsonSchema
from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from api.common import SearchQuery, UpdatedSinceQuery
from api.db import UTCDateTime, utcnow
from api.inputs import NO_NUL, DateTimeInput, IdValue, Text200, Text500, reject_nulls

Language = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$", max_length=35),
]
Url = Annotated[
    str,
    StringConstraints(
        max_length=2000, pattern=r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\x00-\x20]*)?$"
    ),
]
Title = Text500
Publisher = Text200

MAX_BODY_CHARS = 200_000


class ArticleSort(StrEnum):
    """List orders: `id` (stored order, the default), `-created_at` (newest first),
    `-published_at`/`published_at` (by publication time; unknown times sort as the
    oldest). Ties go by id."""

    id = "id"
    newest = "-created_at"
    published_desc = "-published_at"
    published_asc = "published_at"


@dataclass(frozen=True)
class ArticleFilters:
    """The filters of `GET /v1/articles` (and of its export)."""

    publisher: Annotated[
        str | None,
        Query(max_length=200, pattern=NO_NUL, description="Publisher name (case-insensitive)."),
    ] = None
    published_from: Annotated[
        DateTimeInput | None, Query(description="Published at or after this time (RFC 3339).")
    ] = None
    published_to: Annotated[
        DateTimeInput | None, Query(description="Published at or before this time (RFC 3339).")
    ] = None
    updated_since: UpdatedSinceQuery = None
    q: SearchQuery = None


class ArticleBase(SQLModel):
    title: str = Field(max_length=500, description="Headline.")
    url: str | None = Field(default=None, max_length=2000, description="Canonical URL.")
    publisher: str | None = Field(default=None, max_length=200, index=True)
    published_at: datetime | None = Field(
        default=None,
        sa_type=UTCDateTime,
        index=True,
        description="Publication time (UTC); null when unknown.",
    )
    language: str = Field(default="en", max_length=35, description="BCP 47 language tag.")


class ArticleCreate(SQLModel):
    """An article an editor submits."""

    model_config = {
        "extra": "forbid",
        "json_schema_extra": {
            "examples": [
                {
                    "title": "Pakistan and Afghanistan clash along border",
                    "body": "The Pakistan military said that 23 of its soldiers were killed "
                    "in the clashes. The Taliban said nine on its side were killed.",
                    "url": "https://news.example.org/2025/10/12/border-clashes",
                    "publisher": "Example News",
                    "published_at": "2025-10-12T08:00:00Z",
                    "language": "en",
                }
            ]
        },
    }

    title: Title
    body: Annotated[
        str,
        StringConstraints(
            min_length=1, max_length=MAX_BODY_CHARS, pattern=r"^[^\x00]*[^\x00 \t\n\r][^\x00]*$"
        ),
    ] = Field(description="The text, stored exactly as sent; evidence offsets index into it.")
    url: Url | None = None
    publisher: Publisher | None = None
    published_at: DateTimeInput | None = Field(
        default=None, description="RFC 3339 date-time with an offset."
    )
    language: Language = "en"


class ArticleUpdate(SQLModel):
    """Metadata an editor may correct. The body is evidence and cannot change."""

    model_config = {
        "extra": "forbid",
        "json_schema_extra": {"examples": [{"publisher": "Reuters", "language": "en"}]},
    }

    title: Title | SkipJsonSchema[None] = None
    url: Url | None = Field(default=None, description="`null` clears it.")
    publisher: Publisher | None = Field(default=None, description="`null` clears it.")
    published_at: DateTimeInput | None = Field(default=None, description="`null` clears it.")
    language: Language | SkipJsonSchema[None] = None
    event_id: IdValue | None = Field(
        default=None,
        description="Move the article to this event; `null` moves it to a new event of its own.",
    )

    @model_validator(mode="after")
    def _not_null(self) -> Self:
        reject_nulls(self, "title", "language")
        return self


class Article(ArticleBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    body: str = Field(sa_column=Column(Text, nullable=False))
    url: str | None = Field(default=None, max_length=2000, unique=True)
    content_hash: str = Field(max_length=64, unique=True)
    event_id: int | None = Field(
        default=None, foreign_key="event.id", ondelete="SET NULL", index=True
    )
    extractor_version: str = Field(max_length=50)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class ArticlePublic(ArticleBase):
    model_config = {"json_schema_serialization_defaults_required": True}
    """Every field is always sent (`null` where empty), so the schema requires them all."""

    id: int
    body: str
    content_hash: str = Field(description="SHA-256 of the normalised body: the dedupe key.")
    event_id: int | None = Field(description="The event the article is grouped into.")
    extractor_version: str
    claim_count: int
    created_at: datetime
    updated_at: datetime


class DeletedArticle(SQLModel, table=True):
    """What a deletion removed, kept so an editor can read it and bring it back.

    The article's fields and the claims an editor had corrected (everything else is
    derived again from the text on restore). Keyed by the article's own id.
    """

    __tablename__ = "deleted_article"

    id: int | None = Field(
        default=None, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    title: str = Field(max_length=500)
    body: str = Field(sa_column=Column(Text, nullable=False))
    url: str | None = Field(default=None, max_length=2000)
    publisher: str | None = Field(default=None, max_length=200)
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    language: str = Field(default="en", max_length=35)
    content_hash: str = Field(max_length=64, index=True)
    event_id: int | None = None
    claim_count: int = 0
    edited_claims: str = Field(
        sa_column=Column(Text, nullable=False), description="JSON list of corrected claims."
    )
    created_at: datetime = Field(sa_type=UTCDateTime)
    deleted_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class DeletedArticlePublic(SQLModel):
    """A deleted article as it was: restore it with `POST /v1/deleted-articles/{id}/restore`."""

    id: int
    title: str
    body: str
    url: str | None
    publisher: str | None
    published_at: datetime | None
    language: str
    content_hash: str
    event_id: int | None = Field(description="The event it was in when it was deleted.")
    claim_count: int = Field(description="How many claims it had.")
    edited_claim_count: int = Field(
        description="Claims an editor had corrected; they are restored as they were."
    )
    created_at: datetime
    deleted_at: datetime
