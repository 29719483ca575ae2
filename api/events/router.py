from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from api.articles import service as articles_service
from api.articles.models import ArticlePublic
from api.auth.service import ReaderKey
from api.claims import service as claims_service
from api.claims.models import ClaimPublic
from api.db import SessionDep
from api.discrepancies import service as discrepancies_service
from api.discrepancies.models import DiscrepancyPublic
from api.events import service
from api.events.models import Event, EventFilters, EventPublic
from api.http import FIRST_ITEM_ID, current, finder, link, list_route, load, one
from api.inputs import IdPath

router = APIRouter(prefix="/events", tags=["events"])

find_event = finder(Event)
EventDep = Annotated[Event, Depends(load(Event, find=find_event))]


list_route(
    router,
    "",
    operation_id="list_events",
    summary="List events",
    doc="""Events (groups of articles about the same happening), oldest first. An event
    without dates (its articles have no publication time) is left out by `from`/`to`; `from`
    after `to` matches nothing.""",
    model=EventPublic,
    fetch=service.list_events,
    render=lambda _, rows: service.to_public(rows),
    key=ReaderKey,
    filters=EventFilters,
    links={"GetFirstEvent": link("get_event", "event_id", FIRST_ITEM_ID)},
)


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
def get_event(_: ReaderKey, event_id: IdPath, request: Request, session: SessionDep) -> Response:
    """One event with the date span of its articles."""
    return current(request, service.to_public([find_event(session, event_id)])[0])


_EVENT_LISTS = (
    (
        "claims",
        "Claims from the event's articles.",
        ClaimPublic,
        claims_service.list_claims,
        claims_service.to_public,
    ),
    (
        "articles",
        "The articles grouped into the event, in the order they were stored.",
        ArticlePublic,
        articles_service.list_articles,
        articles_service.to_public,
    ),
    (
        "discrepancies",
        "Discrepancies between claims of the event.",
        DiscrepancyPublic,
        discrepancies_service.list_discrepancies,
        discrepancies_service.to_public,
    ),
)
"""The lists of an event's rows: name, description, model, fetch, render."""

for listed_name, listed_doc, listed_model, fetch, render in _EVENT_LISTS:
    list_route(
        router,
        f"/{{event_id}}/{listed_name}",
        operation_id=f"list_event_{listed_name}",
        summary=f"List an event's {listed_name}",
        doc=listed_doc,
        model=listed_model,
        fetch=fetch,
        render=render,
        key=ReaderKey,
        within=("event_id", EventDep),
        problems=(400, 401, 404, 422),
    )
