"""Databases for a test run, named per run so that runs sharing a server never collide.

TEST_DATABASE_URL names a PostgreSQL server (and a database on it to connect to); every
database the tests use is created next to it under a name unique to this process
(`claimsapi_<purpose>_<pid>_<random>_<n>`), and dropped when the test is done with it.
Without it, the databases are SQLite files in a temporary folder of the run.

Migrations run once per run, into a template: a migrated database is a copy of it
(`CREATE DATABASE ... TEMPLATE`, or a copy of the SQLite file), which costs a fraction of
running the migrations again. Drops run in a background thread, beside the tests (a drop
waits for a checkpoint of the server), and the run waits for them at its end.
"""

from __future__ import annotations

import itertools
import os
import secrets
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psycopg
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import make_url

from alembic import command
from api.config import PROJECT_ROOT, Settings
from api.db import make_engine

RUN_ID = f"{os.getpid()}_{secrets.token_hex(3)}"
_COUNTER = itertools.count(1)


def unique_name(purpose: str) -> str:
    """A database name no other run (or worker) uses: PostgreSQL allows 63 characters."""
    name = f"claimsapi_{purpose}_{RUN_ID}_{next(_COUNTER)}"
    assert len(name) <= 63, name
    return name


def libpq_url(url: str) -> str:
    """``url`` as psycopg takes it (no SQLAlchemy driver suffix)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def with_database(url: str, name: str) -> str:
    """The URL of database ``name`` on the server of ``url``."""
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def create_database(server_url: str, name: str, *, template: str | None = None) -> str:
    """Create database ``name`` (a copy of ``template``) on the server of ``server_url``;
    return its URL."""
    copy = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(libpq_url(server_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"{copy}')
    return with_database(server_url, name)


def drop_database(server_url: str, name: str) -> None:
    with psycopg.connect(libpq_url(server_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def alembic_config(connection: Any) -> Config:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    cfg.attributes["connection"] = connection
    cfg.attributes["configure_logger"] = False
    return cfg


def migrate(url: str) -> None:
    """``alembic upgrade head`` on the database at ``url``, then close every connection."""
    engine = make_engine(Settings(database_url=url))
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        if engine.dialect.name == "sqlite":  # the whole database in its main file
            with engine.connect() as conn:
                conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    finally:
        engine.dispose()


class RunDatabases:
    """The databases of one run: on the PostgreSQL server of ``server_url``, or SQLite
    files in ``folder``."""

    def __init__(self, server_url: str | None, folder: Path) -> None:
        self.server_url = server_url
        self.folder = folder
        self._names: list[str] = []
        self._drops: list[Future[None]] = []
        self._dropper = ThreadPoolExecutor(1, thread_name_prefix="drop-database")
        self._template: str | None = None  # its name, or its file

    def empty(self, purpose: str) -> str:
        """The URL of a new, empty database."""
        name = unique_name(purpose)
        if self.server_url is None:
            return f"sqlite:///{self.folder / (name + '.db')}"
        self._names.append(name)
        return self._url(create_database(self.server_url, name))

    def migrated(self, purpose: str) -> str:
        """The URL of a new database at the migrations' head."""
        if self._template is None:
            url = self.empty("template")
            migrate(url)
            self._template = make_url(url).database
        assert self._template is not None
        name = unique_name(purpose)
        if self.server_url is None:
            path = self.folder / (name + ".db")
            shutil.copyfile(self._template, path)
            return f"sqlite:///{path}"
        self._names.append(name)
        return self._url(create_database(self.server_url, name, template=self._template))

    @staticmethod
    def _url(url: str) -> str:
        """``url`` as the app's settings spell it (with the driver)."""
        return Settings(database_url=url).database_url

    def release(self, url: str) -> None:
        """Drop the database at ``url`` (in the background); the tests are done with it."""
        if self.server_url is None:
            return
        name = make_url(url).database
        assert name in self._names, name
        self._names.remove(name)
        self._drops.append(self._dropper.submit(drop_database, self.server_url, name))

    def close(self) -> None:
        """Drop what is left (the template too) and wait for every drop."""
        if self.server_url is not None:
            for name in list(self._names):
                self.release(with_database(self.server_url, name))
        self._dropper.shutdown(wait=True)
        for drop in self._drops:
            drop.result()
