# mutant: checks the id's form but not its stage
# likely: the id must start with this stage
import re


def problem_fields(entry, stage):
    bad = {
        f
        for f in ("id", "lesson", "title", "file", "checks", "solution", "hints")
        if f not in entry
    }
    if "id" in entry and not re.match(r"^[a-z][a-z0-9]*\.[a-z0-9][a-z0-9-]*$", entry["id"]):
        bad.add("id")
    if "lesson" in entry and not entry["lesson"].startswith(stage + "."):
        bad.add("lesson")
    for f, folder in (("file", "exercises/"), ("checks", "checks/")):
        if f in entry and not (entry[f].startswith(folder) and entry[f].endswith(".py")):
            bad.add(f)
    if "solution" in entry and not re.match(r"^[a-zA-Z_][\w.]*:[a-zA-Z_]\w*$", entry["solution"]):
        bad.add("solution")
    h = entry.get("hints")
    if "hints" in entry and (
        not h or any(not x.strip() for x in h) or any(len(b) < len(a) for a, b in zip(h, h[1:]))
    ):
        bad.add("hints")
    t = entry.get("timeout")
    if t is not None and not (isinstance(t, (int, float)) and t > 0):
        bad.add("timeout")
    return sorted(bad)
