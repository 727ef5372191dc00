"""Lab: WEAT on our word vectors and on the real all-MiniLM-L6-v2, then hard debiasing.

Three embeddings: our Word2Vec (skip-gram) and our GloVe, both trained here on the
SST-2 training sentences (movie-review phrases, 634,000 tokens), and the pretrained
all-MiniLM-L6-v2 sentence encoder run through our BERT, which reads each word inside
SEAT's bleached templates ("This is {word}."). Three tests from Caliskan et al. (2017):

* WEAT 2: musical instruments vs weapons × pleasant vs unpleasant (an association
  everyone expects: the control);
* WEAT 7/6: male vs female terms × career vs family words;
* WEAT 8: male vs female terms × science vs arts words.

Each cell reports the effect size d, the one-sided permutation p-value and how many
words of each list the embedding knows. Then our Word2Vec is hard-debiased (Bolukbasi
et al.: gender direction from definitional pairs, neutralise, equalise): the table shows
the neutral words' projection on the gender direction, the career/family effect size
and the analogy accuracy on the Google set before and after.

``quick`` trains on 15,000 sentences for fewer epochs and uses 2,000 permutations.
"""

from __future__ import annotations

from ladder.labs.context import LabContext, torch_threads

MALE = ["male", "man", "boy", "brother", "he", "him", "his", "son", "father", "husband"]
FEMALE = ["female", "woman", "girl", "sister", "she", "her", "hers", "daughter", "mother", "wife"]
TESTS = {
    "instruments/weapons × pleasant/unpleasant": (
        [
            "guitar",
            "piano",
            "violin",
            "drum",
            "flute",
            "trumpet",
            "harp",
            "cello",
            "banjo",
            "saxophone",
        ],
        [
            "gun",
            "sword",
            "knife",
            "bomb",
            "rifle",
            "weapon",
            "arrow",
            "missile",
            "grenade",
            "pistol",
        ],
        [
            "love",
            "peace",
            "pleasure",
            "gentle",
            "honest",
            "happy",
            "laughter",
            "heaven",
            "friend",
            "miracle",
            "gift",
            "lucky",
        ],
        [
            "abuse",
            "murder",
            "death",
            "grief",
            "disaster",
            "tragedy",
            "ugly",
            "poverty",
            "kill",
            "rotten",
            "prison",
            "assault",
        ],
    ),
    "male/female × career/family": (
        MALE,
        FEMALE,
        [
            "executive",
            "management",
            "professional",
            "corporation",
            "salary",
            "office",
            "business",
            "career",
        ],
        ["home", "parents", "children", "family", "cousins", "marriage", "wedding", "relatives"],
    ),
    "male/female × science/arts": (
        MALE,
        FEMALE,
        [
            "science",
            "technology",
            "physics",
            "chemistry",
            "einstein",
            "nasa",
            "experiment",
            "astronomy",
        ],
        ["poetry", "art", "shakespeare", "dance", "literature", "novel", "symphony", "drama"],
    ),
}


def _weat_or_nan(lookup, X, Y, A, B, n_permutations, seed):
    from ladder.ethics.weat import weat

    try:
        res = weat(lookup, X, Y, A, B, n_permutations=n_permutations, random_state=seed)
    except ValueError as exc:  # too few known words: report, don't crash
        return float("nan"), float("nan"), str(exc)[:60]
    used = "/".join(str(len(res.used[k])) for k in "XYAB")
    return res.effect_size, res.p_value, used


def run(ctx: LabContext) -> None:
    with torch_threads(1):
        _run(ctx)


