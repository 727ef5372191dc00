"""Lab: evaluate the sentiment tool — ours beside scikit-learn's pipeline, on tweets and SST-2.

The tool's default model (TF-IDF + our logistic regression, trained on 8,000 tweets)
beside ``sklearn.pipeline`` (``TfidfVectorizer`` + ``LogisticRegression``, same settings,
same tweets): accuracy on 4,000 held-out tweets, and on the SST-2 development set, where
a tweet model meets movie reviews (positive vs negative probability, neutral ignored).
Then both trained on SST-2 itself (a sub-sample of its training set). The fine-tuned
MiniLM of stage 6 gets a row when its lab has run. A confusion matrix and the most
confused examples show where the errors are. Quick mode: 1,500 tweets, 300 SST-2 rows.
"""

from __future__ import annotations

from ladder.labs.context import LabContext, timed


def _sk_pipeline(max_features: int, C: float):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        TfidfVectorizer(max_features=max_features, sublinear_tf=True, ngram_range=(1, 2), min_df=2),
        LogisticRegression(C=C, max_iter=1000),
    )


def _binary(P, labels):
    import numpy as np

    pos, neg = labels.index("positive"), labels.index("negative")
    return (P[:, pos] > P[:, neg]).astype(int) if "positive" in labels else np.argmax(P, 1)


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from ladder.data.sst2 import load_sst2
    from ladder.data.text import tweets
    from ladder.projects.common import latest_run_file
    from ladder.projects.sentiment import FINETUNED_FILE, FINETUNED_LABS, TfidfSentiment, load_model

    rows = tweets()
    rng = np.random.default_rng(ctx.seed)
    order = rng.permutation(len(rows))
    n_train, n_test = (1500, 500) if ctx.quick else (8000, 4000)
    tr, te = order[:n_train], order[n_train : n_train + n_test]
    x_tr, y_tr = [rows[i][0] for i in tr], [rows[i][1] for i in tr]
    x_te, y_te = [rows[i][0] for i in te], np.array([rows[i][1] for i in te])
    dev_x, dev_y = load_sst2("dev")
    if ctx.quick:
        dev_x, dev_y = dev_x[:300], dev_y[:300]
    dev_y = np.array(dev_y)
    max_features = 500 if ctx.quick else 2000

    ours, t_fit = timed(lambda: TfidfSentiment(max_features=max_features).fit(x_tr, y_tr))
    sk, t_skfit = timed(lambda: _sk_pipeline(max_features, 2.0).fit(x_tr, y_tr))
    P_ours, t_pred = timed(lambda: ours.predict_proba(x_te))
    P_sk, t_skpred = timed(lambda: sk.predict_proba(x_te))
    labels = list(ours.labels)
    pred_ours = np.array(labels)[P_ours.argmax(1)]
    pred_sk = sk.classes_[P_sk.argmax(1)]
    acc = {
        "ours_tweets": float((pred_ours == y_te).mean()),
        "sk_tweets": float((pred_sk == y_te).mean()),
    }
    acc["ours_sst2"] = float((_binary(ours.predict_proba(dev_x), labels) == dev_y).mean())
    acc["sk_sst2"] = float((_binary(sk.predict_proba(dev_x), list(sk.classes_)) == dev_y).mean())
    ctx.metric("texts_per_s", len(x_te) / t_pred)
    ctx.metric("sklearn_texts_per_s", len(x_te) / t_skpred)
    ctx.metric("agreement_tweets", float((pred_ours == pred_sk).mean()))

    s_x, s_y = load_sst2("train")
    pick = rng.permutation(len(s_x))[: 1500 if ctx.quick else 8000]
    sx, sy = [s_x[i] for i in pick], [s_y[i] for i in pick]
    ours2 = TfidfSentiment(max_features=max_features).fit(sx, sy)
    sk2 = _sk_pipeline(max_features, 2.0).fit(sx, sy)
    acc["ours_sst2_trained"] = float((ours2.predict_proba(dev_x).argmax(1) == dev_y).mean())
    acc["sk_sst2_trained"] = float((sk2.predict(dev_x) == dev_y).mean())
    for k, v in acc.items():
        ctx.metric(f"accuracy_{k}", v)
    table = [
        [
            "tweets (8,000)" if not ctx.quick else "tweets",
            "held-out tweets, 3 classes",
            acc["ours_tweets"],
            acc["sk_tweets"],
            t_fit,
            t_skfit,
        ],
        [
            "tweets",
            "SST-2 dev, positive vs negative",
            acc["ours_sst2"],
            acc["sk_sst2"],
            float("nan"),
            float("nan"),
        ],
        [
            "SST-2 train sample",
            "SST-2 dev",
            acc["ours_sst2_trained"],
            acc["sk_sst2_trained"],
            float("nan"),
            float("nan"),
        ],
    ]
    runs_dir = ctx.out_dir.parent.parent
    found = next(
        (
            latest_run_file(runs_dir, lab, FINETUNED_FILE)
            for lab in FINETUNED_LABS
            if latest_run_file(runs_dir, lab, FINETUNED_FILE)
        ),
        None,
    )
    if found is not None:
        ft = load_model("finetuned", runs_dir)
        a = float((ft.predict_proba(dev_x).argmax(1) == dev_y).mean())
        ctx.metric("accuracy_finetuned_sst2", a)
        table.append(
            [
                "SST-2 (stage-6 lab)",
                "SST-2 dev, fine-tuned MiniLM",
                a,
                float("nan"),
                float("nan"),
                float("nan"),
            ]
        )
    else:
        ctx.log(f"no fine-tuned MiniLM yet: run `ladder run {FINETUNED_LABS[0]}` to add its row.")
    ctx.table(
        "Sentiment accuracy: ladder (TF-IDF + ladder.ml) beside scikit-learn's pipeline",
        [
            "trained on",
            "evaluated on",
            "accuracy (ours)",
            "accuracy (sklearn)",
            "fit s (ours)",
            "fit s (sklearn)",
        ],
        table,
    )

    # confusion-driven error analysis on the held-out tweets
    K = len(labels)
    conf = np.zeros((K, K), dtype=int)
    for t, p in zip(y_te, pred_ours, strict=True):
        conf[labels.index(t), labels.index(p)] += 1
    ctx.metric("confusion", conf.tolist())
    off = [(conf[i, j], i, j) for i in range(K) for j in range(K) if i != j]
    n, i, j = max(off)
    ctx.metric("most_confused", [labels[i], labels[j], int(n)])
    examples = [
        [x, labels[i], labels[j]]
        for x, t, p in zip(x_te, y_te, pred_ours, strict=True)
        if t == labels[i] and p == labels[j]
    ][:6]
    ctx.table(
        f"Most frequent confusion: {labels[i]} read as {labels[j]} ({n} tweets)",
        ["tweet", "true", "predicted"],
        examples,
    )

    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    axes[0].imshow(conf, cmap="Blues")
    for a in range(K):
        for b in range(K):
            axes[0].text(b, a, str(conf[a, b]), ha="center", va="center")
    axes[0].set_xticks(range(K), labels)
    axes[0].set_yticks(range(K), labels)
    axes[0].set(xlabel="predicted", ylabel="true", title="Held-out tweets (ours)")
    names = ["tweets→tweets", "tweets→SST-2", "SST-2→SST-2"]
    x = np.arange(3)
    axes[1].bar(
        x - 0.2,
        [acc["ours_tweets"], acc["ours_sst2"], acc["ours_sst2_trained"]],
        0.4,
        label="ladder",
    )
    axes[1].bar(
        x + 0.2,
        [acc["sk_tweets"], acc["sk_sst2"], acc["sk_sst2_trained"]],
        0.4,
        label="scikit-learn",
    )
    axes[1].set_xticks(x, names)
    axes[1].set(ylim=(0, 1), ylabel="accuracy", title="Same data, two libraries")
    axes[1].legend()
    fig.tight_layout()
    path = ctx.figure("sentiment_eval")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
