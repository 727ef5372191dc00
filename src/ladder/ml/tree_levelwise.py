r"""The CART classifier of :mod:`ladder.ml.tree`, grown one *level* at a time.

:class:`~ladder.ml.tree.DecisionTreeClassifier` reads like the lesson: a recursive
``build(node)`` that sorts the node's samples on each feature and scans cumulative class
counts. Each call costs a few dozen NumPy calls whatever the node's size, and a forest
of deep trees has tens of thousands of nodes, so the forest spends its time in call
overhead, not arithmetic. This builder does the same search for **every node of a
depth at once** (scikit-learn's splitter does it node by node, in C):

1. every feature is ranked once per forest (equal values, equal ranks);
2. at each depth, each (node, candidate feature, sample) triple is one *entry*; one
   ``argsort`` of the key ``(node, feature slot, rank)`` puts every node's samples in
   order along each of its candidate features, side by side;
3. one ``cumsum`` of the class indicator over all entries, minus the value where each
   segment starts, gives the left child's class counts after every entry; the right
   child's are the node's totals minus them;
4. the weighted child impurity :math:`n_L I(L) + n_R I(R)` of every candidate comes
   from the same :func:`~ladder.ml.tree._impurity`, and a segmented minimum picks each
   node's split (the first best in feature order, then position: the recursive
   builder's tie rule).

A bootstrap sample is given as integer **weights** (how many times each row was
drawn) rather than repeated rows: the same counts, the same candidate thresholds (a
split between two copies of one row is never valid), so the same tree with a third
fewer rows to sort. Nodes are renumbered depth-first, left child first, at the end.
Given the same candidate features, the tree equals the recursive builder's node for
node, float for float (``tests/ml/test_tree_levelwise.py``); the random feature subsets
are drawn in another order, so a forest's trees differ from the recursive ones only
through the random numbers.
"""

from __future__ import annotations

import math

import numpy as np

from ladder.ml.tree import EPSILON, FEATURE_THRESHOLD, LEAF, _gini, _impurity

__all__ = ["rank_features", "grow_levelwise"]


def rank_features(X: np.ndarray) -> tuple[np.ndarray, bool]:
    """Dense ranks of each column, (n, d) int32 (``rank[i, j] < rank[k, j]`` iff
    ``X[i, j] < X[k, j]``), and whether every two distinct values of a column are more
    than ``FEATURE_THRESHOLD`` apart (then a change of rank is a change of value)."""
    order = np.argsort(X, axis=0, kind="stable")
    Xs = np.take_along_axis(X, order, axis=0)
    steps = np.zeros(X.shape, np.int32)
    steps[1:] = Xs[1:] > Xs[:-1]
    rank = np.empty(X.shape, np.int32)
    np.put_along_axis(rank, order, np.cumsum(steps, axis=0, dtype=np.int32), axis=0)
    gaps = (Xs[1:] - Xs[:-1])[steps[1:] > 0]
    return rank, bool(np.all(gaps > FEATURE_THRESHOLD))


