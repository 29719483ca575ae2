from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from api.articles import service as articles_service
from api.articles.models import ArticlePublic
from api.auth.service import ReaderKey
from api.claims import service as claims_service
from api.claims.models import ClaimPublic
from api.common import Page
from api.db import SessionDep
from api.discrepancies import service as discrepancies_service
from api.discrepancies.models import DiscrepancyPublic
from api.events import service
from api.events.models import Event, EventFilters, EventPublic
from api.http import (
    FIRST_ITEM_ID,
    PagingDep,
    current,
    filters_of,
    link,
    listed,
    load,
    one,
    page,
    query_params,
)

router = APIRouter(prefix="/events", tags=["events"])

EventDep = Annotated[Event, Depends(load(Event))]


@router.get(
    "",
    operation_id="list_events",
    summary="List events",
    response_model=Page[EventPublic],
    responses=listed(
        400, 401, 422, links={"GetFirstEvent": link("get_event", "event_id", FIRST_ITEM_ID)}
    ),
)
def list_events(
    _: ReaderKey,
    request: Request,
    session: SessionDep,
    filters: Annotated[EventFilters, Depends(query_params(EventFilters))],
    paging: PagingDep,
) -> Response:
    """Events (groups of articles about the same happening), oldest first. An event
    without dates (its articles have no publication time) is left out by `from`/`to`; `from`
    after `to` matches nothing."""
    rows = service.list_events(
        session, after=paging.after, limit=paging.limit, **filters_of(filters)
    )
    return page(request, paging, rows, service.to_public)


@router.get(
    "/{event_id}",
    operation_id="get_event",
    summary="Get an event",
    response_model=EventPublic,
    responses=one(
        401,
        404,
        422,
        links={
            "ListEventClaims": link("list_event_claims", "event_id"),
            "ListEventDiscrepancies": link("list_event_discrepancies", "event_id"),
        },
    ),
)
async def get_event(_: ReaderKey, event: EventDep, request: Request) -> Response:
    """One event with the date span of its articles."""
    return current(request, service.to_public([event])[0])


@router.get(
    "/{event_id}/claims",
    operation_id="list_event_claims",
    summary="List an event's claims",
    response_model=Page[ClaimPublic],
    responses=listed(400, 401, 404, 422),
)
def list_event_claims(
    _: ReaderKey, event: EventDep, request: Request, session: SessionDep, paging: PagingDep
) -> Response:
    """Claims from the event's articles."""
    rows = claims_service.list_claims(
        session, after=paging.after, limit=paging.limit, event_id=event.id
    )
    return page(request, paging, rows, lambda shown: claims_service.to_public(session, shown))


@router.get(
    "/{event_id}/articles",
    operation_id="list_event_articles",
    summary="List an event's articles",
    response_model=Page[ArticlePublic],
    responses=listed(400, 401, 404, 422),
)
def list_event_articles(
    _: ReaderKey, event: EventDep, request: Request, session: SessionDep, paging: PagingDep
) -> Response:
    """The articles grouped into the event, in the order they were stored."""
    rows = articles_service.list_articles(
        session, after=paging.after, limit=paging.limit, event_id=event.id
    )
    return page(request, paging, rows, lambda shown: articles_service.to_public(session, shown))


@router.get(
    "/{event_id}/discrepancies",
    operation_id="list_event_discrepancies",
    summary="List an event's discrepancies",
    response_model=Page[DiscrepancyPublic],
    responses=listed(400, 401, 404, 422),
)
def list_event_discrepancies(
    _: ReaderKey, event: EventDep, request: Request, session: SessionDep, paging: PagingDep
) -> Response:
    """Discrepancies between claims of the event."""
    rows = discrepancies_service.list_discrepancies(
        session, after=paging.after, limit=paging.limit, event_id=event.id
    )
    return page(
        request, paging, rows, lambda shown: discrepancies_service.to_public(session, shown)
    )
