# mutant: accepts zero layers and negative rates silently
def layerwise_lrs(n_layers, top_lr, decay=2.6):
    return [top_lr / decay ** (n_layers - 1 - l) for l in range(n_layers)]
