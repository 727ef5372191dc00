# mutant: flattens each patch as (row, column, channel)
# likely: channels first
def patchify(images, patch_size):
    if images.dim() != 4:
        raise ValueError("4-D")
    B, C, H, W = images.shape
    P = patch_size
    if H % P or W % P:
        raise ValueError("divide")
    x = images.reshape(B, C, H // P, P, W // P, P).permute(0, 2, 4, 3, 5, 1)
    return x.reshape(B, -1, C * P * P)
