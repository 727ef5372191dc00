# mutant: never writes the end marker
# likely: close every message with the end marker
def render_chat(messages, markers, end, add_generation_prompt=False):
    out = ""
    for m in messages:
        if "role" not in m or "content" not in m or m["role"] not in markers:
            raise ValueError("bad message")
        out += markers[m["role"]] + m["content"]
    return out + (markers["assistant"] if add_generation_prompt else "")
