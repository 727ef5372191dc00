r"""One epoch of the training loop.

``model`` is a ``ladder.nn`` module, ``loss_fn(output, y)`` returns a scalar ``Tensor``,
``optimizer`` holds the model's parameters, and ``batches`` is an iterable of ``(x, y)``
pairs of NumPy arrays. Put the model in training mode, then for every batch:

1. forward: ``output = model(Tensor(x))`` and ``loss = loss_fn(output, y)``;
2. clear the gradients left by the previous batch (``backward`` *adds* into ``.grad``);
3. ``loss.backward()``;
4. ``optimizer.step()``.

Return the mean of the batch losses as a ``float`` (each batch counts once, whatever its
size), and raise ``ValueError`` if there were no batches. The matching library function
is ``ladder.nn.training.train_epoch``; in PyTorch the same lines train every model.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from ladder.autograd.tensor import Tensor  # noqa: F401 - for your code


def train_epoch(model, loss_fn, optimizer, batches) -> float:
    # TODO: model.train(); for each batch: forward, loss, zero_grad, backward, step.
    raise NotImplementedError
