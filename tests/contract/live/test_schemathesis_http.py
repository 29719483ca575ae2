"""The contract over real HTTP: uvicorn on PostgreSQL, every operation, every check.

Requests go through the network stack (requests' default `Accept-Encoding: gzip, deflate`
included), so headers, content negotiation and framing are those a consumer sees.

Schema-valid data only: the in-process run covers invalid data, and over HTTP uvicorn
itself answers header bytes outside visible ASCII with a `text/plain` 400 before the app
sees the request (schemathesis' invalid headers are mostly that).
"""

from __future__ import annotations

import pytest
import schemathesis
from schemathesis import Case
from schemathesis.specs.openapi.schemas import BaseOpenAPISchema

from tests.contract.conftest import OPENAPI_URL, contract_config, generation
from tests.contract.live.conftest import LiveServer


@pytest.fixture
def live_schema(live_server: LiveServer) -> BaseOpenAPISchema:
    return schemathesis.openapi.from_url(
        live_server.base_url + OPENAPI_URL,
        config=contract_config(
            **{"base-url": live_server.base_url},
            generation=generation("positive"),
        ),
    )


schema = schemathesis.pytest.from_fixture("live_schema")


@schema.parametrize()
def test_every_operation_over_http(case: Case, live_server: LiveServer) -> None:
    response = case.call(base_url=live_server.base_url, headers=live_server.editor_headers)
    case.validate_response(response, headers=live_server.editor_headers)
