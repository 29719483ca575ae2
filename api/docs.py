"""The contract: post-processing of the OpenAPI document, and interactive docs served offline.

FastAPI derives most of the document from the routes; :func:`finish_openapi` adds what it
cannot express (problem-details errors everywhere, optional auth on reads, request
examples, servers) and keeps the output deterministic. Links between operations are
declared by the routes themselves (``api.http.link``).

The Swagger UI assets come from the ``fastapi-swagger`` package (a PyPI release of the
``swagger-ui-dist`` files), so ``/docs`` works without reaching any CDN.
"""

from __future__ import annotations

import copy
from functools import cache
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from api.errors import NotFound, Problem, problem_responses
from api.http import ETAGS_PATTERN

SECURITY_SCHEME = "HTTPBearer"
READ_METHODS = frozenset({"get", "head"})
KEY_ONLY_TAGS = frozenset({"keys"})
"""Operations with these tags need a key also to read."""
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

SERVERS = [
    {
        "url": "/",
        "description": "The host serving this document (`/docs` calls the server it is"
        " served from; SDKs take the base URL, e.g. `http://127.0.0.1:8000` for `make serve`).",
    }
]
OPTIONAL_KEY: list[dict[str, list[str]]] = [{}, {SECURITY_SCHEME: []}]
"""Reads: anonymous, or with a key (a sent key must be valid). Declared once for the document
and inherited by every read, so generators type reads for an anonymous client (an operation
that declares `security` itself is generated as needing an authenticated one)."""
CONTACT = {"name": "Claims API maintainers"}

_PROBLEM_REF = "#/components/schemas/Problem"
_FASTAPI_VALIDATION = ("HTTPValidationError", "ValidationError")
_ETAG_HEADER = {
    "ETag": {
        "description": "Version of the representation (send it back in `If-Match`).",
        "required": True,
        "schema": {"type": "string"},
    }
}
_IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "ETag(s) of a version you hold; answered with `304` when still current.",
    "schema": {"type": "string"},
}


def _operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, item[method])
        for path, item in schema.get("paths", {}).items()
        for method in METHODS
        if method in item
    ]


