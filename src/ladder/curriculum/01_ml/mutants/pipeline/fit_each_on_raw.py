# mutant: fits every transformer on the raw X instead of the previous output
# likely: fit each transformer on the previous one
class Pipeline:
    def __init__(self, steps: list) -> None:
        self.steps = steps

    def fit(self, X, y=None):
        Xt = X
        for _, step in self.steps[:-1]:
            Xt = step.fit(X, y).transform(Xt)
        self.steps[-1][1].fit(Xt, y)
        return self

    def predict(self, X):
        Xt = X
        for _, step in self.steps[:-1]:
            Xt = step.transform(Xt)
        return self.steps[-1][1].predict(Xt)
