"""Settings from the environment, validated at start-up (fail fast on nonsense)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", frozen=True)

    database_url: str = f"sqlite:///{PROJECT_ROOT / 'data' / 'claims.db'}"
    """SQLAlchemy URL: ``sqlite:///path`` or ``postgresql://user@host/db``."""

    max_body_bytes: Annotated[int, Field(ge=1024, le=64 * 1024 * 1024)] = 1024 * 1024
    """Requests with a larger body are refused with 413."""

    require_read_key: bool = False
    """When true, reads need a key with at least the reader role."""

    seeds_dir: Path = PROJECT_ROOT / "seeds"

    db_pool_size: Annotated[int, Field(ge=1, le=200)] = 10

    discrepancy_tolerance: Annotated[float, Field(ge=0.0, le=0.5)] = 0.1
    """Relative tolerance used when comparing hedged or rounded figures."""

    event_window_days: Annotated[int, Field(ge=0, le=60)] = 4
    """Articles published further apart than this from an event's dates start another."""

    event_match_threshold: Annotated[float, Field(gt=0.0, le=1.0)] = 0.2
    """Share of an article's weighted terms an event must name for the article to join."""

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
                "DATABASE_URL must be a sqlite:/// or postgresql:// URL, got " + repr(value)
            )
        return value

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
