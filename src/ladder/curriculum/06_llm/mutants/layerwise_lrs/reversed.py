# mutant: lists the top layer first
# likely: layer 0 is the bottom
def layerwise_lrs(n_layers, top_lr, decay=2.6):
    if n_layers < 1 or top_lr <= 0 or decay < 1:
        raise ValueError("bad input")
    return [top_lr / decay**l for l in range(n_layers)]
