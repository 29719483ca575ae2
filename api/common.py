"""Pieces every domain uses: pagination, ETags, safe strings, timestamps."""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, Select, and_, func, literal, or_
from sqlmodel.sql.expression import SelectOfScalar

from api.db import UTCDateTime
from api.errors import InvalidCursor
from api.inputs import MAX_ID, DateTimeInput

ItemT = TypeVar("ItemT", bound=BaseModel)
ModelT = TypeVar("ModelT", bound=BaseModel)


class Page(BaseModel, Generic[ItemT]):
    """One page of a list. Follow `next` (or the `Link: rel="next"` header) for more."""

    items: list[ItemT]
    next: str | None = Field(description="Opaque cursor of the next page; null on the last page.")

    @classmethod
    def model_parametrized_name(cls, params: tuple[type[Any], ...]) -> str:
        """`Page[ClaimPublic]` is the schema `ClaimPage` (what the SDKs call it)."""
        return params[0].__name__.removesuffix("Public") + "Page"


LimitQuery = Annotated[int, Query(ge=1, le=100, description="Items per page (1 to 100).")]
UpdatedSinceQuery = Annotated[
    DateTimeInput | None,
    Query(
        description="Only items whose `updated_at` is at or after this time (RFC 3339). To"
        " stay in sync, follow `/v1/changes` instead: a time stamp is taken before its"
        " transaction commits, the feed's order is the commit order."
    ),
]
CURSOR_MAX_LENGTH = 200
CURSOR_PATTERN = r"^[A-Za-z0-9_-]*$"
"""Cursors are unpadded URL-safe base64. The length and alphabet are checked by
:func:`decode_cursor` (400, like any cursor this API did not issue), not by FastAPI (422)."""
CursorQuery = Annotated[
    str | None,
    Query(
        description="Opaque cursor from the previous page's `next`. Anything else, however"
        " well-formed, is refused with `400`.",
        json_schema_extra={"maxLength": CURSOR_MAX_LENGTH, "pattern": CURSOR_PATTERN},
    ),
]

SearchQuery = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=200,
        pattern=r"^[^\x00]*$",
        description="Full-text search: every word must occur (stemmed, case-insensitive).",
    ),
]


def encode_cursor(last_id: int, *, sort: str | None = None, key: object = None) -> str:
    """The cursor after ``last_id``; in a sorted list it also carries the sort's name and
    the last row's sort ``key`` (a JSON value), so the next page starts after both."""
    payload: dict[str, object] = {"after": last_id}
    if sort is not None:
        payload |= {"sort": sort, "key": key}
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _cursor_payload(cursor: str) -> dict[str, object]:
    if len(cursor) > CURSOR_MAX_LENGTH or not re.fullmatch(CURSOR_PATTERN, cursor):
        raise InvalidCursor("cursor is not a cursor this API issued (not URL-safe base64)")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        after = data["after"]
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeError) as exc:
        raise InvalidCursor(
            "cursor is not a cursor this API issued; pass the `next` value of a previous page"
        ) from exc
    if not isinstance(after, int) or isinstance(after, bool) or not 0 <= after <= MAX_ID:
        raise InvalidCursor("cursor is not a cursor this API issued")
    return dict(data)


def decode_cursor(cursor: str | None) -> int | None:
    """The id after which the page starts; ``None`` for the first page."""
    if cursor is None or cursor == "":
        return None
    data = _cursor_payload(cursor)
    if "sort" in data:
        raise InvalidCursor("cursor belongs to a sorted list; this list is in id order")
    after = data["after"]
    assert isinstance(after, int)
    return after


SortKind = Literal["id", "int", "datetime"]
NULL_TIME = datetime(1000, 1, 1, tzinfo=UTC)
"""Where a row without a time sorts (dates are never earlier, see api.inputs)."""


@dataclass(frozen=True)
class Sort:
    """How a list is ordered: ``name`` is the value of its `sort` parameter (`-` first:
    descending); ``kind`` says what the sort key is. Ties are broken by id, in the same
    direction, so the order is total and the cursor is stable."""

    name: str
    kind: SortKind

    @property
    def descending(self) -> bool:
        return self.name.startswith("-")

    def dump(self, value: object) -> object:
        """The JSON form of a row's sort key, for the cursor."""
        if self.kind == "datetime":
            when = value if isinstance(value, datetime) else NULL_TIME
            return when.astimezone(UTC).isoformat()
        return value


