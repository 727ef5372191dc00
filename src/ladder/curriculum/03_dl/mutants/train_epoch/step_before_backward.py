# mutant: steps before computing this batch's gradients
from ladder.autograd.tensor import Tensor


def train_epoch(model, loss_fn, optimizer, batches) -> float:
    model.train()
    losses = []
    for x, y in batches:
        loss = loss_fn(model(Tensor(x)), y)
        optimizer.zero_grad()
        optimizer.step()
        loss.backward()
        losses.append(float(loss.item()))
    if not losses:
        raise ValueError("no batches")
    return sum(losses) / len(losses)
