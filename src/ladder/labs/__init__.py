"""Labs: experiments that run the reference code on real data, beside the reference
library. One module per lab, each with ``run(ctx: LabContext) -> None``; the course's
``labs.toml`` files name them. ``ladder.study.labs`` runs them for the CLI and web app.
"""

from ladder.labs.context import LabContext

__all__ = ["LabContext"]
