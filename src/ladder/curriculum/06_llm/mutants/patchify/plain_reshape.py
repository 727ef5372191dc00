# mutant: reshapes without permuting
# likely: a plain reshape mixes pixels
def patchify(images, patch_size):
    if images.dim() != 4:
        raise ValueError("4-D")
    B, C, H, W = images.shape
    P = patch_size
    if H % P or W % P:
        raise ValueError("divide")
    return images.reshape(B, -1, C * P * P)
