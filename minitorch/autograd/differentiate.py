"""``backward`` and ``grad``: the two ways to run the engine from user code.

``y.backward()`` (= ``autograd.backward(y)``) adds the gradients into the leaves'
``.grad``; ``autograd.grad(y, [x])`` returns them instead and leaves ``.grad`` alone.
Both check their arguments the way PyTorch does and then call ``run_backward``.
"""

import numpy as np

from .engine import run_backward
from .graph import gradient_edge


def _as_tuple(value):
    if value is None:
        return ()
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


def _root_grads(outputs, gradients):
    """The gradient each output starts with: given, or 1 for a scalar output."""
    gradients = _as_tuple(gradients) or (None,) * len(outputs)
    if len(gradients) != len(outputs):
        raise RuntimeError(f"got {len(outputs)} tensors and {len(gradients)} gradients")
    roots, grads = [], []
    for index, (output, gradient) in enumerate(zip(outputs, gradients)):
        if not output.requires_grad:
            raise RuntimeError(f"element {index} of tensors does not require grad and does not "
                               "have a grad_fn")
        if gradient is None:
            if output.numel() != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            array = np.ones(output._shape, dtype=output.dtype.numpy)
        else:
            array = np.asarray(gradient._array() if hasattr(gradient, "_array") else gradient)
            if array.shape != tuple(output._shape):
                raise RuntimeError(
                    f"Mismatch in shape: grad_output[{index}] has a shape of "
                    f"torch.Size({list(array.shape)}) and output[{index}] has a shape of "
                    f"torch.Size({list(output._shape)}).")
            array = array.astype(output.dtype.numpy, copy=False)
        roots.append(gradient_edge(output))
        grads.append(array)
    return roots, grads


def _first_order_only(create_graph):
    if create_graph:
        raise NotImplementedError("minitorch computes first-order gradients only "
                                  "(create_graph=True is not supported)")


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None):
    """Add d(tensors)/d(leaf) into every leaf's ``.grad`` (``torch.autograd.backward``)."""
    _first_order_only(create_graph)
    if inputs is not None:
        raise NotImplementedError("backward(inputs=...) is not supported by minitorch")
    roots, grads = _root_grads(_as_tuple(tensors), grad_tensors)
    run_backward(roots, grads, retain_graph=bool(retain_graph))


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
         allow_unused=None, materialize_grads=False):
    """Return d(outputs)/d(inputs) as a tuple of tensors (``torch.autograd.grad``)."""
    from ..tensor import Tensor

    _first_order_only(create_graph)
    outputs, inputs = _as_tuple(outputs), _as_tuple(inputs)
    if not all(value.requires_grad for value in inputs):
        raise RuntimeError("One of the differentiated Tensors does not require grad")
    roots, grads = _root_grads(outputs, grad_outputs)
    capture = {gradient_edge(value): [] for value in inputs}
    run_backward(roots, grads, retain_graph=bool(retain_graph), capture=capture)
    results = []
    for index, value in enumerate(inputs):
        found = capture[gradient_edge(value)]
        if not found:
            if materialize_grads:
                results.append(Tensor._from_array(np.zeros(value._shape, value.dtype.numpy)))
                continue
            if not allow_unused:
                raise RuntimeError(
                    f"The differentiated Tensor at index {index} appears to not have been used "
                    "in the graph. Set allow_unused=True if this is the desired behavior.")
            results.append(None)
            continue
        total = found[0]
        for more in found[1:]:
            total = total + more
        results.append(Tensor._from_array(np.asarray(total, dtype=value.dtype.numpy)))
    return tuple(results)
