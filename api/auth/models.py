from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator
from pydantic import Field as PydanticField
from sqlmodel import Field, SQLModel

from api.db import UTCDateTime, utcnow
from api.inputs import Text200, _json_integer


class Role(StrEnum):
    reader = "reader"
    editor = "editor"
    admin = "admin"

    @property
    def rank(self) -> int:
        return {"reader": 0, "editor": 1, "admin": 2}[self.value]


MAX_EXPIRY_DAYS = 3650
ExpiryDays = Annotated[int, PydanticField(ge=1, le=MAX_EXPIRY_DAYS), BeforeValidator(_json_integer)]


class ApiKey(SQLModel, table=True):
    __tablename__ = "api_key"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    role: str = Field(max_length=16)
    prefix: str = Field(max_length=16, description="First characters of the token, for display.")
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

    def refusal(self, now: datetime) -> str | None:
        """Why the key no longer works, or None while it does."""
        if self.revoked_at is not None:
            return "the API key was revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "the API key has expired"
        return None


class KeyCreate(SQLModel):
    model_config = {
        "extra": "forbid",
        "json_schema_extra": {
            "examples": [{"name": "news desk", "role": "editor", "expires_in_days": 90}]
        },
    }

    name: Text200 = Field(description="Who or what the key is for.")
    role: Role = Field(
        description="`reader` reads, `editor` also writes, `admin` also manages keys."
    )
    expires_in_days: ExpiryDays | None = Field(
        default=None, description="Days until the key stops working; omit for no expiry."
    )


class KeyPublic(SQLModel):
    """An API key as the API shows it: never its token or the token's hash."""

    id: int
    name: str
    role: Role
    prefix: str = Field(description="First characters of the token, to recognise it.")
    created_at: datetime
    expires_at: datetime | None = Field(description="When the key stops working; null: never.")
    last_used_at: datetime | None = Field(
        description="Last authenticated request (updated at most once a minute)."
    )
    revoked_at: datetime | None = Field(description="When the key was revoked; null: it was not.")
    active: bool = Field(description="Neither revoked nor expired.")


class KeyCreated(KeyPublic):
    """A new key with its token: the only time the token is shown."""

    token: str = Field(description="Send as `Authorization: Bearer <token>`; shown only once.")
