from __future__ import annotations

import pytest
from pydantic import ValidationError

from api.config import Settings


def test_postgres_urls_are_normalised_to_psycopg() -> None:
    assert Settings(database_url="postgres://u@h/db").database_url == "postgresql+psycopg://u@h/db"
    assert (
        Settings(database_url="postgresql://u@h/db").database_url == "postgresql+psycopg://u@h/db"
    )
    assert Settings(database_url="sqlite:///x.db").is_sqlite


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("database_url", "mysql://root@localhost/db"),
        ("database_url", "not a url"),
        ("max_body_bytes", 0),
        ("max_body_bytes", "lots"),
        ("require_read_key", "perhaps"),
        ("discrepancy_tolerance", 3),
    ],
)
def test_nonsense_settings_fail_fast(field: str, value: object) -> None:
    with pytest.raises(ValidationError, match=field):
        Settings(**{field: value})  # type: ignore[arg-type]


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://root@127.0.0.1/test")
    monkeypatch.setenv("REQUIRE_READ_KEY", "true")
    monkeypatch.setenv("MAX_BODY_BYTES", "2048")
    settings = Settings()
    assert settings.database_url == "postgresql+psycopg://root@127.0.0.1/test"
    assert settings.require_read_key is True
    assert settings.max_body_bytes == 2048
    monkeypatch.setenv("MAX_BODY_BYTES", "-5")
    with pytest.raises(ValidationError):
        Settings()
