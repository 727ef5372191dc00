# mutant: multiplies by the transition matrix instead of its transpose
# likely: use transition.T @ scores


def textrank_step(scores, transition, damping=0.85):
    return (1 - damping) / len(scores) + damping * (transition @ scores)
