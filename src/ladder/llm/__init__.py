"""Stage 6 — advanced LLMs, written from scratch in PyTorch on top of ``ladder.transformer``.

Import the concrete modules; this package itself imports nothing heavy (no torch):

- ``ladder.llm.rmsnorm``      RMSNorm
- ``ladder.llm.rope``         rotary position embeddings (RoPE)
- ``ladder.llm.swiglu``       the SwiGLU feed-forward network
- ``ladder.llm.gqa``          grouped-query attention (repeat_kv) with RoPE and a KV cache
- ``ladder.llm.llama``        the Llama-style decoder and ``generate``
- ``ladder.llm.moe``          top-k routing, experts, the load-balancing loss
- ``ladder.llm.mixtral``      the sparse mixture-of-experts Llama (Mixtral)
- ``ladder.llm.hf_llama``     Hugging Face Llama / Mixtral weights into ours
- ``ladder.llm.unigram``      the SentencePiece-style Unigram LM tokenizer (Viterbi, EM)
- ``ladder.llm.quantize``     int8 weight-only, dynamic and calibrated quantisation
- ``ladder.llm.speculative``  speculative decoding with a draft model
- ``ladder.llm.onnx_export``  our GPT exported to ONNX and run by ONNX Runtime
- ``ladder.llm.efficient``    bf16 autocast, gradient accumulation, activation checkpointing
- ``ladder.llm.distributed``  data-parallel training (DDP) launched by ``torchrun``
- ``ladder.llm.finetune``     feature extraction and full fine-tuning of a sentence encoder
- ``ladder.llm.lora``         LoRA layers, merging, PEFT-compatible adapter files
- ``ladder.llm.dpo``          direct preference optimisation (DPO)
- ``ladder.llm.instruct``     instruction data, chat template, loss masking, SFT
- ``ladder.llm.domain``       a code language model on the standard library
- ``ladder.llm.vit``, ``ladder.llm.clip``, ``ladder.llm.caption``  multimodal models
"""

__all__: list[str] = []
