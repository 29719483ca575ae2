"""Rate limits per caller: a fixed-window counter in the database every worker shares.

One atomic statement counts a request and returns the count so far:
``INSERT ... ON CONFLICT (bucket, window_start) DO UPDATE SET count = count + 1 RETURNING
count`` (PostgreSQL, and SQLite 3.35 or newer). It runs in a short transaction of its
own (api.side), never in the request's; if the store fails, the request is let through
and the failure logged.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from sqlalchemy import Table, delete
from sqlalchemy.dialects import postgresql, sqlite
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth.service import Caller
from api.config import app_settings
from api.errors import TooManyRequests
from api.ratelimit.models import RateLimitCounter
from api.side import SideSessions, side_sessions_of

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 60
POLICY = "default"
_STATE_KEY = "ratelimit_headers"

clock: Callable[[], float] = time.time
"""Seconds since the epoch; tests replace it to stay inside one window."""

_counter: Table = RateLimitCounter.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Quota:
    limit: int
    window: int
    used: int
    reset: int
    """Seconds until the window ends (at least 1)."""

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)

    @property
    def exceeded(self) -> bool:
        return self.used > self.limit

    def headers(self) -> dict[str, str]:
        """IETF draft-ietf-httpapi-ratelimit-headers fields."""
        return {
            "RateLimit-Policy": f'"{POLICY}";q={self.limit};w={self.window}',
            "RateLimit": f'"{POLICY}";r={self.remaining};t={self.reset}',
        }


def hit(
    side: SideSessions,
    bucket: str,
    *,
    limit: int,
    window: int = WINDOW_SECONDS,
    now: float | None = None,
) -> Quota:
    """Count one request of ``bucket`` in the current window and return its quota."""
    moment = clock() if now is None else now
    start = int(moment // window) * window
    with side() as session:
        dialect = session.get_bind().dialect.name
        insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = (
            insert(_counter)
            .values(bucket=bucket, window_start=start, count=1)
            .on_conflict_do_update(
                index_elements=[_counter.c.bucket, _counter.c.window_start],
                set_={"count": _counter.c.count + 1},
            )
            .returning(_counter.c.count)
        )
        used = int(session.connection().execute(statement).scalar_one())
        if used == 1:  # the first request of a new window clears the finished ones
            session.connection().execute(delete(_counter).where(_counter.c.window_start < start))
    reset = max(1, start + window - int(moment))
    return Quota(limit=limit, window=window, used=used, reset=reset)


def client_address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


async def rate_limit(request: Request, caller: Caller) -> None:
    """Count the request against its key (or, without a working key, its client address)."""
    limit = (await app_settings(request)).rate_limit_per_minute
    if limit == 0:
        return
    side = await side_sessions_of(request)
    if caller.key is not None:
        bucket = f"key:{caller.key.id}"
    else:
        bucket = f"ip:{client_address(request)}"[:80]
    try:
        quota = await run_in_threadpool(hit, side, bucket, limit=limit)
    except Exception:
        logger.exception("rate-limit store failed; letting the request through")
        return
    headers = quota.headers()
    request.scope.setdefault("state", {})[_STATE_KEY] = headers
    if quota.exceeded:
        raise TooManyRequests(
            f"more than {limit} requests in {quota.window} seconds; retry in {quota.reset} seconds",
            headers={"Retry-After": str(quota.reset)},
        )


class RateLimitHeaders:
    """ASGI middleware: every response to a counted request carries its quota headers
    (also errors and 304s, which bypass the dependency's response object)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: dict[str, str] | None = scope.get("state", {}).get(_STATE_KEY)
                if headers:
                    raw = list(message.get("headers", []))
                    raw += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
                    message = {**message, "headers": raw}
            await send(message)

        await self.app(scope, receive, send_with_headers)
