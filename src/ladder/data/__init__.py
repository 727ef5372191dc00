"""Datasets: where they are, whether they are intact, and how to get them.

Standard datasets (MNIST, Tiny Shakespeare, SST-2, …) are listed in ``datasets.toml``
with the sha256 of every file. :func:`locate` finds a verified copy, in this order:

1. a copy the learner registered with ``ladder data add NAME PATH``;
2. a folder ``<dir>/<name>/`` in one of the directories of ``LADDER_DATA_PATH``
   (``os.pathsep``-separated; the tests point it at ``../shared/data``);
3. the cache under the user's data directory;
4. a download from the canonical location into that cache, unless offline
   (``LADDER_OFFLINE=1``) or the dataset has no direct download.

Otherwise it raises :class:`DatasetUnavailable` with one sentence saying how to get it.
Nothing here downloads at import time. Dataset-specific parsing lives in sibling modules
(``ladder.data.mnist``, ``ladder.data.text``, …).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DatasetUnavailable",
    "Dataset",
    "registry",
    "locate",
    "add",
    "status",
    "cache_dir",
]


class DatasetUnavailable(RuntimeError):
    """A dataset is not on this machine and cannot be fetched now."""


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    license: str
    url: str  # template with {file}, or "" when there is no direct download
    files: dict[str, tuple[str, ...]]  # relative path -> accepted sha256 values


def registry() -> dict[str, Dataset]:
    """Every standard dataset Ladder knows, by name."""
    raw = tomllib.loads((Path(__file__).with_name("datasets.toml")).read_text("utf-8"))
    return {
        name: Dataset(
            name=name,
            title=entry["title"],
            license=entry["license"],
            url=entry["url"],
            files={f["path"]: tuple(f["sha256"]) for f in entry["files"]},
        )
        for name, entry in raw.items()
    }


def _user_dir() -> Path:
    env = os.environ.get("LADDER_HOME")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("ladder", appauthor=False))


def cache_dir() -> Path:
    """Where downloaded datasets are kept (``$LADDER_HOME/datasets`` when set)."""
    return _user_dir() / "datasets"


def _added_file() -> Path:
    return _user_dir() / "added-datasets.json"


def _added() -> dict[str, str]:
    try:
        return json.loads(_added_file().read_text("utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


_verified: dict[tuple[str, int, int], bool] = {}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _problems(ds: Dataset, folder: Path) -> list[str]:
    """What is missing or altered in ``folder`` (empty when it is a good copy)."""
    out = []
    for rel, accepted in ds.files.items():
        p = folder / rel
        if not p.is_file():
            out.append(f"{rel} is missing")
            continue
        st = p.stat()
        key = (str(p), st.st_size, st.st_mtime_ns)
        if key not in _verified:
            _verified[key] = _sha256(p) in accepted
        if not _verified[key]:
            out.append(f"{rel} has a different sha256 than the published file")
    return out


def _get(name: str) -> Dataset:
    reg = registry()
    if name not in reg:
        raise KeyError(f"no dataset named {name!r}; known datasets: {', '.join(sorted(reg))}.")
    return reg[name]


def _candidates(name: str) -> list[Path]:
    found = []
    if name in _added():
        found.append(Path(_added()[name]))
    for d in filter(None, os.environ.get("LADDER_DATA_PATH", "").split(os.pathsep)):
        found.append(Path(d) / name)
    found.append(cache_dir() / name)
    return found


def _offline() -> bool:
    return os.environ.get("LADDER_OFFLINE", "") not in ("", "0")


def _download(ds: Dataset) -> Path:
    import urllib.request

    target = cache_dir() / ds.name
    for rel, accepted in ds.files.items():
        dest = target / rel
        if dest.is_file() and _sha256(dest) in accepted:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        url = ds.url.format(file=rel)
        tmp = dest.with_suffix(dest.suffix + ".part")
        with urllib.request.urlopen(url, timeout=60) as resp, tmp.open("wb") as out:
            shutil.copyfileobj(resp, out)
        if _sha256(tmp) not in accepted:
            tmp.unlink()
            raise DatasetUnavailable(
                f"the download of {url} does not match its published sha256; "
                "try again later or add a copy with `ladder data add`."
            )
        tmp.replace(dest)
    return target


def locate(name: str, *, download: bool = True) -> Path:
    """Return the folder holding a verified copy of dataset ``name``.

    The folder is laid out as in ``datasets.toml`` (for example ``locate("mnist") /
    "t10k-images-idx3-ubyte.gz"``).
    """
    ds = _get(name)
    seen = []
    for folder in _candidates(name):
        if folder.is_dir():
            problems = _problems(ds, folder)
            if not problems:
                return folder
            seen.append(f"{folder}: {problems[0]}")
    failed = ""
    if download and ds.url and not _offline():
        try:
            return _download(ds)
        except OSError as exc:
            failed = f" and could not be downloaded ({getattr(exc, 'reason', exc)})"
    files = list(ds.files)
    if not ds.url:
        how = "get a copy of it "
    elif len(files) == 1:
        how = f"download it from {ds.url.format(file=files[0])} "
    else:
        how = (
            f"download its files ({', '.join(files)}) "
            f"from {ds.url.format(file='')} into one folder "
        )
    detail = f" (looked at {'; '.join(seen)})" if seen else ""
    raise DatasetUnavailable(
        f"The dataset {name!r} ({ds.title}) is not on this machine{detail}{failed}: "
        f"{how}and run `ladder data add {name} PATH`."
    )


def add(name: str, path: str | Path) -> Path:
    """Register a local copy after verifying it: a folder laid out like the dataset, or,
    for a dataset of one file, that file itself (under any name: a link to it is made
    in Ladder's data folder under the dataset's own file name)."""
    ds = _get(name)
    given = Path(path).expanduser().resolve()
    if given.is_file():
        if len(ds.files) != 1:
            raise DatasetUnavailable(
                f"{name} has {len(ds.files)} files ({', '.join(ds.files)}): pass the folder "
                "holding them all, not one file."
            )
        ((rel, accepted),) = ds.files.items()
        if _sha256(given) not in accepted:
            raise DatasetUnavailable(
                f"{given} is not a good copy of {name}: its sha256 differs from the "
                f"published {rel}."
            )
        folder = _user_dir() / "datasets-linked" / name
        link = folder / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(given)
    elif given.is_dir():
        folder = given
    else:
        raise DatasetUnavailable(
            f"{given} does not exist; pass the folder (or, for a one-file dataset, the file) "
            f"holding {name}."
        )
    problems = _problems(ds, folder)
    if problems:
        raise DatasetUnavailable(
            f"{folder} is not a good copy of {name}: {'; '.join(problems[:3])}."
        )
    added = _added()
    added[name] = str(folder)
    _added_file().parent.mkdir(parents=True, exist_ok=True)
    _added_file().write_text(json.dumps(added, indent=2), "utf-8")
    return folder


def status() -> dict[str, str | None]:
    """Each dataset's verified folder, or None when it is not here (never downloads)."""
    out: dict[str, str | None] = {}
    for name in registry():
        try:
            out[name] = str(locate(name, download=False))
        except DatasetUnavailable:
            out[name] = None
    return out
