"""The stage-8 tools as pages: the same services as the commands; bad input and a model
no lab has trained give one sentence on the page."""

from __future__ import annotations

import pytest

DOC = (
    "Gradient descent follows the negative gradient. The learning rate sets the step. "
    "Too large a rate diverges. Too small a rate crawls. Adam adapts the rate per parameter. "
    "Momentum averages past gradients."
)


def test_the_tools_page_links_every_tool(client):
    page = client.get("/tools").text
    for tool in ("sentiment", "chat", "generate", "translate", "summarize"):
        assert f'href="/tools/{tool}"' in page


def test_sentiment_labels_each_line(client):
    text = "I love this, so happy today!\nawful, I hated it"
    r = client.get("/tools/sentiment", params={"text": text})
    assert r.status_code == 200
    assert 'class="label positive"' in r.text and 'class="label negative"' in r.text


@pytest.mark.parametrize(
    ("path", "params", "status", "says"),
    [
        ("/tools/sentiment", {"text": "   "}, 400, "is empty"),
        ("/tools/translate", {"text": "A dog runs."}, 409, "ladder run projects.train-translator"),
        ("/tools/translate", {"text": "A dog.", "direction": "fr-xx"}, 400, "direction"),
        ("/tools/generate", {"prompt": "ROMEO:"}, 409, "ladder run transformer.gpt-shakespeare"),
        ("/tools/generate", {"prompt": "ROMEO:", "temperature": "0"}, 400, "temperature"),
    ],
)
def test_bad_input_and_untrained_models_say_one_sentence(client, path, params, status, says):
    r = client.get(path, params=params)
    assert r.status_code == status, r.text[:300]
    assert says in r.text and "Traceback" not in r.text


def test_summarize_text_and_refuse_a_binary_file(client):
    r = client.post("/tools/summarize", {"text": DOC, "method": "lead", "n": "2"})
    assert r.status_code == 200 and "Gradient descent follows the negative gradient." in r.text
    r = client.post(
        "/tools/summarize",
        {"text": "", "method": "lead", "n": "2"},
        files={"file": ("doc.bin", b"\x00\x01\x02binary", "application/octet-stream")},
    )
    assert r.status_code == 400 and "binary file" in r.text


def test_the_generation_stream_reports_a_missing_model(client):
    r = client.get("/tools/generate/stream", params={"prompt": "ROMEO:"})
    assert (
        r.status_code == 200
        and "event: error" in r.text
        and "transformer.gpt-shakespeare" in r.text
    )


@pytest.mark.slow
def test_the_tutor_answers_with_course_passages(client):
    r = client.get("/tools/chat", params={"q": "How does the Adam optimiser update its steps?"})
    assert r.status_code == 200 and 'class="passage"' in r.text and "/lessons/" in r.text
    r = client.get("/tools/chat", params={"q": "Wie funktioniert der Gradientenabstieg?"})
    assert r.status_code == 400 and "in English" in r.text
