"""How cost grows with the work: time (and peak memory where it matters) against input size,
ours beside the reference in the same run, with the fitted log-log slope and the complexity
the lesson states.

    python -m benchmarks.run --scaling            # every curve, full sizes
    python -m benchmarks.run --scaling --quick    # small sizes (smoke test)
    python -m benchmarks.scaling bpe_corpus kv    # chosen curves

Each curve times ours and the reference at every size, alternately (so machine noise hits
both alike), as the median of a few repeats of the process's CPU time, every library on
one thread (BLAS, torch and the Rust tokenizers alike): on a shared machine wall time
mostly measures the waits for a core. The slope is the least-squares fit of
log(time) on log(size): 1 is linear, 2 quadratic; constant overheads pull it below the
asymptotic exponent at small sizes. Peak memory is the tracemalloc peak (NumPy, SciPy and
Python objects are traced) or, for torch, the peak RSS of one call above the RSS before it.
Writes ``benchmarks/scaling/<curve>.png``, ``scaling.md`` (the table) and ``scaling.json``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")  # the Rust trainer on one thread too
HERE = Path(__file__).resolve().parent
OUT = HERE / "scaling"


@dataclass
class Curve:
    """One algorithm: named series of times (seconds) over ``sizes``."""

    key: str  # file stem of the plot
    title: str  # "BPE training (corpus size)"
    x_label: str  # what the size counts
    sizes: list[int]
    series: dict[str, list[float]]  # first: ours, second: the reference, then any others
    complexity: str  # what the lesson states (or the textbook, marked "not in the lesson")
    memory: dict[str, list[float]] = field(default_factory=dict)  # MiB, same series names
    note: str = ""

    def slope(self, name: str, values: dict[str, list[float]] | None = None) -> float:
        y = np.log((values or self.series)[name])
        return float(np.polyfit(np.log(self.sizes), y, 1)[0])


def _median(fn: Callable[[], object], repeats: int) -> float:
    """Median CPU time of the process (single-threaded work: every library here runs on one
    thread), which, unlike wall time, does not count the waits of a shared machine."""
    times = []
    for _ in range(repeats):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def _side_by_side(
    sizes: list[int],
    makers: dict[str, Callable[[int], Callable[[], object]]],
    repeats: int | dict[str, int],
) -> dict[str, list[float]]:
    """For each size, build each side's workload and time it (median of ``repeats``, per
    side if a dict); the sides alternate at every size."""
    out: dict[str, list[float]] = {name: [] for name in makers}
    for n in sizes:
        for name, make in makers.items():
            r = repeats[name] if isinstance(repeats, dict) else repeats
            out[name].append(_median(make(n), r))
    return out


def _peak_mib(fn: Callable[[], object]) -> float:
    """Peak traced allocation while ``fn`` runs (not timed: tracing slows allocation)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _blas_one_thread():
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)


# --- curves --------------------------------------------------------------------------------


def bpe_corpus(quick: bool) -> Curve:
    from benchmarks.bench_nlp import _hf_bpe_train
    from ladder.data.text import tiny_shakespeare
    from ladder.nlp.bpe import GPT2_SPLIT_PATTERN, GPT2BPETokenizer

    text = tiny_shakespeare()
    sizes = (
        [25_000, 50_000, 100_000, 200_000]
        if quick
        else [69_712, 139_424, 278_848, 557_697, 1_115_394]
    )
    vocab = 300 if quick else 512
    series = _side_by_side(
        sizes,
        {
            "ours (ladder.nlp.bpe)": lambda n: lambda: GPT2BPETokenizer().train(text[:n], vocab),
            "HF tokenizers (Rust)": lambda n: (
                lambda: _hf_bpe_train(text[:n], vocab, GPT2_SPLIT_PATTERN)
            ),
        },
        1 if quick else 3,
    )
    return Curve(
        "bpe_corpus",
        f"BPE training to {vocab} tokens (corpus size)",
        "characters of Tiny Shakespeare",
        sizes,
        series,
        "O(VN) for the naive trainer (lesson); the incremental one counts each chunk once",
        note="GPT-2 split; time grows with the distinct chunks, not the raw length",
    )


