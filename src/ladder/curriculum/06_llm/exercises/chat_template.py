"""Render a conversation with a chat template.

Each message is a dict ``{"role": …, "content": …}``. Render it as

    markers[role] + content + end

one after the other, and when ``add_generation_prompt`` is true append the assistant's
marker, so the model's next tokens are the answer. For example, with markers
{"user": "<|user|>", "assistant": "<|assistant|>"} and end "<|end|>":

    [{"role": "user", "content": "hi"}], add_generation_prompt=True
    → "<|user|>hi<|end|><|assistant|>"

Raise ValueError for a message whose role has no marker, or that lacks "role" or "content".

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def render_chat(
    messages: list[dict[str, str]],
    markers: dict[str, str],
    end: str,
    add_generation_prompt: bool = False,
) -> str:
    # TODO: marker, content and end for each message; the assistant's marker at the end if asked.
    raise NotImplementedError
