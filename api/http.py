"""The HTTP layer every router shares, written once.

- :func:`finder`: a function that looks up the row an id names, or answers its 404 (a
  model's ``missing`` hook may answer 410 or a redirect instead); :func:`load` makes it
  the dependency of a write. A read of one resource calls its finder in its (sync)
  endpoint, so the lookup, the rendering and the serialisation share one worker thread.
- Representations: a public model is serialised once; its `ETag` is the digest of those
  bytes (:func:`current` answers `304` to a matching `If-None-Match`, :func:`written`
  sends a write's result, :func:`created` one that stored a resource). A conditional
  write is :func:`changed` (:func:`check_if_match` is its 412); :func:`single` renders
  one row with a list's renderer.
- Lists: :class:`Paging` (`limit`, `cursor`), :func:`page` (the page with its `next`
  cursor and `Link` header) and :func:`query_params`, which turns a dataclass of filters
  into a dependency, so a list and its export declare the same parameters once.
  :func:`list_route` declares a whole list route: what it lists, its filters, its sort,
  the service function that fetches a page and the one that renders it.
- :func:`link`: OpenAPI links, declared in a route's ``responses``; :func:`one`,
  :func:`updated`, :func:`stored` and :func:`listed` are the ``responses`` of a read, a
  write, a stored resource and a list.

Routes return a :class:`~fastapi.Response` built here (their ``response_model`` documents
it), so FastAPI neither validates nor serialises the public model a second time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import Annotated, Any, Protocol, TypeVar, cast

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import bindparam
from sqlalchemy import inspect as sa_inspect
from sqlmodel import Session, select

from api.common import (
    ETAG_HEADER,
    LINK_HEADER,
    CursorQuery,
    Keyset,
    LimitQuery,
    Page,
    Sort,
    app_path,
    decode_cursor,
    decode_keyset,
    encode_cursor,
    link_for,
    link_to,
)
from api.db import SessionDep
from api.errors import BadRequest, NotFound, PreconditionFailed, problem_responses
from api.inputs import IdPath

JSON = "application/json"
ModelT = TypeVar("ModelT")


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


# --- loading what a path names -----------------------------------------------------------


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


Finder = Callable[[Session, int], ModelT]
"""``find(session, row_id)``: the row, or the 404 (410, redirect) of an id naming none."""


def finder(
    model: type[ModelT],
    *,
    name: str | None = None,
    missing: Callable[[Session, int], None] | None = None,
    options: Sequence[Any] = (),
) -> Finder[ModelT]:
    """A function giving the ``model`` row with a given id. When there is none,
    ``missing`` may raise what the id means now (410, a redirect); otherwise a 404 `no
    <name> with id N`. ``options`` are the ORM loader options of the lookup, whose
    statement is built once (``Session.get`` with options builds and hashes it anew on
    every call)."""
    label = name or _snake(model.__name__).replace("_", " ")
    primary_key = sa_inspect(model).primary_key[0]  # type: ignore[union-attr]
    statement = select(model).options(*options).where(primary_key == bindparam("row_id"))

    def find(session: Session, row_id: int) -> ModelT:
        row = session.exec(statement, params={"row_id": row_id}).first()
        if row is None:
            if missing is not None:
                missing(session, row_id)
            raise NotFound(f"no {label} with id {row_id}")
        return row

    return find


def load(
    model: type[ModelT],
    *,
    param: str | None = None,
    name: str | None = None,
    missing: Callable[[Session, int], None] | None = None,
    options: Sequence[Any] = (),
    find: Finder[ModelT] | None = None,
) -> Callable[..., ModelT]:
    """A dependency giving the ``model`` row whose id the path parameter ``param`` (default
    ``<model>_id``) names: ``Annotated[Article, Depends(load(Article))]`` (``find``, or
    :func:`finder` with ``name``, ``missing`` and ``options``, looks it up). A read of one
    resource calls its finder in its endpoint instead: the lookup, the rendering and the
    serialisation then share one worker thread."""
    snake = _snake(model.__name__)
    param = param or f"{snake}_id"
    lookup = find or finder(model, name=name, missing=missing, options=options)

    def dependency(session: Session, **path: int) -> ModelT:
        return lookup(session, path[param])

    keyword = inspect.Parameter.KEYWORD_ONLY
    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("session", keyword, annotation=SessionDep),
            inspect.Parameter(param, keyword, annotation=IdPath),
        ],
        return_annotation=model,
    )
    dependency.__name__ = f"load_{snake}"
    return dependency


# --- lists -------------------------------------------------------------------------------

DataclassT = TypeVar("DataclassT")


def query_params(cls: type[DataclassT]) -> Callable[..., Any]:
    """A dependency building the dataclass ``cls`` from the query parameters its fields
    declare (``Annotated[..., Query(...)]`` with defaults). It is a coroutine: building it
    needs no thread."""

    async def dependency(**values: Any) -> DataclassT:
        return cls(**values)

    keyword = inspect.Parameter.KEYWORD_ONLY
    hints = inspect.get_annotations(cls, eval_str=True)
    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(f.name, keyword, annotation=hints[f.name], default=f.default)
            for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        ],
        return_annotation=cls,
    )
    dependency.__name__ = f"{_snake(cls.__name__)}_params"
    return dependency


def filters_of(params: object) -> dict[str, Any]:
    """A filters dataclass as the keyword arguments of its list service."""
    return {f.name: getattr(params, f.name) for f in dataclasses.fields(params)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class Paging:
    """`limit` and `cursor` of a list request."""

    limit: LimitQuery = 20
    cursor: CursorQuery = None

    @property
    def after(self) -> int | None:
        """Where a list in id order starts (400 for a cursor of a sorted list)."""
        return decode_cursor(self.cursor)

    def position(self, sort: Sort) -> Keyset | None:
        """Where a list in ``sort`` order starts (400 for a cursor of another order)."""
        return decode_keyset(self.cursor, sort)


PagingDep = Annotated[Paging, Depends(query_params(Paging))]


def next_link(request: Request, *, cursor: str, limit: int, param: str = "cursor") -> str:
    """`Link` to this request with ``param``=cursor: `<...>; rel="next"`."""
    query = request.url.include_query_params(**{param: cursor, "limit": limit}).query
    return f'<{link_to(request, app_path(request), query)}>; rel="next"'


def page(
    request: Request,
    paging: Paging,
    rows: Sequence[RowT],
    render: Callable[[list[RowT]], Sequence[BaseModel]],
    *,
    sort: Sort | None = None,
    key_of: Callable[[RowT], object] | None = None,
) -> Response:
    """A page from up to ``limit + 1`` fetched rows: the extra row only proves more exist,
    so only the first ``limit`` are rendered. In a sorted list, ``key_of`` gives the last
    row's sort key for the cursor. The body is the list's `Page` schema."""
    limit = paging.limit
    shown = list(rows[:limit])
    next_cursor = None
    headers = {}
    if len(rows) > limit and shown[-1].id is not None:
        if sort is None or (sort.kind == "id" and not sort.descending):
            next_cursor = encode_cursor(shown[-1].id)
        else:
            key = sort.dump(key_of(shown[-1])) if key_of is not None else None
            next_cursor = encode_cursor(shown[-1].id, sort=sort.name, key=key)
        headers["Link"] = next_link(request, cursor=next_cursor, limit=limit)
    items = b",".join(body_of(item) for item in render(shown))
    cursor_json = b"null" if next_cursor is None else b'"' + next_cursor.encode() + b'"'
    body = b'{"items":[' + items + b'],"next":' + cursor_json + b"}"
    return Response(body, media_type=JSON, headers=headers)


# --- OpenAPI links -----------------------------------------------------------------------

BODY_ID = "$response.body#/id"
FIRST_ITEM_ID = "$response.body#/items/0/id"
PATH_ID = "$request.path.{}"
ETAG = "$response.header.ETag"


def link(
    operation_id: str,
    param: str,
    source: str = BODY_ID,
    *,
    if_match: bool = False,
    description: str | None = None,
) -> dict[str, Any]:
    """An OpenAPI link to ``operation_id``, its path parameter ``param`` taken from
    ``source`` (and `If-Match` from the response's `ETag` when ``if_match``)."""
    parameters = {param: source} | ({"if-match": ETAG} if if_match else {})
    found: dict[str, Any] = {"operationId": operation_id, "parameters": parameters}
    if description is not None:
        found["description"] = description
    return found


# --- redirects ---------------------------------------------------------------------------


class Moved(Exception):
    """The resource lives at the route ``route`` with these path parameters now: `308`."""

    def __init__(self, route: str, **params: object) -> None:
        super().__init__(route)
        self.route = route
        self.params = params


async def moved_response(request: Request, exc: Exception) -> Response:
    """`308 Permanent Redirect` to the same request at the resource's new URL."""
    assert isinstance(exc, Moved)
    location = link_for(request, exc.route, **exc.params)
    query = request.url.query
    return Response(
        status_code=308, headers={"Location": f"{location}?{query}" if query else location}
    )


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


EnumT = TypeVar("EnumT", bound=StrEnum)


def sort_query(kind: type[EnumT], default: EnumT) -> Callable[..., Any]:
    """A dependency for a list's `sort` query parameter (its values: the enum ``kind``,
    described by its docstring)."""

    async def dependency(sort: EnumT) -> EnumT:
        return sort

    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                "sort",
                inspect.Parameter.KEYWORD_ONLY,
                annotation=Annotated[kind, Query(description=kind.__doc__)],
                default=default,
            )
        ],
        return_annotation=kind,
    )
    return dependency