def _run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from ladder.data.sst2 import load_sst2
    from ladder.data.text import analogies
    from ladder.ethics.debias import GENDER_SPECIFIC, hard_debias, projection
    from ladder.ethics.weat import template_vectors
    from ladder.labs.context import quiet_hugging_face
    from ladder.nlp.embeddings import WordVectors
    from ladder.nlp.glove import FullBatchGloVe
    from ladder.nlp.word2vec import Word2Vec
    from ladder.transformer.minilm import SentenceEncoder

    quiet_hugging_face()
    sentences, _ = load_sst2("train")
    if ctx.quick:
        sentences = sentences[:15_000]
    tokens = [s.split() for s in sentences]
    epochs, glove_epochs, n_perm = (2, 25, 2_000) if ctx.quick else (5, 100, 10_000)
    ctx.log(f"SST-2 train: {len(tokens):,} sentences, {sum(map(len, tokens)):,} tokens")
    w2v = Word2Vec(
        vector_size=100,
        window=5,
        min_count=3,
        sg=1,
        negative=5,
        epochs=epochs,
        random_state=ctx.seed,
    ).fit(tokens)
    glove = FullBatchGloVe(
        vector_size=100, window=5, min_count=3, epochs=glove_epochs, random_state=ctx.seed
    ).fit(tokens)
    encoder = SentenceEncoder.minilm()

    def lookup_wv(wv):
        return lambda w: wv[w] if w in wv else None

    cache: dict[str, np.ndarray] = {}

    def lookup_minilm(w):
        if w not in cache:
            cache[w] = template_vectors(lambda s: encoder.encode(s).numpy(), w)
        return cache[w]

    embeddings = [
        ("ladder Word2Vec (SST-2)", lookup_wv(w2v.wv)),
        ("ladder GloVe (SST-2)", lookup_wv(glove.wv)),
        ("all-MiniLM-L6-v2 (SEAT templates)", lookup_minilm),
    ]
    rows, effects = [], {}
    for test, (X, Y, A, B) in ctx.progress(list(TESTS.items()), description="WEAT"):
        for name, lookup in embeddings:
            d, p, used = _weat_or_nan(lookup, X, Y, A, B, n_perm, ctx.seed)
            rows.append([test, name, d, p, used])
            effects[(test, name)] = d
            key = f"{name.split()[1] if name.startswith('ladder') else 'minilm'}"
            key = f"weat_{list(TESTS).index(test) + 1}_{key.lower().replace('-', '')}"
            ctx.metric(f"{key}_effect_size", d)
            ctx.metric(f"{key}_p_value", p)
    ctx.table(
        "WEAT effect sizes (d) and permutation p-values",
        ["test", "embedding", "effect size d", "p-value", "words used X/Y/A/B"],
        rows,
    )

    # hard debiasing of our Word2Vec
    wv = w2v.wv
    vectors, g = hard_debias(wv.words, wv.vectors)
    debiased = WordVectors(wv.words, vectors)
    X, Y, A, B = TESTS["male/female × career/family"]
    neutral = [w for w in A + B if w in wv and w not in GENDER_SPECIFIC]
    before_proj = float(np.mean(np.abs(projection(np.stack([wv[w] for w in neutral]), g))))
    after_proj = float(np.mean(np.abs(projection(np.stack([debiased[w] for w in neutral]), g))))
    questions = [q for section in analogies().values() for q in section]
    acc_before, asked = wv.evaluate_analogies(questions)
    acc_after, _ = debiased.evaluate_analogies(questions)
    d_before = _weat_or_nan(lookup_wv(wv), X, Y, A, B, n_perm, ctx.seed)[0]
    d_after = _weat_or_nan(lookup_wv(debiased), X, Y, A, B, n_perm, ctx.seed)[0]
    ctx.table(
        "Hard debiasing of our Word2Vec (gender direction from definitional pairs)",
        ["measure", "before", "after"],
        [
            ["mean |cos(word, gender direction)| of career/family words", before_proj, after_proj],
            ["WEAT male/female × career/family, d", d_before, d_after],
            [f"Google analogy accuracy ({asked} questions in vocabulary)", acc_before, acc_after],
        ],
    )
    ctx.metric("debias_projection_before", before_proj)
    ctx.metric("debias_projection_after", after_proj)
    ctx.metric("debias_weat_before", d_before)
    ctx.metric("debias_weat_after", d_after)
    ctx.metric("analogy_accuracy_before", acc_before)
    ctx.metric("analogy_accuracy_after", acc_after)
    ctx.metric("analogy_questions", asked)

    fig, ax = plt.subplots(figsize=(9, 4.2))
    width = 0.27
    for k, (name, _) in enumerate(embeddings):
        vals = [effects[(t, name)] for t in TESTS]
        ax.bar(np.arange(len(TESTS)) + (k - 1) * width, np.nan_to_num(vals), width, label=name)
    ax.axhline(0, color="black", lw=0.8)
    ax.set_xticks(np.arange(len(TESTS)), list(TESTS), fontsize=8)
    ax.set_ylabel("WEAT effect size d")
    ax.legend(fontsize=8)
    ax.set_title("Association tests on three embeddings", fontsize=10)
    fig.tight_layout()
    path = ctx.figure("weat_effect_sizes")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    ctx.saved(path)
