"""``repr(tensor)`` exactly as PyTorch prints it.

A port of ``torch/_tensor_str.py`` (read it side by side): a ``Formatter`` looks at all
the values once to choose integer / fixed / scientific notation and a common width,
then the nested lists are written with PyTorch's line wrapping, blank lines between
blocks and ``...`` summaries for tensors of more than ``threshold`` elements.  It works
on NumPy arrays, so printing never depends on an unfinished exercise.
"""

import math
from dataclasses import dataclass

import numpy as np

from . import dtypes


@dataclass
class PrintOptions:
    precision: int = 4
    threshold: float = 1000
    edgeitems: int = 3
    linewidth: int = 80
    sci_mode: object = None


PRINT_OPTS = PrintOptions()


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     profile=None, sci_mode=None):
    if profile is not None:
        defaults = {"default": (4, 1000, 3), "short": (2, 1000, 2), "full": (4, math.inf, 3)}
        PRINT_OPTS.precision, PRINT_OPTS.threshold, PRINT_OPTS.edgeitems = defaults[profile]
        PRINT_OPTS.linewidth = 80
    for name, value in (("precision", precision), ("threshold", threshold),
                        ("edgeitems", edgeitems), ("linewidth", linewidth)):
        if value is not None:
            setattr(PRINT_OPTS, name, value)
    PRINT_OPTS.sci_mode = sci_mode


class Formatter:
    """Chooses one notation and width for every element of a tensor."""

    def __init__(self, values: np.ndarray, floating: bool):
        self.floating = floating
        self.int_mode = True
        self.sci_mode = False
        self.max_width = 1
        flat = values.reshape(-1)
        precision = PRINT_OPTS.precision
        if not floating:
            for value in flat.tolist():
                self.max_width = max(self.max_width, len(f"{value}"))
            return
        finite = flat[np.isfinite(flat) & (flat != 0)]
        if finite.size == 0:
            return
        magnitudes = np.abs(finite).astype(np.float64)
        smallest, largest = magnitudes.min(), magnitudes.max()
        self.int_mode = bool(np.all(finite == np.ceil(finite)))
        if PRINT_OPTS.sci_mode is None:
            self.sci_mode = bool(largest / smallest > 1000.0 or largest > 1.0e8
                                 or smallest < 1.0e-4)
        else:
            self.sci_mode = PRINT_OPTS.sci_mode
        for value in finite.tolist():
            if self.sci_mode:
                width = len(f"{value:.{precision}e}")
            elif self.int_mode:
                width = len(f"{value:.0f}") + 1
            else:
                width = len(f"{value:.{precision}f}")
            self.max_width = max(self.max_width, width)

    def format(self, value) -> str:
        precision = PRINT_OPTS.precision
        if not self.floating:
            text = f"{value}"
        elif self.sci_mode:
            text = f"{value:{self.max_width}.{precision}e}"
        elif self.int_mode:
            text = f"{value:.0f}"
            if not (math.isinf(value) or math.isnan(value)):
                text += "."
        else:
            text = f"{value:.{precision}f}"
        return (self.max_width - len(text)) * " " + text


def _vector_str(values, indent, summarize, formatter):
    element_length = formatter.max_width + 2
    per_line = max(1, math.floor((PRINT_OPTS.linewidth - indent) / element_length))
    edge = PRINT_OPTS.edgeitems
    if summarize and not edge:
        data = ["..."]
    elif summarize and values.shape[0] > 2 * edge:
        data = ([formatter.format(v) for v in values[:edge].tolist()] + [" ..."]
                + [formatter.format(v) for v in values[-edge:].tolist()])
    else:
        data = [formatter.format(v) for v in values.tolist()]
    lines = [", ".join(data[i:i + per_line]) for i in range(0, len(data), per_line)]
    return "[" + ("," + "\n" + " " * (indent + 1)).join(lines) + "]"


def _nested_str(values, indent, summarize, formatter):
    if values.ndim == 0:
        return formatter.format(values.item())
    if values.ndim == 1:
        return _vector_str(values, indent, summarize, formatter)
    edge = PRINT_OPTS.edgeitems
    rows = range(values.shape[0])
    if summarize and values.shape[0] > 2 * edge:
        parts = ([_nested_str(values[i], indent + 1, summarize, formatter) for i in rows[:edge]]
                 + ["..."]
                 + [_nested_str(values[i], indent + 1, summarize, formatter)
                    for i in rows[-edge:]])
    else:
        parts = [_nested_str(values[i], indent + 1, summarize, formatter) for i in rows]
    return "[" + ("," + "\n" * (values.ndim - 1) + " " * (indent + 1)).join(parts) + "]"


def summarized(values):
    """Only the elements a summary shows (the first and last ``edgeitems`` per dim)."""
    edge = PRINT_OPTS.edgeitems
    if values.ndim == 0:
        return values
    if values.ndim == 1:
        return np.concatenate([values[:edge], values[-edge:]]) if values.shape[0] > 2 * edge \
            else values
    if not edge:
        return values[tuple(slice(0, 0) for _ in range(values.ndim))]
    rows = list(range(values.shape[0]))
    if len(rows) > 2 * edge:
        rows = rows[:edge] + rows[-edge:]
    return np.stack([summarized(values[i]) for i in rows])


def tensor_str(values: np.ndarray, dtype, indent: int) -> str:
    """The bracketed elements, without ``tensor(`` and the suffixes."""
    if values.size == 0:
        return "[]"
    summarize = values.size > PRINT_OPTS.threshold
    if dtype is dtypes.float16:
        values = values.astype(np.float32)
    formatter = Formatter(summarized(values) if summarize else values, dtype.is_floating_point)
    return _nested_str(values, indent, summarize, formatter)


def _add_suffixes(text, suffixes, indent):
    parts = [text]
    last_line_len = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if last_line_len + len(suffix) + 2 > PRINT_OPTS.linewidth:
            parts.append(",\n" + " " * indent + suffix)
            last_line_len = indent + len(suffix)
        else:
            parts.append(", " + suffix)
            last_line_len += len(suffix) + 2
    parts.append(")")
    return "".join(parts)


def tensor_repr(tensor) -> str:
    prefix = "tensor("
    indent = len(prefix)
    dtype = tensor.dtype
    values = tensor._array()
    suffixes = []
    if values.size == 0:
        if values.ndim != 1:
            suffixes.append("size=" + str(tuple(values.shape)))
        if dtype is not dtypes.get_default_dtype():
            suffixes.append("dtype=" + str(dtype))
        body = "[]"
    else:
        if not PRINT_OPTS.edgeitems:
            suffixes.append("size=" + str(tuple(values.shape)))
        if dtype not in (dtypes.get_default_dtype(), dtypes.int64, dtypes.bool):
            suffixes.append("dtype=" + str(dtype))
        body = tensor_str(values, dtype, indent)
    grad_fn = getattr(tensor, "grad_fn", None)
    if grad_fn is not None:
        suffixes.append(f"grad_fn=<{_grad_fn_name(grad_fn)}>")
    elif tensor.requires_grad:
        suffixes.append("requires_grad=True")
    return _add_suffixes(prefix + body, suffixes, indent)


def _grad_fn_name(grad_fn):
    """PyTorch prints the node's class name; nodes that share one class can give theirs
    through ``name()``, as PyTorch's ``Node.name()`` does."""
    name = getattr(grad_fn, "name", None)
    return name() if callable(name) else type(grad_fn).__name__
