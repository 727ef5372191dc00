# mutant: predicts on the raw rows, skipping the transformers
class Pipeline:
    def __init__(self, steps: list) -> None:
        self.steps = steps

    def fit(self, X, y=None):
        Xt = X
        for _, step in self.steps[:-1]:
            Xt = step.fit(Xt, y).transform(Xt)
        self.steps[-1][1].fit(Xt, y)
        return self

    def predict(self, X):
        return self.steps[-1][1].predict(X)
