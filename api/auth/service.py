"""API keys: issued once, stored hashed, checked per request."""

from __future__ import annotations

import hashlib
import secrets
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session, select

from api.auth.models import ApiKey, Role
from api.config import Settings, get_settings
from api.db import SessionDep
from api.errors import Forbidden, Unauthorized

TOKEN_PREFIX = "ck_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_api_key(session: Session, *, name: str, role: Role) -> tuple[ApiKey, str]:
    """Store a new key and return it with its token (shown once, never stored)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(name=name, role=role.value, prefix=token[:10], token_hash=hash_token(token))
    session.add(key)
    session.commit()
    session.refresh(key)
    return key, token


_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer ck_...`")


def bearer_credentials(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> HTTPAuthorizationCredentials | None:
    """The bearer token sent, or None when no Authorization header was sent at all.

    A header that is present but not `Bearer <token>` is refused (401), also on reads
    that need no key: a client that meant to authenticate must learn that it did not.
    """
    if credentials is None and "authorization" in request.headers:
        raise Unauthorized("the Authorization header must be `Bearer <token>`")
    return credentials


BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_credentials)]


def _key_for(session: Session, credentials: HTTPAuthorizationCredentials | None) -> ApiKey:
    if credentials is None:
        raise Unauthorized("this operation needs an API key: send `Authorization: Bearer <token>`")
    token = credentials.credentials
    if len(token) > 200 or not token.isascii():
        raise Unauthorized("the API key is not valid")
    key = session.exec(select(ApiKey).where(ApiKey.token_hash == hash_token(token))).first()
    if key is None or key.revoked:
        raise Unauthorized("the API key is not valid")
    return key


def require_editor(session: SessionDep, credentials: BearerDep) -> ApiKey:
    key = _key_for(session, credentials)
    if Role(key.role).rank < Role.editor.rank:
        raise Forbidden(f"this operation needs the editor role; key {key.name!r} is a {key.role}")
    return key


def require_reader(
    session: SessionDep,
    credentials: BearerDep,
    settings: Annotated[Settings, Depends(get_settings)],
) -> ApiKey | None:
    """Reads are open unless REQUIRE_READ_KEY is set; a sent key must still be valid."""
    if credentials is None and not settings.require_read_key:
        return None
    return _key_for(session, credentials)


EditorKey = Annotated[ApiKey, Depends(require_editor)]
ReaderKey = Annotated[ApiKey | None, Depends(require_reader)]
