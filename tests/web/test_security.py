"""The server runs code locally, so: token, Host header, CSRF, ids, plots (issue 7)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient

from ladder.web.security import LOOPBACK_NAMES, host_allowed
from ladder.web.server import remote_refusal
from tests.browser import first_line
from tests.web.conftest import BASE, CARD, EXERCISE, LAB, LESSON, TOKEN, login

PAGES = [
    "/",
    f"/lessons/{LESSON}",
    "/exercises",
    f"/exercises/{EXERCISE}",
    "/review",
    "/labs",
    f"/labs/{LAB}",
    "/stats",
    "/static/style.css",
]


def _routes(routes):
    """Every route, inside included routers too (newer FastAPI keeps them nested)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _routes(inner.routes)
        else:
            yield route


def _post_routes(app) -> list[str]:
    """Every POST route of the app with its ids filled in with real ones."""
    fill = {
        "lesson_id": LESSON,
        "exercise_id": EXERCISE,
        "lab_id": LAB,
        "card_id": CARD,
        "stage": "ml",
    }
    return [
        re.sub(r"\{(\w+)\}", lambda m: fill[m.group(1)], route.path)
        for route in _routes(app.routes)
        if "POST" in (getattr(route, "methods", None) or ())
    ]


# -- token ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_every_page_needs_the_token(app, path):
    anonymous = TestClient(app, base_url=BASE)
    r = anonymous.get(path)
    assert r.status_code == 401 and "access token" in r.text


def test_a_wrong_token_is_refused(app):
    r = TestClient(app, base_url=BASE).get("/?token=not-the-token", follow_redirects=False)
    assert r.status_code == 401 and "set-cookie" not in r.headers


def test_the_token_becomes_a_strict_httponly_cookie_and_leaves_the_url(app):
    http = TestClient(app, base_url=BASE)
    r = http.get(f"/lessons/{LESSON}?token={TOKEN}&x=1", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/lessons/{LESSON}?x=1"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and TOKEN not in cookie
    assert cookie.startswith("ladder_session_8765=")  # one cookie per port
    assert http.get("/").status_code == 200  # the cookie is enough from now on


def test_a_forged_session_cookie_is_refused(app):
    http = TestClient(app, base_url=BASE, cookies={"ladder_session_8765": "abc.def"})
    assert http.get("/").status_code == 401


# -- Host header (DNS rebinding) -------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:8765",
        "127.0.0.1.evil.example",
        "localhost.evil.example:8765",
        "10.0.0.5:8765",
        "",
    ],
)
def test_a_foreign_host_header_is_400_even_with_the_token(client, host):
    r = client.get(f"/?token={TOKEN}", headers={"host": host}, follow_redirects=False)
    assert r.status_code == 400
    r = client.get("/", headers={"host": host})
    assert r.status_code == 400


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "localhost:8765",
        "127.0.0.1",
        "127.0.0.1:1",
        "[::1]",
        "[::1]:8765",
        "LOCALHOST:8765",
    ],
)
def test_loopback_host_headers_are_served(host):
    assert host_allowed(host, LOOPBACK_NAMES)


@pytest.mark.parametrize("host", ["[::1]x", "localhost:http", "[::2]:80", "::1"])
def test_malformed_host_headers_are_refused(host):
    assert not host_allowed(host, LOOPBACK_NAMES)


# -- CSRF ------------------------------------------------------------------------------------


def test_every_post_without_the_csrf_token_is_403_and_changes_nothing(app, client):
    paths = _post_routes(app)
    assert len(paths) >= 6, paths  # read, check, hint, solution, review, lab start
    for path in paths:
        r = client.post(path, csrf=False)
        assert r.status_code == 403, (path, r.status_code)
        r = client.post(path, {"csrf_token": "0" * 64}, csrf=False)
        assert r.status_code == 403, (path, r.status_code)


def test_nothing_was_recorded_by_refused_posts(app, client):
    for path in _post_routes(app):
        client.post(path, csrf=False)
    store = client.store()
    try:
        assert store.read_lessons() == {}
        assert store.attempts(EXERCISE) == [] and store.hints_shown(EXERCISE) == 0
        assert store.review_logs() == [] and store.labs_done() == set()
        assert store.suspended_cards() == set() and store.card_texts() == {}
    finally:
        store.close()
    assert app.state.ladder.jobs.jobs == {}


def test_the_csrf_token_is_accepted_as_a_header(client):
    r = client.http.post(
        f"/lessons/{LESSON}/read", headers={"X-CSRF-Token": client.csrf}, follow_redirects=False
    )
    assert r.status_code == 303


def test_a_csrf_token_is_bound_to_its_session(app, workspace):
    one, two = login(app, workspace), login(app, workspace)
    assert one.csrf != two.csrf
    r = two.http.post(f"/lessons/{LESSON}/read", data={"csrf_token": one.csrf})
    assert r.status_code == 403


