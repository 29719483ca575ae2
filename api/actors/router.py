from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request, Response, status
from sqlmodel import Session

from api.actors import merge, service
from api.actors.models import Actor, ActorCreate, ActorFilters, ActorMerge, ActorPublic, ActorUpdate
from api.auth.service import EditorKey, ReaderKey
from api.claims import service as claims_service
from api.claims.models import ClaimPublic
from api.db import SessionDep
from api.errors import problem_responses
from api.http import (
    FIRST_ITEM_ID,
    IfMatch,
    Moved,
    changed,
    created,
    current,
    finder,
    link,
    list_route,
    load,
    one,
    single,
    stored,
    updated,
)
from api.inputs import IdPath

router = APIRouter(prefix="/actors", tags=["actors"])

MERGED_REDIRECT: dict[int | str, dict[str, Any]] = {
    308: {
        "description": "The actor was merged into another: `Location` is the survivor's URL"
        " (the same path with the survivor's id). A merged id is never reused.",
        "headers": {
            "Location": {
                "description": "URL of the surviving actor.",
                "schema": {"type": "string"},
            }
        },
    }
}


def _moved_to(route: str) -> Callable[[Session, int], None]:
    """A merged actor's id answers `308` to the same ``route`` of its survivor."""

    def missing(session: Session, actor_id: int) -> None:
        survivor = service.redirect_of(session, actor_id)
        if survivor is not None:
            raise Moved(route, actor_id=survivor)

    return missing


ActorDep = Annotated[Actor, Depends(load(Actor, missing=service.merged))]
"""An actor to change: a merged id is a 404 naming the survivor."""
find_actor = finder(Actor, missing=_moved_to("get_actor"))
ClaimsOfActorDep = Annotated[Actor, Depends(load(Actor, missing=_moved_to("list_actor_claims")))]

ACTOR_LINKS = {
    "UpdateActor": link("update_actor", "actor_id", if_match=True),
    "ListActorClaims": link("list_actor_claims", "actor_id"),
}


list_route(
    router,
    "",
    operation_id="list_actors",
    summary="List actors",
    doc="Actors in the order they were stored.",
    model=ActorPublic,
    fetch=service.list_actors,
    render=service.to_public,
    key=ReaderKey,
    filters=ActorFilters,
    links={"GetFirstActor": link("get_actor", "actor_id", FIRST_ITEM_ID)},
)


@router.post(
    "",
    operation_id="create_actor",
    summary="Add an actor",
    status_code=status.HTTP_201_CREATED,
    response_model=ActorPublic,
    responses={
        201: stored("actor", links={"GetActor": link("get_actor", "actor_id"), **ACTOR_LINKS}),
        **problem_responses(401, 403, 409, 413, 422),
    },
)
def create_actor(
    _: EditorKey, data: ActorCreate, request: Request, session: SessionDep
) -> Response:
    """Add an actor with its aliases; extraction links later mentions to it."""
    public = service.to_public(session, [service.create_actor(session, data)])[0]
    return created(request, public, "get_actor", "actor_id")


@router.get(
    "/{actor_id}",
    operation_id="get_actor",
    summary="Get an actor",
    response_model=ActorPublic,
    responses={
        **one(
            401,
            404,
            422,
            links={
                "UpdateActor": ACTOR_LINKS["UpdateActor"],
                "MergeActor": link("merge_actor", "actor_id", if_match=True),
                "ListActorClaims": ACTOR_LINKS["ListActorClaims"],
            },
        ),
        **MERGED_REDIRECT,
    },
)
def get_actor(_: ReaderKey, actor_id: IdPath, request: Request, session: SessionDep) -> Response:
    """One actor with its aliases and the actor it speaks for; a merged actor's id
    answers `308` with the survivor's URL."""
    return current(request, service.to_public(session, [find_actor(session, actor_id)])[0])


@router.patch(
    "/{actor_id}",
    operation_id="update_actor",
    summary="Correct an actor",
    response_model=ActorPublic,
    responses=updated(401, 403, 404, 409, 412, 413, 422),
)
def update_actor(
    _: EditorKey, actor: ActorDep, data: ActorUpdate, session: SessionDep, if_match: IfMatch = None
) -> Response:
    """Change name, kind, aliases (replaced as a whole) or the actor it belongs to."""
    change = partial(service.update_actor, session, data=data)
    return changed(if_match, actor, single(service.to_public, session), change)


@router.post(
    "/{actor_id}/merge",
    operation_id="merge_actor",
    summary="Merge an actor into another",
    response_model=ActorPublic,
    responses=updated(
        400,
        401,
        403,
        404,
        409,
        412,
        413,
        422,
        description="The surviving actor.",
        links={
            "GetSurvivingActor": link("get_actor", "actor_id"),
            "ListSurvivingActorClaims": link("list_actor_claims", "actor_id"),
        },
    ),
)
def merge_actor(
    _: EditorKey,
    actor: ActorDep,
    data: ActorMerge,
    session: SessionDep,
    if_match: Annotated[
        str | None, Header(description="ETag of the merged actor the merge is based on.")
    ] = None,
) -> Response:
    """Merge this actor into `into`, which survives: every claim that names it (claimant,
    relay, counted side, target), its name and aliases, and the actors that belong to it
    move to the survivor, and the facts, discrepancies and statuses of those claims are
    recomputed (an editor's discrepancy that no longer holds is kept, orphaned). From then
    on `GET /v1/actors/{actor_id}` answers `308` with the survivor's URL. Refused (409)
    into itself, into an actor that belongs to this one, or into an id that names no
    actor; 404 when this actor does not exist (or was merged already)."""

    def into_survivor(merged: Actor) -> Actor:
        assert merged.id is not None
        return merge.merge_actor(session, merged.id, data.into)

    return changed(if_match, actor, single(service.to_public, session), into_survivor)


list_route(
    router,
    "/{actor_id}/claims",
    operation_id="list_actor_claims",
    summary="List claims involving an actor",
    doc="""Claims the actor asserted, relayed, is the counted side of, or is the target of; a
    merged actor's id answers `308` with the survivor's.""",
    model=ClaimPublic,
    fetch=claims_service.list_claims,
    render=claims_service.to_public,
    key=ReaderKey,
    within=("actor_id", ClaimsOfActorDep),
    problems=(400, 401, 404, 422),
    responses=MERGED_REDIRECT,
)
