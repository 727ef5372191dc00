"""The editor's JavaScript is bundled into the package (issue 16 §2): nothing is fetched
at run time, learners need no Node.js, and the bundle is what the pinned build makes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FRONTEND = REPO / "web" / "frontend"
BUNDLE = REPO / "src" / "ladder" / "web" / "static" / "editor.js"


def test_the_bundle_is_in_the_package_and_names_the_pinned_versions():
    text = BUNDLE.read_text("utf-8")
    lock = json.loads((FRONTEND / "package-lock.json").read_text("utf-8"))
    declared = json.loads((FRONTEND / "package.json").read_text("utf-8"))["devDependencies"]
    for name, version in declared.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned: {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
        if name.startswith("@codemirror/"):
            assert f"{name}@{version}" in text.splitlines()[1], name
    assert len(text) < 600_000  # minified


def test_the_bundle_loads_nothing_from_elsewhere():
    text = BUNDLE.read_text("utf-8")
    urls = set(re.findall(r"https?://[^\s\"'`)]+", text))
    assert urls <= {"http://www.w3.org/2000/svg"}, urls  # a namespace, not a fetch
    assert "import(" not in text and 'fetch("http' not in text


@pytest.mark.skipif(
    shutil.which("node") is None or not (FRONTEND / "node_modules" / "esbuild").is_dir(),
    reason="Node.js and `npm ci` in web/frontend are needed to rebuild the bundle",
)
def test_the_pinned_build_reproduces_the_bundle(tmp_path):
    out = tmp_path / "editor.js"
    subprocess.run(["node", "build.mjs", str(out)], cwd=FRONTEND, check=True, timeout=120)
    assert out.read_bytes() == BUNDLE.read_bytes(), (
        "src/ladder/web/static/editor.js is stale: run `npm ci && npm run build` in web/frontend"
    )
