from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request, Response, status

from api import ingest
from api.articles import service
from api.articles.models import (
    Article,
    ArticleCreate,
    ArticleFilters,
    ArticlePublic,
    ArticleSort,
    ArticleUpdate,
    DeletedArticle,
    DeletedArticlePublic,
)
from api.auth.service import EditorKey
from api.claims import service as claims_service
from api.claims.models import ClaimPublic
from api.db import SessionDep
from api.errors import problem_responses
from api.http import FIRST_ITEM_ID, PATH_ID, Sorting, finder, link, list_route, load
from api.inputs import IdPath
from api.representations import (
    IfMatch,
    changed,
    check_if_match,
    created,
    current,
    one,
    single,
    stored,
    updated,
)

router = APIRouter(prefix="/articles", tags=["articles"])

ArticleDep = Annotated[Article, Depends(load(Article, missing=service.gone))]
find_deleted = finder(DeletedArticle)
DeletedArticleDep = Annotated[
    DeletedArticle, Depends(load(DeletedArticle, param="article_id", find=find_deleted))
]

ARTICLE_LINKS = {
    "ListArticleClaims": link("list_article_claims", "article_id"),
    "UpdateArticle": link("update_article", "article_id", if_match=True),
    "DeleteArticle": link("delete_article", "article_id", if_match=True),
}
CREATED_LINKS = {"GetArticle": link("get_article", "article_id"), **ARTICLE_LINKS}
_STORED = stored("article", links=CREATED_LINKS)


list_route(
    router,
    "",
    operation_id="list_articles",
    summary="List articles",
    doc="""Articles in the order they were stored, oldest first, or in `sort` order; `q`
    searches their titles and bodies.""",
    model=ArticlePublic,
    fetch=service.list_articles,
    render=service.to_public,
    filters=ArticleFilters,
    sorting=Sorting(
        ArticleSort, ArticleSort.id, service.SORTS, lambda _, sort: service.sort_key_of(sort)
    ),
    links={"GetFirstArticle": link("get_article", "article_id", FIRST_ITEM_ID)},
)


@router.post(
    "",
    operation_id="create_article",
    summary="Submit an article",
    status_code=status.HTTP_201_CREATED,
    response_model=ArticlePublic,
    responses={
        201: {"description": "Stored; its claims and actors are available at once.", **_STORED},
        200: {
            "model": ArticlePublic,
            "description": "The same text was stored already; this is that article.",
            **_STORED,
        },
        **problem_responses(401, 403, 409, 413, 422),
    },
)
def create_article(
    _: EditorKey, data: ArticleCreate, request: Request, session: SessionDep
) -> Response:
    """Store an article, extract its claims and link their actors, in one transaction.

    Posting a text that is stored already returns the stored article with `200`.
    """
    article, stored = ingest.create_article(session, data)
    public = service.to_public(session, [article])[0]
    status_code = status.HTTP_201_CREATED if stored else status.HTTP_200_OK
    return created(request, public, "get_article", "article_id", status_code=status_code)


@router.get(
    "/{article_id}",
    operation_id="get_article",
    summary="Get an article",
    response_model=ArticlePublic,
    responses=one(401, 404, 410, 422, links=ARTICLE_LINKS),
)
def get_article(article_id: IdPath, request: Request, session: SessionDep) -> Response:
    """One article with its body exactly as stored; evidence offsets index into `body`."""
    return current(request, service.public_article(session, article_id))


@router.patch(
    "/{article_id}",
    operation_id="update_article",
    summary="Correct an article's metadata",
    response_model=ArticlePublic,
    responses=updated(401, 403, 404, 409, 410, 412, 413, 422),
)
def update_article(
    _: EditorKey,
    article: ArticleDep,
    data: ArticleUpdate,
    session: SessionDep,
    if_match: IfMatch = None,
) -> Response:
    """Change title, url, publisher, publication time or language. The body cannot change."""
    change = partial(ingest.update_article, session, data=data)
    return changed(if_match, article, single(service.to_public, session), change)


@router.delete(
    "/{article_id}",
    operation_id="delete_article",
    summary="Delete an article and its claims",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={
        204: {
            "links": {
                "ListDeletedArticleClaims": link(
                    "list_article_claims",
                    "article_id",
                    PATH_ID.format("article_id"),
                    description="The article's claims are gone with it: this answers 404.",
                ),
                "GetDeletedArticle": link(
                    "get_article",
                    "article_id",
                    PATH_ID.format("article_id"),
                    description="The article is gone: this answers 404.",
                ),
            }
        },
        **problem_responses(401, 403, 404, 410, 412, 422),
    },
)
def delete_article(
    _: EditorKey,
    article: ArticleDep,
    session: SessionDep,
    if_match: Annotated[str | None, Header(description="ETag the deletion is based on.")] = None,
) -> Response:
    """Delete the article; its claims go with it.

    What was deleted is kept: `GET /v1/deleted-articles/{id}` shows it (a `GET` of the
    article answers `410` pointing there) and `POST /v1/deleted-articles/{id}/restore`
    brings it back under its own id, with the claims an editor had corrected.
    """
    check_if_match(if_match, single(service.to_public, session)(article))
    ingest.delete_article(session, article)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


list_route(
    router,
    "/{article_id}/claims",
    operation_id="list_article_claims",
    summary="List an article's claims",
    doc="The claims extracted from one article, in text order of extraction.",
    model=ClaimPublic,
    fetch=claims_service.list_claims,
    render=claims_service.to_public,
    within=("article_id", ArticleDep),
    problems=(400, 401, 404, 410, 422),
    links={"GetFirstClaim": link("get_claim", "claim_id", FIRST_ITEM_ID)},
)


deleted_router = APIRouter(prefix="/deleted-articles", tags=["articles"])


list_route(
    deleted_router,
    "",
    operation_id="list_deleted_articles",
    summary="List deleted articles",
    doc="What deletions removed, by article id; each can be restored.",
    model=DeletedArticlePublic,
    fetch=service.list_deleted,
    render=lambda _, rows: service.deleted_public(rows),
)


@deleted_router.get(
    "/{article_id}",
    operation_id="get_deleted_article",
    summary="Get a deleted article",
    response_model=DeletedArticlePublic,
    responses=one(401, 404, 422),
)
def get_deleted_article(article_id: IdPath, request: Request, session: SessionDep) -> Response:
    """A deleted article as it was when it was deleted."""
    return current(request, service.deleted_public([find_deleted(session, article_id)])[0])


@deleted_router.post(
    "/{article_id}/restore",
    operation_id="restore_article",
    summary="Restore a deleted article",
    status_code=status.HTTP_201_CREATED,
    response_model=ArticlePublic,
    responses={
        201: {
            "description": "Restored under its own id; its claims are derived again and the"
            " claims an editor had corrected come back as they were.",
            "headers": _STORED["headers"],
        },
        **problem_responses(401, 403, 404, 409, 422),
    },
)
def restore_article(
    _: EditorKey, deleted: DeletedArticleDep, request: Request, session: SessionDep
) -> Response:
    """Bring a deleted article back (409 when its text or URL is stored again meanwhile)."""
    public = service.to_public(session, [ingest.restore_article(session, deleted)])[0]
    return created(request, public, "get_article", "article_id")
