"""JSON log lines: one object per line, the request id, no secrets."""

from __future__ import annotations

import json
import logging
import sys

from api.logs import JsonFormatter, logging_config, redact, request_id_var


def _record(message: str, *args: object, **extra: object) -> logging.LogRecord:
    record = logging.LogRecord("claimsapi.test", logging.WARNING, __file__, 1, message, args, None)
    record.__dict__.update(extra)
    return record


def test_a_record_is_one_json_object_on_one_line() -> None:
    line = JsonFormatter().format(_record("two\nlines %s", "here", status=200, path="/v1/x"))
    assert "\n" not in line
    data = json.loads(line)
    assert data["message"] == "two\nlines here"
    assert data["level"] == "WARNING"
    assert data["logger"] == "claimsapi.test"
    assert (data["status"], data["path"]) == (200, "/v1/x")
    assert data["time"].endswith("+00:00")


def test_the_current_request_id_is_carried() -> None:
    token = request_id_var.set("rid-7")
    try:
        data = json.loads(JsonFormatter().format(_record("inside a request")))
    finally:
        request_id_var.reset(token)
    assert data["request_id"] == "rid-7"


def test_exceptions_are_inline_and_secrets_masked() -> None:
    try:
        raise RuntimeError("cannot reach postgresql://claims:s3cr3t-pw@db:5432/claims")
    except RuntimeError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "failed with Bearer ck_abc123", (), sys.exc_info()
        )
    line = JsonFormatter().format(record)
    data = json.loads(line)
    assert "Traceback" in data["exception"]
    assert "s3cr3t-pw" not in line
    assert "ck_abc123" not in line
    assert "postgresql://claims:***@db:5432/claims" in line


def test_redact_masks_conninfo_passwords() -> None:
    assert redact("host=db password=hunter2 user=x") == "host=db password=*** user=x"


def test_the_serve_logging_config_is_valid() -> None:
    import logging.config

    logging.config.dictConfig(logging_config())
    try:
        assert isinstance(logging.getLogger().handlers[0].formatter, JsonFormatter)
    finally:
        logging.getLogger().handlers.clear()
