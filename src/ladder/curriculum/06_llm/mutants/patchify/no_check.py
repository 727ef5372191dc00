# mutant: does not check that the patch size divides the image
def patchify(images, patch_size):
    B, C, H, W = images.shape
    P = patch_size
    x = images[:, :, : H // P * P, : W // P * P]
    x = x.reshape(B, C, H // P, P, W // P, P).permute(0, 2, 4, 1, 3, 5)
    return x.reshape(B, -1, C * P * P)
