"""Property-based contract tests, in-process (ASGI), at the suite's small budget.

Every operation of the served document, the checks of schemathesis.toml (all of them),
positive and negative data, the examples, coverage and fuzzing phases and the stateful
links, with an editor key so writes are exercised, on a database of their own of the
suite's kind (tests/contract/conftest.py). scripts/contract.sh runs the same checks with
the full budget over HTTP (`st run`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis import Case
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.schemas import OpenApiSchema

from api.config import PROJECT_ROOT, Settings
from tests.contract.harness import explore

pytestmark = pytest.mark.schemathesis_in_process
schema = schemathesis.pytest.from_fixture("api_schema")
CASES: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_case_counts(settings: Settings) -> Iterator[None]:
    """Write how many cases each operation got to build/contract/ (for the record)."""
    yield
    kind = "sqlite" if settings.is_sqlite else "postgresql"
    out = PROJECT_ROOT / "build" / "contract" / f"asgi-cases-{kind}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"total": sum(CASES.values()), **dict(sorted(CASES.items()))}))


def headers_for(case: Case[Any], contract_headers: dict[str, str]) -> dict[str, str]:
    """The editor's key, unless the case carries an Authorization header of its own.

    Headers passed to `case.call` override the generated ones, so sending the key
    regardless would replace a deliberately malformed Authorization header with a valid
    one and the server would rightly accept what schemathesis meant to be rejected.
    """
    own = {name.lower() for name in case.headers or {}}
    return {k: v for k, v in contract_headers.items() if k.lower() not in own}


@schema.parametrize()
def test_every_operation_honours_the_contract(
    case: Case[Any], contract_headers: dict[str, str]
) -> None:
    CASES[case.operation.label] += 1
    headers = headers_for(case, contract_headers)
    response = case.call(headers=headers)
    case.validate_response(response, headers=headers)


def test_stateful_links(
    api_schema: OpenApiSchema,
    contract_headers: dict[str, str],
    contract_reset: Callable[[], None],
) -> None:
    """schemathesis' state machine follows the document's `links` between operations.

    Every scenario starts from an empty database, so a replayed scenario sees the same
    responses (Hypothesis insists on that).
    """

    class Links(api_schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            contract_reset()

        def _auth(self, case: Case[Any]) -> dict[str, str]:
            # A step that tests a request without credentials keeps it that way.
            header = case.meta.components.get(ParameterLocation.HEADER) if case.meta else None
            if header is not None and header.mode.is_negative:
                return {}
            return headers_for(case, contract_headers)

        def get_call_kwargs(self, case: Case[Any]) -> dict[str, Any]:
            CASES["stateful steps"] += 1
            return {"headers": self._auth(case)}

        def validate_response(
            self,
            response: Any,
            case: Case[Any],
            additional_checks: Any = None,
            **kwargs: Any,
        ) -> None:
            headers = kwargs.pop("headers", None) or self._auth(case)
            case.validate_response(response, headers=headers, transport_kwargs=kwargs)

    Links.run(
        settings=hypothesis.settings(
            max_examples=5,
            derandomize=not explore(),
            stateful_step_count=10,
            deadline=None,
            suppress_health_check=list(hypothesis.HealthCheck),
            database=None,
        )
    )
