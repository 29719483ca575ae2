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


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("public_base_url", "claims.example.org"),
        ("public_base_url", "ftp://claims.example.org"),
        ("public_base_url", "https://claims.example.org/?a=1"),
        ("public_base_url", "https://user:pw@claims.example.org"),
        ("cors_origins", "https://ok.example.org,not an origin"),
        ("cors_origins", "https://app.example.org/path"),
        ("cors_origins", "*,https://app.example.org"),
        ("body_read_timeout_seconds", 0),
        ("body_read_timeout_seconds", "soon"),
    ],
)
def test_nonsense_operations_settings_fail_fast(field: str, value: object) -> None:
    with pytest.raises(ValidationError, match=field):
        Settings(**{field: value})  # type: ignore[arg-type]


def test_operations_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().public_base_url is None
    assert Settings().cors_origins == ()
    assert Settings().body_read_timeout_seconds == 30
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://claims.example.org/api/")
    monkeypatch.setenv("CORS_ORIGINS", "https://a.example.org, http://localhost:5173")
    monkeypatch.setenv("BODY_READ_TIMEOUT_SECONDS", "2.5")
    settings = Settings()
    assert settings.public_base_url == "https://claims.example.org/api"
    assert settings.cors_origins == ("https://a.example.org", "http://localhost:5173")
    assert settings.body_read_timeout_seconds == 2.5


def test_a_rejected_database_url_is_not_echoed_with_its_password() -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(database_url="mysql://root:hunter2@localhost/db")
    assert "hunter2" not in str(caught.value)
