# mutant: d and 1 - d swapped
# likely: d multiplies the flow along edges


def textrank_step(scores, transition, damping=0.85):
    return damping / len(scores) + (1 - damping) * (transition.T @ scores)
