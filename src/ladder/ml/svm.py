r"""Support vector machines: the widest-margin separator.

**Linear SVM** (``LinearSVC``), labels :math:`y_i \in \{-1, +1\}`, the bias folded in as
a weight on a constant feature (as liblinear does, so it *is* penalised):

.. math:: \min_w f(w) = \tfrac12\|w\|^2 + C\sum_i \ell(y_i w^\top x_i), \quad
   \ell(m) = \max(0, 1 - m) \text{ (hinge) or } \max(0, 1 - m)^2 \text{ (squared hinge)}.

Two solvers of the same problem, chosen as ``sklearn.svm.LinearSVC`` chooses (``dual``):

* **Primal Newton** (squared hinge only; liblinear's primal solver). The squared hinge is
  once differentiable with a piecewise-constant *generalised* Hessian: with the active
  set :math:`A = \{i : 1 - y_iw^\top x_i > 0\}`,

  .. math:: \nabla f = w - 2C\sum_{i\in A} y_i(1 - y_iw^\top x_i)\,x_i, \qquad
     \nabla^2 f = I + 2C\,X_A^\top X_A .

  Each step solves :math:`\nabla^2 f\, s = -\nabla f` and backtracks along :math:`s`. On
  a fixed active set :math:`f` is quadratic, so once :math:`A` stops changing the next
  step lands exactly on the minimiser ("finite Newton", Keerthi & DeCoste, 2005): a
  handful of vectorised steps instead of thousands of scalar ones.
* **Dual coordinate descent** (Hsieh et al., 2008; both losses): the dual
  :math:`\min_\alpha \tfrac12\alpha^\top \bar Q\alpha - e^\top\alpha`,
  :math:`0 \le \alpha_i \le U` with :math:`\bar Q = Q + D`,
  :math:`Q_{ij} = y_iy_jx_i^\top x_j` (hinge: :math:`U = C, D = 0`; squared hinge:
  :math:`U = \infty, D_{ii} = 1/2C`) is minimised one :math:`\alpha_i` at a time in closed
  form while :math:`w = \sum_i\alpha_iy_ix_i` is kept up to date. The hinge is not
  differentiable, so it always takes this road.

``dual="auto"`` (sklearn's rule): the dual when there are fewer samples than features or
the loss is the hinge, the primal otherwise. Several classes: one-vs-rest.

**Kernel SVM** (``SVC``): the dual
:math:`\min_\alpha \tfrac12\alpha^\top Q\alpha - e^\top\alpha`, :math:`0 \le \alpha \le C`,
:math:`y^\top\alpha = 0`, :math:`Q_{ij} = y_iy_jK(x_i, x_j)`, solved by **SMO**: pick the
most violating pair with the second-order rule of Fan, Chen & Lin (2005), move both
:math:`\alpha`\ s along the line that keeps :math:`y^\top\alpha = 0`, repeat until the
KKT gap is below ``tol`` — libsvm's algorithm, hence ``sklearn.svm.SVC``'s. The decision
function is :math:`f(x) = \sum_i \alpha_i y_i K(x_i, x) - \rho`. Several classes:
one-vs-one with voting. Parity: ``tests/ml/test_svm.py``.
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import (
    BaseEstimator,
    ClassifierMixin,
    check_classification_targets,
    check_features,
    check_is_fitted,
    check_param,
    check_random_state,
    check_X_y,
)

__all__ = ["LinearSVC", "SVC", "kernel_matrix"]


class LinearSVC(BaseEstimator, ClassifierMixin):
    """Linear SVM, primal Newton or dual coordinate descent (one-vs-rest for several
    classes), ``sklearn.svm.LinearSVC``'s objective and solver choice.

    Parameters
    ----------
    C : float > 0
    loss : {"squared_hinge", "hinge"}
    fit_intercept : bool
        Append a constant feature whose (penalised) weight is the intercept.
    tol : float
        Primal: stop when :math:`\\|\\nabla f\\| \\le \\varepsilon\\|\\nabla f(0)\\|` with
        :math:`\\varepsilon` = ``tol`` · max(min(n₊, n₋), 1)/n (liblinear's rule). Dual:
        stop when the projected gradient's spread is below ``tol``.
    max_iter : int
        Newton steps (primal) or sweeps over the samples (dual).
    random_state : int or None
        Order of the dual sweeps; the primal solver is deterministic.
    dual : {"auto", True, False}
        Which problem to solve; ``"auto"`` as in sklearn (see the module docstring).

    Attributes: ``classes_``, ``coef_`` (K', d), ``intercept_`` (K',), ``n_iter_``.
    """

    def __init__(
        self,
        C: float = 1.0,
        loss: str = "squared_hinge",
        fit_intercept: bool = True,
        tol: float = 1e-4,
        max_iter: int = 1000,
        random_state: int | None = None,
        dual: bool | str = "auto",
    ) -> None:
        self.C = C
        self.loss = loss
        self.fit_intercept = fit_intercept
        self.tol = tol
        self.max_iter = max_iter
        self.random_state = random_state
        self.dual = dual

    def fit(self, X: ArrayLike, y: ArrayLike) -> LinearSVC:
        check_param("C", self.C, low=0.0, low_inclusive=False)
        check_param("loss", self.loss, choices=("hinge", "squared_hinge"))
        check_param("max_iter", self.max_iter, kind=numbers.Integral, low=1)
        check_param("dual", self.dual, choices=("auto", True, False))
        X, y = check_X_y(X, y, y_numeric=False)
        self.classes_ = check_classification_targets(y)
        use_dual = self._use_dual(X.shape)
        Xa = np.column_stack([X, np.ones(X.shape[0])]) if self.fit_intercept else X
        rng = check_random_state(self.random_state)
        targets = [self.classes_[1]] if self.classes_.size == 2 else list(self.classes_)
        W, iters = [], []
        for c in targets:
            yc = np.where(y == c, 1.0, -1.0)
            w, it = self._dual_cd(Xa, yc, rng) if use_dual else self._primal_newton(Xa, yc)
            W.append(w)
            iters.append(it)
        W = np.array(W)
        d = X.shape[1]
        self.coef_ = W[:, :d]
        self.intercept_ = W[:, d] if self.fit_intercept else np.zeros(len(W))
        self.n_iter_ = max(iters)
        self.n_features_in_ = d
        return self

    def _use_dual(self, shape: tuple[int, int]) -> bool:
        """sklearn's ``dual="auto"``: the dual for n < d or the hinge, else the primal."""
        if self.dual == "auto":
            return shape[0] < shape[1] or self.loss == "hinge"
        if not self.dual and self.loss == "hinge":
            raise ValueError(
                "dual=False with loss='hinge' is not supported: the hinge is not "
                "differentiable, so only the dual solver handles it; pass dual=True or "
                "dual='auto', or use loss='squared_hinge'."
            )
        return bool(self.dual)

    def _primal_newton(self, X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, int]:
        """Finite Newton method on the squared-hinge primal (see the module docstring)."""
        n, d = X.shape
        C = float(self.C)
        n_pos = int(np.sum(y > 0))
        eps = self.tol * max(min(n_pos, n - n_pos), 1) / n  # liblinear's scaled tolerance
        w = np.zeros(d)
        margin = np.ones(n)  # 1 - y_i w^T x_i, kept up to date along the steps
        loss = C * n  # f(0): every sample violates the margin by 1
        g0 = 2.0 * C * float(np.linalg.norm(X.T @ y))  # ||grad f(0)||, all margins 1
        for it in range(self.max_iter + 1):  # noqa: B007 (it is reported after)
            act = margin > 0
            XA = X[act]
            grad = w - 2.0 * C * (XA.T @ (y[act] * margin[act]))
            if np.linalg.norm(grad) <= eps * g0 or it == self.max_iter:
                break
            H = 2.0 * C * (XA.T @ XA)
            H[np.diag_indices(d)] += 1.0
            step = np.linalg.solve(H, -grad)
            # Backtracking (Armijo) on f(w + t s); margins move linearly in t.
            ys = y * (X @ step)
            slope = float(grad @ step)
            t = 1.0
            while True:
                new_margin = margin - t * ys
                new_w = w + t * step
                hinge = np.maximum(new_margin, 0.0)
                new_loss = 0.5 * float(new_w @ new_w) + C * float(hinge @ hinge)
                if new_loss <= loss + 1e-2 * t * slope or t < 1e-10:
                    break
                t *= 0.5
            w, margin, loss = new_w, new_margin, new_loss
        return w, it

    def _dual_cd(self, X: np.ndarray, y: np.ndarray, rng: np.random.Generator):
        n = X.shape[0]
        if self.loss == "hinge":
            U, Dii = self.C, 0.0
        else:
            U, Dii = np.inf, 0.5 / self.C
        Qii = np.einsum("ij,ij->i", X, X) + Dii
        alpha = np.zeros(n)
        w = np.zeros(X.shape[1])
        rows = list(X)  # row views: faster scalar loop than fancy indexing
        it = 0
        for it in range(1, self.max_iter + 1):  # noqa: B007 (it is reported after)
            pg_max, pg_min = -np.inf, np.inf
            for i in rng.permutation(n):
                G = y[i] * float(rows[i] @ w) - 1.0 + Dii * alpha[i]
                # Projected gradient: zero where the bound blocks the move.
                if alpha[i] == 0.0:
                    pg = min(G, 0.0)
                elif alpha[i] == U:
                    pg = max(G, 0.0)
                else:
                    pg = G
                pg_max, pg_min = max(pg_max, pg), min(pg_min, pg)
                if pg != 0.0:
                    old = alpha[i]
                    alpha[i] = min(max(old - G / Qii[i], 0.0), U)
                    w += (alpha[i] - old) * y[i] * rows[i]
            if pg_max - pg_min < self.tol:
                break
        return w, it

    def decision_function(self, X: ArrayLike) -> np.ndarray:
        """:math:`Xw + b`: (n,) for two classes, else (n, n_classes)."""
        check_is_fitted(self, "coef_")
        X = check_features(self, X)
        Z = X @ self.coef_.T + self.intercept_
        return Z[:, 0] if Z.shape[1] == 1 else Z

    def predict(self, X: ArrayLike) -> np.ndarray:
        Z = self.decision_function(X)
        if Z.ndim == 1:
            return self.classes_[(Z > 0).astype(int)]
        return self.classes_[np.argmax(Z, axis=1)]


def kernel_matrix(
    A: np.ndarray, B: np.ndarray, kernel: str, gamma: float, degree: int, coef0: float
) -> np.ndarray:
    """:math:`K(a, b)`: linear :math:`a^\\top b`, RBF :math:`e^{-\\gamma\\|a-b\\|^2}`,
    polynomial :math:`(\\gamma a^\\top b + c_0)^d`,
    sigmoid :math:`\\tanh(\\gamma a^\\top b + c_0)`."""
    if kernel == "linear":
        return A @ B.T
    if kernel == "rbf":
        # ||a - b||^2 = ||a||^2 - 2 a.b + ||b||^2, built in place: one (n, m) array and
        # no temporaries (a fresh large array per step costs more than the arithmetic).
        K = A @ B.T
        K *= -2.0
        K += (A**2).sum(1)[:, None]
        K += (B**2).sum(1)[None, :]
        np.maximum(K, 0.0, out=K)
        K *= -gamma
        return np.exp(K, out=K)
    if kernel == "poly":
        return (gamma * A @ B.T + coef0) ** degree
    return np.tanh(gamma * A @ B.T + coef0)


class SVC(BaseEstimator, ClassifierMixin):
    """Kernel SVM trained by SMO (one-vs-one for several classes).

    Attributes: ``classes_``, ``support_`` (indices of support vectors),
    ``dual_coef_`` / ``intercept_`` per binary problem (lists), ``n_iter_``.
    """

    def __init__(
        self,
        C: float = 1.0,
        kernel: str = "rbf",
        degree: int = 3,
        gamma: float | str = "scale",
        coef0: float = 0.0,
        tol: float = 1e-3,
        max_iter: int = 100_000,
    ) -> None:
        self.C = C
        self.kernel = kernel
        self.degree = degree
        self.gamma = gamma
        self.coef0 = coef0
        self.tol = tol
        self.max_iter = max_iter

    def _kernel(self, A: np.ndarray, B: np.ndarray) -> np.ndarray:
        return kernel_matrix(A, B, self.kernel, self._gamma, self.degree, self.coef0)

    def fit(self, X: ArrayLike, y: ArrayLike) -> SVC:
        check_param("C", self.C, low=0.0, low_inclusive=False)
        check_param("kernel", self.kernel, choices=("linear", "rbf", "poly", "sigmoid"))
        check_param("max_iter", self.max_iter, kind=numbers.Integral, low=1)
        X, y = check_X_y(X, y, y_numeric=False)
        self.classes_ = check_classification_targets(y)
        if self.gamma == "scale":
            var = X.var()
            self._gamma = 1.0 / (X.shape[1] * var) if var > 0 else 1.0
        elif self.gamma == "auto":
            self._gamma = 1.0 / X.shape[1]
        else:
            check_param("gamma", self.gamma, low=0.0, low_inclusive=False)
            self._gamma = float(self.gamma)
        K_full = self._kernel(X, X)
        self._pairs, self._sv, self._coef, self.intercept_ = [], [], [], []
        self.n_iter_ = 0
        K = self.classes_.size
        for a in range(K):
            for b in range(a + 1, K):
                rows = np.flatnonzero((y == self.classes_[a]) | (y == self.classes_[b]))
                yy = np.where(y[rows] == self.classes_[b], 1.0, -1.0)  # +1: later class
                Kmat = K_full if len(rows) == len(y) else K_full[np.ix_(rows, rows)]
                alpha, rho, it = self._smo(Kmat, yy)
                sv = alpha > 0
                self._pairs.append((a, b))
                self._sv.append(rows[sv])
                self._coef.append(alpha[sv] * yy[sv])
                self.intercept_.append(-rho)
                self.n_iter_ = max(self.n_iter_, it)
        self.support_ = np.unique(np.concatenate(self._sv))
        self.support_vectors_ = X[self.support_]
        self._X = X
        self.n_features_in_ = X.shape[1]
        return self

    def _smo(self, Kmat: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float, int]:
        n, C = y.size, float(self.C)
        alpha = [0.0] * n  # Python floats: the step is scalar work on two entries
        signs = y.tolist()
        score = y.copy()  # -y_t G_t, with G = Q alpha - e the gradient of the dual
        diag = np.diag(Kmat).copy()
        # I_up = {t: alpha_t can move so that y_t alpha_t grows}, I_low the reverse. As
        # additive masks (0 inside, -inf/+inf outside), updated for the two moved alphas.
        up_mask = np.where(y > 0, 0.0, -np.inf)  # alpha = 0: I_up = {y = +1}
        low_mask = np.where(y < 0, 0.0, np.inf)  # I_low = {y = -1}
        # a (below) for each i chosen so far: i repeats, so a row is computed once (kept
        # up to 32 MB, as libsvm keeps kernel rows).
        curvature: dict[int, np.ndarray] = {}
        room = max(1, (1 << 22) // n)
        it = 0
        for it in range(1, self.max_iter + 1):  # noqa: B007 (it is reported after)
            in_up = score + up_mask
            i = int(in_up.argmax())
            m_up = float(in_up[i])
            if m_up - float(np.minimum.reduce(score + low_mask)) < self.tol:  # KKT gap < tol
                break
            # Second-order choice of j in I_low with score_j < m_up: the largest guaranteed
            # decrease b^2 / a (a = K_ii + K_jj - 2 K_ij; libsvm's tau if a <= 0).
            Ki = Kmat[i]
            b = m_up - score
            np.maximum(b, 0.0, out=b)
            a = curvature.get(i)
            if a is None:
                a = diag + diag[i]
                a -= 2.0 * Ki
                a[a <= 0] = 1e-12
                if len(curvature) < room:
                    curvature[i] = a
            gain = b * b
            gain /= a
            gain -= low_mask  # -inf outside I_low
            j = int(gain.argmax())
            # Move alpha_i by +y_i t and alpha_j by -y_j t (keeps y^T alpha = 0).
            yi, yj, ai, aj = signs[i], signs[j], alpha[i], alpha[j]
            t = min(float(b[j] / a[j]), C - ai if yi > 0 else ai, aj if yj > 0 else C - aj)
            alpha[i] = new_i = min(max(ai + yi * t, 0.0), C)  # clip: rounding stays in box
            alpha[j] = new_j = min(max(aj - yj * t, 0.0), C)
            # G += y (y_i K_i d_i + y_j K_j d_j), so score -= y_i K_i d_i + y_j K_j d_j.
            delta = Ki * (yi * (new_i - ai))
            delta += Kmat[j] * (yj * (new_j - aj))
            score -= delta
            # Membership of the two moved alphas: in I_up if y_t alpha_t can still grow,
            # in I_low if it can still shrink.
            lo_i, hi_i, lo_j, hi_j = new_i > 0, new_i < C, new_j > 0, new_j < C
            up_mask[i] = 0.0 if (hi_i if yi > 0 else lo_i) else -np.inf
            low_mask[i] = 0.0 if (lo_i if yi > 0 else hi_i) else np.inf
            up_mask[j] = 0.0 if (hi_j if yj > 0 else lo_j) else -np.inf
            low_mask[j] = 0.0 if (lo_j if yj > 0 else hi_j) else np.inf
        alpha_arr = np.array(alpha)
        return alpha_arr, self._rho(alpha_arr, y, -y * score, C), it

    @staticmethod
    def _rho(alpha: np.ndarray, y: np.ndarray, G: np.ndarray, C: float) -> float:
        """Threshold from the KKT conditions: the mean of :math:`y_iG_i` over free
        vectors, else the middle of the interval the bounded ones allow (libsvm)."""
        yG = y * G
        free = (alpha > 0) & (alpha < C)
        if free.any():
            return float(yG[free].mean())
        at_upper = alpha >= C
        ub_mask = (at_upper & (y < 0)) | (~at_upper & (y > 0))
        ub = yG[ub_mask].min() if ub_mask.any() else np.inf
        lb = yG[~ub_mask].max() if (~ub_mask).any() else -np.inf
        return float((ub + lb) / 2)

    def _pair_decisions(self, X: np.ndarray) -> np.ndarray:
        Kx = self._kernel(X, self._X[self.support_])
        pos = {s: k for k, s in enumerate(self.support_.tolist())}
        out = np.empty((X.shape[0], len(self._pairs)))
        for p, (sv, coef, b) in enumerate(zip(self._sv, self._coef, self.intercept_, strict=True)):
            cols = [pos[s] for s in sv.tolist()]
            out[:, p] = Kx[:, cols] @ coef + b
        return out

    def decision_function(self, X: ArrayLike) -> np.ndarray:
        """Binary: :math:`f(x)`, positive for ``classes_[1]``. Several classes: the
        one-vs-one values (n, K(K-1)/2) for pairs (0,1), (0,2), …, positive for the
        *first* class of the pair (sklearn's ``decision_function_shape="ovo"``)."""
        check_is_fitted(self, "support_")
        X = check_features(self, X)
        D = self._pair_decisions(X)
        return D[:, 0] if D.shape[1] == 1 else -D

    def predict(self, X: ArrayLike) -> np.ndarray:
        """One-vs-one vote; a tie goes to the class listed first."""
        check_is_fitted(self, "support_")
        D = self._pair_decisions(check_features(self, X))
        votes = np.zeros((D.shape[0], self.classes_.size), dtype=int)
        for p, (a, b) in enumerate(self._pairs):
            votes[:, b] += D[:, p] > 0
            votes[:, a] += D[:, p] <= 0
        return self.classes_[np.argmax(votes, axis=1)]
