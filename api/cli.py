"""Command line: migrate, seed, serve, create-key, keys, openapi, export, reextract, evaluate."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import click
import typer
from sqlmodel import Session
from typer.core import TyperGroup

from api.config import PROJECT_ROOT, get_settings
from api.logs import logging_config, redact

if TYPE_CHECKING:
    from api.evaluation.discrepancies import DiscrepancyReport
    from api.evaluation.gold import GoldReport

# uvicorn, started by `serve`: close idle keep-alive connections after 5 s, and refuse a
# request head (request line and headers) larger than 16 KiB. The h11 implementation is
# chosen because its limits are explicit; request bodies are bounded by the app
# (MAX_BODY_BYTES, BODY_READ_TIMEOUT_SECONDS).
KEEP_ALIVE_SECONDS = 5
MAX_REQUEST_HEAD_BYTES = 16 * 1024


def _database_shown() -> str:
    """DATABASE_URL as it may be printed: no password, no driver name."""
    from sqlalchemy.engine import make_url

    try:
        url = make_url(get_settings().database_url)
    except Exception:
        return "the configured database"
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def describe_error(exc: Exception) -> str:
    """One line, secrets masked, for an error that stops a command."""
    from alembic.util.exc import CommandError
    from pydantic import ValidationError
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    if isinstance(exc, ValidationError):
        problems = "; ".join(
            f"{'.'.join(str(part) for part in err['loc']).upper() or 'settings'}: {err['msg']}"
            for err in exc.errors()
        )
        message = f"invalid setting {problems}"
    elif isinstance(exc, DBAPIError):
        reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else ""
        if exc.statement is None:  # it failed while connecting
            message = f"cannot connect to the database at {_database_shown()}"
        else:
            message = f"the database at {_database_shown()} refused the operation"
        message += f" ({reason})" if reason else ""
    elif isinstance(exc, SQLAlchemyError):
        message = f"database error at {_database_shown()}: {exc.__class__.__name__}"
    elif isinstance(exc, CommandError):
        message = f"migration failed: {exc}"
    elif isinstance(exc, OSError):
        message = str(exc)
    else:
        message = f"unexpected {exc.__class__.__name__}: {exc}"
    return redact(" ".join(message.split()))


class _Commands(TyperGroup):
    """Errors reach the user as one line on stderr (`error: ...`) and exit code 1: no
    traceback, no local variables, no password."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            typer.echo(f"error: {describe_error(exc)}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_Commands,
    help="Claims API administration.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


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
    from api.db import unit_of_work
    from api.seeds import SeedOutcome, load_seeds

    def show(index: int, total: int, outcome: SeedOutcome) -> None:
        state = "stored" if outcome.created else "already stored"
        typer.echo(f"[{index}/{total}] {outcome.path.name}: article {outcome.article_id} {state}")

    with unit_of_work() as session:
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
    expires_in_days: Annotated[
        int | None,
        typer.Option(min=1, max=3650, help="Days until the key stops working (default: never)."),
    ] = None,
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
    with Session(get_engine(), expire_on_commit=False) as session:
        key, token = create_api_key(
            session, name=name, role=parsed, expires_in_days=expires_in_days
        )
    expiry = f", expires {key.expires_at:%Y-%m-%d %H:%M} UTC" if key.expires_at else ""
    typer.echo(f"key {key.id} ({key.role}) for {key.name}{expiry}; token (shown once):", err=True)
    typer.echo(token)


keys_app = typer.Typer(help="List, revoke and rotate API keys.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


def _when(moment: datetime | None) -> str:
    return "-" if moment is None else f"{moment:%Y-%m-%d %H:%M}"


@keys_app.command("list")
def keys_list() -> None:
    """Every key with its state; tokens cannot be shown (only their hashes are stored)."""
    from api.auth.models import ApiKey
    from api.auth.service import list_keys, to_public
    from api.db import get_engine

    with Session(get_engine()) as session:
        rows: list[ApiKey] = []
        after: int | None = None
        while True:
            page = list_keys(session, after=after, limit=100)
            rows += page[:100]
            if len(page) <= 100:
                break
            after = page[99].id
        keys = [to_public(key) for key in rows]
    typer.echo(
        f"{'id':>4}  {'role':<6}  {'prefix':<10}  {'state':<7}  {'created':<16}  "
        f"{'expires':<16}  {'last used':<16}  name"
    )
    for key in keys:
        state = "revoked" if key.revoked_at else ("active" if key.active else "expired")
        typer.echo(
            f"{key.id:>4}  {key.role.value:<6}  {key.prefix:<10}  {state:<7}  "
            f"{_when(key.created_at):<16}  {_when(key.expires_at):<16}  "
            f"{_when(key.last_used_at):<16}  {key.name}"
        )


def _key_command(action: str, key_id: int) -> None:
    from api.auth.service import revoke_key, rotate_key
    from api.db import get_engine
    from api.errors import ProblemError

    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            if action == "revoke":
                key = revoke_key(session, key_id)
                typer.echo(f"key {key.id} ({key.role}) for {key.name} is revoked")
                return
            new, token = rotate_key(session, key_id)
        except ProblemError as exc:
            typer.echo(exc.detail, err=True)
            raise typer.Exit(1) from None
    typer.echo(
        f"key {key_id} is revoked; its replacement is key {new.id} ({new.role}) for "
        f"{new.name}; token (shown once):",
        err=True,
    )
    typer.echo(token)


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[int, typer.Argument(help="Id of the key.")]) -> None:
    """Revoke a key: it is refused from the next request on."""
    _key_command("revoke", key_id)


