"""``gradcheck``: compare autograd's gradients with finite differences.

The numerical derivative of ``f`` at ``x`` along one element is the central difference
``(f(x + eps) - f(x - eps)) / (2 eps)``; doing that for every input element gives the
Jacobian column by column.  Autograd gives it row by row (one backward per output
element).  When a derivative formula is wrong the two disagree.  Use float64 inputs:
in float32 the rounding error of the difference swamps the check.
"""

import numpy as np

from .._exercise import exercise
from .differentiate import grad
from .grad_mode import no_grad


class GradcheckError(RuntimeError):
    """Autograd's and the numerical Jacobian differ."""


def _flat_outputs(result):
    return tuple(result) if isinstance(result, (tuple, list)) else (result,)


@exercise("05", "numerical_jacobian", points=2)
def numerical_jacobian(function, inputs, index, eps=1e-6):
    """The Jacobian of ``function(*inputs)`` (one tensor) by ``inputs[index]``, numerically.

    Return a float64 NumPy array of shape ``(input.numel(), output.numel())``: row ``i``
    holds ``(f(x + eps e_i) - f(x - eps e_i)) / (2 * eps)``, flattened, where ``e_i``
    changes only element ``i`` of ``x = inputs[index]``.  Change that element in place in
    ``values = x._array()`` (a view of the tensor's memory) at
    ``np.unravel_index(i, values.shape)``, and put the original value back afterwards.
    Run ``function`` under ``no_grad()`` (nothing needs recording) and read its output's
    values with ``._array()``.

    >>> x = minitorch.tensor([1., 2.], dtype=minitorch.float64)
    >>> numerical_jacobian(lambda t: t * t, (x,), 0).round(6)
    array([[2., 0.],
           [0., 4.]])
    """
    raise NotImplementedError('Lesson 05 · exercise numerical_jacobian: implement numerical_jacobian (minitorch/autograd/gradcheck.py), then run check("05", "numerical_jacobian") to test it.')


def analytical_jacobian(output, inputs, index):
    """The same Jacobian from autograd: one backward per output element."""
    target = inputs[index]
    jacobian = np.zeros((target.numel(), output.numel()))
    for column in range(output.numel()):
        seed = np.zeros(output.numel(), dtype=output.dtype.numpy)
        seed[column] = 1
        seed_tensor = type(output)._from_array(seed.reshape(output._shape))
        (found,) = grad(output, target, seed_tensor, retain_graph=True, allow_unused=True)
        if found is not None:
            jacobian[:, column] = found._array().reshape(-1)
    return jacobian


def gradcheck(func, inputs, *, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True):
    """True when autograd's gradients of ``func(*inputs)`` match finite differences.

    Checks every output by every input that requires grad; on a mismatch raises
    ``GradcheckError`` showing both Jacobians (or returns False with
    ``raise_exception=False``), as ``torch.autograd.gradcheck`` does.
    """
    inputs = _flat_outputs(inputs)
    outputs = _flat_outputs(func(*inputs))
    for out_index, output in enumerate(outputs):
        def one_output(*args, which=out_index):
            return _flat_outputs(func(*args))[which]

        for in_index, value in enumerate(inputs):
            if not (hasattr(value, "requires_grad") and value.requires_grad):
                continue
            numerical = numerical_jacobian(one_output, inputs, in_index, eps)
            analytical = analytical_jacobian(output, inputs, in_index)
            if not np.allclose(analytical, numerical, rtol=rtol, atol=atol):
                if not raise_exception:
                    return False
                raise GradcheckError(
                    f"Jacobian mismatch for output {out_index} with respect to input "
                    f"{in_index},\nnumerical:{numerical}\nanalytical:{analytical}\n")
    return True
