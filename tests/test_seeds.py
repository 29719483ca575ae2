from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from api.actors.models import Actor
from api.articles.models import Article
from api.claims.models import Claim
from api.seeds import load_seeds, title_from_body
from tests.factories import SEEDS_DIR


def _counts(session: Session) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        session.exec(select(func.count()).select_from(model)).one()
        for model in (Article, Claim, Actor)
    )


def test_loading_seeds_twice_stores_them_once(session: Session) -> None:
    first = load_seeds(session, SEEDS_DIR)
    after_first = _counts(session)
    second = load_seeds(session, SEEDS_DIR)
    assert [o.created for o in first] == [True] * 5
    assert [o.created for o in second] == [False] * 5
    assert [o.article_id for o in first] == [o.article_id for o in second]
    assert after_first[0] == 5
    assert _counts(session) == after_first


def test_seed_date_header_is_metadata_not_text(client: TestClient, seeded: list[int]) -> None:
    articles = {
        a["id"]: a for a in client.get("/v1/articles", params={"limit": 10}).json()["items"]
    }
    by_file = dict(zip(sorted(p.name for p in SEEDS_DIR.glob("*.txt")), seeded, strict=True))
    dated = articles[by_file["003_f234229d69249ec7.txt"]]
    assert dated["published_at"].startswith("2026-02-28")
    assert dated["body"].startswith("Kabul: Tensions between Kabul and Islamabad")
    inline = articles[by_file["004_1b6658ab09b2b700.txt"]]
    assert inline["published_at"].startswith("2024-01-20")
    assert inline["body"].startswith("Pakistan and Iran have agreed")
    undated = articles[by_file["000_ab2e9682234c8f1f.txt"]]
    assert undated["published_at"] is None
    raw = (SEEDS_DIR / "000_ab2e9682234c8f1f.txt").read_text(encoding="utf-8")
    assert undated["body"] == raw
    for article in articles.values():
        assert "date 20" not in article["body"][:40]


def test_titles_come_from_the_first_line() -> None:
    assert title_from_body("\n  Short headline \nBody.") == "Short headline"
    long = title_from_body("word " * 100)
    assert len(long) <= 160
    assert long.endswith("…")
