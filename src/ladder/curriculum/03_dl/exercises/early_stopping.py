"""Early stopping: stop when the validation metric stops improving, keep the best weights.

Write ``step(value, model)``, called once per evaluation. ``mode`` is "min" (losses) or
"max" (accuracies). A value *improves* if it is the first one, or if it beats ``best`` by
more than ``min_delta`` (``value < best - min_delta`` in "min" mode,
``value > best + min_delta`` in "max" mode). Then:

* on improvement: ``best = value``, ``best_step`` = the index of this call (0, 1, 2, ...),
  ``bad_steps = 0``, and, if ``model`` is not None, ``best_state = model.state_dict()``;
* otherwise: ``bad_steps += 1``.

Count the call (``self._count``) and return True when ``bad_steps >= patience`` (stop).
"""

from ladder.nn.training import EarlyStopping as _EarlyStopping


class EarlyStopping(_EarlyStopping):
    def step(self, value: float, model=None) -> bool:
        # TODO
        raise NotImplementedError
