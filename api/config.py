"""Settings from the environment, validated at start-up (fail fast on nonsense)."""

from __future__ import annotations

import inspect
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal, cast
from urllib.parse import urlsplit

from fastapi import Depends, Request
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

_VISIBLE_ASCII = re.compile(r"^[\x21-\x7e]+$")
_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/?#@\s]*):[^@/\s]*@")


def mask_password(text: str) -> str:
    """``text`` with the password of every URL in it replaced by ``***``."""
    return _URL_PASSWORD.sub(r"\g<head>:***@", text)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="", extra="ignore", frozen=True, hide_input_in_errors=True
    )

    database_url: str = f"sqlite:///{PROJECT_ROOT / 'data' / 'claims.db'}"
    """SQLAlchemy URL: ``sqlite:///path`` or ``postgresql://user@host/db``."""

    max_body_bytes: Annotated[int, Field(ge=1024, le=64 * 1024 * 1024)] = 1024 * 1024
    """Requests with a larger body are refused with 413."""

    require_read_key: bool = False
    """When true, reads need a key with at least the reader role."""

    rate_limit_per_minute: Annotated[int, Field(ge=0, le=1_000_000)] = 0
    """Requests per minute per API key (anonymous callers: per client address); 0 = off."""

    seeds_dir: Path = PROJECT_ROOT / "seeds"

    db_pool_size: Annotated[int, Field(ge=1, le=200)] = 10

    sqlite_busy_timeout_ms: Annotated[int, Field(ge=0, le=600_000)] = 30_000
    """How long a SQLite writer waits for the write lock before the request gets a 503."""

    db_retry_attempts: Annotated[int, Field(ge=1, le=10)] = 3
    """How often a request whose transaction met a deadlock or serialisation failure runs."""

    discrepancy_tolerance: Annotated[float, Field(ge=0.0, le=0.5)] = 0.1
    """Relative tolerance used when comparing hedged or rounded figures."""

    event_window_days: Annotated[int, Field(ge=0, le=60)] = 4
    """Articles published further apart than this from an event's dates start another."""

    event_match_threshold: Annotated[float, Field(gt=0.0, le=1.0)] = 0.2
    """Share of an article's weighted terms an event must name for the article to join."""

    public_base_url: str | None = None
    """Absolute URL clients reach the service at (``https://claims.example.org``); links in
    ``Location`` and ``Link`` headers start with it. Unset: links are relative references
    (path and query only), never built from the request's ``Host``."""

    cors_origins: Annotated[tuple[str, ...], NoDecode] = ()
    """Origins allowed to call the API from a browser (comma-separated); none by default."""

    body_read_timeout_seconds: Annotated[float, Field(gt=0, le=600)] = 30.0
    """A request body that has not fully arrived this long after the request began is
    answered with 408 and the connection closed."""

    @field_validator("public_base_url")
    @classmethod
    def _check_public_base_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        parts = urlsplit(value)
        if (
            parts.scheme not in ("http", "https")
            or not parts.hostname
            or parts.query
            or parts.fragment
            or "@" in parts.netloc
            or not _VISIBLE_ASCII.match(value)
        ):
            raise ValueError(
                "PUBLIC_BASE_URL must be an absolute http(s) URL without credentials, query "
                "or fragment, e.g. https://claims.example.org"
            )
        return value.rstrip("/")

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _check_cors_origins(cls, value: object) -> tuple[str, ...]:
        if value is None:
            return ()
        items = value.split(",") if isinstance(value, str) else list(value)  # type: ignore[call-overload]
        origins: list[str] = []
        for item in items:
            origin = str(item).strip().rstrip("/")
            if not origin:
                continue
            if origin != "*" and not _ORIGIN.match(origin):
                raise ValueError(
                    "CORS_ORIGINS must be comma-separated origins such as "
                    f"https://app.example.org (scheme, host, optional port), got {origin!r}"
                )
            origins.append(origin)
        if "*" in origins and len(origins) > 1:
            raise ValueError("CORS_ORIGINS is either * or a list of origins, not both")
        return tuple(origins)

    extraction_backend: Literal["auto", "parser", "rules"] = "auto"
    """How claims are attributed: ``rules``, ``parser`` (dependency parse; needs the
    ``parser`` extra) or ``auto`` (the parser when it is installed)."""

    @field_validator("extraction_backend", mode="before")
    @classmethod
    def _check_backend(cls, value: object) -> object:
        value = value.strip().lower() if isinstance(value, str) else value
        if value == "parser":
            from api.extraction.parse import available

            if not available():
                raise ValueError("EXTRACTION_BACKEND=parser needs the parser extra installed")
        return value

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        value = value.strip()
        if value.startswith("postgres://"):
            value = "postgresql://" + value.removeprefix("postgres://")
        if value.startswith("postgresql://"):
            value = "postgresql+psycopg://" + value.removeprefix("postgresql://")
        if not (value.startswith("sqlite://") or value.startswith("postgresql+psycopg://")):
            raise ValueError(
                "DATABASE_URL must be a sqlite:/// or postgresql:// URL, got "
                + repr(mask_password(value))
            )
        return value

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()


async def app_settings(request: Request) -> Settings:
    """The settings of the app serving ``request``, resolved once when it was created
    (``app.state.settings``), so a request reads them on the event loop instead of calling
    the synchronous :func:`get_settings` in a worker thread. An override of
    ``get_settings`` in ``app.dependency_overrides`` still replaces them."""
    override = request.app.dependency_overrides.get(get_settings)
    if override is None:
        found = getattr(request.app.state, "settings", None) or get_settings()
    else:
        found = override()
        found = await found if inspect.isawaitable(found) else found
    return cast(Settings, found)


SettingsDep = Annotated[Settings, Depends(app_settings)]
