"""Representations: what a response of the API is, written once.

A public model is serialised once (:func:`body_of`); its `ETag` is the digest of those
bytes. :func:`current` answers a read of one resource (`304` to a matching
`If-None-Match`), :func:`written` sends a write's result, :func:`created` one that stored
a resource; a conditional write is :func:`changed` (:func:`check_if_match` is its `412`),
:func:`single` renders one row with a list's renderer. :func:`one`, :func:`updated`,
:func:`stored` and :func:`listed` are what the routes' ``responses`` say about them.

Routes return a :class:`~fastapi.Response` built here (their ``response_model`` documents
it), so FastAPI neither validates nor serialises the public model a second time.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Protocol, TypeVar, cast

from fastapi import Header, Request, Response
from pydantic import BaseModel
from sqlmodel import Session

from api.common import ETAG_HEADER, LINK_HEADER, link_for
from api.errors import BadRequest, PreconditionFailed, problem_responses

JSON = "application/json"


class _Row(Protocol):
    id: int | None


RowT = TypeVar("RowT", bound=_Row)

# --- representations and conditional requests -------------------------------------------


def body_of(model: BaseModel) -> bytes:
    """The JSON bytes of a public model (what is sent and what its `ETag` digests)."""
    return model.__pydantic_serializer__.to_json(model)


def etag_of(body: bytes) -> str:
    return f'"{hashlib.sha256(body).hexdigest()[:32]}"'


def _visible_ascii(name: str, value: str) -> str:
    """Header values are visible ASCII and spaces (RFC 9110); anything else is a 400."""
    if any(not (" " <= char <= "~") for char in value):
        raise BadRequest(f"the {name} header may contain only visible ASCII characters")
    return value


_ENTITY_TAG = r'(W/)?"[\x21\x23-\x7E]*"'
ETAGS_PATTERN = rf"^ *(\*|{_ENTITY_TAG}( *, *{_ENTITY_TAG})*) *$"
"""`If-Match`: `*` or a comma-separated list of entity tags (RFC 9110). A malformed
`If-None-Match` is not refused: it names no current version, so the resource is sent."""

IfMatch = Annotated[str | None, Header(description="ETag the change is based on.")]


def check_if_match(if_match: str | None, current: BaseModel) -> None:
    """Raise 412 when ``If-Match`` is sent and names no current version (a malformed one is
    a 400). The caller holds the writers' lock, so the check and its write are atomic."""
    if if_match is None:
        return
    _visible_ascii("If-Match", if_match)
    if not re.fullmatch(ETAGS_PATTERN, if_match):
        raise BadRequest(
            'the If-Match header must be * or a comma-separated list of entity tags ("...")'
        )
    tags = [tag.strip() for tag in if_match.split(",")]
    if "*" in tags:
        return
    tag = etag_of(body_of(current))
    if tag not in tags and "W/" + tag not in tags:
        raise PreconditionFailed(
            "If-Match does not match the current ETag: the resource changed since you read it"
        )


def _names_current(request: Request, tag: str) -> bool:
    header = request.headers.get("if-none-match")
    if header is None:
        return False
    _visible_ascii("If-None-Match", header)
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return tag in tags or "*" in tags


def representation(
    request: Request,
    body: bytes,
    *,
    media_type: str = JSON,
    headers: dict[str, str] | None = None,
) -> Response:
    """``body`` with its `ETag`, or a `304` when `If-None-Match` names it."""
    tag = etag_of(body)
    if _names_current(request, tag):
        return Response(status_code=304, headers={"ETag": tag})
    return Response(body, media_type=media_type, headers={"ETag": tag, **(headers or {})})


def current(request: Request, model: BaseModel, *, vary: str | None = None) -> Response:
    """A read of one resource: ``model`` with its `ETag`, or `304`."""
    return representation(request, body_of(model), headers={"Vary": vary} if vary else None)


def written(model: BaseModel, *, status_code: int = 200, location: str | None = None) -> Response:
    """A write's result: ``model`` with its `ETag` (and `Location` when it is created)."""
    body = body_of(model)
    headers = {"ETag": etag_of(body)}
    if location is not None:
        headers["Location"] = location
    return Response(body, status_code=status_code, media_type=JSON, headers=headers)


def changed(
    if_match: str | None,
    row: RowT,
    render: Callable[[RowT], BaseModel],
    change: Callable[[RowT], RowT],
) -> Response:
    """A conditional write of one resource: 412 unless ``If-Match`` (when sent) names the
    current form of ``row`` (``render(row)``); then ``change(row)``, rendered, with its
    `ETag`."""
    check_if_match(if_match, render(row))
    return written(render(change(row)))


def single(
    render: Callable[[Session, list[RowT]], Sequence[BaseModel]], session: Session
) -> Callable[[RowT], BaseModel]:
    """A list's ``render(session, rows)`` for one row."""
    return lambda row: render(session, [row])[0]


def created(
    request: Request,
    public: BaseModel,
    route: str,
    param: str,
    *,
    status_code: int = 201,
) -> Response:
    """A write that stored a resource: ``public`` with its `ETag` and, in `Location`,
    the URL of the read ``route`` whose path parameter ``param`` is its id."""
    location = link_for(request, route, **{param: cast(Any, public).id})
    return written(public, status_code=status_code, location=location)


# --- what routes document ----------------------------------------------------------------

Responses = dict[int | str, dict[str, Any]]
NOT_MODIFIED: Responses = {304: {"description": "Not modified since the `If-None-Match` version."}}


def one(*problems: int, links: dict[str, Any] | None = None, **ok: Any) -> Responses:
    """`responses` of a read of one resource: 200 with its `ETag` (and ``links``), 304,
    the ``problems``."""
    return {
        200: {"headers": ETAG_HEADER, **ok, **({"links": links} if links else {})},
        **NOT_MODIFIED,
        **problem_responses(*problems),
    }


def updated(*problems: int, links: dict[str, Any] | None = None, **ok: Any) -> Responses:
    """`responses` of a write of one resource: 200 with its `ETag` (and ``links``), the
    ``problems``."""
    return {
        200: {"headers": ETAG_HEADER, **ok, **({"links": links} if links else {})},
        **problem_responses(*problems),
    }


def stored(what: str, *, links: dict[str, Any] | None = None, **ok: Any) -> dict[str, Any]:
    """The response of a write that stored a resource: its `Location` (the URL of the
    ``what``) and `ETag` headers (and ``links``)."""
    location = {"Location": {"description": f"URL of the {what}.", "schema": {"type": "string"}}}
    return {"headers": {**location, **ETAG_HEADER}, **ok, **({"links": links} if links else {})}


def listed(*problems: int, links: dict[str, Any] | None = None) -> Responses:
    """`responses` of a list: 200 with its `Link` header (and ``links``), the ``problems``."""
    return {
        200: {"headers": LINK_HEADER, **({"links": links} if links else {})},
        **problem_responses(*problems),
    }
