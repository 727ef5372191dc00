# mutant: leaves the model in whatever mode it was in
from ladder.autograd.tensor import Tensor


def train_epoch(model, loss_fn, optimizer, batches) -> float:
    losses = []
    for x, y in batches:
        loss = loss_fn(model(Tensor(x)), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(float(loss.item()))
    if not losses:
        raise ValueError("no batches")
    return sum(losses) / len(losses)
