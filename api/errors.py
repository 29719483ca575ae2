"""One error hierarchy, one handler: every error is an RFC 9457 problem document."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

logger = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "urn:claimsapi:problem:"


class FieldError(BaseModel):
    """One invalid field of a request."""

    field: str = Field(description="Dotted location of the field, e.g. `body.title`.")
    message: str
    type: str = Field(description="Machine-readable error kind, e.g. `missing`.")


class Problem(BaseModel):
    """An RFC 9457 problem details object."""

    type: str = Field(description="URI identifying the problem type.")
    title: str = Field(description="Short summary of the problem type.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What was wrong with this request.")
    instance: str | None = Field(default=None, description="The request path.")
    errors: list[FieldError] | None = Field(
        default=None, description="For validation problems, every invalid field."
    )


class ProblemError(Exception):
    """Base of every error the API reports on purpose."""

    status: ClassVar[int] = 500
    slug: ClassVar[str] = "internal-error"

    def __init__(self, detail: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}
        self.errors: list[FieldError] | None = None

    @property
    def title(self) -> str:
        return HTTPStatus(self.status).phrase


class BadRequest(ProblemError):
    status = 400
    slug = "bad-request"


class InvalidCursor(BadRequest):
    slug = "invalid-cursor"


class Unauthorized(ProblemError):
    status = 401
    slug = "unauthorized"

    def __init__(self, detail: str, *, error: str | None = None) -> None:
        """``error`` is the RFC 6750 code (``invalid_token``, ``invalid_request``)."""
        challenge = 'Bearer realm="claimsapi"'
        if error is not None:
            challenge += f', error="{error}"'
        super().__init__(detail, headers={"WWW-Authenticate": challenge})


class Forbidden(ProblemError):
    status = 403
    slug = "forbidden"


class NotFound(ProblemError):
    status = 404
    slug = "not-found"


class Conflict(ProblemError):
    status = 409
    slug = "conflict"


class Gone(ProblemError):
    status = 410
    slug = "gone"


class PreconditionFailed(ProblemError):
    status = 412
    slug = "precondition-failed"


class PayloadTooLarge(ProblemError):
    status = 413
    slug = "payload-too-large"


class UnsupportedMediaType(ProblemError):
    status = 415
    slug = "unsupported-media-type"


class UnprocessableEntity(ProblemError):
    """A request the schema admits but the service refuses; like a validation error, it
    names every invalid field in ``errors``."""

    status = 422
    slug = "validation-error"

    def __init__(
        self, fields: str | Sequence[str], message: str, *, kind: str = "value_error"
    ) -> None:
        names = [fields] if isinstance(fields, str) else list(fields)
        super().__init__(f"{', '.join(names)}: {message}")
        self.errors = [FieldError(field=name, message=message, type=kind) for name in names]


class TooManyRequests(ProblemError):
    status = 429
    slug = "rate-limited"


def problem_response(
    *,
    status: int,
    slug: str,
    detail: str,
    request: Request | None,
    title: str | None = None,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    problem = Problem(
        type=PROBLEM_TYPE_BASE + slug,
        title=title or HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path if request is not None else None,
        errors=errors,
    )
    return JSONResponse(
        problem.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc)


def _validation_errors(exc: RequestValidationError) -> list[FieldError]:
    out: list[FieldError] = []
    for err in exc.errors():
        loc = err.get("loc", ())
        msg = str(err.get("msg", "invalid"))
        out.append(FieldError(field=_field_path(loc), message=msg, type=str(err.get("type", ""))))
    return out


async def _handle_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return problem_response(
        status=exc.status,
        slug=exc.slug,
        detail=exc.detail,
        request=request,
        title=exc.title,
        errors=exc.errors,
        headers=exc.headers,
    )


async def _handle_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = _validation_errors(exc)
    invalid_json = [e for e in errors if e.type == "json_invalid"]
    if invalid_json:
        # Not a document at all (FastAPI reports it as a validation error): 400.
        position = invalid_json[0].field.removeprefix("body.")
        return problem_response(
            status=400,
            slug="malformed-json",
            detail=f"the request body is not valid JSON (at character {position})",
            request=request,
        )
    detail = "; ".join(f"{e.field}: {e.message}" for e in errors) or "invalid request"
    return problem_response(
        status=422,
        slug=UnprocessableEntity.slug,
        detail=detail,
        request=request,
        errors=errors,
    )


async def _handle_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    slugs = {404: "not-found", 405: "method-not-allowed", 400: "bad-request"}
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(status).phrase
    if status == 404 and detail == "Not Found":
        detail = f"No route matches {request.method} {request.url.path}"
    headers = dict(exc.headers) if exc.headers else {}
    if status == 405:
        allowed = _allowed_methods(request)
        detail = f"{request.method} is not allowed on {request.url.path}"
        if allowed:
            headers["Allow"] = ", ".join(allowed)
            detail += f"; allowed: {headers['Allow']}"
    return problem_response(
        status=status,
        slug=slugs.get(status, f"http-{status}"),
        detail=detail,
        request=request,
        headers=headers or None,
    )


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route serves on this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    if "GET" in methods:
        methods.add("HEAD")  # api.middleware.HeadAsGet serves HEAD wherever GET is served
    return sorted(methods)


NUMERIC_VALUE_OUT_OF_RANGE = "22003"


async def _handle_data_error(request: Request, exc: Exception) -> JSONResponse:
    """A number the database cannot store (SQLSTATE 22003) is the client's error, not ours."""
    assert isinstance(exc, DataError)
    if getattr(exc.orig, "sqlstate", None) != NUMERIC_VALUE_OUT_OF_RANGE:
        return await _handle_unexpected(request, exc)
    return problem_response(
        status=422,
        slug=UnprocessableEntity.slug,
        detail="a number in the request is outside the range this API stores",
        request=request,
    )


