from __future__ import annotations

from api.extraction.actors.nodes import PronounRef
from api.extraction.actors.registry import ActorRegistry
from api.extraction.types import ActorKind


def reg(body: str = "") -> ActorRegistry:
    r = ActorRegistry()
    r.learn(body)
    return r


def test_capitals_and_demonyms_resolve_to_countries() -> None:
    r = reg()
    assert r.nodes[r.resolve("Islamabad")].name == "Pakistan"  # type: ignore[index]
    assert r.nodes[r.resolve("Kabul")].name == "Afghanistan"  # type: ignore[index]
    assert r.nodes[r.side_of_word("Pakistani")].name == "Pakistan"  # type: ignore[index]


def test_person_with_title_and_parent_chain() -> None:
    r = reg()
    key = r.resolve("Pakistani military spokesman Lt. Gen. Ahmad Sharif Choudhary")
    assert isinstance(key, str)
    frozen = r.freeze()[key]
    assert frozen.name == "Ahmad Sharif Choudhary"
    assert frozen.kind == ActorKind.person
    assert [a.name for a in frozen.chain()] == [
        "Ahmad Sharif Choudhary",
        "Pakistan military",
        "Pakistan",
    ]


def test_surname_resolves_to_full_person() -> None:
    r = reg()
    full = r.resolve("Afghan government spokesman Zabihullah Mujahid")
    assert r.resolve("Mujahid") == full


def test_name_variants_are_one_actor() -> None:
    r = reg()
    a = r.resolve("Pakistan’s military")
    b = r.resolve("the Pakistani military")
    c = r.resolve("Pakistan Armed Forces")
    assert a == b == c


def test_ministry_variants() -> None:
    r = reg()
    a = r.resolve("Afghanistan's Defense Ministry")
    b = r.resolve("Afghanistan’s Ministry of Defense")
    assert a == b
    assert r.nodes[a].parent == "afghanistan"  # type: ignore[index]


def test_acronym_with_appositive_parent() -> None:
    body = (
        "According to the update released by the Inter-Services Public Relations (ISPR,) the "
        "public relations wing of the Pakistan Armed Forces, 21 posts were captured."
    )
    r = reg(body)
    key = r.resolve(
        "the Inter-Services Public Relations (ISPR,) the public relations wing of the Pakistan "
        "Armed Forces"
    )
    assert isinstance(key, str)
    assert r.resolve("the ISPR") == key
    ref = r.freeze()[key]
    assert "ISPR" in ref.aliases
    assert [a.name for a in ref.chain()][1:] == ["Pakistan military", "Pakistan"]


def test_group_side_is_learned_from_the_article() -> None:
    body = (
        "The Taliban came to power in Kabul in 2021. The Afghan Taliban deny it. "
        "The Pakistani Taliban (TTP) claimed the attack."
    )
    r = reg(body)
    taliban = r.resolve("the Taliban")
    assert isinstance(taliban, str)
    assert r.root(taliban) == "afghanistan"
    ttp = r.resolve("TTP")
    assert isinstance(ttp, str) and ttp != taliban
    assert r.root(ttp) == ttp  # a distinct armed group, not Pakistan
    assert r.resolve("Pakistani Taliban") == ttp


def test_outlets_and_pronouns() -> None:
    r = reg()
    assert r.nodes[r.resolve("a report by the news agency AFP")].name == "Agence France-Presse"  # type: ignore[index]
    islamabad_post = r.resolve("Islamabad Post")
    assert r.nodes[islamabad_post].kind == ActorKind.media_outlet  # type: ignore[index]
    assert isinstance(r.resolve("they"), PronounRef)


def test_officials() -> None:
    r = reg()
    key = r.resolve("Pakistani security officials")
    assert isinstance(key, str) and r.root(key) == "pakistan"
    assert r.resolve("A Pakistani security official") == key
    assert r.nodes[r.resolve("local officials")].parent is None  # type: ignore[index]


def test_institution_names_joined_by_small_words_stay_whole() -> None:
    r = reg()
    for phrase, name in (
        (
            "a tally by the Assistance Association for Political Prisoners",
            "Assistance Association for Political Prisoners",
        ),
        ("the Committee to Protect Journalists", "Committee to Protect Journalists"),
    ):
        key = r.resolve(phrase)
        assert isinstance(key, str) and r.nodes[key].name == name, (phrase, key)
    # a title among the words makes it a person with a role, not an institution
    key = r.resolve("Secretary of State Antony Blinken")
    assert isinstance(key, str) and r.nodes[key].name == "Antony Blinken"
