from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response

from api.auth.service import EditorKey, ReaderKey
from api.claims import service
from api.claims.models import ClaimPublic, ClaimStatus, ClaimUpdate, MeasureName, Verdict
from api.common import (
    ETAG_HEADER,
    LINK_HEADER,
    CursorQuery,
    LimitQuery,
    Page,
    check_if_match,
    decode_cursor,
    page_of,
    set_etag,
    with_etag,
)
from api.db import SessionDep
from api.errors import problem_responses
from api.inputs import MAX_ID, IdPath, QueryBool

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get(
    "",
    operation_id="list_claims",
    summary="List claims",
    responses={200: {"headers": LINK_HEADER}, **problem_responses(400, 401, 422)},
)
def list_claims(
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
    article_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only claims from this article.")
    ] = None,
    claimant_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only claims asserted by this actor.")
    ] = None,
    actor_id: Annotated[
        int | None,
        Query(
            ge=1,
            le=MAX_ID,
            description="Only claims involving this actor (claimant, relay, side or target).",
        ),
    ] = None,
    status: Annotated[
        ClaimStatus | None,
        Query(description="Only claims with this derived status (whether reviewed or not)."),
    ] = None,
    measure: Annotated[
        MeasureName | None,
        Query(
            description="Only claims counting this measure, e.g. `killed` (the `enum` lists them)."
        ),
    ] = None,
    event_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only claims of this event.")
    ] = None,
    has_discrepancy: Annotated[
        QueryBool | None,
        Query(description="Only claims that are (`true`) or are not (`false`) in a discrepancy."),
    ] = None,
    reviewed: Annotated[
        QueryBool | None,
        Query(description="Only claims an editor has (`true`) or has not (`false`) reviewed."),
    ] = None,
    verdict: Annotated[
        Verdict | None, Query(description="Only claims an editor gave this verdict.")
    ] = None,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[ClaimPublic]:
    """Claims in the order they were stored."""
    rows = service.list_claims(
        session,
        after=decode_cursor(cursor),
        limit=limit,
        article_id=article_id,
        claimant_id=claimant_id,
        actor_id=actor_id,
        status=status,
        measure=measure,
        has_discrepancy=has_discrepancy,
        event_id=event_id,
        reviewed=reviewed,
        verdict=verdict,
    )
    return page_of(
        rows,
        lambda shown: service.to_public(session, shown),
        limit=limit,
        request=request,
        response=response,
    )


@router.get(
    "/{claim_id}",
    operation_id="get_claim",
    summary="Get a claim",
    responses={
        200: {"headers": ETAG_HEADER},
        304: {"description": "Not modified since the `If-None-Match` version."},
        **problem_responses(401, 404, 422),
    },
)
def get_claim(
    claim_id: IdPath, request: Request, response: Response, session: SessionDep, _: ReaderKey
) -> ClaimPublic:
    """One claim with its evidence, claimant, relay, quantity and status."""
    public = service.to_public(session, [service.get_claim(session, claim_id)])[0]
    return with_etag(request, response, public)  # type: ignore[return-value]


@router.patch(
    "/{claim_id}",
    operation_id="update_claim",
    summary="Correct a claim",
    responses={200: {"headers": ETAG_HEADER}, **problem_responses(401, 403, 404, 412, 413, 422)},
)
def update_claim(
    claim_id: IdPath,
    data: ClaimUpdate,
    response: Response,
    session: SessionDep,
    _: EditorKey,
    if_match: Annotated[str | None, Header(description="ETag the change is based on.")] = None,
) -> ClaimPublic:
    """An editor's correction. The claim is marked `edited` and survives re-extraction."""
    claim = service.get_claim(session, claim_id)
    check_if_match(if_match, service.to_public(session, [claim])[0])
    claim = service.update_claim(session, claim, data)
    public = service.to_public(session, [claim])[0]
    set_etag(response, public)
    return public
