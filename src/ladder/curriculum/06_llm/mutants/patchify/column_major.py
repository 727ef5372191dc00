# mutant: lists the patches column by column
# likely: row by row
def patchify(images, patch_size):
    if images.dim() != 4:
        raise ValueError("4-D")
    B, C, H, W = images.shape
    P = patch_size
    if H % P or W % P:
        raise ValueError("divide")
    x = images.reshape(B, C, H // P, P, W // P, P).permute(0, 4, 2, 1, 3, 5)
    return x.reshape(B, -1, C * P * P)
