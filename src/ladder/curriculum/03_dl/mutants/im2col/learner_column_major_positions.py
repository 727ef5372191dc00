# mutant: (learner's try) loops over output columns before rows, so rows come in (n, j, i) order
import numpy as np


def im2col(
    x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], padding: tuple[int, int]
) -> np.ndarray:
    (kh, kw), (sh, sw), (ph, pw) = kernel, stride, padding
    n_img, c, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    ho, wo = (h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1
    rows = []
    for n in range(n_img):
        for j in range(wo):
            for i in range(ho):
                rows.append(xp[n, :, i * sh : i * sh + kh, j * sw : j * sw + kw].ravel())
    return np.stack(rows)
