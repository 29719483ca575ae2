from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response

from api.auth.service import EditorKey, ReaderKey
from api.claims.models import MeasureName
from api.common import (
    ETAG_HEADER,
    LINK_HEADER,
    CursorQuery,
    LimitQuery,
    Page,
    UpdatedSinceQuery,
    check_if_match,
    decode_cursor,
    page_of,
    set_etag,
    with_etag,
)
from api.db import SessionDep
from api.discrepancies import service
from api.discrepancies.models import (
    DiscrepancyKind,
    DiscrepancyPublic,
    DiscrepancyStatus,
    DiscrepancyUpdate,
)
from api.errors import problem_responses
from api.inputs import MAX_ID, IdPath

router = APIRouter(prefix="/discrepancies", tags=["discrepancies"])


@router.get(
    "",
    operation_id="list_discrepancies",
    summary="List discrepancies",
    responses={200: {"headers": LINK_HEADER}, **problem_responses(400, 401, 422)},
)
def list_discrepancies(
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
    status: Annotated[DiscrepancyStatus | None, Query(description="Only with this status.")] = None,
    kind: Annotated[DiscrepancyKind | None, Query(description="Only of this kind.")] = None,
    actor_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only discrepancies involving this actor.")
    ] = None,
    measure: Annotated[
        MeasureName | None,
        Query(description="Only about this measure, e.g. `killed` (the `enum` lists them)."),
    ] = None,
    event_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only within this event.")
    ] = None,
    updated_since: UpdatedSinceQuery = None,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[DiscrepancyPublic]:
    """Conflicts between claims about the same fact, oldest first."""
    rows = service.list_discrepancies(
        session,
        after=decode_cursor(cursor),
        limit=limit,
        updated_since=updated_since,
        status=status,
        kind=kind,
        actor_id=actor_id,
        measure=measure,
        event_id=event_id,
    )
    return page_of(
        rows,
        lambda shown: service.to_public(session, shown),
        limit=limit,
        request=request,
        response=response,
    )


@router.get(
    "/{discrepancy_id}",
    operation_id="get_discrepancy",
    summary="Get a discrepancy",
    responses={
        200: {"headers": ETAG_HEADER},
        304: {"description": "Not modified since the `If-None-Match` version."},
        **problem_responses(401, 404, 422),
    },
)
def get_discrepancy(
    discrepancy_id: IdPath,
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
) -> DiscrepancyPublic:
    """One discrepancy with each side's claims and evidence."""
    public = service.to_public(session, [service.get_discrepancy(session, discrepancy_id)])[0]
    return with_etag(request, response, public)  # type: ignore[return-value]


@router.patch(
    "/{discrepancy_id}",
    operation_id="update_discrepancy",
    summary="Review a discrepancy",
    responses={200: {"headers": ETAG_HEADER}, **problem_responses(401, 403, 404, 412, 413, 422)},
)
def update_discrepancy(
    discrepancy_id: IdPath,
    data: DiscrepancyUpdate,
    response: Response,
    session: SessionDep,
    _: EditorKey,
    if_match: Annotated[str | None, Header(description="ETag the change is based on.")] = None,
) -> DiscrepancyPublic:
    """Set the status (open, resolved, dismissed) and an editor's note."""
    found = service.get_discrepancy(session, discrepancy_id)
    check_if_match(if_match, service.to_public(session, [found])[0])
    found = service.update_discrepancy(session, found, data)
    public = service.to_public(session, [found])[0]
    set_etag(response, public)
    return public
