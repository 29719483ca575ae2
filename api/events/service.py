"""Events: grouping articles as they arrive, and moving them between events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from api.articles.models import Article
from api.claims.models import Claim
from api.config import get_settings
from api.db import utcnow
from api.errors import NotFound
from api.events.grouping import DateWindow, coverage, signature
from api.events.models import Event, EventPublic, EventTerm


def get_event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFound(f"no event with id {event_id}")
    return event


def article_day(article: Article) -> date | None:
    return article.published_at.date() if article.published_at is not None else None


def article_terms(article: Article) -> frozenset[str]:
    return signature(article.title + "\n" + article.body)


def choose_event(session: Session, article: Article, terms: frozenset[str]) -> Event | None:
    """The stored event this article's content and date match best, if any matches."""
    if not terms:
        return None
    settings = get_settings()
    shared: dict[int, set[str]] = defaultdict(set)
    day = article_day(article)
    stmt = select(EventTerm.event_id, EventTerm.term).where(col(EventTerm.term).in_(terms))
    if day is not None:
        # Only events whose dates admit the article (or that have none): an index on the
        # dates keeps this from growing with the number of events.
        slack = timedelta(days=settings.event_window_days)
        stmt = stmt.join(Event, col(Event.id) == col(EventTerm.event_id)).where(
            or_(
                col(Event.start_date).is_(None),
                (col(Event.start_date) <= day + slack) & (col(Event.end_date) >= day - slack),
            )
        )
    for event_id, term in session.exec(stmt):
        shared[event_id].add(term)
    if not shared:
        return None
    best: tuple[float, int, Event] | None = None
    candidates = session.exec(select(Event).where(col(Event.id).in_(list(shared))))
    for event in candidates:
        assert event.id is not None
        window = DateWindow(event.start_date, event.end_date)
        if not window.admits(day, settings.event_window_days):
            continue
        score = coverage(terms, shared[event.id])
        if score >= settings.event_match_threshold and (best is None or score > best[0]):
            best = (score, event.id, event)
    return best[2] if best is not None else None


def join_event(
    session: Session, article: Article, event: Event | None, terms: frozenset[str] | None = None
) -> Event:
    """Put the article in ``event`` (a new event when ``None``) and update its signature.

    ``terms``: the article's terms when the caller has them. The article may be new (not
    flushed yet): it is then written once, with its event.
    """
    terms = article_terms(article) if terms is None else terms
    if event is None:
        event = Event(title=article.title)
        session.add(event)
        session.flush()
    assert event.id is not None
    window = DateWindow(event.start_date, event.end_date).widened(article_day(article))
    event.start_date, event.end_date = window.start, window.end
    event.article_count += 1
    event.updated_at = utcnow()
    article.event_id = event.id
    session.add(event)
    session.add(article)
    session.flush()
    _count_terms(session, event.id, terms)
    return event


def _count_terms(session: Session, event_id: int, terms: frozenset[str]) -> None:
    """Count the terms once more in the event's signature: one upsert for all of them."""
    if not terms:
        return
    rows = [{"event_id": event_id, "term": term, "count": 1} for term in sorted(terms)]
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(EventTerm).values(rows)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["event_id", "term"],
            set_={"count": EventTerm.__table__.c.count + 1},  # type: ignore[attr-defined]
        )
    )
    # A row of these the session holds (read by an earlier step) is read afresh.
    for obj in list(session.identity_map.values()):
        if isinstance(obj, EventTerm) and obj.event_id == event_id and obj.term in terms:
            session.expire(obj)


def assign_event(session: Session, article: Article) -> Event:
    """Place the article in the event it matches best, or in a new one."""
    terms = article_terms(article)
    return join_event(session, article, choose_event(session, article, terms), terms)


def leave_event(session: Session, article: Article) -> None:
    """Take the article out of its event.

    An event left empty is kept, with its dates and its last article's terms: what was
    derived of it (an editor's discrepancies) stays attached, and the same articles posted
    again find it again.
    """
    if article.event_id is None:
        return
    event = session.get(Event, article.event_id)
    article.event_id = None
    session.add(article)
    session.flush()
    if event is None:
        return
    event.article_count = max(event.article_count - 1, 0)
    event.updated_at = utcnow()
    session.add(event)
    if event.article_count == 0:
        session.flush()
        return
    terms = article_terms(article)
    for row in session.exec(
        select(EventTerm).where(EventTerm.event_id == event.id, col(EventTerm.term).in_(terms))
    ):
        if row.count <= 1:
            session.delete(row)
        else:
            row.count -= 1
            session.add(row)
    rederive_dates(session, event)


def rederive_dates(session: Session, event: Event) -> None:
    """The event's dates from its articles' publication dates (kept when it has none)."""
    first, last = session.exec(
        select(func.min(Article.published_at), func.max(Article.published_at)).where(
            Article.event_id == event.id
        )
    ).one()
    if event.article_count > 0:
        event.start_date = first.date() if first else None
        event.end_date = last.date() if last else None
    event.updated_at = utcnow()
    session.add(event)
    session.flush()


def list_events(
    session: Session,
    *,
    after: int | None,
    limit: int,
    date_from: date | None = None,
    date_to: date | None = None,
    actor_id: int | None = None,
    updated_since: datetime | None = None,
) -> list[Event]:
    """Events whose date span meets [``date_from``, ``date_to``] and whose claims involve
    ``actor_id`` (claimant, relay, side or target), when given; ``limit + 1`` of them."""
    stmt = select(Event)
    if date_from is not None:
        stmt = stmt.where(col(Event.end_date) >= date_from)
    if date_to is not None:
        stmt = stmt.where(col(Event.start_date) <= date_to)
    if actor_id is not None:
        involved = select(Claim.event_id).where(
            or_(
                col(Claim.claimant_id) == actor_id,
                col(Claim.relayed_by_id) == actor_id,
                col(Claim.subject_side_id) == actor_id,
                col(Claim.target_id) == actor_id,
            )
        )
        stmt = stmt.where(col(Event.id).in_(involved))
    if after is not None:
        stmt = stmt.where(col(Event.id) > after)
    if updated_since is not None:
        stmt = stmt.where(col(Event.updated_at) >= updated_since)
    return list(session.exec(stmt.order_by(col(Event.id)).limit(limit + 1)))


def to_public(events: Sequence[Event]) -> list[EventPublic]:
    return [EventPublic.model_validate(e) for e in events]