def bpe_vocab(quick: bool) -> Curve:
    from benchmarks.bench_nlp import _hf_bpe_train
    from ladder.data.text import tiny_shakespeare
    from ladder.nlp.bpe import GPT2_SPLIT_PATTERN, GPT2BPETokenizer, train_bpe_naive

    text = tiny_shakespeare()[: 50_000 if quick else 200_000]
    merges = [16, 32, 64, 128] if quick else [64, 128, 256, 512, 1024]
    makers = {
        "ours (ladder.nlp.bpe)": lambda m: lambda: GPT2BPETokenizer().train(text, 256 + m),
        "HF tokenizers (Rust)": lambda m: lambda: _hf_bpe_train(text, 256 + m, GPT2_SPLIT_PATTERN),
    }
    series = _side_by_side(merges, makers, 1 if quick else 3)
    # The naive re-count on a small corpus and few merges only: it is the O(VN) curve.
    small = text[:20_000]
    naive_sizes = merges[:3]
    naive = [_median(lambda m=m: train_bpe_naive(small, 256 + m), 1) for m in naive_sizes]
    curve = Curve(
        "bpe_vocab",
        "BPE training (merges)",
        f"merges learned ({len(text):,} characters of Tiny Shakespeare)",
        merges,
        series,
        "O(VN) naive (lesson): linear in the merges V; incremental: each merge touches only "
        "the chunks holding the pair",
        note=f"naive re-count on {len(small):,} characters: slope "
        f"{np.polyfit(np.log(naive_sizes), np.log(naive), 1)[0]:.2f} over {naive_sizes} merges",
    )
    return curve


def kneser_ney(quick: bool) -> Curve:
    from nltk import lm as nltk_lm
    from nltk.lm.preprocessing import padded_everygram_pipeline

    from ladder.data.text import tiny_shakespeare
    from ladder.nlp import ngram, ngram_trie
    from ladder.nlp.tokenize import simple_tokenize

    lines = [simple_tokenize(l) for l in tiny_shakespeare().splitlines() if l.strip()]
    n_lines = [500, 1000, 2000, 4000] if quick else [2000, 4000, 8000, 16000]
    tokens = [sum(map(len, lines[:n])) for n in n_lines]

    def nltk_fit(n: int) -> Callable[[], object]:
        def fit() -> object:
            ref = nltk_lm.KneserNeyInterpolated(3)
            ref.fit(*padded_everygram_pipeline(3, lines[:n]))
            return ref

        return fit

    makers = {
        "ours (ladder.nlp.ngram_trie)": lambda n: (
            lambda: ngram_trie.KneserNeyInterpolated(3).fit(lines[:n])
        ),
        "nltk.lm": nltk_fit,
        "ours, dictionaries (ladder.nlp.ngram)": lambda n: (
            lambda: ngram.KneserNeyInterpolated(3).fit(lines[:n])
        ),
    }
    names = list(makers)
    series = _side_by_side(n_lines, makers, {names[0]: 5, names[1]: 1, names[2]: 1})
    # Memory of the two libraries (tracing slows nltk's millions of small objects: the
    # first three sizes only for it).
    memory = {
        names[0]: [_peak_mib(makers[names[0]](n)) for n in n_lines],
        names[1]: [_peak_mib(makers[names[1]](n)) for n in n_lines[:3]],
    }
    return Curve(
        "kneser_ney",
        "Kneser–Ney trigram fit (tokens)",
        "training tokens (Tiny Shakespeare lines)",
        tokens,
        series,
        "O(N): one count per n-gram (not in the lesson); the trie's one sort is O(N log N), "
        "close to linear at these sizes",
        memory,
        note="peak memory: tracemalloc",
    )


def tree_fit(quick: bool) -> Curve:
    from sklearn.datasets import make_classification
    from sklearn.tree import DecisionTreeClassifier as SkTree

    from ladder.ml.tree import DecisionTreeClassifier

    sizes = [250, 500, 1000, 2000] if quick else [500, 1000, 2000, 4000, 8000]
    X, y = make_classification(sizes[-1], 16, n_informative=8, random_state=0)
    with _blas_one_thread():
        series = _side_by_side(
            sizes,
            {
                "ours (ladder.ml.tree)": lambda n: (
                    lambda: DecisionTreeClassifier().fit(X[:n], y[:n])
                ),
                "scikit-learn": lambda n: lambda: SkTree(random_state=0).fit(X[:n], y[:n]),
            },
            3,
        )
    return Curve(
        "tree_fit",
        "Decision tree fit (rows)",
        "training rows (16 features, grown to purity)",
        sizes,
        series,
        "O(d n log n) per depth level (one sort per feature and node), about O(d n log² n) "
        "for a balanced tree (not in the lesson)",
        note="make_classification, 16 features",
    )