def grow_levelwise(
    X: np.ndarray,
    y: np.ndarray,
    n_classes: int,
    weight: np.ndarray | None = None,
    *,
    criterion: str = "gini",
    max_depth: float = np.inf,
    min_samples_split: int = 2,
    min_samples_leaf: int = 1,
    n_split_features: int | None = None,
    rng: np.random.Generator | None = None,
    ranks: tuple[np.ndarray, bool] | None = None,
) -> dict[str, np.ndarray]:
    """Grow a CART classification tree level by level; return its node arrays.

    ``X`` (n, d) float64, ``y`` (n,) class indices ``0..n_classes-1``, ``weight`` (n,)
    integer multiplicities (a bootstrap's draw counts; default 1), ``n_split_features``
    candidate features drawn at each node (default all, no randomness), ``ranks``
    :func:`rank_features` of ``X`` if already computed. The keys of the result are the
    attributes of a fitted :class:`~ladder.ml.tree.DecisionTreeClassifier`
    (``feature_``, ``threshold_``, ``children_left_``, ``children_right_``, ``value_``,
    ``impurity_``, ``n_node_samples_``, ``max_depth_``), nodes in depth-first order.
    """
    n, d = X.shape
    K = n_classes
    k = d if n_split_features is None else int(n_split_features)
    w = np.ones(n) if weight is None else np.asarray(weight, np.float64)
    rank, separated = rank_features(X) if ranks is None else ranks
    R = max(n, 1)  # ranks are below n
    key_type = np.int32 if n * d * R < 2**31 else np.int64
    all_feats = np.arange(d)
    X_flat, rank_flat = X.ravel(), rank.ravel()

    # Per level, the nodes being looked at: the samples still in play (`samp`; rows a
    # bootstrap never drew take no part), the level index of each one's node
    # (`node_of`), and the nodes' weighted class totals (L, K).
    samp = w.nonzero()[0]
    node_of = np.zeros(len(samp), np.int64)
    tot = np.bincount(y, weights=w, minlength=K)[None, :]
    # Breadth-first node arrays, one entry per level; `split` holds the level indices of
    # the nodes that split, whose children are the next level's nodes 2j and 2j + 1.
    levels: list[tuple[np.ndarray, ...]] = []
    depth = 0
    while len(tot):
        L = len(tot)
        nw = tot.sum(axis=1)
        imp = _impurity(tot, nw, criterion)
        feature, threshold = np.full(L, LEAF), np.full(L, np.nan)
        levels.append((tot, nw, imp, feature, threshold, np.zeros(0, np.int64)))
        can = (nw >= min_samples_split) & (nw >= 2 * min_samples_leaf) & (imp > EPSILON)
        if depth >= max_depth or not can.any():
            break
        sel = can[node_of]
        nodes = can.nonzero()[0]  # level indices of the candidate nodes
        S = len(nodes)
        # Candidate features per node, in increasing order (the recursive tie rule).
        feats = np.broadcast_to(all_feats, (S, d)) if k == d else _draw_features(rng, S, d, k)
        feats_flat = feats.ravel()
        # Entries: each sample of candidate node v once per feature slot t, in segment
        # g = v k + t; sorted by (segment, rank of the sample's value on that feature).
        cand = (np.cumsum(can, dtype=np.int32) - 1) * k  # first segment of each node
        sample = np.repeat(samp[sel], k)
        seg = (cand[node_of[sel]][:, None] + np.arange(k, dtype=np.int32)).ravel()
        key = seg.astype(key_type)
        key *= R
        key += rank_flat[sample * d + feats_flat[seg]]
        order = np.argsort(key)
        key, sample = key[order], sample[order]
        # Runs: entries of one segment with the same value (closer than the threshold);
        # a split can only fall between two runs of a segment.
        new = np.empty(len(key), bool)
        new[0] = True
        if separated:  # a new value is a new rank: the sorted keys tell
            np.not_equal(key[1:], key[:-1], out=new[1:])
        else:
            seg = key // R
            x = X_flat[sample * d + feats_flat[seg]]
            new[1:] = (seg[1:] != seg[:-1]) | (x[1:] > x[:-1] + FEATURE_THRESHOLD)
        run_first = new.nonzero()[0]
        n_runs = len(run_first)
        run_seg = key[run_first] // R
        run = np.cumsum(new, dtype=np.int32)  # run number + 1 of each entry
        run -= 1
        we = w[sample]
        # Weighted class counts per run, classes in rows, and their running sums; the
        # left child after run r holds the sums up to r minus those before r's segment.
        counts = np.bincount(y[sample] * n_runs + run, we, K * n_runs).reshape(K, n_runs)
        cum = np.cumsum(counts, axis=1)
        run_last = np.empty(n_runs, np.int64)  # last entry of each run
        run_last[:-1] = run_first[1:] - 1
        run_last[-1] = len(key) - 1
        cum_w = np.cumsum(we)[run_last]  # weight up to each run's end
        seg_new = np.empty(n_runs, bool)
        seg_new[0] = True
        np.not_equal(run_seg[1:], run_seg[:-1], out=seg_new[1:])
        seg_run0 = seg_new.nonzero()[0]
        seg_of_run = np.cumsum(seg_new) - 1
        n_l = cum_w - np.where(seg_run0 > 0, cum_w[seg_run0 - 1], 0.0)[seg_of_run]
        v = run_seg // k  # candidate node of each run
        n_r = nw[nodes][v] - n_l
        ok = np.empty(n_runs, bool)
        ok[-1] = False
        np.logical_not(seg_new[1:], out=ok[:-1])  # not the last run of its segment
        ok &= (n_l >= min_samples_leaf) & (n_r >= min_samples_leaf)
        e = ok.nonzero()[0]
        base = cum[:, seg_run0] - counts[:, seg_run0]  # (K, segments): before each segment
        left = cum[:, e] - base[:, seg_of_run[e]]  # (K, |e|) sums of integers: exact
        right = tot[nodes[v[e]]].T - left
        nl, nr = n_l[e], n_r[e]
        cost = np.full(n_runs, np.inf)
        if criterion == "gini":  # sums of squared integer counts: exact in any order
            sq_l, sq_r = np.einsum("ke,ke->e", left, left), np.einsum("ke,ke->e", right, right)
            cost[e] = nl * _gini(sq_l, nl) + nr * _gini(sq_r, nr)
        else:
            cost[e] = nl * _impurity(left.T, nl, criterion) + nr * _impurity(right.T, nr, criterion)
        # The first best run of each node (runs are in node, feature, value order; a
        # node's k segments each hold at least one run).
        best = np.minimum.reduceat(cost, seg_run0[::k])
        hit = ((cost == best[v]) & ok).nonzero()[0]
        if not len(hit):
            break
        first = np.ones(len(hit), bool)
        first[1:] = v[hit][1:] != v[hit][:-1]
        hit = hit[first]
        at = nodes[v[hit]]
        feature[at] = f_hit = feats_flat[run_seg[hit]]
        below, above = run_first[hit + 1] - 1, run_first[hit + 1]
        lo, hi = X_flat[sample[below] * d + f_hit], X_flat[sample[above] * d + f_hit]
        thr = (lo + hi) / 2.0
        threshold[at] = thr = np.where((thr == hi) | np.isinf(thr), lo, thr)
        levels[-1] = (*levels[-1][:5], at)
        # Children, two per split node in node order: their samples and class totals.
        child_of = np.full(L, -1)
        child_of[at] = 2 * np.arange(len(at))
        parent = child_of[node_of]
        inside = parent >= 0
        samp, parent = samp[inside], parent[inside]
        node_of = parent + (X_flat[samp * d + f_hit[parent // 2]] > thr[parent // 2])
        left_hit = np.searchsorted(e, hit)
        tot = np.empty((2 * len(at), K))
        tot[0::2], tot[1::2] = left[:, left_hit].T, right[:, left_hit].T
        depth += 1
    return _depth_first(levels)


def _draw_features(rng: np.random.Generator, S: int, d: int, k: int) -> np.ndarray:
    """(S, k) sorted draws of ``k`` of ``d`` features without replacement, a row per node."""
    if k * (k - 1) > 2 * d:  # many repeats: the k smallest of d uniform numbers
        r = rng.random((S, d))
        return np.nonzero(r <= np.partition(r, k - 1, axis=1)[:, k - 1 : k])[1].reshape(S, k)
    # Few repeats: rows of k draws with replacement, keeping the first S rows without a
    # repeat (rejection sampling: each k-subset stays equally likely).
    accept = math.prod(1.0 - i / d for i in range(k))
    feats = np.empty((0, k), np.int64)
    while len(feats) < S:
        rows = np.sort(rng.integers(0, d, (int(1.25 * S / accept) + 8, k)), axis=1)
        rows = rows[(rows[:, 1:] != rows[:, :-1]).all(axis=1)]
        feats = rows if not len(feats) else np.concatenate([feats, rows])
    return feats[:S]


def _depth_first(levels: list[tuple[np.ndarray, ...]]) -> dict[str, np.ndarray]:
    """Renumber the breadth-first levels depth-first, left child first (the recursive
    builder's order), and name the arrays as the fitted tree's attributes."""
    columns = list(zip(*levels, strict=True))  # per level: tot, nw, imp, feature, threshold, at
    tot, nw, imp, feature, threshold = (np.concatenate(a) for a in columns[:5])
    offsets = np.cumsum([0] + [len(lv[1]) for lv in levels])
    left = np.full(len(nw), LEAF)
    for i, lv in enumerate(levels[:-1]):
        at = lv[5]
        left[offsets[i] + at] = offsets[i + 1] + 2 * np.arange(len(at))
    left_list = left.tolist()
    order, stack = [], [0]
    while stack:  # pre-order walk; a right child is its left sibling's id + 1
        node = stack.pop()
        order.append(node)
        if left_list[node] != LEAF:
            stack += (left_list[node] + 1, left_list[node])
    order = np.array(order)
    new_id = np.empty(len(order), np.int64)
    new_id[order] = np.arange(len(order))
    left = left[order]
    split = left != LEAF
    children_left, children_right = np.full(len(order), LEAF), np.full(len(order), LEAF)
    children_left[split] = new_id[left[split]]
    children_right[split] = new_id[left[split] + 1]
    return {
        "feature_": feature[order],
        "threshold_": threshold[order],
        "children_left_": children_left,
        "children_right_": children_right,
        "value_": (tot / nw[:, None])[order],
        "impurity_": imp[order],
        "n_node_samples_": nw[order].astype(np.int64),
        "max_depth_": len(levels) - 1,
    }
