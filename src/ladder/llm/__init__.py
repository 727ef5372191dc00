"""Stage 6 — advanced LLMs: modern blocks, fine-tuning, preference tuning, domain and
multimodal models, efficient training. Import the concrete modules; this package imports
nothing heavy."""
