"""MNIST handwritten digits: the IDX file format and a loader.

IDX (LeCun's format) is a big-endian header then raw bytes:

* 2 zero bytes, one byte for the element type (``0x08`` = unsigned byte), one byte for the
  number of dimensions ``d``;
* ``d`` 4-byte big-endian sizes;
* the data, C order.

So images start with magic ``0x00000803`` (2051: ubyte, 3 dims: N×28×28) and labels with
``0x00000801`` (2049: ubyte, 1 dim). Files are usually gzipped; :func:`read_idx` accepts
both. The folder comes from ``ladder.data.locate("mnist")`` (download locations and the
.gz checksums are in the registry, ``datasets.toml``); :data:`SHA256` holds the checksums
of the decompressed content, which :func:`verify` checks.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import numpy as np

__all__ = ["read_idx", "load_mnist", "mnist_folder", "verify", "SHA256", "FILES"]

FILES = {
    ("train", "images"): "train-images-idx3-ubyte.gz",
    ("train", "labels"): "train-labels-idx1-ubyte.gz",
    ("test", "images"): "t10k-images-idx3-ubyte.gz",
    ("test", "labels"): "t10k-labels-idx1-ubyte.gz",
}

# sha256 of the *decompressed* content: the same for the canonical .gz downloads and for
# re-compressed local copies (shared/data/README.md explains why the .gz hash may differ).
SHA256 = {
    "train-images-idx3-ubyte.gz": (
        "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"
    ),
    "train-labels-idx1-ubyte.gz": (
        "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"
    ),
    "t10k-images-idx3-ubyte.gz": (
        "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"
    ),
    "t10k-labels-idx1-ubyte.gz": (
        "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
    ),
}
_DTYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def _read_bytes(path: Path) -> bytes:
    with open(path, "rb") as f:
        head = f.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        return f.read()


def read_idx(path: str | Path) -> np.ndarray:
    """Parse an IDX file (gzipped or not) into an array of its stated shape and type."""
    path = Path(path)
    raw = _read_bytes(path)
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] not in _DTYPES:
        raise ValueError(
            f"{path}: not an IDX file (magic bytes {raw[:4].hex()}; IDX starts with two "
            "zero bytes and a type byte, e.g. 00000803 for images). Check that the file is "
            "an MNIST -ubyte file."
        )
    ndim = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    dtype = np.dtype(_DTYPES[raw[2]])
    offset = 4 + 4 * ndim
    expected = int(np.prod(shape)) * dtype.itemsize
    if len(raw) - offset != expected:
        raise ValueError(
            f"{path}: header says shape {shape} ({expected} bytes) but {len(raw) - offset} "
            "bytes follow. The file is truncated or corrupt: download it again."
        )
    return np.frombuffer(raw, dtype=dtype, offset=offset).reshape(shape)


def mnist_folder() -> Path:
    """The verified MNIST folder from the dataset registry (:func:`ladder.data.locate`)."""
    from ladder.data import locate

    return locate("mnist")


def load_mnist(
    split: str = "train", folder: str | Path | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``(images, labels)``: uint8 ``(N, 28, 28)`` and uint8 ``(N,)``; N = 60000 or 10000."""
    if split not in ("train", "test"):
        raise ValueError(f"split must be 'train' or 'test', got {split!r}.")
    folder = Path(folder) if folder is not None else mnist_folder()
    paths = {kind: folder / FILES[(split, kind)] for kind in ("images", "labels")}
    for p in paths.values():
        if not p.exists():
            raise FileNotFoundError(
                f"{p} is missing: add a complete copy of MNIST with `ladder data add mnist PATH`."
            )
    images, labels = read_idx(paths["images"]), read_idx(paths["labels"])
    if images.shape[0] != labels.shape[0]:
        raise ValueError(
            f"{split}: {images.shape[0]} images but {labels.shape[0]} labels. One file is "
            "from another split or truncated."
        )
    return images, labels


def verify(folder: str | Path | None = None) -> dict[str, bool]:
    """Check every file's decompressed content against :data:`SHA256`."""
    folder = Path(folder) if folder is not None else mnist_folder()
    return {
        name: hashlib.sha256(_read_bytes(folder / name)).hexdigest() == digest
        for name, digest in SHA256.items()
    }
