# mutant: divides the top layer's rate too (exponent n − l)
# likely: the top layer itself gets top_lr
def layerwise_lrs(n_layers, top_lr, decay=2.6):
    if n_layers < 1 or top_lr <= 0 or decay < 1:
        raise ValueError("bad input")
    return [top_lr / decay ** (n_layers - l) for l in range(n_layers)]
