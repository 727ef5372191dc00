"""From a padding mask to an attention keep mask.

``attention_mask`` is (B, T) with 1 for real tokens and 0 for padding (Hugging Face's
``attention_mask``). Return a boolean tensor of shape (B, 1, 1, T), True where the key
is a real token, so that it broadcasts over heads and query positions of (B, h, T_q, T)
scores. Raise ValueError if the input is not 2-D. (``torch.nn.MultiheadAttention`` wants
the negation of this as its ``key_padding_mask``.)

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from torch import Tensor


def padding_mask(attention_mask: Tensor) -> Tensor:
    # TODO: check the shape, convert to bool, insert the two broadcast dimensions.
    raise NotImplementedError
