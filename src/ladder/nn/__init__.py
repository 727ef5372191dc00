"""Stage 3 (`dl`): layers, losses, optimisers and training on :mod:`ladder.autograd`.

Everything speaks PyTorch's API (``parameters()``, ``zero_grad()``, ``train()``/``eval()``,
``state_dict()``) and is proven equal to ``torch.nn``/``torch.optim`` in ``tests/nn/``.
NumPy only; the PyTorch twins of the digit models live in :mod:`ladder.nn.digits_torch`
and import torch inside functions.
"""

from ladder.nn.layers import (
    GELU,
    AvgPool2d,
    Conv2d,
    Dropout,
    Embedding,
    Flatten,
    Linear,
    MaxPool2d,
    ReLU,
    Sigmoid,
    Tanh,
)
from ladder.nn.losses import (
    BCEWithLogitsLoss,
    CrossEntropyLoss,
    MSELoss,
    NLLLoss,
    binary_cross_entropy_with_logits,
    cross_entropy,
    mse_loss,
    nll_loss,
)
from ladder.nn.module import Module, Parameter, Sequential, StateDictError
from ladder.nn.norm import BatchNorm1d, BatchNorm2d, LayerNorm
from ladder.nn.optim import SGD, Adam, AdamW, Optimizer, RMSprop
from ladder.nn.recurrent import GRU, LSTM, RNN
from ladder.nn.schedulers import CosineAnnealingLR, LinearWarmup, StepLR
from ladder.nn.training import (
    EarlyStopping,
    NonFiniteLossError,
    clip_grad_norm_,
    clip_grad_value_,
    train,
    train_epoch,
)

__all__ = [
    "Module", "Parameter", "Sequential", "StateDictError",
    "Linear", "Conv2d", "MaxPool2d", "AvgPool2d", "Flatten", "Embedding", "Dropout",
    "ReLU", "Tanh", "Sigmoid", "GELU",
    "RNN", "LSTM", "GRU", "LayerNorm", "BatchNorm1d", "BatchNorm2d",
    "mse_loss", "nll_loss", "cross_entropy", "binary_cross_entropy_with_logits",
    "MSELoss", "NLLLoss", "CrossEntropyLoss", "BCEWithLogitsLoss",
    "Optimizer", "SGD", "RMSprop", "Adam", "AdamW",
    "StepLR", "CosineAnnealingLR", "LinearWarmup",
    "EarlyStopping", "NonFiniteLossError", "clip_grad_norm_", "clip_grad_value_", "train",
    "train_epoch",
]  # fmt: skip
