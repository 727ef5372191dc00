"""Stage 7 — ethics and bias: measure harm, reduce it, protect privacy, document models.

Import the concrete modules; this package itself imports nothing heavy:

- ``ladder.ethics.metrics``     group fairness metrics and a ``MetricFrame`` (= fairlearn.metrics)
- ``ladder.ethics.reweighing``  Kamiran & Calders reweighing (= AIF360 ``Reweighing``)
- ``ladder.ethics.thresholds``  group-specific thresholds (= fairlearn ``ThresholdOptimizer``)
- ``ladder.ethics.reductions``  exponentiated gradient (vs fairlearn ``ExponentiatedGradient``)
- ``ladder.ethics.impossibility`` calibration vs error-rate balance, numerically
- ``ladder.ethics.feedback``    a runaway feedback loop (Ensign et al.)
- ``ladder.ethics.weat``        WEAT effect size and permutation p-value (Caliskan et al.)
- ``ladder.ethics.debias``      hard debiasing: neutralise and equalise (Bolukbasi et al.)
- ``ladder.ethics.mechanisms`` the Gaussian mechanism's noise
- ``ladder.ethics.dpsgd``       per-sample gradients, clipping, noise (= Opacus GradSampleModule)
- ``ladder.ethics.accountant``  the RDP accountant (= Opacus ``RDPAccountant``)
- ``ladder.ethics.membership``  loss-threshold membership inference
- ``ladder.ethics.pii``         PII detection and redaction
- ``ladder.ethics.pii_eval``    generated documents, precision/recall beside Presidio
- ``ladder.ethics.model_card``  model cards and datasheets from a run's metrics
"""

__all__: list[str] = []
