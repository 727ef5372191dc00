"""ladder.data: verified copies found offline, one clear sentence otherwise."""

from __future__ import annotations

import shutil

import pytest

from ladder import data


def test_shared_copy_is_found_and_verified(shared_data):
    assert data.locate("tinyshakespeare") == shared_data / "tinyshakespeare"
    assert (data.locate("mnist") / "t10k-labels-idx1-ubyte.gz").is_file()


def test_missing_dataset_offline_is_one_sentence(tmp_path, monkeypatch):
    monkeypatch.setenv("LADDER_DATA_PATH", str(tmp_path))
    monkeypatch.setenv("LADDER_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LADDER_OFFLINE", "1")
    with pytest.raises(data.DatasetUnavailable) as err:
        data.locate("tinyshakespeare")
    message = str(err.value)
    assert "not on this machine" in message and "ladder data add tinyshakespeare PATH" in message
    assert "\n" not in message


def test_an_altered_copy_is_rejected(tmp_path, monkeypatch, shared_data):
    copy = tmp_path / "tinyshakespeare"
    shutil.copytree(shared_data / "tinyshakespeare", copy)
    (copy / "input.txt").write_text("not Shakespeare")
    monkeypatch.setenv("LADDER_DATA_PATH", str(tmp_path))
    monkeypatch.setenv("LADDER_HOME", str(tmp_path / "home"))
    with pytest.raises(data.DatasetUnavailable, match="different sha256"):
        data.locate("tinyshakespeare", download=False)
    with pytest.raises(data.DatasetUnavailable, match="not a good copy"):
        data.add("tinyshakespeare", copy)


def test_add_registers_a_good_copy(tmp_path, monkeypatch, shared_data):
    monkeypatch.setenv("LADDER_DATA_PATH", "")
    monkeypatch.setenv("LADDER_HOME", str(tmp_path / "home"))
    copy = tmp_path / "mine"
    shutil.copytree(shared_data / "wordsim", copy)
    data.add("wordsim", copy)
    assert data.locate("wordsim", download=False) == copy.resolve()
    assert data.status()["wordsim"] == str(copy.resolve())


def test_unknown_name():
    with pytest.raises(KeyError, match="known datasets"):
        data.locate("imagenet")
