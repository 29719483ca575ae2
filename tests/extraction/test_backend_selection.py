"""EXTRACTION_BACKEND: rules, parser or auto; the service works without the parser extra."""

from __future__ import annotations

import pytest

from api.extraction import EXTRACTOR_VERSION, extract, extractor_version
from api.extraction import parse as backends
from api.extraction.parse.backend import PARSER_VERSION
from api.extraction.types import ArticleInput

BODY = "The harbour police said 3 boats capsized."


def test_rules_backend_records_the_rules_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACTION_BACKEND", "rules")
    assert extract(ArticleInput(body=BODY)).version == EXTRACTOR_VERSION
    assert extractor_version() == EXTRACTOR_VERSION


def test_auto_falls_back_to_the_rules_when_the_model_is_absent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(backends, "available", lambda: False)
    monkeypatch.setenv("EXTRACTION_BACKEND", "auto")
    result = extract(ArticleInput(body=BODY))
    assert result.version == EXTRACTOR_VERSION
    assert [c.quantity.text for c in result.claims if c.quantity] == ["3"]
    with pytest.raises(backends.BackendUnavailable):
        extract(ArticleInput(body=BODY), backend="parser")


def test_a_misspelt_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="EXTRACTION_BACKEND"):
        extract(ArticleInput(body=BODY), backend="spacy")


@pytest.mark.skipif(not backends.available(), reason="the parser extra is not installed")
def test_parser_backend_records_both_versions() -> None:
    version = extract(ArticleInput(body=BODY), backend="parser").version
    assert version == f"{PARSER_VERSION}+{EXTRACTOR_VERSION}"
    assert extractor_version("auto") == version


def test_the_web_and_database_code_does_not_load_the_model() -> None:
    """spaCy is imported by the extraction package on the first parse, never at start-up."""
    import subprocess
    import sys

    code = "import api.main, api.db, api.articles.service, sys; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
