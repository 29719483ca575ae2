"""Imports between the application's modules run one way (read from the source)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from api.config import PROJECT_ROOT

API = PROJECT_ROOT / "api"
DOMAINS = ("actors", "articles", "auth", "claims", "discrepancies", "events")
FOUNDATION = (
    "api.common",
    "api.config",
    "api.db",
    "api.docs",
    "api.errors",
    "api.faults",
    "api.inputs",
    "api.middleware",
    "api.names",
)
ENTRY_POINTS = ("api.main", "api.cli", "api.seeds")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module -> the api modules it imports (``from api.x import y`` counts ``api.x.y``
    when that is a module)."""
    modules = {_module_name(p): p for p in API.rglob("*.py")}
    out: dict[str, frozenset[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                base = node.module
                if not base.startswith("api"):
                    continue
                for alias in node.names:
                    child = f"{base}.{alias.name}"
                    targets.add(child if child in modules else base)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith("api"))
        out[name] = frozenset(t for t in targets if t in modules and t != name)
    return out


def _edges() -> Iterator[tuple[str, str]]:
    for source, targets in graph().items():
        for target in targets:
            yield source, target


def _in(module: str, *prefixes: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def test_the_module_graph_has_no_cycle() -> None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph()[node]):
            if state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for module in sorted(graph()):
        if module not in state:
            visit(module)


def test_extraction_is_pure() -> None:
    bad = [
        (s, t)
        for s, t in _edges()
        if _in(s, "api.extraction") and not _in(t, "api.extraction", "api.names")
    ]
    assert bad == [], "api.extraction imports only itself and api.names"


def test_foundation_knows_no_domain() -> None:
    domains = tuple(f"api.{d}" for d in DOMAINS)
    bad = [
        (s, t)
        for s, t in _edges()
        if s in FOUNDATION and (_in(t, *domains) or _in(t, "api.ingest", *ENTRY_POINTS))
    ]
    assert bad == []


def test_routers_are_mounted_only_by_the_app_and_the_write_path_is_called_from_above() -> None:
    routers = [m for m in graph() if m.endswith(".router")]
    assert routers, "the domain packages have routers"
    bad_router_users = [
        (s, t) for s, t in _edges() if t in routers and s not in ("api.main", "api.docs")
    ]
    assert bad_router_users == []
    ingest_users = {s for s, t in _edges() if t == "api.ingest"}
    assert ingest_users <= {*routers, *ENTRY_POINTS}, ingest_users


def test_models_import_no_behaviour() -> None:
    bad = [
        (s, t)
        for s, t in _edges()
        if s.endswith(".models")
        and (t.endswith((".service", ".router", ".refresh")) or _in(t, "api.ingest"))
    ]
    assert bad == []
