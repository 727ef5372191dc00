"""Checks for the pairwise cosine exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close

RNG = np.random.default_rng(0)
X = RNG.random((5, 8))
Y = RNG.random((3, 8))


def check_shape_and_values(submitted, reference):
    """returns the (n, m) matrix of cosines between rows of X and rows of Y"""
    expect_close(
        submitted(X.copy(), Y.copy()),
        reference(X, Y),
        inputs="X: 5 x 8, Y: 3 x 8 uniform random (seed 0)",
        mistakes=[
            (
                reference(X, Y).T,
                "rows of the result follow X, columns follow Y: unit(X) @ unit(Y).T",
            ),
            (X @ Y.T, "normalise the rows to unit length before the product"),
            (
                X / np.linalg.norm(X, axis=0) @ (Y / np.linalg.norm(Y, axis=0)).T,
                "normalise each row (axis=1), not each column",
            ),
            (
                X / np.linalg.norm(X, axis=1, keepdims=True) @ Y.T,
                "normalise the rows of Y too: unit(X) @ unit(Y).T",
            ),
        ],
    )


def check_y_defaults_to_x(submitted, reference):
    """Y=None compares X with itself (ones on the diagonal)"""
    expect_close(
        submitted(X.copy()), reference(X), inputs="X: 5 x 8 uniform random (seed 0), Y=None"
    )


def check_zero_rows(submitted, reference):
    """a zero row gives cosine 0, not NaN"""
    Z = np.array([[1.0, 0.0, 2.0], [0.0, 0.0, 0.0], [3.0, 1.0, 0.0]])
    with np.errstate(divide="ignore", invalid="ignore"):
        U = Z / np.linalg.norm(Z, axis=1, keepdims=True)
        naive = U @ U.T
    expect_close(
        submitted(Z.copy()),
        reference(Z),
        inputs={"X": Z.tolist()},
        mistakes=[(naive, "a zero row divided by its zero norm gives NaN: divide it by 1 instead")],
    )


def check_tfidf_example(submitted, reference):
    """gives 0.75 and 0 for the lesson's count vectors"""
    C = np.array(
        [
            [0, 1, 0, 0, 0, 0, 1, 1, 1, 2],
            [0, 0, 0, 1, 0, 1, 0, 1, 1, 2],
            [1, 0, 1, 0, 1, 0, 0, 0, 0, 0],
        ]
    )
    expect_close(submitted(C.copy()), reference(C), inputs={"X": C.tolist()})
