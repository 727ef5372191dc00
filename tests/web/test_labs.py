"""Labs in the browser: start, live events over SSE, results and plots (issue 7)."""

from __future__ import annotations

import json
import re

from tests.web.conftest import LAB


def _events(client, job_id: str, last: int | None = None) -> list[tuple[int, dict]]:
    headers = {"Last-Event-ID": str(last)} if last is not None else {}
    out, current = [], None
    with client.http.stream("GET", f"/labs/jobs/{job_id}/events", headers=headers) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        for line in stream.iter_lines():
            if line.startswith("id: "):
                current = int(line[4:])
            elif line.startswith("data: "):
                out.append((current, json.loads(line[6:])))
    return out


def test_a_lab_runs_streams_its_progress_and_shows_its_results(client, workspace):
    r = client.post(f"/labs/{LAB}/start", {"quick": "1"}, follow_redirects=False)
    assert r.status_code == 303
    job_id = r.headers["location"].rsplit("/", 1)[1]
    live = client.get(r.headers["location"])
    assert f'data-events="/labs/jobs/{job_id}/events"' in live.text

    events = _events(client, job_id)
    kinds = [e["type"] for _, e in events]
    assert [i for i, _ in events] == list(range(len(events)))  # SSE ids: 0, 1, 2, …
    assert {"log", "progress", "metric", "table", "figure"} <= set(kinds) and kinds[-1] == "end"
    end = events[-1][1]
    assert end["status"] == "done" and end["url"].startswith(f"/labs/{LAB}/runs/")
    assert not any("path" in e or "out_dir" in e for _, e in events)  # no local paths leak

    # Reconnecting with Last-Event-ID resumes after it: nothing missed, nothing twice.
    assert _events(client, job_id, last=2) == events[3:]

    page = client.get(end["url"])
    assert page.status_code == 200 and "80/20 split" in page.text and "<table" in page.text
    plots = re.findall(r'<img src="([^"]+)"', page.text)
    assert plots and all(p.startswith(end["url"] + "/") for p in plots)
    png = client.get(plots[0])
    assert png.headers["content-type"] == "image/png" and png.content[:4] == b"\x89PNG"
    assert f"/labs/{LAB}/runs/" in client.get("/labs").text  # the last run is listed

    store = client.store()
    try:
        assert store.labs_done() == {LAB}
    finally:
        store.close()
    figure = next(e for _, e in events if e["type"] == "figure")
    assert client.get(figure["url"]).status_code == 200
    assert (workspace / "runs" / LAB).is_dir()


def test_starting_a_running_lab_again_follows_the_same_run(client, app):
    first = client.post(f"/labs/{LAB}/start", {"quick": "1"}, follow_redirects=False)
    second = client.post(f"/labs/{LAB}/start", {"quick": "1"}, follow_redirects=False)
    jobs = app.state.ladder.jobs
    if not jobs.running.finished:  # the first may already be done on a fast machine
        assert first.headers["location"] == second.headers["location"]
    for location in {first.headers["location"], second.headers["location"]}:
        _events(client, location.rsplit("/", 1)[1])  # wait for the end
    assert all(job.finished and job.status == "done" for job in jobs.jobs.values())


def test_a_second_run_in_the_same_second_has_a_page(client, workspace):
    """`ladder.study.labs` names it `…-2`; the web app finds it through the same module."""
    from datetime import UTC, datetime

    from ladder.study.labs import find_run, new_run_dir, past_runs

    runs = workspace / "runs"
    when = datetime(2026, 3, 1, 9, 0, 0, tzinfo=UTC)
    first, second = new_run_dir(runs, LAB, when), new_run_dir(runs, LAB, when)
    assert (first.name, second.name) == ("20260301-090000", "20260301-090000-2")
    for folder in (first, second):
        (folder / "metrics.json").write_text(json.dumps({"status": "done", "seconds": 1.0}))
    assert [r.name for r in past_runs(runs, LAB)] == [second.name, first.name]
    assert find_run(runs, LAB, "../etc") is None
    page = client.get(f"/labs/{LAB}/runs/{second.name}")
    assert page.status_code == 200
    assert client.get(f"/labs/{LAB}/runs/20260301-090000-x").status_code == 404
