"""Database faults at the HTTP boundary: retry what a retry can fix, 503 for the rest.

A request whose transaction met a deadlock or a serialisation failure is run again from
the start (its body replayed), a bounded number of times. A database that cannot be
reached, a connection lost mid-request, a pool with no free connection or a SQLite write
lock not granted in time is the service's temporary state, not the client's error and
not a bug: a ``503`` problem with ``Retry-After``. Nothing is half-written either way: the
request's unit of work (``api.db.get_session``) rolled back before the error got here.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Literal

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE

logger = logging.getLogger(__name__)

RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected
RETRY_AFTER_SECONDS = 1

Fault = Literal["retry", "unavailable"]


def classify(exc: BaseException) -> Fault | None:
    """``retry`` for a transaction worth running again, ``unavailable`` for an outage."""
    if isinstance(exc, PoolTimeout):
        return "unavailable"
    if not isinstance(exc, DBAPIError):
        return None
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate in RETRYABLE_SQLSTATES:
        return "retry"
    if exc.connection_invalidated or isinstance(exc, OperationalError):
        return "unavailable"
    if isinstance(sqlstate, str) and sqlstate[:2] in ("08", "57", "53"):
        # connection exception, operator intervention (terminated), insufficient resources
        return "unavailable"
    return None


def _describe(exc: BaseException) -> str:
    """Class and SQLSTATE only: a driver's message may carry connection details."""
    orig = getattr(exc, "orig", None)
    sqlstate = getattr(orig, "sqlstate", None)
    name = type(orig).__name__ if orig is not None else type(exc).__name__
    return f"{name} (SQLSTATE {sqlstate})" if sqlstate else name


class DatabaseFaults:
    """Pure ASGI middleware; sits inside the error handlers' 500 catch-all."""

    def __init__(self, app: ASGIApp, attempts: int = 3) -> None:
        self.app = app
        self.attempts = attempts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received: list[Message] = []
        started = False

        async def recording_receive() -> Message:
            message = await receive()
            received.append(message)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        for attempt in range(1, self.attempts + 1):
            replay = list(received)

            async def replaying_receive(replay: list[Message] = replay) -> Message:
                if replay:
                    return replay.pop(0)
                return await recording_receive()

            try:
                await self.app(scope, replaying_receive, tracking_send)
                return
            except Exception as exc:
                fault = classify(exc)
                if fault is None or started:
                    raise
                what = _describe(exc)
                if fault == "retry" and attempt < self.attempts:
                    logger.info(
                        "retrying %s %s after %s (attempt %d)",
                        scope.get("method"),
                        scope.get("path"),
                        what,
                        attempt,
                    )
                    await asyncio.sleep(0.02 * 2**attempt)
                    continue
                logger.warning(
                    "database unavailable on %s %s: %s",
                    scope.get("method"),
                    scope.get("path"),
                    what,
                )
                await _unavailable(scope, send, retried=fault == "retry")
                return


async def _unavailable(scope: Scope, send: Send, *, retried: bool) -> None:
    detail = (
        "the database kept refusing this write because of concurrent writes; nothing was "
        "stored, try again"
        if retried
        else "the database is unavailable right now; nothing was stored, try again shortly"
    )
    body = json.dumps(
        {
            "type": PROBLEM_TYPE_BASE + "service-unavailable",
            "title": "Service Unavailable",
            "status": 503,
            "detail": detail,
            "instance": scope.get("path", ""),
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [
                (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(RETRY_AFTER_SECONDS).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
