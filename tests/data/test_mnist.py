"""The MNIST IDX reader against the real files in shared/data/mnist."""

from __future__ import annotations

import gzip
import struct

import numpy as np
import pytest

from ladder.data import mnist


def test_reads_test_split_with_documented_label_counts(shared_data):
    images, labels = mnist.load_mnist("test", shared_data / "mnist")
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8
    # Counts from shared/data/README.md (digits 0-9 of the official test set).
    np.testing.assert_array_equal(
        np.bincount(labels), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
    )
    assert images.max() == 255 and images.min() == 0


def test_default_folder_comes_from_the_data_registry(shared_data):
    assert (mnist.mnist_folder() / "t10k-labels-idx1-ubyte.gz").exists()


def test_idx_roundtrip_plain_and_gzipped(tmp_path):
    data = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    raw = struct.pack(">BBBB", 0, 0, 0x08, 3) + struct.pack(">III", 2, 3, 4) + data.tobytes()
    (tmp_path / "a.idx").write_bytes(raw)
    (tmp_path / "a.idx.gz").write_bytes(gzip.compress(raw))
    np.testing.assert_array_equal(mnist.read_idx(tmp_path / "a.idx"), data)
    np.testing.assert_array_equal(mnist.read_idx(tmp_path / "a.idx.gz"), data)


def test_truncated_and_foreign_files_are_explained(tmp_path):
    raw = struct.pack(">BBBB", 0, 0, 0x08, 1) + struct.pack(">I", 10) + bytes(5)
    (tmp_path / "t.idx").write_bytes(raw)
    with pytest.raises(ValueError, match="truncated"):
        mnist.read_idx(tmp_path / "t.idx")
    (tmp_path / "x.idx").write_bytes(b"PK\x03\x04rest")
    with pytest.raises(ValueError, match="not an IDX file"):
        mnist.read_idx(tmp_path / "x.idx")


def test_missing_files_say_where_to_get_them(tmp_path):
    with pytest.raises(
        FileNotFoundError,
        match="is missing: add a complete copy of MNIST with `ladder data add mnist PATH`",
    ):
        mnist.load_mnist("train", tmp_path)
