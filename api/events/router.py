from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.auth.service import ReaderKey
from api.claims import service as claims_service
from api.claims.models import ClaimPublic
from api.common import (
    ETAG_HEADER,
    LINK_HEADER,
    CursorQuery,
    LimitQuery,
    Page,
    UpdatedSinceQuery,
    decode_cursor,
    page_of,
    with_etag,
)
from api.db import SessionDep
from api.discrepancies import service as discrepancies_service
from api.discrepancies.models import DiscrepancyPublic
from api.errors import problem_responses
from api.events import service
from api.events.models import EventPublic
from api.inputs import IdPath

router = APIRouter(prefix="/events", tags=["events"])


@router.get(
    "",
    operation_id="list_events",
    summary="List events",
    responses={200: {"headers": LINK_HEADER}, **problem_responses(400, 401, 422)},
)
def list_events(
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
    updated_since: UpdatedSinceQuery = None,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[EventPublic]:
    """Events (groups of articles about the same happening), oldest first."""
    rows = service.list_events(
        session, after=decode_cursor(cursor), limit=limit, updated_since=updated_since
    )
    return page_of(
        rows,
        lambda shown: service.to_public(shown),
        limit=limit,
        request=request,
        response=response,
    )


@router.get(
    "/{event_id}",
    operation_id="get_event",
    summary="Get an event",
    responses={
        200: {"headers": ETAG_HEADER},
        304: {"description": "Not modified since the `If-None-Match` version."},
        **problem_responses(401, 404, 422),
    },
)
def get_event(
    event_id: IdPath, request: Request, response: Response, session: SessionDep, _: ReaderKey
) -> EventPublic:
    """One event with the date span of its articles."""
    public = service.to_public([service.get_event(session, event_id)])[0]
    return with_etag(request, response, public)  # type: ignore[return-value]


@router.get(
    "/{event_id}/claims",
    operation_id="list_event_claims",
    summary="List an event's claims",
    responses={200: {"headers": LINK_HEADER}, **problem_responses(400, 401, 404, 422)},
)
def list_event_claims(
    event_id: IdPath,
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[ClaimPublic]:
    """Claims from the event's articles."""
    service.get_event(session, event_id)
    rows = claims_service.list_claims(
        session, after=decode_cursor(cursor), limit=limit, event_id=event_id
    )
    return page_of(
        rows,
        lambda shown: claims_service.to_public(session, shown),
        limit=limit,
        request=request,
        response=response,
    )


@router.get(
    "/{event_id}/discrepancies",
    operation_id="list_event_discrepancies",
    summary="List an event's discrepancies",
    responses={200: {"headers": LINK_HEADER}, **problem_responses(400, 401, 404, 422)},
)
def list_event_discrepancies(
    event_id: IdPath,
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[DiscrepancyPublic]:
    """Discrepancies between claims of the event."""
    service.get_event(session, event_id)
    rows = discrepancies_service.list_discrepancies(
        session, after=decode_cursor(cursor), limit=limit, event_id=event_id
    )
    return page_of(
        rows,
        lambda shown: discrepancies_service.to_public(session, shown),
        limit=limit,
        request=request,
        response=response,
    )
