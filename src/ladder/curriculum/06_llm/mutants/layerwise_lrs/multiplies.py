# mutant: multiplies by the decay going down, so lower layers learn faster
# likely: divide by decay^(n−1−l)
def layerwise_lrs(n_layers, top_lr, decay=2.6):
    if n_layers < 1 or top_lr <= 0 or decay < 1:
        raise ValueError("bad input")
    return [top_lr * decay ** (n_layers - 1 - l) for l in range(n_layers)]