# --- list routes -------------------------------------------------------------------------


@dataclass(frozen=True)
class Sorting:
    """A list's `sort` parameter: its values (the enum ``kind``, ``default`` first), the
    :class:`Sort` of each and ``key_of(session, value)``, the sort key of a listed row."""

    kind: type[StrEnum]
    default: StrEnum
    orders: Mapping[Any, Sort]
    key_of: Callable[[Session, Any], Callable[[Any], object]]


def list_route(
    router: APIRouter,
    path: str,
    *,
    operation_id: str,
    summary: str,
    doc: str,
    model: type[BaseModel],
    fetch: Callable[..., Sequence[Any]],
    render: Callable[[Session, list[Any]], Sequence[BaseModel]],
    key: Any = None,
    filters: type | None = None,
    sorting: Sorting | None = None,
    within: tuple[str, Any] | None = None,
    problems: Sequence[int] = (400, 401, 422),
    links: dict[str, Any] | None = None,
    responses: Responses | None = None,
) -> None:
    """Declare the list ``GET path`` on ``router``: the caller's ``key`` dependency (none:
    the readers' rule of every `/v1` operation is enough), the ``filters`` dataclass's
    query parameters, `sort` when ``sorting``, and paging. Up to
    ``limit + 1`` rows come from ``fetch(session, limit=..., after=...)`` (``position=``
    and ``sort=`` when sorted) with the filters as keywords; ``within`` is ``(keyword,
    dependency)``: the list of one resource's rows (``event_id=`` the loaded event's id).
    ``render(session, rows)`` gives their public models; ``doc`` is the description."""

    def endpoint(**values: Any) -> Response:
        session, paging = values["session"], values["paging"]
        found = filters_of(values["filters"]) if filters is not None else {}
        if within is not None:
            found[within[0]] = values["parent"].id
        order, key_of = None, None
        if sorting is None:
            rows = fetch(session, after=paging.after, limit=paging.limit, **found)
        else:
            order = sorting.orders[values["sort"]]
            key_of = sorting.key_of(session, values["sort"])
            found |= {"position": paging.position(order), "sort": values["sort"]}
            rows = fetch(session, limit=paging.limit, **found)
        shown = partial(render, session)
        return page(values["request"], paging, rows, shown, sort=order, key_of=key_of)

    keyword = inspect.Parameter.KEYWORD_ONLY
    params = [("caller", key)] if key is not None else []
    if within is not None:
        params.append(("parent", within[1]))
    params += [("request", Request), ("session", SessionDep)]
    if filters is not None:
        params.append(("filters", Annotated[filters, Depends(query_params(filters))]))
    if sorting is not None:
        sort = sort_query(sorting.kind, sorting.default)
        params.append(("sort", Annotated[sorting.kind, Depends(sort)]))
    params.append(("paging", PagingDep))
    endpoint.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(name, keyword, annotation=hint) for name, hint in params],
        return_annotation=Response,
    )
    endpoint.__name__ = endpoint.__qualname__ = operation_id
    endpoint.__doc__ = doc
    router.add_api_route(
        path,
        endpoint,
        methods=["GET"],
        name=operation_id,
        operation_id=operation_id,
        summary=summary,
        response_model=Page[model],  # type: ignore[valid-type]
        responses={**listed(*problems, links=links), **(responses or {})},
    )
