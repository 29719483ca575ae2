from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import StringConstraints, model_validator
from pydantic.json_schema import SkipJsonSchema
from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from api.db import UTCDateTime, utcnow
from api.inputs import DateTimeInput, IdValue, Text200, Text500, reject_nulls

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
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ArticlePublic(ArticleBase):
    id: int
    body: str
    content_hash: str = Field(description="SHA-256 of the normalised body: the dedupe key.")
    event_id: int | None = Field(description="The event the article is grouped into.")
    extractor_version: str
    claim_count: int
    created_at: datetime
    updated_at: datetime
