"""The helper library that exercise checks are written with (the checks' authoring library).

A check is a function ``check_<what>(submitted, reference)`` in an exercise's check
module: ``submitted`` is the learner's object (the name the stub defines), ``reference``
the library's. Its docstring's first line says what it checks. It calls the ``expect_*``
helpers, which raise :class:`CheckFailed` carrying the input, the expected and the
actual value and, where it can tell, the likely misconception::

    def check_averages(submitted, reference):
        "averages the squared errors over the samples"
        y, p = [1.0, 2.0, 3.0], [2.0, 2.0, 2.0]
        expect_close(submitted(y, p), reference(y, p), inputs={"y_true": y, "y_pred": p},
                     mistakes=[(2.0, "you summed the squared errors; divide by n")])

The checks run in a trusted process; ``submitted`` there stands for the learner's object,
which lives in a separate, contained child. Calling it (or a class it constructs, or a
method of one) sends plain data over and brings plain data back: numbers, strings,
lists, dicts, NumPy arrays, torch tensors and state dicts. A scenario that shares
mutable objects between several calls (parameters handed to an optimiser, then changed
here) is written as a module-level *driver* and run with :func:`drive`, which runs it
next to the learner's object and brings back its plain-data result::

    def trajectory(cls, lr):               # module level: the child finds it by name
        ...                                # build parameters, step the optimiser
        return np.array(path)

    expect_close(drive(submitted, trajectory, lr=0.1), trajectory(reference, lr=0.1))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np

__all__ = [
    "CheckFailed",
    "drive",
    "expect_close",
    "expect_equal",
    "expect_raises",
    "expect_shape",
    "expect_dtype",
    "expect_true",
    "show",
]


class CheckFailed(AssertionError):
    """A check found a wrong answer; every field is shown to the learner."""

    def __init__(
        self,
        message: str,
        *,
        inputs: Any = None,
        expected: Any = None,
        actual: Any = None,
        misconception: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.inputs = inputs
        self.expected = expected
        self.actual = actual
        self.misconception = misconception


def show(value: Any, limit: int = 300, *, quote: bool = True) -> str:
    """A short, readable rendering of a value for a verdict. Strings are quoted (a value,
    not a description) unless ``quote=False``; tensors read like arrays; boolean masks
    stay True/False."""
    if hasattr(value, "detach") and hasattr(value, "numpy"):  # a torch or ladder tensor
        try:
            value = _numpy_of(value)
        except (TypeError, RuntimeError):
            pass
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str):
        text = repr(value) if quote else value
    elif isinstance(value, Mapping):
        text = ", ".join(f"{k}={show(v, limit)}" for k, v in value.items())
    elif isinstance(value, np.ndarray):
        text = np.array2string(value, precision=6, threshold=20, edgeitems=3, separator=", ")
        text = f"array({text}, shape={value.shape}, dtype={value.dtype})"
    else:
        text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def largest_difference(actual: Any, expected: Any) -> str:
    """Where two same-shaped arrays differ most, in words ("" when they cannot be
    compared): values that print alike at six decimals still show how far apart they
    are."""
    try:
        a, e = _as_array(actual), _as_array(expected)
    except (TypeError, ValueError):
        return ""
    if a.shape != e.shape or a.size == 0:
        return ""
    with np.errstate(invalid="ignore"):
        diff = np.abs(a - e)
    both_nan = np.isnan(a) & np.isnan(e)
    diff = np.where(both_nan, 0.0, np.where(np.isnan(diff), np.inf, diff))
    i = np.unravel_index(int(np.argmax(diff)), diff.shape) if a.ndim else ()
    where = f" at index {tuple(int(k) for k in i)}" if a.ndim else ""
    return f"the largest difference is {float(diff[i]):.3g}{where}"


def drive(submitted: Any, driver: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``driver(submitted, *args, **kwargs)``, run beside the learner's object.

    ``driver`` must be a module-level function of the check module. With the learner's
    object in a contained child, the child runs it and returns its result as plain data;
    called with a local object (the reference), it simply runs here.
    """
    remote = getattr(type(submitted), "_ladder_drive_", None)
    if remote is not None:
        return remote(submitted, driver, *args, **kwargs)
    return driver(submitted, *args, **kwargs)


def _guess(actual: Any, expected: Any, mistakes: Iterable[tuple[Any, str]], close) -> str | None:
    for wrong, why in mistakes:  # first: a check may list None itself as a known mistake
        if (wrong is None) != (actual is None):
            continue
        try:
            if close(actual, wrong):
                return why
        except (TypeError, ValueError):
            continue
    if actual is None and expected is not None:
        return "your function returned None: did you forget a `return`?"
    return None


def _numpy_of(tensor: Any) -> np.ndarray:
    """A torch tensor's values (moved to the CPU), or a ladder autograd tensor's."""
    plain = tensor.detach()
    return (plain.cpu() if hasattr(plain, "cpu") else plain).numpy()


def _as_array(x: Any) -> np.ndarray:
    if hasattr(x, "detach") and hasattr(x, "numpy"):  # a tensor, maybe with a graph
        x = _numpy_of(x)
    return np.asarray(x, dtype=np.float64)


