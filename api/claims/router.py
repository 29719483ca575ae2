from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response

from api.articles import service as articles_service
from api.auth.service import EditorKey, ReaderKey
from api.claims import service
from api.claims.claimreview import MEDIA_TYPE, ClaimReview, as_json_ld, claim_review
from api.claims.models import (
    ClaimPublic,
    ClaimSort,
    ClaimStatus,
    ClaimUpdate,
    MeasureName,
    Verdict,
)
from api.common import (
    ETAG_HEADER,
    LINK_HEADER,
    VARY_HEADER,
    CursorQuery,
    LimitQuery,
    Page,
    SearchQuery,
    UpdatedSinceQuery,
    check_if_match,
    decode_keyset,
    etag_of,
    link_for,
    not_modified,
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
    updated_since: UpdatedSinceQuery = None,
    reviewed: Annotated[
        QueryBool | None,
        Query(description="Only claims an editor has (`true`) or has not (`false`) reviewed."),
    ] = None,
    verdict: Annotated[
        Verdict | None, Query(description="Only claims an editor gave this verdict.")
    ] = None,
    q: SearchQuery = None,
    sort: Annotated[ClaimSort, Query(description=ClaimSort.__doc__)] = ClaimSort.id,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[ClaimPublic]:
    """Claims in the order they were stored, or in `sort` order; `q` searches their
    statements and quotes."""
    order = service.SORTS[sort]
    rows = service.list_claims(
        session,
        position=decode_keyset(cursor, order),
        sort=sort,
        verdict=verdict,
        q=q,
        limit=limit,
        updated_since=updated_since,
        article_id=article_id,
        claimant_id=claimant_id,
        actor_id=actor_id,
        status=status,
        measure=measure,
        has_discrepancy=has_discrepancy,
        event_id=event_id,
        reviewed=reviewed,
    )
    return page_of(
        rows,
        lambda shown: service.to_public(session, shown),
        limit=limit,
        request=request,
        response=response,
        sort=order,
        key_of=service.sort_key_of(session, sort),
    )


@router.get(
    "/{claim_id}",
    operation_id="get_claim",
    summary="Get a claim",
    responses={
        200: {
            "headers": {**ETAG_HEADER, **VARY_HEADER},
            "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ClaimReview"}}},
            "description": "The claim; with `Accept: application/ld+json`, its schema.org"
            " ClaimReview (409 when it has no verdict).",
        },
        304: {"description": "Not modified since the `If-None-Match` version."},
        **problem_responses(401, 404, 409, 422),
    },
)
def get_claim(
    claim_id: IdPath, request: Request, response: Response, session: SessionDep, _: ReaderKey
) -> ClaimPublic:
    """One claim with its evidence, claimant, relay, quantity and status.

    Sent with `Accept: application/ld+json`, the answer is the claim's ClaimReview, as
    at `GET /v1/claims/{id}/claimreview`."""
    public = service.to_public(session, [service.get_claim(session, claim_id)])[0]
    if wants_json_ld(request):
        return _review_response(request, session, public)  # type: ignore[return-value]
    response.headers["Vary"] = "Accept"
    return with_etag(request, response, public)  # type: ignore[return-value]


def wants_json_ld(request: Request) -> bool:
    """The client asks for JSON-LD (over JSON) in its `Accept` header."""
    accept = request.headers.get("accept", "")
    kinds = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    return MEDIA_TYPE in kinds and not {"application/json", "*/*"} & set(
        kinds[: kinds.index(MEDIA_TYPE)]
    )


def _review_response(request: Request, session: SessionDep, public: ClaimPublic) -> Response:
    article = articles_service.get_article(session, public.article_id)
    review = claim_review(
        public, article, url=link_for(request, "get_claim_review", claim_id=public.id)
    )
    cached = not_modified(request, review)
    if cached is not None:
        return cached
    return Response(
        as_json_ld(review),
        media_type=MEDIA_TYPE,
        headers={"ETag": etag_of(review), "Vary": "Accept"},
    )


@router.get(
    "/{claim_id}/claimreview",
    operation_id="get_claim_review",
    summary="Get a claim's ClaimReview",
    response_model=ClaimReview,
    responses={
        200: {"headers": ETAG_HEADER, "content": {MEDIA_TYPE: {}}},
        304: {"description": "Not modified since the `If-None-Match` version."},
        **problem_responses(401, 404, 409, 422),
    },
)
def get_claim_review(
    claim_id: IdPath, request: Request, session: SessionDep, _: ReaderKey
) -> Response:
    """The schema.org `ClaimReview` (JSON-LD) of a claim an editor has given a `verdict`:
    `claimReviewed`, `itemReviewed` (a `Claim` with its `author` and `appearance`, the
    article), `reviewRating` from the verdict, `datePublished` (when the verdict was set)
    and `url`. A claim without a verdict has none: `409`."""
    public = service.to_public(session, [service.get_claim(session, claim_id)])[0]
    return _review_response(request, session, public)


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
