"""Full-text search over claims (statement, quote) and articles (title, body).

One function, :func:`matches`, gives the condition a list query adds for `q`; the index
behind it is the database's own: on PostgreSQL a GIN index on the English ``tsvector`` of
the columns (``ix_<table>_search``), on SQLite an FTS5 table (``<table>_fts``, Porter
stemmer) kept in step by triggers. Both built by the migration ``search_indexes``. Every
word of ``q`` must occur (stemmed: "killed" finds "kill", "killing"); punctuation and
operators in ``q`` are plain text, never query syntax.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from sqlalchemy import ColumnElement, bindparam, literal_column, text
from sqlmodel import Session

Searchable = Literal["claim", "article"]
COLUMNS: dict[str, tuple[str, str]] = {
    "claim": ("statement", "quote"),
    "article": ("title", "body"),
}
"""The columns each table is searched in, in the order the indexes list them."""
_WORDS = re.compile(r"\w+")


def words(q: str) -> list[str]:
    """The words of a query (letters and digits; everything else separates them)."""
    return _WORDS.findall(q.lower())


def tsvector_sql(table: str) -> str:
    """The indexed PostgreSQL expression; queries must use it verbatim to hit the index."""
    first, second = COLUMNS[table]
    return f"to_tsvector('english', {table}.{first} || ' ' || {table}.{second})"


def matches(session: Session, table: Searchable, q: str) -> ColumnElement[bool]:
    """A condition on ``table``'s rows: those whose text contains every word of ``q``."""
    terms = words(q)
    if not terms:
        return literal_column("1 = 0")
    if session.get_bind().dialect.name == "postgresql":
        clause: Any = text(
            f"{tsvector_sql(table)} @@ plainto_tsquery('english', :search_q)"
        ).bindparams(bindparam("search_q", " ".join(terms)))
        return clause  # type: ignore[no-any-return]
    fts = f"{table}_fts"
    query = " ".join(f'"{term}"' for term in terms)  # quoted: never FTS5 syntax
    clause = text(
        f"{table}.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :search_q)"
    ).bindparams(bindparam("search_q", query))
    return clause  # type: ignore[no-any-return]


def include_name(name: str | None, type_: str, _parent: object = None) -> bool:
    """For Alembic's comparison: the search objects are made by hand, not by the models."""
    if type_ == "table" and name is not None:
        return not any(name.startswith(f"{table}_fts") for table in COLUMNS)
    if type_ == "index" and name is not None:
        return name not in {f"ix_{table}_search" for table in COLUMNS}
    return True
