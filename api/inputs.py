"""Input types whose OpenAPI schema says exactly what the API accepts.

Every constraint is expressible in JSON Schema, so a client generated from the document
(or a contract test) never sends a value the schema allows and the API refuses:
strings carry their NUL and non-blank rules as patterns, numbers and booleans are
strict, date-times must be RFC 3339 with an offset, and unknown query parameters are
refused.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import Path, Request
from fastapi.dependencies.utils import get_flat_dependant
from fastapi.routing import APIRoute
from pydantic import AfterValidator, BaseModel, BeforeValidator, StringConstraints
from pydantic import Field as PydanticField

from api.errors import UnprocessableEntity, UnsupportedMediaType

BLANKS = " \t\n\r"
NO_NUL = r"^[^\x00]*$"
NOT_BLANK = r"^[^\x00]*[^\x00 \t\n\r][^\x00]*$"
MAX_ID = 2**31 - 1
"""Ids are 32-bit integers in both databases."""


def _strip(value: str) -> str:
    return value.strip(BLANKS)


_NOT_BLANK = StringConstraints(min_length=1, pattern=NOT_BLANK)
_STRIP = AfterValidator(_strip)

Text32 = Annotated[str, _NOT_BLANK, StringConstraints(max_length=32), _STRIP]
Text64 = Annotated[str, _NOT_BLANK, StringConstraints(max_length=64), _STRIP]
Text200 = Annotated[str, _NOT_BLANK, StringConstraints(max_length=200), _STRIP]
Text500 = Annotated[str, _NOT_BLANK, StringConstraints(max_length=500), _STRIP]
Text5000 = Annotated[str, _NOT_BLANK, StringConstraints(max_length=5000), _STRIP]
"""Non-blank strings without NUL, stripped of surrounding blanks."""

PlainText5000 = Annotated[str, StringConstraints(max_length=5000, pattern=NO_NUL)]
"""Any string without NUL (blank allowed), kept as given."""


YEARS = "1000 to 8999"
"""The years a date or date-time may name. Far enough from the ends of what Python's
datetime holds (years 1 to 9999) that converting an offset to UTC, widening an event's
window and resolving "last year" never overflow, and wide enough for any news."""
_DATE = r"[1-8][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_HOUR_MINUTE = r"([01][0-9]|2[0-3]):[0-5][0-9]"
DATE_TIME_PATTERN = (
    rf"^{_DATE}[Tt]{_HOUR_MINUTE}:[0-5][0-9](\.[0-9]{{1,6}})?([Zz]|[+-]{_HOUR_MINUTE})$"
)
"""RFC 3339 with an offset, years 1000 to 8999, no leap second (Python cannot hold one)."""
DATE_PATTERN = rf"^{_DATE}$"
_RFC3339 = re.compile(DATE_TIME_PATTERN)
_ISO_DATE = re.compile(DATE_PATTERN)


def _in_range(value: date) -> None:
    if not 1000 <= value.year <= 8999:
        raise ValueError(f"must be in the years {YEARS}")


def _rfc3339(value: object) -> object:
    if isinstance(value, datetime):
        _in_range(value)
        return value
    if isinstance(value, str) and _RFC3339.match(value):
        return value
    raise ValueError(
        "must be an RFC 3339 date-time with an offset in the years "
        f"{YEARS}, e.g. 2025-10-12T08:00:00Z"
    )


def _iso_date(value: object) -> object:
    if isinstance(value, date) and not isinstance(value, datetime):
        _in_range(value)
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    raise ValueError(f"must be an ISO 8601 date in the years {YEARS}, e.g. 2025-10-12")


def _to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC) if value.tzinfo is not None else value.replace(tzinfo=UTC)


DateTimeInput = Annotated[
    datetime,
    BeforeValidator(_rfc3339),
    AfterValidator(_to_utc),
    PydanticField(json_schema_extra={"pattern": DATE_TIME_PATTERN}),
]
"""An RFC 3339 date-time with an offset in the years 1000 to 8999, converted to UTC (how
it is stored and shown)."""
DateInput = Annotated[
    date, BeforeValidator(_iso_date), PydanticField(json_schema_extra={"pattern": DATE_PATTERN})
]
"""An ISO 8601 calendar date in the years 1000 to 8999."""


def _query_bool(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in ("true", "false"):
        return value == "true"
    raise ValueError("must be true or false")


QueryBool = Annotated[bool, BeforeValidator(_query_bool)]

IdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="Numeric id.")]


def _json_integer(value: object) -> object:
    """An integer as JSON Schema sees one: 5 or 5.0, never "5" or true."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be an integer")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("must be an integer")
        return int(value)
    return value


IdValue = Annotated[int, PydanticField(ge=1, le=MAX_ID), BeforeValidator(_json_integer)]


_KNOWN_QUERY_ATTRIBUTE = "_claimsapi_known_query"


def _known_query(route: APIRoute) -> frozenset[str]:
    """The query parameters ``route`` defines, remembered on the route object itself (not
    by ``id(route)``: a route of an app that is gone can leave its id to a route of a new
    app, which would then refuse its own parameters as unknown)."""
    known: frozenset[str] | None = getattr(route, _KNOWN_QUERY_ATTRIBUTE, None)
    if known is None:
        flat = get_flat_dependant(route.dependant)
        known = frozenset(param.alias for param in flat.query_params)
        setattr(route, _KNOWN_QUERY_ATTRIBUTE, known)
    return known


async def reject_unknown_query(request: Request) -> None:
    """Refuse query parameters the operation does not define (typos silently ignored
    would return unfiltered data)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    unknown = sorted(set(request.query_params) - _known_query(route))
    if unknown:
        raise UnprocessableEntity(
            [f"query.{name}" for name in unknown],
            "unknown query parameter for this operation",
            kind="extra_forbidden",
        )


def reject_nulls(model: BaseModel, *fields: str) -> None:
    """Fields that may be omitted but not cleared: an explicit null is a 422."""
    for name in fields:
        if name in model.model_fields_set and getattr(model, name) is None:
            raise ValueError(f"{name} cannot be null")


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


async def require_json_body(request: Request) -> None:
    """A body sent to an operation that takes JSON must say it is JSON (415 otherwise).

    Without a `Content-Type` the body is read as JSON, as FastAPI does."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or route.body_field is None:
        return
    content_type = request.headers.get("content-type")
    if content_type is not None and not _is_json(content_type):
        raise UnsupportedMediaType(
            f"the request body must be application/json, not {content_type[:100]!r}"
        )
