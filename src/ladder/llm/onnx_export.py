"""Our GPT exported to ONNX and run by ONNX Runtime.

ONNX is a file format for a computation graph: operators (MatMul, Softmax, LayerNorm …)
and the weights as constants. A model exported once runs without Python or PyTorch in any
ONNX runtime: ONNX Runtime on a server or a phone, in a browser, on accelerators.
``torch.onnx.export`` records the graph by running the model on an example input; the
batch and time dimensions are declared dynamic so one file serves every prompt length.

The graph must not depend on the values of its inputs, so ``GPTLogits`` is the forward
pass of ``ladder.transformer.gpt.GPT`` without the Python-side checks (which read the ids)
and without the KV cache: ids (B, T) in, logits (B, T, V) out. Generation then runs the
full context every step, on both sides of the comparison.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import torch
from torch import Tensor, nn

from ladder.transformer.gpt import GPT, check_token_ids
from ladder.transformer.positions import check_context

__all__ = ["GPTLogits", "export_gpt", "OnnxGPT"]


class GPTLogits(nn.Module):
    """GPT's forward as a pure graph: ids (B, T) → logits (B, T, V), weights shared."""

    def __init__(self, gpt: GPT):
        super().__init__()
        self.gpt = gpt

    def forward(self, idx: Tensor) -> Tensor:
        g = self.gpt
        pos = torch.arange(idx.size(1), device=idx.device)
        x = g.drop(g.wte(idx) + g.wpe(pos))
        for block in g.h:
            x = block(x)
        return g.lm_head(g.ln_f(x))


def export_gpt(model: GPT, path: str | Path, opset: int = 17) -> Path:
    """Write ``model`` (in eval mode) to ``path`` as ONNX with dynamic batch and time.

    Uses the TorchScript-based exporter (``dynamo=False``): it records the graph in a few
    seconds where the newer ``torch.export`` route takes tens of seconds on a small CPU;
    both give the same operators here.
    """
    if not isinstance(model, GPT):
        raise TypeError(f"export_gpt exports a ladder GPT, got {type(model).__name__}.")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    was_training = model.training
    model.eval()
    example = torch.zeros(1, min(8, model.config.block_size), dtype=torch.long)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the exporter's deprecation and tracer notices
            torch.onnx.export(
                GPTLogits(model), (example,), str(path), input_names=["idx"],
                output_names=["logits"], opset_version=opset, dynamo=False,
                dynamic_axes={"idx": {0: "batch", 1: "time"}, "logits": {0: "batch", 1: "time"}},
            )  # fmt: skip
    finally:
        model.train(was_training)
    return path


class OnnxGPT:
    """An exported GPT in an ONNX Runtime session: ``logits(idx)`` and greedy ``generate``."""

    def __init__(self, path: str | Path, vocab_size: int, block_size: int, threads: int = 1):
        import onnxruntime as ort

        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"no ONNX model at {path}; write one with export_gpt first.")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads  # the same thread budget as the torch side
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.vocab_size, self.block_size = vocab_size, block_size

    @classmethod
    def from_gpt(cls, model: GPT, path: str | Path, threads: int = 1) -> OnnxGPT:
        export_gpt(model, path)
        return cls(path, model.config.vocab_size, model.config.block_size, threads)

    def logits(self, idx: Tensor) -> Tensor:
        check_context(idx.size(1), self.block_size)
        check_token_ids(idx, self.vocab_size)
        out = self.session.run(None, {"idx": idx.numpy().astype(np.int64)})[0]
        return torch.from_numpy(out)

    def generate(self, idx: Tensor, max_new_tokens: int) -> Tensor:
        """Greedy decoding, re-running the last ``block_size`` tokens every step."""
        for _ in range(max_new_tokens):
            logits = self.logits(idx[:, -self.block_size :])
            idx = torch.cat([idx, logits[:, -1].argmax(-1, keepdim=True)], dim=1)
        return idx
