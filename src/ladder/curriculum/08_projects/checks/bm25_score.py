"""Checks for the BM25 score, against the formula and rank_bm25's definition."""

import math

from ladder.curriculum.expect import expect_close

DF = {"loss": 3, "cross": 2, "entropy": 2, "the": 9, "gradient": 5}
N = 20


def check_one_term(submitted, reference):
    """one query term, a document longer than average"""
    q, d = ["entropy"], "the cross entropy loss the entropy".split()
    idf_classic = math.log(N / 2)
    expect_close(
        submitted(q, d, DF, N, 4.0),
        reference(q, d, DF, N, 4.0),
        inputs={"query": q, "doc": d, "doc_freq": DF, "n_docs": N, "avgdl": 4.0},
        mistakes=[
            (
                idf_classic * 2 * 2.5 / (2 + 1.5 * (0.25 + 0.75 * 6 / 4.0)),
                "BM25's idf is ln(N − df + 0.5) − ln(df + 0.5), not ln(N / df)",
            )
        ],
    )


def check_length_normalisation(submitted, reference):
    """b discounts long documents: b = 0.3, a document 3 times the average length"""
    q, d = ["loss"], ("loss " + "x " * 11).split()
    expect_close(
        submitted(q, d, DF, N, 4.0, 1.2, 0.3),
        reference(q, d, DF, N, 4.0, 1.2, 0.3),
        inputs={"query": q, "doc": d, "avgdl": 4.0, "k1": 1.2, "b": 0.3},
        mistakes=[
            (
                reference(q, d, DF, N, 12.0, 1.2, 0.3),
                "divide by k1 (1 − b + b |d| / avgdl): the document's length matters",
            )
        ],
    )


def check_repeated_query_terms(submitted, reference):
    """a term repeated in the query counts twice; unknown terms add nothing"""
    q, d = ["cross", "entropy", "cross", "unseen"], "cross entropy loss of the model".split()
    expect_close(
        submitted(q, d, DF, N, 5.0),
        reference(q, d, DF, N, 5.0),
        inputs={"query": q, "doc": d, "avgdl": 5.0},
        mistakes=[
            (
                reference(["cross", "entropy"], d, DF, N, 5.0),
                "every occurrence of a query term adds its score, repeats included",
            )
        ],
    )


def check_saturation_values(submitted, reference):
    """several term frequencies and k1 values"""
    for tf, k1 in [(1, 1.5), (4, 1.5), (10, 0.9), (3, 2.0)]:
        d = ["gradient"] * tf + ["y"] * 5
        expect_close(
            submitted(["gradient"], d, DF, N, 7.0, k1),
            reference(["gradient"], d, DF, N, 7.0, k1),
            inputs={"tf": tf, "k1": k1, "len(doc)": len(d), "avgdl": 7.0},
        )
