"""Checks for the Value.__mul__ exercise."""

from ladder.curriculum.expect import expect_close


def check_forward(submitted, reference):
    """a·b holds the product"""
    expect_close((submitted(3.0) * submitted(-2.0)).data, -6.0, inputs={"a": 3.0, "b": -2.0})


def check_product_rule(submitted, reference):
    """dz/da = b and dz/db = a, times the incoming gradient"""
    a, b = submitted(3.0), submitted(-2.0)
    z = a * b
    z.grad = 0.5
    z._backward()
    inputs = {"a": 3.0, "b": -2.0, "z.grad": 0.5}
    expect_close(
        a.grad,
        -1.0,
        what="a.grad",
        inputs=inputs,
        mistakes=[
            (-2.0, "multiply by out.grad (the chain rule)"),
            (1.5, "a's gradient uses b's value, and b's uses a's"),
        ],
    )
    expect_close(
        b.grad,
        1.5,
        what="b.grad",
        inputs=inputs,
        mistakes=[
            (3.0, "multiply by out.grad (the chain rule)"),
            (0.0, "give both inputs a gradient: other.grad += self.data * out.grad"),
        ],
    )


def check_square(submitted, reference):
    """a·a gives the gradient 2a (contributions add up)"""
    a = submitted(3.0)
    (a * a).backward()
    expect_close(
        a.grad,
        6.0,
        what="a.grad",
        inputs={"a": 3.0, "expression": "a * a"},
        mistakes=[
            (3.0, "use += in _backward: a receives one contribution per use"),
            (9.0, "a's gradient is the *other* factor's value, added for each use"),
            (
                0.0,
                'give the product its parents, Value(…, (self, other), "*"): backward() '
                "reaches a node only through them",
            ),
        ],
    )


def check_numbers(submitted, reference):
    """works with plain numbers on either side: a·4 and 4·a"""
    a = submitted(1.5)
    (a * 4).backward()
    expect_close(a.grad, 4.0, what="a.grad", inputs="a = 1.5; z = a * 4")
    a = submitted(1.5)
    (4 * a).backward()
    expect_close(a.grad, 4.0, what="a.grad", inputs="a = 1.5; z = 4 * a")


def check_nested_products(submitted, reference):
    """backward() reaches the inputs of a product of products: z = (a·b)·(b·c)"""
    a, b, c = submitted(2.0), submitted(-3.0), submitted(0.5)
    ((a * b) * (b * c)).backward()
    got = [a.grad, b.grad, c.grad]
    # dz/da = b·b·c = 4.5, dz/db = 2·a·b·c = −6, dz/dc = a·b·b = 18
    expect_close(
        got,
        [4.5, -6.0, 18.0],
        what="[a.grad, b.grad, c.grad]",
        inputs="a = 2, b = −3, c = 0.5; z = (a·b)·(b·c)",
        mistakes=[
            (
                [0.0, 0.0, 0.0],
                'give the product its parents, Value(…, (self, other), "*"): backward() '
                "reaches a node only through them",
            )
        ],
    )


def check_expression(submitted, reference):
    """a chain of products and sums matches the reference gradients"""
    vals = (2.0, -3.0, 0.5)
    got = [submitted(v) for v in vals]
    ref = [reference(v) for v in vals]
    for a, b, c in (got, ref):
        ((a * b + c) * (a * c) * b).backward()
    for name, g, r in zip("abc", got, ref, strict=False):
        expect_close(
            g.grad,
            r.grad,
            what=f"{name}.grad",
            inputs="a = 2, b = −3, c = 0.5; z = (a·b + c)·(a·c)·b",
        )
