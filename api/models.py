"""Every table, imported in one place for Alembic and the drift test."""

from api.actors.models import Actor, ActorAlias, ActorRedirect
from api.articles.models import Article, DeletedArticle
from api.auth.models import ApiKey
from api.changes.models import Change
from api.claims.models import Claim
from api.discrepancies.models import Discrepancy, DiscrepancyClaim
from api.events.models import Event, EventTerm
from api.ratelimit.models import RateLimitCounter

__all__ = [
    "Actor",
    "ActorAlias",
    "ActorRedirect",
    "ApiKey",
    "Article",
    "Change",
    "Claim",
    "DeletedArticle",
    "Discrepancy",
    "DiscrepancyClaim",
    "Event",
    "EventTerm",
    "RateLimitCounter",
]
