from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api.articles import service as articles_service
from api.articles.models import ArticlePublic
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
from api.inputs import MAX_ID, DateInput, IdPath

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
    date_from: Annotated[
        DateInput | None,
        Query(alias="from", description="Only events whose dates reach this day or later."),
    ] = None,
    date_to: Annotated[
        DateInput | None,
        Query(alias="to", description="Only events whose dates reach this day or earlier."),
    ] = None,
    actor_id: Annotated[
        int | None,
        Query(
            ge=1,
            le=MAX_ID,
            description="Only events with a claim involving this actor (claimant, relay,"
            " side or target).",
        ),
    ] = None,
    updated_since: UpdatedSinceQuery = None,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[EventPublic]:
    """Events (groups of articles about the same happening), oldest first. An event
    without dates (its articles have no publication time) is left out by `from`/`to`; `from`
    after `to` matches nothing."""
    rows = service.list_events(
        session,
        after=decode_cursor(cursor),
        limit=limit,
        date_from=date_from,
        date_to=date_to,
        actor_id=actor_id,
        updated_since=updated_since,
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
    "/{event_id}/articles",
    operation_id="list_event_articles",
    summary="List an event's articles",
    responses={200: {"headers": LINK_HEADER}, **problem_responses(400, 401, 404, 422)},
)
def list_event_articles(
    event_id: IdPath,
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[ArticlePublic]:
    """The articles grouped into the event, in the order they were stored."""
    service.get_event(session, event_id)
    rows = articles_service.list_articles(
        session, after=decode_cursor(cursor), limit=limit, event_id=event_id
    )
    return page_of(
        rows,
        lambda shown: articles_service.to_public(session, shown),
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
