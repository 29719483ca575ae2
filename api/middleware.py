"""Pure ASGI middleware: request ids and access logs, HEAD, bounded request bodies.

From the outside in (see :func:`api.main.create_app`): :class:`RequestContext` gives every
request an id and writes its access line; CORS (when configured); :class:`HeadAsGet`
answers ``HEAD`` with the headers of ``GET``; :class:`BodySizeLimit` refuses over-large
bodies (413) and bodies that arrive too slowly (408), however they are sent.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE, PayloadTooLarge
from api.logs import ACCESS_LOGGER, request_id_var

REQUEST_ID_HEADER = "X-Request-ID"
MAX_REQUEST_ID_LENGTH = 200

access_logger = logging.getLogger(ACCESS_LOGGER)


def _valid_request_id(raw: bytes) -> str | None:
    """A client's id is kept when it is 1 to 200 visible ASCII characters."""
    if not 0 < len(raw) <= MAX_REQUEST_ID_LENGTH:
        return None
    if any(not 0x21 <= byte <= 0x7E for byte in raw):
        return None
    return raw.decode("ascii")


def _header(scope: Scope, name: bytes) -> bytes | None:
    headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


class RequestContext:
    """``X-Request-ID`` on every response (the client's when valid, else a new uuid4 hex),
    the id in ``request.state.request_id`` and in every log record, and one access line
    per request: method, path, status, duration."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = _header(scope, b"x-request-id")
        request_id = (_valid_request_id(sent) if sent is not None else None) or uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        # Every request runs in a task of its own, so the variable is not reset afterwards:
        # the 500 handler, which runs after this middleware has returned, still sees it.
        request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            method, path = scope["method"], scope.get("path", "")
            access_logger.info(
                "%s %s %s %.1fms",
                method,
                path,
                status,
                duration_ms,
                extra={
                    "request_id": request_id,
                    "method": method,
                    "path": path,
                    "status": status,
                    "duration_ms": duration_ms,
                },
            )


class HeadAsGet:
    """``HEAD`` on every ``GET`` route: the request is served as ``GET`` and the body
    dropped (headers, ``Content-Length`` included, are those of the ``GET``). The OpenAPI
    document stays as it is: ``HEAD`` is implied by ``GET`` (RFC 9110 §9.3.2)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


class BodySizeLimit:
    """413 for a body larger than ``max_bytes``, counted as it streams in (a declared
    ``Content-Length`` is refused up front; a chunked body when it crosses the limit),
    and 408 for a body that has not fully arrived ``read_timeout`` seconds after the
    request began. Both answers close the connection; the app sees a disconnect and
    whatever it answers then is dropped."""

    def __init__(self, app: ASGIApp, max_bytes: int, read_timeout: float = 30.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.read_timeout = read_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await _send_problem(send, scope, 413, PayloadTooLarge.slug, self._too_large())
            return
        deadline = time.monotonic() + self.read_timeout
        received = 0
        body_done = False
        response_started = False
        refused = False

        async def refuse(status: int, slug: str, detail: str) -> Message:
            nonlocal refused
            refused = True
            if not response_started:
                await _send_problem(send, scope, status, slug, detail)
            return {"type": "http.disconnect"}

        async def limited_receive() -> Message:
            nonlocal received, body_done
            if refused:
                return {"type": "http.disconnect"}
            if body_done:
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), max(deadline - time.monotonic(), 0))
            except TimeoutError:
                return await refuse(408, "request-timeout", self._too_slow())
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    return await refuse(413, PayloadTooLarge.slug, self._too_large())
                body_done = not message.get("more_body", False)
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal response_started
            if refused:
                return
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        await self.app(scope, limited_receive, guarded_send)

    def _too_large(self) -> str:
        return f"the request body exceeds the limit of {self.max_bytes} bytes"

    def _too_slow(self) -> str:
        return f"the request body did not arrive within {self.read_timeout:g} seconds"


_TITLES = {408: "Request Timeout", 413: "Content Too Large"}


async def _send_problem(send: Send, scope: Scope, status: int, slug: str, detail: str) -> None:
    body = json.dumps(
        {
            "type": PROBLEM_TYPE_BASE + slug,
            "title": _TITLES[status],
            "status": status,
            "detail": detail,
            "instance": scope.get("path", ""),
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    value = _header(scope, b"content-length")
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


__all__: list[Any] = ["BodySizeLimit", "HeadAsGet", "RequestContext"]