def expect_close(
    actual: Any,
    expected: Any,
    *,
    inputs: Any = None,
    rtol: float = 1e-7,
    atol: float = 1e-10,
    what: str = "the result",
    mistakes: Iterable[tuple[Any, str]] = (),
) -> None:
    """Numbers or arrays equal within ``|a - e| <= atol + rtol * |e|``, element-wise.

    ``mistakes`` lists ``(wrong_value, explanation)`` pairs: common wrong answers and what
    they reveal. The defaults suit float64 arithmetic done in a different order.
    """

    def close(a: Any, e: Any) -> bool:
        a_arr, e_arr = _as_array(a), _as_array(e)
        return a_arr.shape == e_arr.shape and bool(
            np.allclose(a_arr, e_arr, rtol=rtol, atol=atol, equal_nan=True)
        )

    mistakes = list(mistakes)
    try:
        a_arr = _as_array(actual)
    except (TypeError, ValueError):
        raise CheckFailed(
            f"{what}: expected a number or an array of numbers",
            inputs=inputs,
            expected=expected,
            actual=actual,
            misconception=_guess(actual, expected, mistakes, close),
        ) from None
    e_arr = _as_array(expected)
    if a_arr.shape != e_arr.shape:
        hint = _guess(actual, expected, mistakes, close)
        if hint is None and a_arr.shape == e_arr.shape[::-1] and a_arr.ndim == 2:
            hint = "the shape is transposed: check the order of a matrix product or a .T"
        if hint is None and a_arr.size == e_arr.size:
            hint = "the values may be right but the shape is not: check reshape/keepdims"
        raise CheckFailed(
            f"wrong shape for {what}: {a_arr.shape}, expected {e_arr.shape}",
            inputs=inputs,
            expected=expected,
            actual=actual,
            misconception=hint,
        )
    if not close(actual, expected):
        far = largest_difference(actual, expected)
        raise CheckFailed(
            f"{what}: not close enough to the expected value (rtol={rtol:g}, atol={atol:g})"
            + (f"; {far}" if far else ""),
            inputs=inputs,
            expected=expected,
            actual=actual,
            misconception=_guess(actual, expected, mistakes, close),
        )


def expect_equal(
    actual: Any,
    expected: Any,
    *,
    inputs: Any = None,
    what: str = "the result",
    mistakes: Iterable[tuple[Any, str]] = (),
) -> None:
    """Exact equality (arrays element-wise, with the same shape)."""

    def same(a: Any, e: Any) -> bool:
        if isinstance(a, np.ndarray) or isinstance(e, np.ndarray):
            return np.shape(a) == np.shape(e) and bool(np.array_equal(a, e))
        return bool(a == e)

    if not same(actual, expected):
        raise CheckFailed(
            f"{what}: not the expected value",
            inputs=inputs,
            expected=expected,
            actual=actual,
            misconception=_guess(actual, expected, mistakes, same),
        )


def expect_raises(
    exception: type[BaseException],
    fn: Callable[..., Any],
    *args: Any,
    inputs: Any = None,
    what: str | None = None,
    **kwargs: Any,
) -> BaseException:
    """``fn(*args, **kwargs)`` must raise ``exception`` (or a subclass); returns it."""
    label = what or f"calling {getattr(fn, '__name__', 'it')}"
    try:
        result = fn(*args, **kwargs)
    except exception as exc:
        return exc
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported, not swallowed
        raise CheckFailed(
            f"{label} raised {type(exc).__name__}, expected {exception.__name__}",
            inputs=inputs,
            expected=exception.__name__,
            actual=f"{type(exc).__name__}: {exc}",
        ) from None
    raise CheckFailed(
        f"{label} should raise {exception.__name__}",
        inputs=inputs,
        expected=exception.__name__,
        actual=result,
        misconception="validate the input before computing",
    )


def expect_shape(
    actual: Any, shape: tuple[int, ...], *, inputs: Any = None, what: str = "the result"
) -> None:
    got = np.shape(actual)
    if got != tuple(shape):
        raise CheckFailed(
            f"wrong shape for {what}: {got}, expected {tuple(shape)}",
            inputs=inputs,
            expected=tuple(shape),
            actual=got,
            misconception="check reshape, keepdims and the order of matrix products",
        )


def expect_dtype(actual: Any, kind: str, *, inputs: Any = None, what: str = "the result") -> None:
    """``kind`` is a NumPy dtype kind: ``"f"`` float, ``"i"`` signed int, ``"b"`` bool."""
    got = np.asarray(actual).dtype
    if got.kind != kind:
        raise CheckFailed(
            f"wrong dtype for {what}: {got}, expected kind {kind!r}",
            inputs=inputs,
            expected=kind,
            actual=str(got),
        )


def expect_true(
    condition: bool, message: str, *, inputs: Any = None, misconception: str | None = None
) -> None:
    if not condition:
        raise CheckFailed(message, inputs=inputs, misconception=misconception)
