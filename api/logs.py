"""Structured logs: one JSON object per line, carrying the request id, secrets masked.

Stdlib ``logging`` only. :class:`JsonFormatter` renders every record as one line;
:func:`logging_config` is the ``dictConfig`` that ``claimsapi serve`` hands to uvicorn, so
uvicorn's own messages come out the same way.
"""

from __future__ import annotations

import json
import logging
import re
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from api.config import mask_password

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
"""The id of the request being handled (set by :class:`api.middleware.RequestContext`)."""

ACCESS_LOGGER = "claimsapi.access"

# Attributes of a record that are carried into the JSON object when present.
_FIELDS = ("request_id", "method", "path", "status", "duration_ms", "client")
_BEARER = re.compile(r"(?i)(bearer\s+)[^\s\"']+")
_TOKEN = re.compile(r"\bck_[A-Za-z0-9_-]+")
_CONNINFO_PASSWORD = re.compile(r"(?i)(password\s*=\s*)('[^']*'|\S+)")


def redact(text: str) -> str:
    """``text`` without URL passwords, ``password=`` values or bearer tokens."""
    text = mask_password(text)
    text = _CONNINFO_PASSWORD.sub(r"\1***", text)
    text = _BEARER.sub(r"\1***", text)
    return _TOKEN.sub("ck_***", text)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request fields, exception."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if getattr(record, "request_id", None) is None:
            current = request_id_var.get()
            if current is not None:
                data["request_id"] = current
        for name in _FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                data[name] = value
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            data["exception"] = record.exc_text
        masked = {key: redact(v) if isinstance(v, str) else v for key, v in data.items()}
        # json.dumps escapes newlines, so a traceback stays on its line.
        return json.dumps(masked, ensure_ascii=False, default=str)


def logging_config(level: str = "INFO") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` mapping: everything as JSON lines on stderr.

    uvicorn's access log is off (``access_log=False``); the app writes its own access
    line, with the request id, through ``claimsapi.access``.
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "api.logs.JsonFormatter"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
        "root": {"handlers": ["stderr"], "level": level},
    }
