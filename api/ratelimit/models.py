from __future__ import annotations

from sqlmodel import Field, SQLModel


class RateLimitCounter(SQLModel, table=True):
    """Requests of one caller in one fixed window; shared by every worker."""

    __tablename__ = "rate_limit_counter"

    bucket: str = Field(max_length=80, primary_key=True)
    window_start: int = Field(primary_key=True, index=True, description="Unix seconds.")
    count: int = 0
