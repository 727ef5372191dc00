# mutant: weights each batch's loss by its size
# likely: each batch counts once
from ladder.autograd.tensor import Tensor


def train_epoch(model, loss_fn, optimizer, batches) -> float:
    model.train()
    total, n = 0.0, 0
    for x, y in batches:
        loss = loss_fn(model(Tensor(x)), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += float(loss.item()) * len(y)
        n += len(y)
    if not n:
        raise ValueError("no batches")
    return total / n
