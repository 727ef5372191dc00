"""The exercise page's editor (issue 16 §2): the task from the stub, the learner's file in
the page, saving to the file `ladder check` grades without ever overwriting a change made
outside, Check and check-on-save, the solution at its own address, a traceback once."""

from __future__ import annotations

import hashlib

from ladder.study.grader import CheckResult, Verdict
from ladder.study.session import check_errors, exercise_task, file_token
from tests.web.conftest import EXERCISE, MSE_RIGHT, MSE_WRONG

JSON = {"Accept": "application/json"}


def _token(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _learner_file(workspace):
    return workspace / "exercises" / "ml" / "mse.py"


def test_the_page_shows_the_task_the_signature_and_the_learners_file(client, workspace, curriculum):
    path = _learner_file(workspace)
    path.write_text(MSE_WRONG)
    page = client.get(f"/exercises/{EXERCISE}").text
    task = exercise_task(curriculum.exercises[EXERCISE])
    assert "Return a Python float" in task.text and "ladder check``" not in task.text
    assert task.signature == "def mean_squared_error(y_true, y_pred) -> float:"
    assert 'id="task"' in page and "Return a Python float" in page
    assert "def mean_squared_error(y_true, y_pred) -&gt; float:" in page
    # the learner's current file, in the form field the editor (and no-JS browsers) use
    assert "np.sum((np.asarray(y_true)" in page and 'name="source"' in page
    assert f'name="token" value="{file_token(path)}"' in page
    assert '<script src="/static/editor.js" defer></script>' in page


def test_save_writes_the_file_the_cli_grades(client, workspace):
    path = _learner_file(workspace)
    token = file_token(path)
    r = client.post(
        f"/exercises/{EXERCISE}/save",
        {"source": MSE_RIGHT.replace("\n", "\r\n"), "token": token, "action": "save"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == f"/exercises/{EXERCISE}?saved=1#editor"
    assert path.read_text() == MSE_RIGHT  # the browser's CRLF became the file's LF
    store = client.store()
    assert store.attempts(EXERCISE) == []  # saved, not checked
    store.close()


def test_a_file_changed_outside_is_never_overwritten(client, workspace):
    path = _learner_file(workspace)
    loaded = file_token(path)
    path.write_text(MSE_WRONG)  # another editor saves meanwhile
    r = client.post(
        f"/exercises/{EXERCISE}/save", {"source": MSE_RIGHT, "token": loaded, "action": "save"}
    )
    assert r.status_code == 409 and path.read_text() == MSE_WRONG
    assert "was changed outside this page since you opened it" in r.text
    # the learner's text stays in the page, with the token of the file now on disk:
    # saving again is the explicit choice to replace it
    assert "np.mean(d ** 2)" in r.text and f'value="{file_token(path)}"' in r.text
    r = client.post(
        f"/exercises/{EXERCISE}/save",
        {"source": MSE_RIGHT, "token": loaded, "action": "save"},
        headers=JSON,
    )
    assert r.status_code == 409 and r.json()["token"] == file_token(path)
    assert "nothing was saved" in r.json()["error"]
    r = client.post(
        f"/exercises/{EXERCISE}/save",
        {"source": MSE_RIGHT, "token": file_token(path), "action": "save"},
        headers=JSON,
    )
    assert r.status_code == 200 and r.json()["saved"] is True and path.read_text() == MSE_RIGHT


def test_check_saves_then_grades_and_answers_the_editor_in_json(client, workspace):
    path = _learner_file(workspace)
    r = client.post(
        f"/exercises/{EXERCISE}/save",
        {"source": MSE_WRONG, "token": file_token(path), "action": "check"},
        headers=JSON,
    )
    data = r.json()
    assert r.status_code == 200 and data["saved"] and data["checked"]
    assert data["state"] == "incorrect" and data["token"] == file_token(path)
    assert (
        "✗ incorrect" in data["verdict_html"]
        and "<th>expected</th><td><pre>0.42799999999999994" in (data["verdict_html"])
    )
    assert "1 attempt so far" in data["verdict_html"]
    # check on save, as `ladder watch`: a Save with the box ticked grades too
    r = client.post(
        f"/exercises/{EXERCISE}/save",
        {"source": MSE_RIGHT, "token": data["token"], "action": "save", "autocheck": "1"},
        headers=JSON,
    )
    assert r.json()["state"] == "passed" and "✓ passed" in r.json()["verdict_html"]
    store = client.store()
    assert [a["outcome"] for a in store.attempts(EXERCISE)] == ["incorrect", "passed"]
    store.close()


def test_check_with_unedited_text_grades_the_file_edited_outside(client, workspace):
    path = _learner_file(workspace)
    shown = path.read_text()  # what the page loaded
    path.write_text(MSE_RIGHT)  # the learner saves in their own editor
    r = client.post(
        f"/exercises/{EXERCISE}/save",
        {"source": shown, "token": _token(shown), "action": "check"},
        headers=JSON,
    )
    data = r.json()
    assert data["saved"] is False and data["state"] == "passed"
    assert path.read_text() == MSE_RIGHT and data["source"] == MSE_RIGHT  # the page reloads it


def test_save_refuses_bad_requests(client, workspace):
    path = _learner_file(workspace)
    r = client.post(f"/exercises/{EXERCISE}/save", {"token": file_token(path)})
    assert r.status_code == 400
    r = client.post(
        f"/exercises/{EXERCISE}/save",
        {"source": "x" * (1024 * 1024 + 1), "token": file_token(path)},
        headers=JSON,
    )
    assert r.status_code == 400 and "1024KB" in r.json()["error"]  # starlette's own limit
    before = path.read_text()
    assert (
        client.post(f"/exercises/{EXERCISE}/save", {"source": "x"}, csrf=False).status_code == 403
    )
    assert client.post("/exercises/ml.nope/save", {"source": "", "token": ""}).status_code == 404
    assert path.read_text() == before


def test_the_solution_has_its_own_address_after_an_attempt(client, workspace):
    assert client.get(f"/exercises/{EXERCISE}/solution").status_code == 409
    _learner_file(workspace).write_text(MSE_WRONG)
    client.post(f"/exercises/{EXERCISE}/check")
    page = client.get(f"/exercises/{EXERCISE}")
    assert f'href="/exercises/{EXERCISE}/solution#solution"' in page.text
    for _ in range(2):  # a reload shows it again; nothing is resubmitted
        r = client.get(f"/exercises/{EXERCISE}/solution")
        assert r.status_code == 200 and "Reference solution" in r.text
    r = client.post(f"/exercises/{EXERCISE}/solution", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith(
        f"/exercises/{EXERCISE}/solution"
    )


TRACE = (
    '  File "mse.py", line 5, in mean_squared_error\n'
    '  File "mse.py", line 3, in helper\n'
    "AttributeError: 'list' object has no attribute 'nope'"
)


def test_a_traceback_is_shown_once_not_once_per_check():
    other = TRACE.replace("'list'", "'numpy.ndarray'")
    v = Verdict(
        "ml.mse",
        "could_not_check",
        [
            CheckResult("check_a", "a", "error", TRACE),
            CheckResult("check_b", "b", "passed"),
            CheckResult("check_c", "c", "error", TRACE),
            CheckResult("check_d", "d", "error", other),
            CheckResult("check_e", "e", "error", "ValueError: something else"),
        ],
        reason="your code raised an error in the check “a”",
    )
    assert check_errors(v) == [
        TRACE,
        None,
        "the same error again",
        "AttributeError: 'numpy.ndarray' object has no attribute 'nope' "
        "(the same traceback as above)",
        "ValueError: something else",
    ]


def test_the_page_shows_each_traceback_once(client, workspace):
    _learner_file(workspace).write_text(
        "def helper(a):\n    return a.nope\n\n"
        "def mean_squared_error(y_true, y_pred):\n    return helper(y_true)\n"
    )
    page = client.post(f"/exercises/{EXERCISE}/check").text
    verdict = page.split('id="verdict"')[1].split("</section>")[0]
    assert verdict.count("in helper") == 1, verdict
    assert "the same error again" in verdict or "the same traceback as above" in verdict


def test_save_exercise_refuses_a_file_over_1_mib(tmp_path, curriculum):
    import pytest

    from ladder.study.session import Invalid, save_exercise

    path = tmp_path / "mse.py"
    path.write_text("x = 1\n")
    with pytest.raises(Invalid, match="at most 1 MiB; nothing was saved"):
        save_exercise(
            curriculum.exercises[EXERCISE], path, "#" * (1024 * 1024 + 1), file_token(path)
        )
    assert path.read_text() == "x = 1\n"
    saved = save_exercise(curriculum.exercises[EXERCISE], path, "x = 2\n", file_token(path))
    assert saved.written and saved.token == file_token(path) and path.read_text() == "x = 2\n"
    assert not save_exercise(curriculum.exercises[EXERCISE], path, "x = 2\n", "stale").written
