# mutant: a loop version that steps rows by the column stride and columns by the row stride
import numpy as np


def im2col(
    x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], padding: tuple[int, int]
) -> np.ndarray:
    (kh, kw), (sh, sw), (ph, pw) = kernel, stride, padding
    N, C, H, W = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    Ho = (H + 2 * ph - kh) // sh + 1
    Wo = (W + 2 * pw - kw) // sw + 1
    rows = []
    for n in range(N):
        for i in range(Ho):
            for j in range(Wo):
                patch = xp[n, :, i * sw : i * sw + kh, j * sh : j * sh + kw]
                rows.append(
                    patch.reshape(-1) if patch.size == C * kh * kw else np.zeros(C * kh * kw)
                )
    return np.array(rows)