@keys_app.command("rotate")
def keys_rotate(key_id: Annotated[int, typer.Argument(help="Id of the key.")]) -> None:
    """Revoke a key and print the token of its replacement (same name, role, expiry)."""
    _key_command("rotate", key_id)


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
        http="h11",
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        h11_max_incomplete_event_size=MAX_REQUEST_HEAD_BYTES,
        log_config=logging_config(),
        access_log=False,
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
def export(
    resource: Annotated[
        str, typer.Argument(help="articles, claims, actors, discrepancies or events.")
    ],
    fmt: Annotated[str, typer.Option("--format", help="ndjson, or csv (claims only).")] = "ndjson",
    output: Annotated[
        Path | None, typer.Option(help="File to write; '-' for stdout. Default: RESOURCE.FORMAT.")
    ] = None,
) -> None:
    """Write a bulk file of every row, the same bytes `GET /v1/export/RESOURCE` sends."""
    from api.db import get_stream_session
    from api.errors import ProblemError
    from api.export.service import Format, Resource, check_format, encode, filename

    try:
        chosen, kind = Resource(resource), Format(fmt)
        check_format(chosen, kind)
    except (ValueError, ProblemError) as exc:
        raise click.UsageError(str(exc)) from exc
    target = output or Path(filename(chosen, kind))
    sessions = contextmanager(get_stream_session)()
    with sessions as session:
        if str(target) == "-":
            for chunk in encode(session, chosen, kind):
                sys.stdout.buffer.write(chunk)
        else:
            # Written beside the target and renamed when complete: a failed export leaves
            # no file, and never a half-written one in the target's place.
            partial = target.with_name(target.name + ".part")
            try:
                with partial.open("wb") as stream:
                    for chunk in encode(session, chosen, kind):
                        stream.write(chunk)
                partial.replace(target)
            finally:
                partial.unlink(missing_ok=True)
    if str(target) != "-":
        typer.echo(f"wrote {target}")


@app.command()
def reextract(
    everything: Annotated[
        bool, typer.Option("--all", help="Every article, not only those of older versions.")
    ] = False,
) -> None:
    """Re-extract articles made by an older extractor; editors' corrections are kept."""
    from api.articles.models import Article
    from api.articles.service import articles_to_reextract
    from api.db import unit_of_work
    from api.extraction import extractor_version
    from api.ingest import reextract_article

    totals = {"added": 0, "removed": 0, "unchanged": 0, "kept_edited": 0}
    with unit_of_work() as session:
        ids = articles_to_reextract(session, everything=everything)
        session.commit()
        typer.echo(f"{len(ids)} article(s) to re-extract with {extractor_version()}")
        for index, article_id in enumerate(ids, start=1):
            article = session.get(Article, article_id)
            if article is None:
                continue
            done = reextract_article(session, article)
            session.commit()  # one unit of work per article
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
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="For each missed discrepancy, show the stored claims behind its sides.",
        ),
    ] = False,
) -> None:
    """Ingest the annotated documents through the real write path and score the result."""
    import os

    from api.extraction import extractor_version

    if backend is not None:
        os.environ["EXTRACTION_BACKEND"] = backend
    typer.echo(f"extractor               : {extractor_version()}")

    claims, discrepancies, explained = _score_batch(gold, seeds_dir, database_url, explain)
    typer.echo(claims.format())
    typer.echo(discrepancies.format())
    if explained:
        typer.echo("why missed:")
        typer.echo(explained)
    if check and _below_targets(claims, discrepancies):
        raise typer.Exit(1)


def _score_batch(
    gold: Path, seeds_dir: Path, database_url: str | None, explain: bool
) -> tuple[GoldReport, DiscrepancyReport, str]:
    """Post the batch's documents into a database of their own, migrated, and score what
    was stored (with, when asked, why each missed discrepancy was missed)."""
    import os
    import tempfile

    from fastapi.testclient import TestClient

    from api.db import get_engine, unit_of_work
    from api.evaluation.service import evaluate as run_evaluation
    from api.main import create_app
    from api.seeds import load_seeds

    with tempfile.TemporaryDirectory() as scratch:
        os.environ["DATABASE_URL"] = database_url or f"sqlite:///{Path(scratch) / 'eval.db'}"
        get_settings.cache_clear()
        get_engine.cache_clear()
        run_migrations()
        annotation = json.loads(gold.read_text(encoding="utf-8"))
        publishers = {
            name: meta["publisher"]
            for name, meta in annotation.get("articles", {}).items()
            if isinstance(meta, dict) and meta.get("publisher")
        }
        with unit_of_work() as session:
            outcomes = load_seeds(session, seeds_dir, publishers=publishers)
        ids = {o.path.name: o.article_id for o in outcomes}
        with TestClient(create_app()) as client:
            claims, discrepancies = run_evaluation(client, annotation, ids)
        explained = ""
        if explain:
            from api.evaluation.explain import explain_missed

            with unit_of_work() as session:
                missed = discrepancies.missed + discrepancies.denials_missed
                explained = explain_missed(session, annotation, ids, missed)
        get_engine().dispose()
    return claims, discrepancies, explained


def _below_targets(claims: GoldReport, discrepancies: DiscrepancyReport) -> bool:
    return (
        claims.recall < 0.95
        or claims.precision < 0.90
        or claims.claimant_accuracy < 0.95
        or bool(claims.not_claim_violations)
        or bool(discrepancies.missed)
        or bool(discrepancies.false)
        or bool(discrepancies.non_discrepancy_violations)
        or bool(discrepancies.mixed_events)
    )


if __name__ == "__main__":
    app()
