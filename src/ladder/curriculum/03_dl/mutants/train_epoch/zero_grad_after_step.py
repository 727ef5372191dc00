# mutant: clears the gradients after the step, so the first step uses stale ones
from ladder.autograd.tensor import Tensor


def train_epoch(model, loss_fn, optimizer, batches) -> float:
    model.train()
    losses = []
    for x, y in batches:
        loss = loss_fn(model(Tensor(x)), y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(float(loss.item()))
    if not losses:
        raise ValueError("no batches")
    return sum(losses) / len(losses)
