"""Stage 5 — transformers and attention, written from scratch in PyTorch.

Import the concrete modules; this package itself imports nothing heavy (no torch):

- ``ladder.transformer.attention``  scaled dot-product attention, masks, multi-head attention
- ``ladder.transformer.positions``  sinusoidal and learned absolute positions
- ``ladder.transformer.block``      feed-forward, post-norm and pre-norm encoder/decoder layers
- ``ladder.transformer.seq2seq``    the original encoder–decoder transformer
- ``ladder.transformer.kv_cache``   the key/value cache for fast generation
- ``ladder.transformer.sampling``   greedy, temperature, top-k and top-p sampling
- ``ladder.transformer.gpt``        the decoder-only GPT and ``generate``
- ``ladder.transformer.weights``    shape-checked weight loading by explicit name maps
- ``ladder.transformer.hf_gpt2``    Hugging Face GPT-2 weights into our GPT
- ``ladder.transformer.training``   AdamW, warm-up + cosine schedule, clipping, checkpoints
- ``ladder.transformer.bert``       the BERT encoder, pooling, the masked-LM head
- ``ladder.transformer.hf_bert``    Hugging Face BERT weights into our BERT
- ``ladder.transformer.mlm``        masked-language-model masking (15 %, 80/10/10)
- ``ladder.transformer.minilm``     the real all-MiniLM-L6-v2 weights in our BERT
- ``ladder.transformer.shakespeare`` the char-level GPT on Tiny Shakespeare (nanoGPT's CPU run)
"""

__all__: list[str] = []