async def _handle_integrity(request: Request, exc: Exception) -> JSONResponse:
    """A write that a constraint refused: it conflicts with what is stored (nothing kept)."""
    logger.info("constraint refused %s %s", request.method, request.url.path)
    return problem_response(
        status=409,
        slug=Conflict.slug,
        detail="the write conflicts with stored data (a unique or referential constraint)",
        request=request,
    )


async def _handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(
        status=500,
        slug="internal-error",
        detail="The server failed to handle this request; it has been logged.",
        request=request,
        headers=_unexpected_headers(request),
    )


def _unexpected_headers(request: Request) -> dict[str, str]:
    """A 500 closes the connection (it may be in a bad state) and names the request id:
    this handler runs outside the middleware that sets `X-Request-ID` elsewhere."""
    headers = {"Connection": "close"}
    request_id = getattr(request.state, "request_id", None)
    if isinstance(request_id, str):
        headers["X-Request-ID"] = request_id
    return headers


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _handle_problem)
    app.add_exception_handler(RequestValidationError, _handle_validation)
    app.add_exception_handler(StarletteHTTPException, _handle_http)
    app.add_exception_handler(DataError, _handle_data_error)
    app.add_exception_handler(IntegrityError, _handle_integrity)
    app.add_exception_handler(Exception, _handle_unexpected)


_DESCRIPTIONS = {
    400: "Malformed request: a cursor this API did not issue, a malformed header, or a body"
    " that is not JSON in UTF-8.",
    401: "No valid API key was sent.",
    403: "The API key lacks the role this operation needs.",
    404: "No resource with this id.",
    410: "The resource was deleted; its record says where to read or restore it.",
    409: "The write conflicts with stored data (a duplicate, or an id in the body that names"
    " nothing).",
    412: "`If-Match` does not match the current `ETag`.",
    413: "The request body is larger than the server accepts.",
    415: "The request body is not `application/json`.",
    503: "The database is unavailable or busy; nothing was stored. Retry after `Retry-After`.",
    422: "The request is malformed; `errors` names every invalid field.",
    429: "Too many requests in the rate-limit window; retry after `Retry-After` seconds.",
}

_HEADERS: dict[int, dict[str, Any]] = {
    429: {
        "Retry-After": {
            "description": "Seconds until the window resets.",
            "schema": {"type": "integer"},
        },
        "RateLimit-Policy": {
            "description": 'The quota and window, e.g. `"default";q=100;w=60`.',
            "schema": {"type": "string"},
        },
        "RateLimit": {
            "description": 'What is left and when it resets, e.g. `"default";r=0;t=17`.',
            "schema": {"type": "string"},
        },
    }
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for the given error statuses."""
    return {
        status: {
            "description": _DESCRIPTIONS[status],
            **({"headers": _HEADERS[status]} if status in _HEADERS else {}),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }
