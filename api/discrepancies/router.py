from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from api.auth.service import EditorKey, ReaderKey
from api.db import SessionDep
from api.discrepancies import service
from api.discrepancies.models import (
    Discrepancy,
    DiscrepancyFilters,
    DiscrepancyPublic,
    DiscrepancyUpdate,
)
from api.http import (
    FIRST_ITEM_ID,
    IfMatch,
    changed,
    current,
    finder,
    link,
    list_route,
    load,
    one,
    single,
    updated,
)
from api.inputs import IdPath

router = APIRouter(prefix="/discrepancies", tags=["discrepancies"])

find_discrepancy = finder(Discrepancy)
DiscrepancyDep = Annotated[Discrepancy, Depends(load(Discrepancy, find=find_discrepancy))]


list_route(
    router,
    "",
    operation_id="list_discrepancies",
    summary="List discrepancies",
    doc="Conflicts between claims about the same fact, oldest first.",
    model=DiscrepancyPublic,
    fetch=service.list_discrepancies,
    render=service.to_public,
    key=ReaderKey,
    filters=DiscrepancyFilters,
    links={"GetFirstDiscrepancy": link("get_discrepancy", "discrepancy_id", FIRST_ITEM_ID)},
)


@router.get(
    "/{discrepancy_id}",
    operation_id="get_discrepancy",
    summary="Get a discrepancy",
    response_model=DiscrepancyPublic,
    responses=one(
        401,
        404,
        422,
        links={"UpdateDiscrepancy": link("update_discrepancy", "discrepancy_id", if_match=True)},
    ),
)
def get_discrepancy(
    _: ReaderKey, discrepancy_id: IdPath, request: Request, session: SessionDep
) -> Response:
    """One discrepancy with each side's claims and evidence."""
    discrepancy = find_discrepancy(session, discrepancy_id)
    return current(request, service.to_public(session, [discrepancy])[0])


@router.patch(
    "/{discrepancy_id}",
    operation_id="update_discrepancy",
    summary="Review a discrepancy",
    response_model=DiscrepancyPublic,
    responses=updated(401, 403, 404, 412, 413, 422),
)
def update_discrepancy(
    _: EditorKey,
    discrepancy: DiscrepancyDep,
    data: DiscrepancyUpdate,
    session: SessionDep,
    if_match: IfMatch = None,
) -> Response:
    """Set the status (open, resolved, dismissed) and an editor's note."""
    change = partial(service.update_discrepancy, session, data=data)
    return changed(if_match, discrepancy, single(service.to_public, session), change)
