"""``optim.SGD``: stochastic gradient descent, with PyTorch's momentum and weight decay."""

from .._exercise import exercise
from ..autograd.grad_mode import enable_grad, no_grad
from .optimizer import Optimizer


class SGD(Optimizer):
    """``p -= lr * grad``, optionally with momentum (classic or Nesterov), dampening and
    L2 weight decay, exactly as ``torch.optim.SGD`` computes it."""

    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0,
                 nesterov=False, *, maximize=False):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening,
                        weight_decay=weight_decay, nesterov=nesterov, maximize=maximize)
        super().__init__(params, defaults)

    @exercise("06", "sgd_step", points=3)
    def step(self, closure=None):
        """One update of every parameter that has a ``.grad``, with its group's options.

        If ``closure`` is given, first compute ``loss = closure()`` inside
        ``enable_grad()``; return ``loss`` (else None).  Update under ``no_grad()`` (the
        update itself must not be recorded), for each ``group`` in ``self.param_groups``
        and each ``p`` in ``group["params"]`` whose ``p.grad`` is not None::

            d_p = p.grad                       (-p.grad when group["maximize"])
            if weight_decay != 0:   d_p = d_p + weight_decay * p
            if momentum != 0:
                buf = self.state[p].get("momentum_buffer")
                first step:   buf = d_p.clone()      (store it in self.state[p])
                later steps:  buf = momentum * buf + (1 - dampening) * d_p   (in place)
                d_p = d_p + momentum * buf   if nesterov   else   buf
            p = p - lr * d_p                   (in place: p.add_(d_p, alpha=-lr))

        Work in place (``buf.mul_(momentum).add_(d_p, alpha=1 - dampening)``) so that the
        parameters and buffers stay the same objects.
        """
        ### BEGIN SOLUTION
        loss = None
        if closure is not None:
            with enable_grad():
                loss = closure()
        with no_grad():
            for group in self.param_groups:
                momentum, dampening = group["momentum"], group["dampening"]
                for p in group["params"]:
                    if p.grad is None:
                        continue
                    d_p = -p.grad if group["maximize"] else p.grad
                    if group["weight_decay"] != 0:
                        d_p = d_p.add(p, alpha=group["weight_decay"])
                    if momentum != 0:
                        buf = self.state[p].get("momentum_buffer")
                        if buf is None:
                            buf = self.state[p]["momentum_buffer"] = d_p.clone()
                        else:
                            buf.mul_(momentum).add_(d_p, alpha=1 - dampening)
                        d_p = d_p.add(buf, alpha=momentum) if group["nesterov"] else buf
                    p.add_(d_p, alpha=-group["lr"])
        return loss
        ### END SOLUTION
