from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status

from api.auth import service
from api.auth.models import ApiKey, KeyCreate, KeyCreated, KeyPublic
from api.auth.service import AdminKey
from api.db import SessionDep
from api.errors import problem_responses
from api.http import finder, list_route, load
from api.inputs import IdPath
from api.representations import IfMatch, check_if_match, current, one

router = APIRouter(prefix="/keys", tags=["keys"])

find_key = finder(ApiKey, name="API key")
KeyDep = Annotated[ApiKey, Depends(load(ApiKey, param="key_id", find=find_key))]
_LOCATION = {"Location": {"description": "URL of the key.", "schema": {"type": "string"}}}


list_route(
    router,
    "",
    operation_id="list_keys",
    summary="List API keys",
    doc="Every key, revoked and expired ones too, oldest first (admin only; no tokens).",
    model=KeyPublic,
    fetch=service.list_keys,
    render=lambda _, keys: [service.to_public(key) for key in keys],
    key=AdminKey,
    problems=(400, 401, 403, 422),
)


@router.post(
    "",
    operation_id="create_key",
    summary="Create an API key",
    status_code=status.HTTP_201_CREATED,
    responses={201: {"headers": _LOCATION}, **problem_responses(401, 403, 413, 422)},
)
def create_key(
    _: AdminKey, data: KeyCreate, request: Request, response: Response, session: SessionDep
) -> KeyCreated:
    """Issue a key (admin only). The response holds its token: the only time it is shown."""
    key, token = service.create_api_key(
        session, name=data.name, role=data.role, expires_in_days=data.expires_in_days
    )
    response.headers["Location"] = str(request.url_for("get_key", key_id=key.id))
    response.headers["Cache-Control"] = "no-store"
    return service.to_created(key, token)


@router.get(
    "/{key_id}",
    operation_id="get_key",
    summary="Get an API key",
    response_model=KeyPublic,
    responses=one(401, 403, 404, 422),
)
def get_key(_: AdminKey, key_id: IdPath, request: Request, session: SessionDep) -> Response:
    """One key: its role, expiry, last use and revocation (admin only; no token)."""
    return current(request, service.to_public(find_key(session, key_id)))


@router.delete(
    "/{key_id}",
    operation_id="revoke_key",
    summary="Revoke an API key",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={
        204: {"description": "Revoked: the key is refused from the next request on."},
        **problem_responses(401, 403, 404, 412, 422),
    },
)
def revoke_key(_: AdminKey, key: KeyDep, session: SessionDep, if_match: IfMatch = None) -> Response:
    """Revoke a key at once (admin only). Revoking a revoked key changes nothing.

    The key stays listed, with `revoked_at`, so its history is kept.
    """
    check_if_match(if_match, service.to_public(key))
    assert key.id is not None
    service.revoke_key(session, key.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{key_id}/rotate",
    operation_id="rotate_key",
    summary="Rotate an API key",
    status_code=status.HTTP_201_CREATED,
    responses={
        201: {"description": "The replacement key with its token.", "headers": _LOCATION},
        **problem_responses(401, 403, 404, 409, 422),
    },
)
def rotate_key(
    _: AdminKey, key_id: IdPath, request: Request, response: Response, session: SessionDep
) -> KeyCreated:
    """Revoke a key and issue a replacement with the same name, role and expiry (admin
    only). The response holds the new token: the only time it is shown. A revoked or
    expired key cannot be rotated (409)."""
    key, token = service.rotate_key(session, key_id)
    response.headers["Location"] = str(request.url_for("get_key", key_id=key.id))
    response.headers["Cache-Control"] = "no-store"
    return service.to_created(key, token)
