"""Stage 1 — machine learning basics, from scratch in NumPy.

Import concrete modules (``ladder.ml.linear``, ``ladder.ml.metrics``, …); this package
imports nothing heavy.
"""
