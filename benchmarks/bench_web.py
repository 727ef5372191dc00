"""Server time per page of the web app (`ladder serve`), with the full curriculum loaded.

The roadmap, a lesson and the review page are requested through FastAPI's TestClient
(in-process ASGI: no network, the same routing, middleware and templates as the real
server), beside a trivial FastAPI endpoint returning a constant HTML string through the
same client: the reference is the framework's own floor. The workspace has a lesson
read, an exercise checked once and a few reviews, so the pages do real work. Medians of
repeated requests after one warm-up; target < 50 ms a page.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path


def _median(get, path: str, repeats: int) -> float:
    get(path)  # warm-up: imports, template compilation, the lesson's render cache
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        r = get(path)
        times.append(time.perf_counter() - t0)
        assert r.status_code == 200, (path, r.status_code)
    return statistics.median(times)


def run(quick: bool = False) -> list[dict]:
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse
    from fastapi.testclient import TestClient

    from ladder.curriculum import load_curriculum
    from ladder.study.memory import Memory
    from ladder.study.workspace import Workspace
    from ladder.web.app import create_app
    from ladder.web.render import latex_to_mathml, render_markdown

    repeats = 15 if quick else 101
    cur = load_curriculum()
    lesson = cur.ordered_lessons()[0]
    tmp = Path(tempfile.mkdtemp(prefix="ladder-bench-web-"))
    try:
        Workspace.init(tmp, cur)
        ws = Workspace(tmp)
        now = datetime.now(UTC)
        ws.store.mark_read(lesson.id, now)
        memory = Memory(cur, ws.store)
        for item in memory.queue(now)[:3]:
            memory.answer(item, 3, now)
        ws.close()

        app = create_app(tmp, cur, token="bench")
        client = TestClient(app, base_url="http://127.0.0.1:8765")
        client.get("/?token=bench")

        trivial = FastAPI()
        page = "<!doctype html><title>x</title><p>" + "constant " * 200 + "</p>"

        @trivial.get("/", response_class=HTMLResponse)
        def constant() -> str:
            return page

        ref_client = TestClient(trivial, base_url="http://127.0.0.1:8765")
        reference = _median(ref_client.get, "/", repeats)
        sizes = (
            f"{len(cur.lessons)} lessons, {len(cur.cards)} cards, {len(cur.exercises)} exercises, "
            f"{len(cur.labs)} labs"
        )
        rows = []
        for name, path in (
            ("roadmap `/`", "/"),
            (f"lesson `{lesson.id}`", f"/lessons/{lesson.id}"),
            ("review `/review`", "/review"),
        ):
            rows.append(
                {
                    "benchmark": f"web page: {name}",
                    "ours": _median(client.get, path, repeats),
                    "reference": reference,
                    "reference_name": "FastAPI constant HTML endpoint",
                    "unit": "s",
                    "better": "lower",
                    "note": f"TestClient, median of {repeats}; {sizes}; target < 50 ms",
                }
            )
        cold = []
        for _ in range(3 if quick else 11):
            latex_to_mathml.cache_clear()  # every formula converted again too
            t0 = time.perf_counter()
            render_markdown.__wrapped__(lesson.body)
            cold.append(time.perf_counter() - t0)
        rows.append(
            {
                "benchmark": f"lesson Markdown + MathML render, uncached ({lesson.id})",
                "ours": statistics.median(cold),
                "reference": reference,
                "reference_name": "FastAPI constant HTML endpoint",
                "unit": "s",
                "better": "lower",
                "note": "once per lesson per server: pages reuse the cached HTML",
            }
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


if __name__ == "__main__":
    for row in run(quick=False):
        print(
            f"{row['benchmark']:<60} {row['ours'] * 1e3:8.2f} ms   "
            f"reference {row['reference'] * 1e3:6.2f} ms"
        )
