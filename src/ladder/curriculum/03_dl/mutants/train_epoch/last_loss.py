# mutant: returns the last batch's loss instead of the mean
# likely: not the last one
from ladder.autograd.tensor import Tensor


def train_epoch(model, loss_fn, optimizer, batches) -> float:
    model.train()
    losses = []
    for x, y in batches:
        loss = loss_fn(model(Tensor(x)), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(float(loss.item()))
    if not losses:
        raise ValueError("no batches")
    return losses[-1]
