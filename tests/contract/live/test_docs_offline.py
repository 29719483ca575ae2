"""/docs renders every tag and operation in headless Chromium with no network but ours.

Chromium's resolver maps every host except 127.0.0.1 to nothing, so a page that pulled
Swagger UI from a CDN would render empty. A screenshot is saved to build/docs.png.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from api.config import PROJECT_ROOT
from tests.contract.harness import LiveServer

SCREENSHOT = PROJECT_ROOT / "build" / "docs.png"
METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium is not installed (scripts/contract.sh installs Debian's `chromium`)")


def _run(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-dev-shm-usage",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        "--virtual-time-budget=20000",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def test_docs_render_every_tag_and_operation_offline(
    live_server: LiveServer, tmp_path: Path
) -> None:
    page = httpx.get(live_server.base_url + "/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower()
    assert "/docs/assets/swagger-ui-bundle.js" in page.text
    document = httpx.get(live_server.base_url + "/v1/openapi.json").json()

    dumped = _run(["--dump-dom", live_server.base_url + "/docs"], tmp_path / "profile-dom")
    dom = dumped.stdout
    assert "swagger-ui" in dom, dumped.stderr[-2000:]

    tags = [tag["name"] for tag in document["tags"]]
    missing = [tag for tag in tags if f'id="operations-tag-{tag}"' not in dom]
    assert not missing, f"tags not rendered: {missing}"
    operations = [
        (item[method]["tags"][0], item[method]["operationId"])
        for item in document["paths"].values()
        for method in METHODS
        if method in item
    ]
    not_rendered = [op for op in operations if f'id="operations-{op[0]}-{op[1]}"' not in dom]
    assert not not_rendered, f"operations not rendered: {json.dumps(not_rendered)}"

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    shot = _run(
        [f"--screenshot={SCREENSHOT}", "--window-size=1280,2400", live_server.base_url + "/docs"],
        tmp_path / "profile-shot",
    )
    assert SCREENSHOT.is_file() and SCREENSHOT.stat().st_size > 10_000, shot.stderr[-2000:]
