from __future__ import annotations

from datetime import date

from api.extraction.seed_format import parse_seed_document
from api.extraction.sentences import split_sentences


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


def test_abbreviations_do_not_end_sentences() -> None:
    body = (
        "Pakistani military spokesman Lt. Gen. Ahmad Sharif Choudhary said Friday: it is over. "
        "Troops from the U.S. and U.N. staff left. Attacks rose between January and Sept. 15 "
        "this year. On Jan. 3 they met."
    )
    assert texts(body) == [
        "Pakistani military spokesman Lt. Gen. Ahmad Sharif Choudhary said Friday: it is over.",
        "Troops from the U.S. and U.N. staff left.",
        "Attacks rose between January and Sept. 15 this year.",
        "On Jan. 3 they met.",
    ]


def test_newlines_end_sentences_and_offsets_hold() -> None:
    body = "Headline without stop\nFirst line. Second one!\n\n“Quoted,” he said. Done."
    sents = split_sentences(body)
    assert [s.text for s in sents] == [
        "Headline without stop",
        "First line.",
        "Second one!",
        "“Quoted,” he said.",
        "Done.",
    ]
    for s in sents:
        assert body[s.start : s.end] == s.text
    assert sents[0].is_heading and not sents[1].is_heading


def test_furniture_lines_are_headings() -> None:
    sents = split_sentences("Also read | Pakistan killed 10 of its own citizens in strike: Reports")
    assert sents[0].is_heading


def test_seed_header_with_furniture_is_dropped() -> None:
    published, body = parse_seed_document(" date 2026-02-28 Home\n\nKabul: Tensions rose.")
    assert published == date(2026, 2, 28)
    assert body == "Kabul: Tensions rose."


def test_seed_header_followed_by_text_keeps_text() -> None:
    published, body = parse_seed_document(
        " date 2024-01-20 Pakistan and Iran have agreed to talk.\nMore."
    )
    assert published == date(2024, 1, 20)
    assert body == "Pakistan and Iran have agreed to talk.\nMore."


def test_no_header() -> None:
    assert parse_seed_document("Plain body.") == (None, "Plain body.")
