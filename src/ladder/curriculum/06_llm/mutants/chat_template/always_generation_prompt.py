# mutant: always appends the assistant's marker
# likely: append the assistant's marker only when add_generation_prompt
def render_chat(messages, markers, end, add_generation_prompt=False):
    out = ""
    for m in messages:
        if "role" not in m or "content" not in m or m["role"] not in markers:
            raise ValueError("bad message")
        out += markers[m["role"]] + m["content"] + end
    return out + markers["assistant"]
