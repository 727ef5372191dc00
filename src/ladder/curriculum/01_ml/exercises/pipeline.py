r"""A pipeline: preprocessing and a model as one estimator, fitted on training data only.

``steps`` is a list of ``(name, estimator)`` pairs. Every step but the last is a
transformer (it has ``fit`` and ``transform``); the last is the model (``fit`` and
``predict``).

* ``fit(X, y)``: fit the first transformer on ``X`` (and ``y``: a feature selection needs
  the labels), transform ``X`` with it, fit the next transformer on the *transformed*
  data, and so on; fit the last step on the output of the last transformer. Return
  ``self``.
* ``predict(X)``: pass ``X`` through the fitted transformers with ``transform`` only —
  never ``fit`` again: the means, spreads and selected features must come from the
  training data, or the test rows leak into the model — then call the last step's
  ``predict``.

The matching library class is ``ladder.ml.pipeline.Pipeline``
(``sklearn.pipeline.Pipeline``).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


class Pipeline:
    def __init__(self, steps: list) -> None:
        self.steps = steps

    def fit(self, X, y=None) -> "Pipeline":
        # TODO: fit and transform through every step but the last; fit the last.
        raise NotImplementedError

    def predict(self, X):
        # TODO: transform through every step but the last; predict with the last.
        raise NotImplementedError
