"""Command line: migrate, seed, serve, create-key, openapi, reextract, evaluate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session

from api.config import PROJECT_ROOT, get_settings

app = typer.Typer(help="Claims API administration.", no_args_is_help=True, add_completion=False)


def _alembic_config() -> object:
    from alembic.config import Config

    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    return cfg


def run_migrations() -> None:
    from alembic import command

    command.upgrade(_alembic_config(), "head")  # type: ignore[arg-type]


@app.command()
def migrate() -> None:
    """Apply every Alembic migration to DATABASE_URL."""
    run_migrations()
    typer.echo("database is at the newest schema")


def _seed(directory: Path) -> None:
    from api.db import get_engine
    from api.seeds import SeedOutcome, load_seeds

    def show(index: int, total: int, outcome: SeedOutcome) -> None:
        state = "stored" if outcome.created else "already stored"
        typer.echo(f"[{index}/{total}] {outcome.path.name}: article {outcome.article_id} {state}")

    with Session(get_engine(), expire_on_commit=False) as session:
        outcomes = load_seeds(session, directory, progress=show)
    created = sum(o.created for o in outcomes)
    typer.echo(f"seeds: {created} new, {len(outcomes) - created} already stored")


@app.command()
def seed(
    directory: Annotated[
        Path | None, typer.Argument(help="Folder of seed .txt files (default: SEEDS_DIR).")
    ] = None,
) -> None:
    """Import the seed documents (idempotent: run twice, same rows)."""
    folder = directory or get_settings().seeds_dir
    if not folder.is_dir():
        typer.echo(f"no such folder: {folder}", err=True)
        raise typer.Exit(2)
    _seed(folder)


@app.command("create-key")
def create_key(
    name: Annotated[str, typer.Option(help="Who the key is for.")],
    role: Annotated[str, typer.Option(help="reader, editor or admin.")] = "editor",
) -> None:
    """Create an API key and print its token (shown only this once)."""
    from api.auth.models import Role
    from api.auth.service import create_api_key
    from api.db import get_engine

    try:
        parsed = Role(role)
    except ValueError:
        typer.echo(f"role must be one of: {', '.join(r.value for r in Role)}", err=True)
        raise typer.Exit(2) from None
    with Session(get_engine()) as session:
        key, token = create_api_key(session, name=name, role=parsed)
    typer.echo(f"key {key.id} ({key.role}) for {key.name}; token (shown once):", err=True)
    typer.echo(token)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    load_seeds: Annotated[
        bool, typer.Option("--seed/--no-seed", help="Import seeds first.")
    ] = False,
) -> None:
    """Migrate, optionally seed, then serve the API with uvicorn."""
    import uvicorn

    settings = get_settings()
    run_migrations()
    if load_seeds:
        _seed(settings.seeds_dir)
    typer.echo(f"serving on http://{host}:{port} (docs at /docs, schema at /v1/openapi.json)")
    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
    )


@app.command()
def openapi(
    output: Annotated[
        Path, typer.Option(help="Where to write the document ('-' for stdout).")
    ] = PROJECT_ROOT / "schemas" / "openapi.json",
) -> None:
    """Write the OpenAPI document the app serves."""
    from api.main import create_app

    text = json.dumps(create_app().openapi(), indent=2, ensure_ascii=False) + "\n"
    if str(output) == "-":
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {output}")


@app.command()
def reextract(
    everything: Annotated[
        bool, typer.Option("--all", help="Every article, not only those of older versions.")
    ] = False,
) -> None:
    """Re-extract articles made by an older extractor; editors' corrections are kept."""
    from api.articles.models import Article
    from api.articles.service import articles_to_reextract, reextract_article
    from api.db import get_engine
    from api.extraction import extractor_version

    totals = {"added": 0, "removed": 0, "unchanged": 0, "kept_edited": 0}
    with Session(get_engine(), expire_on_commit=False) as session:
        ids = articles_to_reextract(session, everything=everything)
        typer.echo(f"{len(ids)} article(s) to re-extract with {extractor_version()}")
        for index, article_id in enumerate(ids, start=1):
            article = session.get(Article, article_id)
            if article is None:
                continue
            done = reextract_article(session, article)
            for key in totals:
                totals[key] += getattr(done, key)
            typer.echo(
                f"[{index}/{len(ids)}] article {article_id}: +{done.added} added, "
                f"-{done.removed} removed, {done.unchanged} unchanged, "
                f"{done.kept_edited} edited kept"
            )
    typer.echo(
        f"re-extraction: {totals['added']} added, {totals['removed']} removed, "
        f"{totals['unchanged']} unchanged, {totals['kept_edited']} edited claims kept"
    )


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="Gold annotation (JSON).")] = PROJECT_ROOT
    / "tests"
    / "data"
    / "gold_seeds.json",
    seeds_dir: Annotated[
        Path, typer.Option("--seeds", help="Folder of the annotated documents.")
    ] = PROJECT_ROOT / "seeds",
    database_url: Annotated[
        str | None,
        typer.Option(help="Database to ingest into (default: a scratch SQLite file)."),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 when a figure is below its target.")
    ] = False,
    backend: Annotated[
        str | None,
        typer.Option(
            help="Extraction backend: rules, parser or auto (default: EXTRACTION_BACKEND)."
        ),
    ] = None,
) -> None:
    """Ingest the annotated documents through the real write path and score the result."""
    import os
    import tempfile

    from api.extraction import extractor_version

    if backend is not None:
        os.environ["EXTRACTION_BACKEND"] = backend
    typer.echo(f"extractor               : {extractor_version()}")

    from fastapi.testclient import TestClient

    from api.db import get_engine
    from api.evaluation.service import evaluate as run_evaluation
    from api.main import create_app
    from api.seeds import load_seeds

    with tempfile.TemporaryDirectory() as scratch:
        os.environ["DATABASE_URL"] = database_url or f"sqlite:///{Path(scratch) / 'eval.db'}"
        get_settings.cache_clear()
        get_engine.cache_clear()
        run_migrations()
        with Session(get_engine(), expire_on_commit=False) as session:
            outcomes = load_seeds(session, seeds_dir)
        ids = {o.path.name: o.article_id for o in outcomes}
        annotation = json.loads(gold.read_text(encoding="utf-8"))
        with TestClient(create_app()) as client:
            claims, discrepancies = run_evaluation(client, annotation, ids)
        get_engine().dispose()
    typer.echo(claims.format())
    typer.echo(discrepancies.format())
    below = (
        claims.recall < 0.95
        or claims.precision < 0.90
        or claims.claimant_accuracy < 0.95
        or bool(claims.not_claim_violations)
        or bool(discrepancies.missed)
        or bool(discrepancies.false)
        or bool(discrepancies.non_discrepancy_violations)
        or bool(discrepancies.mixed_events)
    )
    if check and below:
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