def kmeans(quick: bool) -> Curve:
    from sklearn.cluster import KMeans as SkKMeans

    from ladder.ml.cluster import KMeans

    pairs = [(500, 4), (1000, 8), (2000, 16), (4000, 32)] if quick else [
        (1000, 4), (2000, 8), (4000, 16), (8000, 32), (16000, 64)
    ]  # fmt: skip
    rng = np.random.default_rng(0)
    X_all = rng.normal(size=(pairs[-1][0], 16))
    sizes = [n * k for n, k in pairs]
    out: dict[str, list[float]] = {"ours (ladder.ml.cluster)": [], "scikit-learn": []}
    with _blas_one_thread():
        for n, k in pairs:
            X = X_all[:n]
            for name, make in (
                (
                    "ours (ladder.ml.cluster)",
                    lambda k=k: KMeans(k, max_iter=20, tol=0.0, random_state=0),
                ),
                (
                    "scikit-learn",
                    lambda k=k: SkKMeans(k, n_init=1, max_iter=20, tol=0.0, random_state=0),
                ),
            ):
                per_iter = []
                for _ in range(3):
                    t0 = time.process_time()
                    m = make().fit(X)
                    per_iter.append((time.process_time() - t0) / m.n_iter_)
                out[name].append(statistics.median(per_iter))
    return Curve(
        "kmeans",
        "k-means, time per Lloyd iteration (rows × k)",
        "rows × clusters (16 features; k-means++ start amortised)",
        sizes,
        out,
        "O(n k d) per iteration (not in the lesson)",
        note=f"(n, k) = {pairs}; Gaussian noise, at most 20 iterations",
    )


_ATTENTION_WORKER = r"""
import ctypes, json, re, sys, time, statistics
import torch
torch.set_num_threads(1)
side, sizes = sys.argv[1], json.loads(sys.argv[2])
from ladder.transformer.attention import causal_mask, scaled_dot_product_attention
import torch.nn.functional as F
def status(key):  # MiB
    return int(re.search(key + r":\s+(\d+)", open("/proc/self/status").read()).group(1)) / 1024
torch.manual_seed(0)
out = {"seconds": [], "peak_mib": []}
calls = []
for T in sizes:
    q = torch.randn(1, 4, T, 32); k = q.roll(1, 2); v = q.roll(2, 2)
    mask = causal_mask(T, T)
    if side == "ours":
        calls.append(lambda q=q, k=k, v=v, mask=mask: scaled_dot_product_attention(q, k, v, mask))
    else:
        calls.append(lambda q=q, k=k, v=v: F.scaled_dot_product_attention(q, k, v, is_causal=True))
with torch.no_grad():
    for f in calls:
        f()
        ts = []
        for _ in range(5):
            t0 = time.process_time(); f(); ts.append(time.process_time() - t0)
        out["seconds"].append(statistics.median(ts))
    # Then memory: large blocks straight from the OS (a fixed mmap threshold, so a freed
    # block leaves the RSS), and the peak RSS of one call above the RSS before it.
    ctypes.CDLL("libc.so.6").mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD
    for f in calls:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")  # reset the high-water mark (Linux)
        before = status("VmRSS")
        f()
        out["peak_mib"].append(max(status("VmHWM") - before, 0.0))
print(json.dumps(out))
"""