@dataclass(frozen=True)
class Keyset:
    """Where a sorted page starts: after the row with this ``key`` and ``id``."""

    key: object
    id: int


def decode_keyset(cursor: str | None, sort: Sort) -> Keyset | None:
    """The position a cursor of a list in ``sort`` order names; ``None`` on the first
    page. A cursor issued for another order is a 400 (its position means nothing here)."""
    if cursor is None or cursor == "":
        return None
    data = _cursor_payload(cursor)
    after = data["after"]
    assert isinstance(after, int)
    issued_for = data.get("sort")
    if issued_for is None and sort.kind == "id" and not sort.descending:
        return Keyset(key=None, id=after)
    if issued_for != sort.name:
        raise InvalidCursor(
            f"cursor was issued for another order (sort={issued_for or 'id'}); send the same"
            " `sort` as the request that returned it"
        )
    raw = data.get("key")
    if sort.kind == "id":
        return Keyset(key=None, id=after)
    if sort.kind == "int":
        if not isinstance(raw, int) or isinstance(raw, bool) or abs(raw) > MAX_ID:
            raise InvalidCursor("cursor is not a cursor this API issued")
        return Keyset(key=raw, id=after)
    try:
        when = datetime.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        when = None
    if when is None or when.tzinfo is None:
        raise InvalidCursor("cursor is not a cursor this API issued")
    return Keyset(key=when, id=after)


SelectT = TypeVar("SelectT", bound="Select[Any] | SelectOfScalar[Any]")


def keyset_order(
    stmt: SelectT,
    *,
    sort: Sort,
    key: Any,
    id_column: Any,
    after: Keyset | None,
) -> SelectT:
    """``stmt`` ordered by (``key``, id) in ``sort``'s direction, starting after ``after``.

    ``key`` is ``None`` for id order; a time key should already map null to
    :data:`NULL_TIME` (see :func:`time_key`)."""
    desc = sort.descending
    if after is not None:
        past_id = id_column < after.id if desc else id_column > after.id
        if key is None:
            stmt = stmt.where(past_id)  # type: ignore[assignment]
        else:
            past_key = key < after.key if desc else key > after.key
            stmt = stmt.where(or_(past_key, and_(key == after.key, past_id)))  # type: ignore[assignment]
    order = [id_column.desc() if desc else id_column.asc()]
    if key is not None:
        order.insert(0, key.desc() if desc else key.asc())
    return stmt.order_by(*order)  # type: ignore[return-value]


def time_key(column: Any) -> ColumnElement[datetime]:
    """A nullable time column as a sort key: null sorts as :data:`NULL_TIME`."""
    return func.coalesce(column, literal(NULL_TIME, UTCDateTime()), type_=UTCDateTime())


def _app_root(request: Request) -> str:
    scope = request.scope
    return str(scope.get("app_root_path", scope.get("root_path", ""))).rstrip("/")


def app_path(request: Request) -> str:
    """The request's path below the app's root (what the routes match)."""
    root, path = _app_root(request), request.url.path
    return path[len(root) :] if root and path.startswith(root) else path


def link_to(request: Request, path: str, query: str = "") -> str:
    """A link for a response header (`Location`, `Link`) to ``path`` (below the app's root).

    With PUBLIC_BASE_URL it is that URL followed by the path; without, a relative reference
    (path and query only, RFC 3986 §4.2). Never built from the request's `Host`, which the
    client chooses."""
    settings = getattr(request.app.state, "settings", None)
    base = getattr(settings, "public_base_url", None)
    prefix = base.rstrip("/") if isinstance(base, str) else _app_root(request)
    return prefix + path + (f"?{query}" if query else "")


def link_for(request: Request, name: str, **params: object) -> str:
    """:func:`link_to` the route called ``name`` with these path parameters."""
    return link_to(request, str(request.app.url_path_for(name, **params)))


ETAG_HEADER = {
    "ETag": {"description": "Version of the representation.", "schema": {"type": "string"}}
}
VARY_HEADER = {
    "Vary": {
        "description": "The representation depends on these request headers.",
        "schema": {"type": "string"},
    }
}
LINK_HEADER = {
    "Link": {
        "description": 'RFC 8288 link to the next page (`rel="next"`), when there is one.',
        "schema": {"type": "string"},
    }
}
