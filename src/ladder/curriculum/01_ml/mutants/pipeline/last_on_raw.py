# mutant: fits the last step on the raw X
# likely: fit the last step on the transformed data
class Pipeline:
    def __init__(self, steps: list) -> None:
        self.steps = steps

    def fit(self, X, y=None):
        for _, step in self.steps[:-1]:
            step.fit(X, y)
        self.steps[-1][1].fit(X[:, self.steps[1][1].support_] if len(self.steps) > 2 else X, y)
        return self

    def predict(self, X):
        Xt = X
        for _, step in self.steps[:-1]:
            Xt = step.transform(Xt)
        return self.steps[-1][1].predict(Xt)
