from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from api.articles import service as articles_service
from api.auth.service import EditorKey
from api.claims import service
from api.claims.claimreview import MEDIA_TYPE, ClaimReview, as_json_ld, claim_review
from api.claims.models import Claim, ClaimFilters, ClaimPublic, ClaimSort, ClaimUpdate
from api.common import ETAG_HEADER, VARY_HEADER, link_for
from api.db import SessionDep
from api.http import FIRST_ITEM_ID, Sorting, finder, link, list_route, load
from api.inputs import IdPath
from api.representations import IfMatch, changed, current, one, representation, single, updated

router = APIRouter(prefix="/claims", tags=["claims"])

find_claim = finder(Claim)
ClaimDep = Annotated[Claim, Depends(load(Claim, find=find_claim))]
FIRST_DISCREPANCY = link("get_discrepancy", "discrepancy_id", "$response.body#/discrepancy_ids/0")


list_route(
    router,
    "",
    operation_id="list_claims",
    summary="List claims",
    doc="""Claims in the order they were stored, or in `sort` order; `q` searches their
    statements and quotes.""",
    model=ClaimPublic,
    fetch=service.list_claims,
    render=service.to_public,
    filters=ClaimFilters,
    sorting=Sorting(ClaimSort, ClaimSort.id, service.SORTS, service.sort_key_of),
    links={"GetFirstClaim": link("get_claim", "claim_id", FIRST_ITEM_ID)},
)


@router.get(
    "/{claim_id}",
    operation_id="get_claim",
    summary="Get a claim",
    response_model=ClaimPublic,
    responses=one(
        401,
        404,
        409,
        422,
        links={
            "UpdateClaim": link("update_claim", "claim_id", if_match=True),
            "GetFirstDiscrepancyOfClaim": FIRST_DISCREPANCY,
            "GetClaimArticle": link("get_article", "article_id", "$response.body#/article_id"),
        },
        headers={**ETAG_HEADER, **VARY_HEADER},
        content={MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ClaimReview"}}},
        description="The claim; with `Accept: application/ld+json`, its schema.org"
        " ClaimReview (409 when it has no verdict).",
    ),
)
def get_claim(claim_id: IdPath, request: Request, session: SessionDep) -> Response:
    """One claim with its evidence, claimant, relay, quantity and status.

    Sent with `Accept: application/ld+json`, the answer is the claim's ClaimReview, as
    at `GET /v1/claims/{id}/claimreview`."""
    public = service.to_public(session, [find_claim(session, claim_id)])[0]
    if wants_json_ld(request):
        return _review_response(request, session, public)
    return current(request, public, vary="Accept")


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
    return representation(
        request, as_json_ld(review), media_type=MEDIA_TYPE, headers={"Vary": "Accept"}
    )


@router.get(
    "/{claim_id}/claimreview",
    operation_id="get_claim_review",
    summary="Get a claim's ClaimReview",
    response_model=ClaimReview,
    responses=one(401, 404, 409, 422, content={MEDIA_TYPE: {}}),
)
def get_claim_review(claim_id: IdPath, request: Request, session: SessionDep) -> Response:
    """The schema.org `ClaimReview` (JSON-LD) of a claim an editor has given a `verdict`:
    `claimReviewed`, `itemReviewed` (a `Claim` with its `author` and `appearance`, the
    article), `reviewRating` from the verdict, `datePublished` (when the verdict was set)
    and `url`. A claim without a verdict has none: `409`."""
    claim = find_claim(session, claim_id)
    return _review_response(request, session, service.to_public(session, [claim])[0])


@router.patch(
    "/{claim_id}",
    operation_id="update_claim",
    summary="Correct a claim",
    response_model=ClaimPublic,
    responses=updated(
        401,
        403,
        404,
        412,
        413,
        422,
        links={
            "GetClaim": link("get_claim", "claim_id"),
            "GetFirstDiscrepancyOfClaim": FIRST_DISCREPANCY,
        },
    ),
)
def update_claim(
    _: EditorKey, claim: ClaimDep, data: ClaimUpdate, session: SessionDep, if_match: IfMatch = None
) -> Response:
    """An editor's correction. The claim is marked `edited` and survives re-extraction."""
    change = partial(service.update_claim, session, data=data)
    return changed(if_match, claim, single(service.to_public, session), change)
