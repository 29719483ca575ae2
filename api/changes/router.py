from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api.auth.service import ReaderKey
from api.changes import service
from api.changes.models import ChangeCursor, ChangePage, Resource
from api.common import LINK_HEADER, CursorQuery, LimitQuery, decode_cursor, encode_cursor
from api.db import SessionDep
from api.errors import problem_responses
from api.http import next_link

router = APIRouter(prefix="/changes", tags=["changes"])


@router.get(
    "",
    operation_id="list_changes",
    summary="Follow the change feed",
    responses={200: {"headers": LINK_HEADER}, **problem_responses(400, 401, 422)},
)
def list_changes(
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
    after: CursorQuery = None,
    resource: Annotated[
        Resource | None, Query(description="Only changes of this kind of resource.")
    ] = None,
    limit: LimitQuery = 100,
) -> ChangePage:
    """Every create, update and delete of articles, claims, actors, discrepancies and
    events after the cursor, in the order they were committed (oldest first).

    A change names the resource; read it at `/v1/{resource}/{resource_id}` for its
    state now. `deleted` is a tombstone. Keep `next` and ask again with `after=` it:
    no change committed later is ever placed before it.
    """
    start = decode_cursor(after)
    rows = service.list_changes(session, after=start, limit=limit, resource=resource)
    shown = rows[:limit]
    last = shown[-1].id if shown and shown[-1].id is not None else (start or 0)
    cursor = encode_cursor(last)
    more = len(rows) > limit
    if more:
        response.headers["Link"] = next_link(request, cursor=cursor, limit=limit, param="after")
    return ChangePage(items=service.to_public(shown), next=cursor, has_more=more)


@router.get(
    "/latest",
    operation_id="get_latest_change_cursor",
    summary="Cursor of the newest change",
    responses=problem_responses(401, 422),
)
def get_latest_change_cursor(session: SessionDep, _: ReaderKey) -> ChangeCursor:
    """Note it before copying the lists, then follow `/v1/changes?after=` it: every
    change made during or after the copy follows."""
    return ChangeCursor(next=encode_cursor(service.latest_id(session)))
