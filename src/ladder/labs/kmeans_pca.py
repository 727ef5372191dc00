"""Lab: k-means and PCA on the digits, beside scikit-learn.

PCA: explained-variance ratios of ``ladder.ml.decomposition.PCA`` and
``sklearn.decomposition.PCA``, components compared up to sign, and how many components
keep 90% and 95% of the variance. k-means with 10 clusters (k-means++): inertia and
cluster purity (each cluster named after its most common digit), ours and scikit-learn's,
on the 64 pixels and on the 2-D projection. Plots the projection coloured by the true
digit and by our clusters, and the cumulative explained variance. ``quick`` uses one
k-means start instead of ten.
"""

from __future__ import annotations

from ladder.labs.context import LabContext


def purity(labels, y) -> float:
    """Share of samples whose cluster's most common label is their own."""
    import numpy as np

    return float(sum(np.bincount(y[labels == k]).max() for k in np.unique(labels)) / len(y))


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from sklearn.cluster import KMeans as SkKMeans
    from sklearn.datasets import load_digits
    from sklearn.decomposition import PCA as SkPCA

    from ladder.ml.cluster import KMeans
    from ladder.ml.decomposition import PCA

    X, y = load_digits(return_X_y=True)
    ctx.log(f"digits: {X.shape[0]} images, {X.shape[1]} pixels")
    ours, ref = PCA().fit(X), SkPCA().fit(X)
    cos = np.abs(np.sum(ours.components_[:10] * ref.components_[:10], axis=1))
    cum = np.cumsum(ours.explained_variance_ratio_)
    n90, n95 = int(np.searchsorted(cum, 0.9) + 1), int(np.searchsorted(cum, 0.95) + 1)
    ctx.table(
        "PCA: explained-variance ratio of the first components",
        ["component", "ladder", "scikit-learn", "|cos| between axes"],
        [
            [
                k + 1,
                float(ours.explained_variance_ratio_[k]),
                float(ref.explained_variance_ratio_[k]),
                float(cos[k]),
            ]
            for k in range(5)
        ],
    )
    ctx.metric("evr_first", float(ours.explained_variance_ratio_[0]))
    ctx.metric("evr_second", float(ours.explained_variance_ratio_[1]))
    ctx.metric("evr_two", float(cum[1]))
    ctx.metric("n_components_90", n90)
    ctx.metric("n_components_95", n95)
    ctx.metric("pca_min_abs_cos", float(cos.min()))

    n_init = 1 if ctx.quick else 10
    Z = PCA(2).fit_transform(X)
    rows = []
    labels = None
    for space, data in ctx.progress([("64 pixels", X), ("2-D PCA", Z)], description="k-means"):
        km = KMeans(10, n_init=n_init, random_state=ctx.seed).fit(data)
        sk = SkKMeans(10, n_init=n_init, random_state=ctx.seed).fit(data)
        rows.append(
            [
                space,
                float(km.inertia_),
                float(sk.inertia_),
                purity(km.labels_, y),
                purity(sk.labels_, y),
            ]
        )
        key = "pixels" if space == "64 pixels" else "pca2"
        ctx.metric(f"kmeans_{key}_purity", purity(km.labels_, y))
        ctx.metric(f"kmeans_{key}_purity_sklearn", purity(sk.labels_, y))
        ctx.metric(f"kmeans_{key}_inertia_ratio", float(km.inertia_ / sk.inertia_))
        if labels is None:
            labels = km.labels_
    ctx.table(
        f"k-means, k = 10, k-means++, {n_init} start(s)",
        ["space", "inertia", "inertia (sklearn)", "purity", "purity (sklearn)"],
        rows,
    )

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    for ax, colour, title in (
        (axes[0], y, "PCA projection, coloured by digit"),
        (axes[1], labels, "coloured by k-means cluster (64 pixels)"),
    ):
        sc = ax.scatter(Z[:, 0], Z[:, 1], c=colour, cmap="tab10", s=5)
        ax.set(xlabel="PC 1", ylabel="PC 2", title=title)
    fig.colorbar(sc, ax=axes[1], ticks=range(10))
    for d in range(10):
        cx, cy = np.median(Z[y == d], axis=0)
        axes[0].text(cx, cy, str(d), fontsize=14, weight="bold")
    axes[2].plot(np.arange(1, cum.size + 1), cum)
    axes[2].axhline(0.9, color="grey", ls="--", lw=1)
    axes[2].axvline(n90, color="grey", ls="--", lw=1)
    axes[2].set(
        xlabel="components",
        ylabel="cumulative explained variance",
        title=f"90% with {n90} components",
    )
    fig.tight_layout()
    path = ctx.figure("digits_pca_kmeans")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
