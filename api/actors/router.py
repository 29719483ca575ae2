from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request, Response, status

from api.actors import merge, service
from api.actors.models import ActorCreate, ActorMerge, ActorPublic, ActorRedirect, ActorUpdate
from api.auth.service import EditorKey, ReaderKey
from api.claims import service as claims_service
from api.claims.models import ClaimPublic
from api.common import (
    ETAG_HEADER,
    LINK_HEADER,
    CursorQuery,
    LimitQuery,
    Page,
    UpdatedSinceQuery,
    check_if_match,
    decode_cursor,
    link_for,
    page_of,
    set_etag,
    with_etag,
)
from api.db import SessionDep
from api.errors import problem_responses
from api.extraction.types import ActorKind
from api.inputs import MAX_ID, NO_NUL, IdPath

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


def _redirect(request: Request, redirect: ActorRedirect, route: str) -> Response:
    """`308` to the same resource of the actor ``redirect`` leads to."""
    location = link_for(request, route, actor_id=redirect.actor_id)
    query = request.url.query
    return Response(
        status_code=status.HTTP_308_PERMANENT_REDIRECT,
        headers={"Location": f"{location}?{query}" if query else location},
    )


@router.get(
    "",
    operation_id="list_actors",
    summary="List actors",
    responses={200: {"headers": LINK_HEADER}, **problem_responses(400, 401, 422)},
)
def list_actors(
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=NO_NUL,
            description="Name or alias contains this (case-insensitive).",
        ),
    ] = None,
    kind: Annotated[ActorKind | None, Query(description="Only actors of this kind.")] = None,
    parent_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only actors belonging to this one.")
    ] = None,
    updated_since: UpdatedSinceQuery = None,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[ActorPublic]:
    """Actors in the order they were stored."""
    rows = service.list_actors(
        session,
        after=decode_cursor(cursor),
        limit=limit,
        updated_since=updated_since,
        q=q,
        kind=kind,
        parent_id=parent_id,
    )
    return page_of(
        rows,
        lambda shown: service.to_public(session, shown),
        limit=limit,
        request=request,
        response=response,
    )


@router.post(
    "",
    operation_id="create_actor",
    summary="Add an actor",
    status_code=status.HTTP_201_CREATED,
    responses={
        201: {
            "headers": {
                "Location": {"description": "URL of the actor.", "schema": {"type": "string"}},
                **ETAG_HEADER,
            }
        },
        **problem_responses(401, 403, 409, 413, 422),
    },
)
def create_actor(
    data: ActorCreate, request: Request, response: Response, session: SessionDep, _: EditorKey
) -> ActorPublic:
    """Add an actor with its aliases; extraction links later mentions to it."""
    actor = service.create_actor(session, data)
    public = service.to_public(session, [actor])[0]
    response.headers["Location"] = link_for(request, "get_actor", actor_id=public.id)
    set_etag(response, public)
    return public


@router.get(
    "/{actor_id}",
    operation_id="get_actor",
    summary="Get an actor",
    responses={
        200: {"headers": ETAG_HEADER},
        304: {"description": "Not modified since the `If-None-Match` version."},
        **MERGED_REDIRECT,
        **problem_responses(401, 404, 422),
    },
)
def get_actor(
    actor_id: IdPath, request: Request, response: Response, session: SessionDep, _: ReaderKey
) -> ActorPublic:
    """One actor with its aliases and the actor it speaks for; a merged actor's id
    answers `308` with the survivor's URL."""
    found = service.get_actor_or_redirect(session, actor_id)
    if isinstance(found, ActorRedirect):
        return _redirect(request, found, "get_actor")  # type: ignore[return-value]
    public = service.to_public(session, [found])[0]
    return with_etag(request, response, public)  # type: ignore[return-value]


@router.patch(
    "/{actor_id}",
    operation_id="update_actor",
    summary="Correct an actor",
    responses={
        200: {"headers": ETAG_HEADER},
        **problem_responses(401, 403, 404, 409, 412, 413, 422),
    },
)
def update_actor(
    actor_id: IdPath,
    data: ActorUpdate,
    response: Response,
    session: SessionDep,
    _: EditorKey,
    if_match: Annotated[str | None, Header(description="ETag the change is based on.")] = None,
) -> ActorPublic:
    """Change name, kind, aliases (replaced as a whole) or the actor it belongs to."""
    actor = service.get_actor(session, actor_id)
    check_if_match(if_match, service.to_public(session, [actor])[0])
    actor = service.update_actor(session, actor, data)
    public = service.to_public(session, [actor])[0]
    set_etag(response, public)
    return public


@router.post(
    "/{actor_id}/merge",
    operation_id="merge_actor",
    summary="Merge an actor into another",
    responses={
        200: {"headers": ETAG_HEADER, "description": "The surviving actor."},
        **problem_responses(400, 401, 403, 404, 409, 412, 413, 422),
    },
)
def merge_actor(
    actor_id: IdPath,
    data: ActorMerge,
    response: Response,
    session: SessionDep,
    _: EditorKey,
    if_match: Annotated[
        str | None, Header(description="ETag of the merged actor the merge is based on.")
    ] = None,
) -> ActorPublic:
    """Merge this actor into `into`, which survives: every claim that names it (claimant,
    relay, counted side, target), its name and aliases, and the actors that belong to it
    move to the survivor, and the facts, discrepancies and statuses of those claims are
    recomputed (an editor's discrepancy that no longer holds is kept, orphaned). From then
    on `GET /v1/actors/{actor_id}` answers `308` with the survivor's URL. Refused (409)
    into itself, into an actor that belongs to this one, or into an id that names no
    actor; 404 when this actor does not exist (or was merged already)."""
    check_if_match(if_match, service.to_public(session, [service.get_actor(session, actor_id)])[0])
    survivor = merge.merge_actor(session, actor_id, data.into)
    public = service.to_public(session, [survivor])[0]
    set_etag(response, public)
    return public


@router.get(
    "/{actor_id}/claims",
    operation_id="list_actor_claims",
    summary="List claims involving an actor",
    responses={
        200: {"headers": LINK_HEADER},
        **MERGED_REDIRECT,
        **problem_responses(400, 401, 404, 422),
    },
)
def list_actor_claims(
    actor_id: IdPath,
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[ClaimPublic]:
    """Claims the actor asserted, relayed, is the counted side of, or is the target of; a
    merged actor's id answers `308` with the survivor's."""
    found = service.get_actor_or_redirect(session, actor_id)
    if isinstance(found, ActorRedirect):
        return _redirect(request, found, "list_actor_claims")  # type: ignore[return-value]
    rows = claims_service.list_claims(
        session, after=decode_cursor(cursor), limit=limit, actor_id=actor_id
    )
    return page_of(
        rows,
        lambda shown: claims_service.to_public(session, shown),
        limit=limit,
        request=request,
        response=response,
    )
