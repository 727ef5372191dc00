# mutant: an unknown role raises KeyError, not a clear ValueError
def render_chat(messages, markers, end, add_generation_prompt=False):
    out = "".join(markers[m["role"]] + m["content"] + end for m in messages)
    return out + (markers["assistant"] if add_generation_prompt else "")
