"""``Optimizer``: the parameter groups and per-parameter state every optimizer shares.

A *parameter group* is a dict ``{"params": [...], "lr": ..., ...}``; options missing
from a group come from the optimizer's defaults, so one model can train its parts with
different learning rates.  ``state[param]`` keeps what an algorithm carries from step to
step (SGD's momentum buffer, Adam's moving averages).
"""

from collections import defaultdict

from ..autograd.tensor_methods import clear_grads


class Optimizer:
    def __init__(self, params, defaults):
        self.defaults = defaults
        self.state = defaultdict(dict)
        self.param_groups = []
        groups = list(params)
        if len(groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(groups[0], dict):
            groups = [{"params": groups}]
        for group in groups:
            self.add_param_group(group)

    def add_param_group(self, param_group):
        """Add a group of parameters (with its own options) to optimize."""
        params = param_group["params"]
        params = [params] if hasattr(params, "_storage") else list(params)
        for param in params:
            if not hasattr(param, "_storage"):
                raise TypeError("optimizer can only optimize Tensors, but one of the params is "
                                + type(param).__name__)
            if param.grad_fn is not None:
                raise ValueError("can't optimize a non-leaf Tensor")
        group = dict(param_group, params=params)
        for name, default in self.defaults.items():
            group.setdefault(name, default)
        known = {id(p) for other in self.param_groups for p in other["params"]}
        if any(id(p) in known for p in params):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(group)

    def zero_grad(self, set_to_none=True):
        """Forget the last gradients: set them to None (default) or to zeros."""
        clear_grads((param for group in self.param_groups for param in group["params"]),
                    set_to_none)

    def step(self, closure=None):
        raise NotImplementedError

    def state_dict(self):
        """The state and the groups' options, parameters replaced by their positions."""
        index = {}
        groups = []
        for group in self.param_groups:
            numbers = [index.setdefault(id(p), len(index)) for p in group["params"]]
            groups.append(dict(group, params=numbers))
        state = {index[id(p)]: dict(values) for p, values in self.state.items() if id(p) in index}
        return {"state": state, "param_groups": groups}

    def load_state_dict(self, state_dict):
        params = [p for group in self.param_groups for p in group["params"]]
        if len(state_dict["param_groups"]) != len(self.param_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        for group, saved in zip(self.param_groups, state_dict["param_groups"]):
            if len(saved["params"]) != len(group["params"]):
                raise ValueError("loaded state dict contains a parameter group that doesn't "
                                 "match the size of optimizer's group")
            group.update({k: v for k, v in saved.items() if k != "params"})
        self.state = defaultdict(dict)
        for number, values in state_dict["state"].items():
            self.state[params[number]] = {key: value.clone() if hasattr(value, "clone") else value
                                          for key, value in values.items()}

    def __repr__(self):
        text = type(self).__name__ + " ("
        for index, group in enumerate(self.param_groups):
            text += f"\nParameter Group {index}\n"
            for key in sorted(group):
                if key != "params":
                    text += f"    {key}: {group[key]}\n"
        return text + ")"
