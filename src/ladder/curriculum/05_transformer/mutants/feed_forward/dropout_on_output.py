# mutant: puts the dropout on the output instead of the hidden layer
# likely: not on the output
from torch import Tensor, nn

from ladder.transformer.block import ACTIVATIONS


class FeedForward(nn.Module):
    def __init__(self, d_model: int, d_ff: int, dropout: float = 0.0, activation: str = "relu"):
        super().__init__()
        self.linear1 = nn.Linear(d_model, d_ff)
        self.linear2 = nn.Linear(d_ff, d_model)
        self.dropout = nn.Dropout(dropout)
        self.act = ACTIVATIONS[activation]

    def forward(self, x: Tensor) -> Tensor:
        return self.dropout(self.linear2(self.act(self.linear1(x))))
