"""The portfolio opens in Chromium from its folder, offline: every page loads with no
request leaving the folder, every image decodes, every link resolves."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.browser import chromium
from tests.browser import marks as browser_marks

pytestmark = browser_marks


def test_portfolio_in_chromium(tmp_path):
    from ladder.curriculum import load_curriculum
    from ladder.projects.portfolio import build
    from ladder.study.workspace import Workspace

    cur = load_curriculum()
    ws = tmp_path / "ws"
    Workspace.init(ws, cur)
    run = ws / "runs" / "projects.build-tutor" / "20260101-000000"
    run.mkdir(parents=True)
    png = Path(__file__).resolve().parents[2] / "src/ladder/web/static"
    pngs = sorted(png.rglob("*.png"))
    if pngs:
        shutil.copy(pngs[0], run / "fig.png")
    else:  # a 1×1 PNG
        (run / "fig.png").write_bytes(
            bytes.fromhex(
                "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
            )
        )
    (run / "metrics.json").write_text(
        json.dumps(
            {
                "lab": "projects.build-tutor",
                "status": "done",
                "seconds": 1.0,
                "quick": True,
                "metrics": {"recall3_rrf": 0.95},
                "tables": [],
                "figures": ["fig.png"],
            }
        )
    )
    site = tmp_path / "site"
    report = build(ws, site, cur)
    with chromium() as browser:
        page = browser.new_page()
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith("file://") else outside.append(r.url))
        for rel in report.pages:
            page.goto((site / rel).as_uri())
            page.wait_for_load_state("load")
            broken = page.evaluate(
                "Array.from(document.images)"
                ".filter(i => !i.complete || i.naturalWidth === 0).length"
            )
            assert broken == 0, rel
            for href in page.evaluate(
                "Array.from(document.links).map(a => a.getAttribute('href'))"
            ):
                assert (site / rel).parent.joinpath(href.split("#")[0]).resolve().exists(), href
        page.goto((site / "index.html").as_uri())
        assert "Course tutor" in page.content()
        assert outside == []
        browser.close()