# -- ids and files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method,path",
    [
        ("get", "/lessons/ml.nope"),
        ("get", "/exercises/ml.nope"),
        ("get", "/labs/ml.nope"),
        ("get", "/labs/jobs/0123456789abcdef"),
        ("get", "/labs/jobs/0123456789abcdef/events"),
        ("get", f"/labs/{LAB}/runs/20260101-000000"),
        ("get", f"/labs/{LAB}/runs/../../x"),
        ("get", f"/labs/{LAB}/runs/20260101-000000/plot.png"),
        ("get", "/no-such-page"),
        ("post", "/lessons/ml.nope/read"),
        ("post", "/exercises/ml.nope/check"),
        ("post", "/exercises/ml.nope/hint"),
        ("post", "/exercises/ml.nope/solution"),
        ("post", "/labs/ml.nope/start"),
        ("post", "/labs/../../etc/start"),
    ],
)
def test_unknown_ids_are_404(client, method, path):
    r = client.get(path) if method == "get" else client.post(path)
    assert r.status_code == 404, r.text


def test_an_unknown_card_is_404(client):
    assert client.post("/review", {"card_id": "ml.nope", "reps": 0, "rating": 3}).status_code == 404


def test_plots_are_served_only_from_the_run_folder(client, workspace, tmp_path):
    run = workspace / "runs" / LAB / "20260101-000000"
    run.mkdir(parents=True)
    (run / "metrics.json").write_text('{"status": "done", "figures": ["a.png"]}')
    (run / "a.png").write_bytes(b"\x89PNG fake")
    (run / "notes.txt").write_text("not a plot")
    (tmp_path / "secret.png").write_bytes(b"secret")
    (run / "link.png").symlink_to(tmp_path / "secret.png")
    base = f"/labs/{LAB}/runs/20260101-000000"
    assert client.get(f"{base}/a.png").content == b"\x89PNG fake"
    for name in [
        "notes.txt",
        "link.png",
        "..%2F..%2F..%2Fsecret.png",
        "%2E%2E/secret.png",
        "metrics.json",
    ]:
        assert client.get(f"{base}/{name}").status_code == 404, name
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "metrics.json").write_text("{}")
    (elsewhere / "b.png").write_bytes(b"outside")
    (workspace / "runs" / LAB / "20260101-000001").symlink_to(elsewhere)
    assert client.get(f"/labs/{LAB}/runs/20260101-000001/b.png").status_code == 404


def test_responses_carry_security_headers(client):
    r = client.get("/")
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY" and r.headers["referrer-policy"] == "no-referrer"


# -- the command ---------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.org", "::"])
def test_a_non_loopback_host_is_refused_without_the_flag(host):
    reason = remote_refusal(host, allow_remote=False)
    assert reason and "--allow-remote" in reason and reason.count(". ") == 0
    assert remote_refusal(host, allow_remote=True) is None


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_hosts_need_no_flag(host):
    assert remote_refusal(host, allow_remote=False) is None


def _ladder(*args, cwd, **kw):
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("LADDER_WORKSPACE", None)
    return subprocess.Popen(
        [sys.executable, "-m", "ladder", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def test_ladder_serve_refuses_a_remote_host_in_one_sentence(workspace):
    proc = _ladder("serve", "--host", "0.0.0.0", "--no-browser", cwd=workspace)
    out, err = proc.communicate(timeout=300)  # bounds a hang only
    assert proc.returncode == 1 and out == ""
    assert "Refusing to listen on 0.0.0.0" in err and "--allow-remote" in err


def test_ladder_serve_prints_one_url_and_serves_it(workspace):
    import httpx

    proc = _ladder("serve", "--no-browser", "--port", "0", cwd=workspace)
    try:
        url = first_line(proc)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[\w-]{20,}", url), url
        with httpx.Client(follow_redirects=True, timeout=120) as http:
            r = http.get(url)
            assert r.status_code == 200 and "Machine learning basics" in r.text
            assert "token=" not in str(r.url)
            assert http.get(url.split("?")[0].replace("127.0.0.1", "localhost")).status_code == 401
        time.sleep(0.2)
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=120)
    assert out.strip() == "", out  # the URL was the only line
    assert "Traceback" not in err


def test_ladder_help_does_not_import_the_web_stack(workspace):
    probe = (
        "import sys; sys.argv = ['ladder', '--help']\nfrom ladder.cli import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('WEB=' + str(sorted(m for m in ('fastapi', 'uvicorn', 'starlette', 'jinja2') "
        "if m in sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=workspace, capture_output=True, text=True, check=True
    ).stdout
    assert "serve" in out and "WEB=[]" in out


def test_a_busy_default_port_moves_to_the_next_one(monkeypatch):
    from ladder.web import server

    busy = server.bind("127.0.0.1", 0)
    port = busy.getsockname()[1]
    try:
        with pytest.raises(OSError, match="--port 0"):
            server.bind("127.0.0.1", port)  # a port the learner chose: no silent move
        monkeypatch.setattr(server, "DEFAULT_PORT", port)
        moved = server.bind("127.0.0.1", port)
        assert moved.getsockname()[1] > port
        moved.close()
    finally:
        busy.close()