def _is_fastapi_validation(response: dict[str, Any]) -> bool:
    ref = response.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
    return isinstance(ref, str) and ref.rsplit("/", 1)[-1] in _FASTAPI_VALIDATION


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/components/schemas/"):
        return node
    found: dict[str, Any] = schema["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {})
    return found


def _add_problems(operation: dict[str, Any], *statuses: int) -> None:
    responses = operation.setdefault("responses", {})
    for status, entry in problem_responses(*statuses).items():
        key = str(status)
        if key not in responses or _is_fastapi_validation(responses[key]):
            responses[key] = entry


def _body_references(schema: dict[str, Any], operation: dict[str, Any]) -> bool:
    """The body names other resources by id (`parent_id`, ...): an unknown one is a 409 (a
    404 would say the operation's own resource is missing)."""
    for media in operation.get("requestBody", {}).get("content", {}).values():
        properties = _resolve(schema, media.get("schema", {})).get("properties", {})
        if any(name.endswith("_id") for name in properties):
            return True
    return False


def _errors_for(schema: dict[str, Any], method: str, operation: dict[str, Any]) -> list[int]:
    """Every error status the service's shared machinery can answer this operation with."""
    params = operation.get("parameters", [])
    names = {(p.get("in"), str(p.get("name", "")).lower()) for p in params}
    statuses = [401]  # a sent key must be valid, even on reads
    if method not in READ_METHODS:
        statuses.append(403)
    if names & {("query", "cursor"), ("header", "if-match"), ("header", "if-none-match")}:
        statuses.append(400)  # a cursor this API did not issue, a malformed header value
    if "requestBody" in operation:
        statuses.append(400)  # a body that is not JSON (or not UTF-8)
    if any(where == "path" for where, _ in names):
        statuses.append(404)
    if _body_references(schema, operation):
        statuses.append(409)
    if ("header", "if-match") in names:
        statuses.append(412)
    if "requestBody" in operation:
        statuses += [413, 415]
    if params or "requestBody" in operation:
        statuses.append(422)
    statuses.append(429)  # when RATE_LIMIT_PER_MINUTE is set
    return statuses


def _drop_null_from_parameters(operation: dict[str, Any]) -> None:
    """``X | None`` parameters: absence is the null; a query string cannot carry one."""
    for param in operation.get("parameters", []):
        schema = param.get("schema", {})
        options = schema.get("anyOf")
        if not isinstance(options, list):
            continue
        kept = [option for option in options if option != {"type": "null"}]
        if len(kept) == len(options):
            continue
        del schema["anyOf"]
        if len(kept) == 1:
            schema.update({k: v for k, v in kept[0].items() if k not in schema})
        else:
            schema["anyOf"] = kept


HEADER_VALUE_PATTERN = r"^[\x20-\x7E]*$"
"""Header values are visible ASCII (RFC 9110); servers refuse other bytes before the app."""


_ENTITY_TAG_HEADERS = frozenset({"if-match"})


def _restrict_header_values(operation: dict[str, Any]) -> None:
    for param in operation.get("parameters", []):
        schema = param.get("schema", {})
        if param.get("in") == "header" and schema.get("type") == "string":
            if str(param.get("name", "")).lower() in _ENTITY_TAG_HEADERS:
                schema["pattern"] = ETAGS_PATTERN
            schema.setdefault("pattern", HEADER_VALUE_PATTERN)


def _document_conditional_get(operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    if "304" not in responses:
        return
    ok = responses.get("200", {})
    if "ETag" in ok.get("headers", {}):
        ok["headers"]["ETag"] = copy.deepcopy(_ETAG_HEADER["ETag"])
    responses["304"].setdefault("headers", {}).update(copy.deepcopy(_ETAG_HEADER))
    params = operation.setdefault("parameters", [])
    if not any(str(p.get("name", "")).lower() == "if-none-match" for p in params):
        params.append(copy.deepcopy(_IF_NONE_MATCH))


def _require_etags(operation: dict[str, Any]) -> None:
    for status, response in operation["responses"].items():
        if status.startswith("2") and "ETag" in response.get("headers", {}):
            response["headers"]["ETag"] = copy.deepcopy(_ETAG_HEADER["ETag"])


def _add_request_examples(schema: dict[str, Any], operation: dict[str, Any]) -> None:
    for media in operation.get("requestBody", {}).get("content", {}).values():
        if "examples" in media or "example" in media:
            continue
        body_schema = _resolve(schema, media.get("schema", {}))
        examples = body_schema.get("examples")
        if isinstance(examples, list) and examples:
            media["examples"] = {
                f"example{i}" if i else "default": {"value": copy.deepcopy(value)}
                for i, value in enumerate(examples)
            }


def _keep_reachable_links(schema: dict[str, Any]) -> None:
    """Routes declare their `links` (OpenAPI) next to them, in their `responses`; a link
    to an operation the document does not have is left out."""
    operation_ids = {op.get("operationId") for _, _, op in _operations(schema)}
    for _, _, operation in _operations(schema):
        for response in operation["responses"].values():
            links = response.get("links")
            if links is None:
                continue
            kept = {n: link for n, link in links.items() if link["operationId"] in operation_ids}
            if kept:
                response["links"] = kept
            else:
                del response["links"]


def finish_openapi(schema: dict[str, Any]) -> dict[str, Any]:
    """Complete FastAPI's document in place (see the module docstring) and return it."""
    schema["servers"] = copy.deepcopy(SERVERS)
    schema["security"] = copy.deepcopy(OPTIONAL_KEY)
    schema.setdefault("info", {})["contact"] = dict(CONTACT)

    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(problem.pop("$defs", {}))
    schemas["Problem"] = problem

    for _, method, operation in _operations(schema):
        _drop_null_from_parameters(operation)
        _document_conditional_get(operation)
        _add_problems(operation, *_errors_for(schema, method, operation))
        # Only problem documents describe errors: drop FastAPI's default 422 leftovers.
        for status, response in list(operation["responses"].items()):
            if _is_fastapi_validation(response):
                operation["responses"][status] = problem_responses(int(status))[int(status)]
        _restrict_header_values(operation)
        _require_etags(operation)
        _add_request_examples(schema, operation)
        if method in READ_METHODS and not KEY_ONLY_TAGS & set(operation.get("tags", [])):
            operation.pop("security", None)  # the document's OPTIONAL_KEY
        else:
            operation["security"] = [{SECURITY_SCHEME: []}]
        operation["responses"] = dict(
            sorted(operation["responses"].items(), key=lambda item: item[0])
        )
    for name in _FASTAPI_VALIDATION:
        schemas.pop(name, None)
    _keep_reachable_links(schema)
    components["schemas"] = dict(sorted(schemas.items()))
    return schema


# --- interactive docs, offline ---------------------------------------------------------

_ASSET_PACKAGE = "fastapi_swagger.resources"
_ASSETS = {
    "swagger-ui-bundle.js": "application/javascript",
    "swagger-ui.css": "text/css",
    "favicon-32x32.png": "image/png",
}


@cache
def _asset(name: str) -> bytes:
    return resources.files(_ASSET_PACKAGE).joinpath(name).read_bytes()


def install_docs(app: FastAPI, *, docs_url: str = "/docs") -> None:
    """Serve Swagger UI at ``docs_url`` with its assets under ``{docs_url}/assets/``.

    Create the app with ``docs_url=None`` so FastAPI's CDN-based page is not mounted.
    """
    assets_url = f"{docs_url}/assets"

    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "").rstrip("/")
        return get_swagger_ui_html(
            openapi_url=root + (app.openapi_url or "/openapi.json"),
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{root}{assets_url}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{assets_url}/swagger-ui.css",
            swagger_favicon_url=f"{root}{assets_url}/favicon-32x32.png",
            swagger_ui_parameters={
                "validatorUrl": None,
                "displayOperationId": True,
                "persistAuthorization": True,
            },
        )

    async def asset(name: str) -> Response:
        if name not in _ASSETS:
            raise NotFound(f"no docs asset named {name!r}")
        return Response(
            _asset(name),
            media_type=_ASSETS[name],
            headers={"Cache-Control": "public, max-age=86400"},
        )

    app.add_api_route(docs_url, swagger_ui, methods=["GET"], include_in_schema=False)
    app.add_api_route(assets_url + "/{name}", asset, methods=["GET"], include_in_schema=False)
