from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response, status

from api import ingest
from api.articles import service
from api.articles.models import (
    ArticleCreate,
    ArticlePublic,
    ArticleSort,
    ArticleUpdate,
    DeletedArticlePublic,
)
from api.auth.service import EditorKey, ReaderKey
from api.claims import service as claims_service
from api.claims.models import ClaimPublic
from api.common import (
    ETAG_HEADER,
    LINK_HEADER,
    CursorQuery,
    LimitQuery,
    Page,
    SearchQuery,
    UpdatedSinceQuery,
    check_if_match,
    decode_cursor,
    decode_keyset,
    link_for,
    page_of,
    set_etag,
    with_etag,
)
from api.db import SessionDep
from api.errors import problem_responses
from api.inputs import NO_NUL, DateTimeInput, IdPath

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get(
    "",
    operation_id="list_articles",
    summary="List articles",
    responses={200: {"headers": LINK_HEADER}, **problem_responses(400, 401, 422)},
)
def list_articles(
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
    publisher: Annotated[
        str | None,
        Query(max_length=200, pattern=NO_NUL, description="Publisher name (case-insensitive)."),
    ] = None,
    published_from: Annotated[
        DateTimeInput | None, Query(description="Published at or after this time (RFC 3339).")
    ] = None,
    published_to: Annotated[
        DateTimeInput | None, Query(description="Published at or before this time (RFC 3339).")
    ] = None,
    updated_since: UpdatedSinceQuery = None,
    q: SearchQuery = None,
    sort: Annotated[ArticleSort, Query(description=ArticleSort.__doc__)] = ArticleSort.id,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[ArticlePublic]:
    """Articles in the order they were stored, oldest first, or in `sort` order; `q`
    searches their titles and bodies."""
    order = service.SORTS[sort]
    rows = service.list_articles(
        session,
        position=decode_keyset(cursor, order),
        sort=sort,
        q=q,
        limit=limit,
        updated_since=updated_since,
        publisher=publisher,
        published_from=published_from,
        published_to=published_to,
    )
    return page_of(
        rows,
        lambda shown: service.to_public(session, shown),
        limit=limit,
        request=request,
        response=response,
        sort=order,
        key_of=service.sort_key_of(sort),
    )


@router.post(
    "",
    operation_id="create_article",
    summary="Submit an article",
    status_code=status.HTTP_201_CREATED,
    responses={
        201: {
            "description": "Stored; its claims and actors are available at once.",
            "headers": {
                "Location": {"description": "URL of the article.", "schema": {"type": "string"}},
                **ETAG_HEADER,
            },
        },
        200: {
            "model": ArticlePublic,
            "description": "The same text was stored already; this is that article.",
            "headers": {
                "Location": {"description": "URL of the article.", "schema": {"type": "string"}},
                **ETAG_HEADER,
            },
        },
        **problem_responses(401, 403, 409, 413, 422),
    },
)
def create_article(
    data: ArticleCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    _: EditorKey,
) -> ArticlePublic:
    """Store an article, extract its claims and link their actors, in one transaction.

    Posting a text that is stored already returns the stored article with `200`.
    """
    article, created = ingest.create_article(session, data)
    public = service.to_public(session, [article])[0]
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    response.headers["Location"] = link_for(request, "get_article", article_id=public.id)
    set_etag(response, public)
    return public


@router.get(
    "/{article_id}",
    operation_id="get_article",
    summary="Get an article",
    responses={
        200: {"headers": ETAG_HEADER},
        304: {"description": "Not modified since the `If-None-Match` version."},
        **problem_responses(401, 404, 410, 422),
    },
)
def get_article(
    article_id: IdPath, request: Request, response: Response, session: SessionDep, _: ReaderKey
) -> ArticlePublic:
    """One article with its body exactly as stored; evidence offsets index into `body`."""
    public = service.to_public(session, [service.get_article(session, article_id)])[0]
    return with_etag(request, response, public)  # type: ignore[return-value]


@router.patch(
    "/{article_id}",
    operation_id="update_article",
    summary="Correct an article's metadata",
    responses={
        200: {"headers": ETAG_HEADER},
        **problem_responses(401, 403, 404, 409, 410, 412, 413, 422),
    },
)
def update_article(
    article_id: IdPath,
    data: ArticleUpdate,
    response: Response,
    session: SessionDep,
    _: EditorKey,
    if_match: Annotated[str | None, Header(description="ETag the change is based on.")] = None,
) -> ArticlePublic:
    """Change title, url, publisher, publication time or language. The body cannot change."""
    article = service.get_article(session, article_id)
    check_if_match(if_match, service.to_public(session, [article])[0])
    article = ingest.update_article(session, article, data)
    public = service.to_public(session, [article])[0]
    set_etag(response, public)
    return public


@router.delete(
    "/{article_id}",
    operation_id="delete_article",
    summary="Delete an article and its claims",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 410, 412, 422),
)
def delete_article(
    article_id: IdPath,
    session: SessionDep,
    _: EditorKey,
    if_match: Annotated[str | None, Header(description="ETag the deletion is based on.")] = None,
) -> Response:
    """Delete the article; its claims go with it.

    What was deleted is kept: `GET /v1/deleted-articles/{id}` shows it (a `GET` of the
    article answers `410` pointing there) and `POST /v1/deleted-articles/{id}/restore`
    brings it back under its own id, with the claims an editor had corrected.
    """
    article = service.get_article(session, article_id)
    check_if_match(if_match, service.to_public(session, [article])[0])
    ingest.delete_article(session, article)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{article_id}/claims",
    operation_id="list_article_claims",
    summary="List an article's claims",
    responses={200: {"headers": LINK_HEADER}, **problem_responses(400, 401, 404, 410, 422)},
)
def list_article_claims(
    article_id: IdPath,
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[ClaimPublic]:
    """The claims extracted from one article, in text order of extraction."""
    service.get_article(session, article_id)
    rows = claims_service.list_claims(
        session, after=decode_cursor(cursor), limit=limit, article_id=article_id
    )
    return page_of(
        rows,
        lambda shown: claims_service.to_public(session, shown),
        limit=limit,
        request=request,
        response=response,
    )


deleted_router = APIRouter(prefix="/deleted-articles", tags=["articles"])


@deleted_router.get(
    "",
    operation_id="list_deleted_articles",
    summary="List deleted articles",
    responses={200: {"headers": LINK_HEADER}, **problem_responses(400, 401, 422)},
)
def list_deleted_articles(
    request: Request,
    response: Response,
    session: SessionDep,
    _: ReaderKey,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Page[DeletedArticlePublic]:
    """What deletions removed, by article id; each can be restored."""
    rows = service.list_deleted(session, after=decode_cursor(cursor), limit=limit)
    return page_of(rows, service.deleted_public, limit=limit, request=request, response=response)


@deleted_router.get(
    "/{article_id}",
    operation_id="get_deleted_article",
    summary="Get a deleted article",
    responses={
        200: {"headers": ETAG_HEADER},
        304: {"description": "Not modified since the `If-None-Match` version."},
        **problem_responses(401, 404, 422),
    },
)
def get_deleted_article(
    article_id: IdPath, request: Request, response: Response, session: SessionDep, _: ReaderKey
) -> DeletedArticlePublic:
    """A deleted article as it was when it was deleted."""
    public = service.deleted_public([service.get_deleted(session, article_id)])[0]
    return with_etag(request, response, public)  # type: ignore[return-value]


@deleted_router.post(
    "/{article_id}/restore",
    operation_id="restore_article",
    summary="Restore a deleted article",
    status_code=status.HTTP_201_CREATED,
    responses={
        201: {
            "description": "Restored under its own id; its claims are derived again and the"
            " claims an editor had corrected come back as they were.",
            "headers": {
                "Location": {"description": "URL of the article.", "schema": {"type": "string"}},
                **ETAG_HEADER,
            },
        },
        **problem_responses(401, 403, 404, 409, 422),
    },
)
def restore_article(
    article_id: IdPath, request: Request, response: Response, session: SessionDep, _: EditorKey
) -> ArticlePublic:
    """Bring a deleted article back (409 when its text or URL is stored again meanwhile)."""
    article = ingest.restore_article(session, service.get_deleted(session, article_id))
    public = service.to_public(session, [article])[0]
    response.headers["Location"] = link_for(request, "get_article", article_id=public.id)
    set_etag(response, public)
    return public