def attention(quick: bool) -> Curve:
    sizes = [128, 256, 512, 1024] if quick else [256, 512, 1024, 2048, 4096]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    runs = {}
    for side, name in (("ours", "ours (ladder.transformer.attention)"), ("torch", "torch SDPA")):
        res = subprocess.run(
            [sys.executable, "-c", _ATTENTION_WORKER, side, json.dumps(sizes)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        runs[name] = json.loads(res.stdout.strip().splitlines()[-1])
    return Curve(
        "attention",
        "Attention forward (sequence length)",
        "sequence length T (1 × 4 heads × 32 dims, causal)",
        sizes,
        {name: r["seconds"] for name, r in runs.items()},
        "O(T² d) work (lesson: O(n² d)); ours keeps the T × T weights, O(T²) memory",
        {name: r["peak_mib"] for name, r in runs.items()},
        note="peak memory: the peak RSS of one call above the RSS before it (Linux "
        "clear_refs); 1 torch thread",
    )


def kv_cache(quick: bool) -> Curve:
    import torch

    from ladder.transformer.gpt import GPT, GPTConfig

    torch.set_num_threads(1)
    torch.manual_seed(0)
    sizes = [64, 128, 256, 512] if quick else [128, 256, 512, 1024, 2048]
    cfg = GPTConfig(vocab_size=65, block_size=sizes[-1] + 8, n_layer=4, n_head=4, n_embd=128)
    model = GPT(cfg).eval()
    idx = torch.randint(0, 65, (1, sizes[-1] + 1), generator=torch.Generator().manual_seed(0))
    out: dict[str, list[float]] = {"ours, with KV cache": [], "ours, no cache (re-run prefix)": []}
    with torch.no_grad():
        for T in sizes:
            cache = model.new_cache(1)
            model(idx[:, :T], cache=cache)  # prefill: T positions cached

            def cached_step(cache=cache, T=T) -> None:
                model(idx[:, T : T + 1], cache=cache)
                cache.length -= 1  # drop the step again: every repeat sees T cached tokens

            out["ours, with KV cache"].append(_median(cached_step, 7))
            out["ours, no cache (re-run prefix)"].append(
                _median(lambda T=T: model(idx[:, : T + 1]), 3)
            )
    return Curve(
        "kv_cache",
        "GPT generation, time per new token (context length)",
        "tokens already in the context T (4 layers, 128 wide)",
        sizes,
        out,
        "O(T) attention per token with the cache, O(T²) without (lesson); the per-token "
        "MLP and projections are O(d²), independent of T",
        note="one decoding step at context T; 1 torch thread",
    )


def retrieval(quick: bool) -> Curve:
    from sklearn.feature_extraction.text import TfidfVectorizer as SkTfidf

    from ladder.data.text import tiny_shakespeare
    from ladder.nlp.vectorize import TfidfVectorizer

    lines = [l for l in tiny_shakespeare().splitlines() if l.strip()]
    docs_all = [" ".join(lines[i : i + 4]) for i in range(0, len(lines) - 200, 4)]
    queries = lines[-200::10]  # 20 held-out lines
    sizes = [500, 1000, 2000, 4000] if quick else [1000, 2000, 4000, 8000]

    def search(vectorizer_cls, n: int) -> Callable[[], object]:
        def run() -> np.ndarray:
            vec = vectorizer_cls()
            D = vec.fit_transform(docs_all[:n])  # rows are unit vectors (l2)
            S = (vec.transform(queries) @ D.T).toarray()  # cosine similarities
            return np.argsort(-S, axis=1)[:, :5]  # top 5 documents per query

        return run

    makers = {
        "ours (ladder.nlp.vectorize)": lambda n: search(TfidfVectorizer, n),
        "scikit-learn": lambda n: search(SkTfidf, n),
    }
    top_ours, top_ref = (
        makers["ours (ladder.nlp.vectorize)"](sizes[0])(),
        makers["scikit-learn"](sizes[0])(),
    )
    series = _side_by_side(sizes, makers, 3)
    memory = {name: [_peak_mib(make(n)) for n in sizes] for name, make in makers.items()}
    return Curve(
        "retrieval",
        "TF-IDF retrieval (documents)",
        "documents indexed (4 lines of Tiny Shakespeare each), 20 queries",
        sizes,
        series,
        "O(total tokens) to index, O(nnz) per query: linear in the documents (not in the "
        "lesson; no retrieval module yet)",
        memory,
        note="fit + 20 queries + top 5; same top 5 as scikit-learn: "
        f"{bool((top_ours == top_ref).all())}",
    )


CURVES = {
    "bpe_corpus": bpe_corpus,
    "bpe_vocab": bpe_vocab,
    "kneser_ney": kneser_ney,
    "tree_fit": tree_fit,
    "kmeans": kmeans,
    "attention": attention,
    "kv_cache": kv_cache,
    "retrieval": retrieval,
}


# --- output --------------------------------------------------------------------------------


def _fmt_s(t: float) -> str:
    return f"{t * 1e3:.1f} ms" if t < 1 else f"{t:.2f} s"


def table(curves: list[Curve]) -> str:
    lines = [
        "| algorithm (input) | sizes | ours: time at sizes, slope | reference: time at sizes, "
        "slope | complexity stated | peak memory at the largest size | plot |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in curves:
        names = list(c.series)
        ours, ref = names[0], names[1]

        def cell(name: str, c: Curve = c) -> str:
            times = c.series[name]
            return f"{_fmt_s(times[0])} → {_fmt_s(times[-1])}, **{c.slope(name):.2f}** ({name})"

        extra = "; ".join(
            f"{n}: {_fmt_s(c.series[n][-1])}, slope {c.slope(n):.2f}" for n in names[2:]
        )
        mem = "—"
        if c.memory:
            mem = ", ".join(
                f"{n.split(' (')[0]} {v[-1]:.1f} MiB"
                + (f" at {c.sizes[len(v) - 1]:,}" if len(v) < len(c.sizes) else "")
                + _memory_slope(c.sizes, v)
                for n, v in c.memory.items()
            )
        sizes = f"{c.sizes[0]:,} → {c.sizes[-1]:,} ({len(c.sizes)} sizes)"
        note = "; ".join(x for x in (c.note, extra) if x)
        lines.append(
            f"| {c.title} | {sizes} | {cell(ours)} | {cell(ref)} | {c.complexity} | {mem} | "
            f"[{c.key}.png](benchmarks/scaling/{c.key}.png){' — ' + note if note else ''} |"
        )
    return "\n".join(lines)


def _memory_slope(sizes: list[int], mib: list[float]) -> str:
    """`` (slope s)`` over the sizes whose peak is measurable (at least 0.1 MiB)."""
    pts = [(x, m) for x, m in zip(sizes, mib, strict=False) if m >= 0.1]
    if len(pts) < 3:
        return ""
    x, m = np.log(np.array(pts)).T
    return f" (slope {np.polyfit(x, m, 1)[0]:.2f})"


def plot(c: Curve, folder: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = 2 if c.memory else 1
    fig, axes = plt.subplots(1, panels, figsize=(6.2 * panels, 4.2), squeeze=False)
    ax = axes[0][0]
    for name, times in c.series.items():
        ax.loglog(c.sizes, times, "o-", label=f"{name}: slope {c.slope(name):.2f}")
    ax.set_xlabel(c.x_label)
    ax.set_ylabel("seconds")
    ax.set_title(c.title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    if c.memory:
        ax = axes[0][1]
        for name, mib in c.memory.items():
            ax.loglog(c.sizes[: len(mib)], np.maximum(mib, 1e-3), "s--", label=name)
        ax.set_xlabel(c.x_label)
        ax.set_ylabel("peak MiB")
        ax.set_title("peak memory")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.text(0.01, 0.01, c.complexity, fontsize=7)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    path = folder / f"{c.key}.png"
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return path


def run(names: list[str] | None = None, quick: bool = False, folder: Path = OUT) -> list[Curve]:
    """Measure the chosen curves (default: all), write the plots, table and JSON."""
    folder.mkdir(parents=True, exist_ok=True)
    curves = []
    for name in names or list(CURVES):
        t0 = time.perf_counter()
        try:
            c = CURVES[name](quick)
        except Exception as exc:  # noqa: BLE001 - one failing curve must not hide the others
            print(f"scaling {name} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        plot(c, folder)
        curves.append(c)
        print(f"scaling {name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    text = table(curves)
    (folder / "scaling.md").write_text(text + "\n", "utf-8")
    (folder / "scaling.json").write_text(json.dumps([asdict(c) for c in curves], indent=1))
    print(text)
    return curves


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    run(args or None, quick="--quick" in sys.argv)
