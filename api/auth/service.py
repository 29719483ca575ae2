"""API keys: issued once, stored hashed, checked per request; managed by admins."""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import or_, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select
from starlette.concurrency import run_in_threadpool

from api.auth.models import ApiKey, KeyCreated, KeyPublic, Role
from api.config import app_settings
from api.db import utcnow
from api.errors import Conflict, Forbidden, NotFound, Unauthorized
from api.side import SideSessions, side_sessions_of

logger = logging.getLogger(__name__)

TOKEN_PREFIX = "ck_"
LAST_USED_RESOLUTION = timedelta(seconds=60)
"""`last_used_at` is written at most this often per key, so reads rarely write."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_key(
    *, name: str, role: Role | str, expires_at: datetime | None, now: datetime
) -> tuple[ApiKey, str]:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(
        name=name,
        role=Role(role).value,
        prefix=token[:10],
        token_hash=hash_token(token),
        created_at=now,
        expires_at=expires_at,
    )
    return key, token


def create_api_key(
    session: Session, *, name: str, role: Role, expires_in_days: int | None = None
) -> tuple[ApiKey, str]:
    """Store a new key and return it with its token (shown once, never stored)."""
    now = utcnow()
    expires_at = None if expires_in_days is None else now + timedelta(days=expires_in_days)
    key, token = _new_key(name=name, role=role, expires_at=expires_at, now=now)
    session.add(key)
    session.commit()
    session.refresh(key)
    return key, token


def list_keys(session: Session, *, after: int | None, limit: int) -> Sequence[ApiKey]:
    """Up to ``limit + 1`` keys after id ``after``, oldest first."""
    query = select(ApiKey).order_by(col(ApiKey.id)).limit(limit + 1)
    if after is not None:
        query = query.where(col(ApiKey.id) > after)
    return session.exec(query).all()


def get_key(session: Session, key_id: int) -> ApiKey:
    key = session.get(ApiKey, key_id)
    if key is None:
        raise NotFound(f"no API key with id {key_id}")
    return key


def _revoke(session: Session, key_id: int, now: datetime) -> bool:
    """Revoke in one conditional statement; False when the key was revoked already."""
    result = session.exec(
        update(ApiKey)
        .where(col(ApiKey.id) == key_id, col(ApiKey.revoked_at).is_(None))
        .values(revoked_at=now)
    )
    return result.rowcount > 0


def revoke_key(session: Session, key_id: int) -> ApiKey:
    """Revoke a key at once (idempotent: a revoked key keeps its first revocation time)."""
    get_key(session, key_id)
    _revoke(session, key_id, utcnow())
    session.commit()
    key = get_key(session, key_id)
    session.refresh(key)
    return key


def rotate_key(session: Session, key_id: int) -> tuple[ApiKey, str]:
    """Revoke a key and issue its replacement (same name, role and expiry) in one commit."""
    old = get_key(session, key_id)
    now = utcnow()
    refusal = old.refusal(now)
    if refusal is not None:
        raise Conflict(f"key {key_id} cannot be rotated: {refusal.removeprefix('the API key ')}")
    if not _revoke(session, key_id, now):  # revoked meanwhile by someone else
        session.rollback()
        raise Conflict(f"key {key_id} cannot be rotated: was revoked")
    new, token = _new_key(name=old.name, role=old.role, expires_at=old.expires_at, now=now)
    session.add(new)
    session.commit()
    session.refresh(new)
    return new, token


def to_public(key: ApiKey, now: datetime | None = None) -> KeyPublic:
    assert key.id is not None
    return KeyPublic(
        id=key.id,
        name=key.name,
        role=Role(key.role),
        prefix=key.prefix,
        created_at=key.created_at,
        expires_at=key.expires_at,
        last_used_at=key.last_used_at,
        revoked_at=key.revoked_at,
        active=key.refusal(now or utcnow()) is None,
    )


def to_created(key: ApiKey, token: str) -> KeyCreated:
    return KeyCreated(**to_public(key).model_dump(), token=token)


# --- per request ------------------------------------------------------------------------

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer ck_...`")


@dataclass(frozen=True)
class Caller:
    """Who sent a request: a working key, or none (and why sent credentials are refused)."""

    key: ApiKey | None = None
    sent: bool = False
    refusal: str | None = None
    error: str | None = None
    """RFC 6750 error code for the refusal."""


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
"""The `Authorization: Bearer` credentials (the dependency declares the security scheme)."""


async def identify(request: Request, credentials: Credentials) -> Caller:
    """The caller of this request, identified once per request: the answer is kept in
    the request's state, so the rate limit and the role checks share one lookup without
    each declaring dependencies of its own (every node of a route's dependency graph
    costs every request). A key is looked up in a short transaction of its own (in a
    thread: only a request that sends a key touches the database here).

    A header that is present but not `Bearer <token>` is refused (401), also on reads
    that need no key: a client that meant to authenticate must learn that it did not.
    Revocation and expiry take effect on the next request: nothing is cached across
    requests.
    """
    state = request.scope.setdefault("state", {})
    known: Caller | None = state.get(_CALLER_STATE)
    if known is None:
        known = await _identify(request, credentials)
        state[_CALLER_STATE] = known
    return known


async def caller_of(request: Request) -> Caller:
    """:func:`identify` for code that is not given the credentials by a dependency."""
    known: Caller | None = request.scope.get("state", {}).get(_CALLER_STATE)
    return known if known is not None else await identify(request, await _bearer(request))


_CALLER_STATE = "claimsapi_caller"


async def _identify(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Caller:
    if credentials is None:
        if "authorization" in request.headers:
            return Caller(
                sent=True,
                refusal="the Authorization header must be `Bearer <token>`",
                error="invalid_request",
            )
        return Caller()
    token = credentials.credentials
    if len(token) > 200 or not token.isascii():
        return _INVALID
    side = await side_sessions_of(request)
    return await run_in_threadpool(_look_up, side, token)


_INVALID = Caller(sent=True, refusal="the API key is not valid", error="invalid_token")


def _look_up(side: SideSessions, token: str) -> Caller:
    with side() as session:
        key = session.exec(select(ApiKey).where(ApiKey.token_hash == hash_token(token))).first()
    if key is None:
        return _INVALID
    now = utcnow()
    refusal = key.refusal(now)
    if refusal is not None:
        return Caller(sent=True, refusal=refusal, error="invalid_token")
    if key.last_used_at is None or key.last_used_at < now - LAST_USED_RESOLUTION:
        touch_last_used(side, key, now)
    return Caller(key=key, sent=True)


def touch_last_used(side: SideSessions, key: ApiKey, now: datetime) -> bool:
    """Record a use, at most once per LAST_USED_RESOLUTION; True when this call wrote it.

    The condition is in the statement, so of many concurrent requests only one writes.
    A failure is logged and ignored: bookkeeping never fails a request.
    """
    try:
        with side() as session:
            result = session.exec(
                update(ApiKey)
                .where(
                    col(ApiKey.id) == key.id,
                    or_(
                        col(ApiKey.last_used_at).is_(None),
                        col(ApiKey.last_used_at) < now - LAST_USED_RESOLUTION,
                    ),
                )
                .values(last_used_at=now)
            )
            return result.rowcount > 0
    except SQLAlchemyError:
        logger.warning("could not record the use of API key %s", key.id, exc_info=True)
        return False


def _valid_key(caller: Caller) -> ApiKey:
    if caller.refusal is not None:
        raise Unauthorized(caller.refusal, error=caller.error)
    if caller.key is None:
        raise Unauthorized("this operation needs an API key: send `Authorization: Bearer <token>`")
    return caller.key


def _require(caller: Caller, role: Role) -> ApiKey:
    key = _valid_key(caller)
    if Role(key.role).rank < role.rank:
        raise Forbidden(
            f"this operation needs the {role.value} role; key {key.name!r} is a {key.role}",
            headers={"WWW-Authenticate": 'Bearer realm="claimsapi", error="insufficient_scope"'},
        )
    return key


async def require_editor(request: Request) -> ApiKey:
    return _require(await caller_of(request), Role.editor)


async def require_admin(request: Request) -> ApiKey:
    return _require(await caller_of(request), Role.admin)


async def admit(request: Request, caller: Caller) -> ApiKey | None:
    """The rule of every `/v1` operation, checked once for all of them by the `/v1`
    dependency: reads are open unless REQUIRE_READ_KEY is set; a sent key must still be
    valid (401). Writes then ask for their role (:data:`EditorKey`, :data:`AdminKey`)."""
    if not caller.sent and not (await app_settings(request)).require_read_key:
        return None
    return _valid_key(caller)


async def require_reader(request: Request) -> ApiKey | None:
    """:func:`admit` as a dependency, for an operation that wants the reader's key."""
    return await admit(request, await caller_of(request))


EditorKey = Annotated[ApiKey, Depends(require_editor)]
ReaderKey = Annotated[ApiKey | None, Depends(require_reader)]
AdminKey = Annotated[ApiKey, Depends(require_admin)]
