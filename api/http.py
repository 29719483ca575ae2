"""The HTTP layer every router shares, written once: how routes are declared.

- :func:`finder`: a function that looks up the row an id names, or answers its 404 (a
  model's ``missing`` hook may answer 410 or a redirect instead); :func:`load` makes it
  the dependency of a write. A read of one resource calls its finder in its (sync)
  endpoint, so the lookup, the rendering and the serialisation share one worker thread.
- Lists: :class:`Paging` (`limit`, `cursor`), :func:`page` (the page with its `next`
  cursor and `Link` header) and :func:`query_params`, which turns a dataclass of filters
  into a dependency, so a list and its export declare the same parameters once.
  :func:`list_route` declares a whole list route: what it lists, its filters, its sort,
  the service function that fetches a page and the one that renders it.
- :func:`link`: OpenAPI links, declared in a route's ``responses``; :class:`Moved`, a
  resource's new URL (`308`).

What a response is (bytes, `ETag`, conditional requests, what ``responses`` document)
is :mod:`api.representations`; its names are also importable from here.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import bindparam
from sqlalchemy import inspect as sa_inspect
from sqlmodel import Session, select

from api.common import (
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
from api.errors import NotFound
from api.inputs import IdPath
from api.representations import ETAGS_PATTERN as ETAGS_PATTERN
from api.representations import JSON as JSON
from api.representations import IfMatch as IfMatch
from api.representations import Responses as Responses
from api.representations import RowT as RowT
from api.representations import body_of as body_of
from api.representations import changed as changed
from api.representations import check_if_match as check_if_match
from api.representations import created as created
from api.representations import current as current
from api.representations import etag_of as etag_of
from api.representations import listed as listed
from api.representations import one as one
from api.representations import representation as representation
from api.representations import single as single
from api.representations import stored as stored
from api.representations import updated as updated
from api.representations import written as written

ModelT = TypeVar("ModelT")

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
    query parameters, `sort` when ``sorting``, and paging. Up to ``limit + 1`` rows come
    from ``fetch(session, limit=..., after=...)`` (``position=`` and ``sort=`` when
    sorted) with the filters as keywords; ``within`` is ``(keyword, dependency)``: the
    list of one resource's rows (``event_id=`` the loaded event's id). ``render(session,
    rows)`` gives their public models; ``doc`` is the description."""
    endpoint = _list_endpoint(fetch, render, filters=filters, sorting=sorting, within=within)
    endpoint.__signature__ = _list_signature(  # type: ignore[attr-defined]
        key, filters=filters, sorting=sorting, within=within
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


def _list_endpoint(
    fetch: Callable[..., Sequence[Any]],
    render: Callable[[Session, list[Any]], Sequence[BaseModel]],
    *,
    filters: type | None,
    sorting: Sorting | None,
    within: tuple[str, Any] | None,
) -> Callable[..., Response]:
    """The endpoint of a list route: its parameters by the names :func:`_list_signature`
    gives them; the page fetched, rendered and serialised in one worker thread."""

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

    return endpoint


def _list_signature(
    key: Any,
    *,
    filters: type | None,
    sorting: Sorting | None,
    within: tuple[str, Any] | None,
) -> inspect.Signature:
    """The parameters of a list endpoint, in the order the OpenAPI document lists them:
    the caller's key, the parent resource, the filters, `sort`, `limit` and `cursor`."""
    params: list[tuple[str, Any]] = [("caller", key)] if key is not None else []
    if within is not None:
        params.append(("parent", within[1]))
    params += [("request", Request), ("session", SessionDep)]
    if filters is not None:
        params.append(("filters", Annotated[filters, Depends(query_params(filters))]))
    if sorting is not None:
        sort = sort_query(sorting.kind, sorting.default)
        params.append(("sort", Annotated[sorting.kind, Depends(sort)]))
    params.append(("paging", PagingDep))
    keyword = inspect.Parameter.KEYWORD_ONLY
    return inspect.Signature(
        [inspect.Parameter(name, keyword, annotation=hint) for name, hint in params],
        return_annotation=Response,
    )
