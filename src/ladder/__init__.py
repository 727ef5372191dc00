"""Ladder: from linear regression to large language models.

The reference library lives in one sub-package per stage of the roadmap
(``ladder.ml``, ``ladder.autograd``, ``ladder.nn``, ``ladder.nlp``, ``ladder.transformer``,
``ladder.llm``, ``ladder.ethics``, ``ladder.projects``); the learning engine in
``ladder.study``; datasets in ``ladder.data``. Importing ``ladder`` imports nothing heavy.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
