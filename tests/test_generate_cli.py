"""`ladder generate`: sampling from a char-level GPT checkpoint, and its clear errors.

The checkpoint is made here: ``ladder.transformer.shakespeare.train`` for a few steps on a
short text (the nanoGPT CPU model, tiny batches), written to ``tmp_path``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import ladder

TEXT = (
    "First Citizen:\nBefore we proceed any further, hear me speak.\n\n"
    "All:\nSpeak, speak.\n\nFirst Citizen:\nYou are all resolved rather to die than to famish?\n"
) * 12  # the last 10 % (validation) must exceed the 64-character context


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory) -> Path:
    from ladder.transformer.shakespeare import train

    out = tmp_path_factory.mktemp("gpt")
    train(max_iters=3, out_dir=out, text=TEXT, final_eval_iters=1, sample_chars=5,
          batch_size=2, eval_interval=10, eval_iters=1)  # fmt: skip
    return out / "ckpt.pt"


def test_samples_from_a_checkpoint(checkpoint, tmp_path):
    from ladder.transformer.shakespeare import generate_from_checkpoint

    r = ladder("generate", "--checkpoint", str(checkpoint), "--prompt", "All:", "--tokens", "40",
               "--seed", "3", cwd=tmp_path)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("All:")
    # the command prints exactly what the library samples with the same settings
    want = generate_from_checkpoint(checkpoint, "All:", max_new_tokens=40, temperature=0.8,
                                    top_k=200, seed=3)  # fmt: skip
    assert r.stdout.rstrip("\n") == want.rstrip("\n")
    assert len(want) == len("All:") + 40
    assert set(want) <= set(TEXT)


def test_default_is_the_newest_run_of_the_workspace(checkpoint, tmp_path):
    assert ladder("init", "w", cwd=tmp_path).returncode == 0
    ws = tmp_path / "w"
    r = ladder("generate", cwd=ws)
    assert r.returncode == 1
    assert "ladder run transformer.gpt-shakespeare" in r.stderr
    assert "Traceback" not in r.stderr
    run = ws / "runs" / "transformer.gpt-shakespeare" / "20260101-000000"
    run.mkdir(parents=True)
    shutil.copy(checkpoint, run / "ckpt.pt")
    r = ladder("generate", "--tokens", "10", "--top-p", "0.9", "--prompt", "Speak", cwd=ws)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Speak") and len(r.stdout.rstrip("\n")) >= len("Speak")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--temperature", "0"], "--temperature must be greater than 0"),
        (["--temperature", "-1"], "--temperature must be greater than 0"),
        (["--top-p", "0"], "--top-p must lie in (0, 1]"),
        (["--top-p", "1.5"], "--top-p must lie in (0, 1]"),
        (["--top-k", "0"], "--top-k must be a positive whole number"),
        (["--prompt", "zebra€"], "characters the model never saw"),
    ],
)
def test_invalid_settings_fail_in_one_sentence(checkpoint, args, message):
    # in-process (fast): the command raises Fail, which the entry point prints, exit 1
    from typer.testing import CliRunner

    from ladder.cli import Fail, app
    from ladder.projects.common import ProjectInputError

    result = CliRunner().invoke(
        app, ["generate", "--checkpoint", str(checkpoint), "--tokens", "5", *args]
    )
    assert isinstance(result.exception, Fail | ProjectInputError), result.output
    text = str(result.exception)
    assert message in text and text.count(". ") == 0 and text.endswith(".")


def test_a_bad_setting_exits_1_with_one_line(checkpoint, tmp_path):
    r = ladder("generate", "--checkpoint", str(checkpoint), "--temperature", "0", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith("Error: --temperature must be greater than 0")


def test_missing_checkpoint_file(tmp_path):
    r = ladder("generate", "--checkpoint", str(tmp_path / "nope.pt"), cwd=tmp_path)
    assert r.returncode == 1 and "no checkpoint at" in r.stderr and "Traceback" not in r.stderr


def test_help_stays_light(tmp_path):
    r = ladder("generate", "--help", cwd=tmp_path)
    assert r.returncode == 0 and "--temperature" in r.stdout and "--top-p" in r.stdout
