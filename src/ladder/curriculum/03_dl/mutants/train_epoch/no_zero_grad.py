# mutant: never clears the gradients
# likely: call optimizer.zero_grad() before loss.backward()
from ladder.autograd.tensor import Tensor


def train_epoch(model, loss_fn, optimizer, batches) -> float:
    model.train()
    losses = []
    for x, y in batches:
        loss = loss_fn(model(Tensor(x)), y)
        loss.backward()
        optimizer.step()
        losses.append(float(loss.item()))
    if not losses:
        raise ValueError("no batches")
    return sum(losses) / len(losses)
