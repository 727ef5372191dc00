# mutant: the teleport share is not divided by N
# likely: spread over the N sentences


def textrank_step(scores, transition, damping=0.85):
    return (1 - damping) + damping * (transition.T @ scores)
