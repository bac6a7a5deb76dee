"""Named tuples that print like PyTorch's ``torch.return_types.*`` (e.g. from ``max(dim)``)."""

from collections import namedtuple


def _return_type(name, fields):
    base = namedtuple(name, fields)

    def __repr__(self):
        body = ",\n".join(f"{field}={value!r}" for field, value in zip(fields, self))
        return f"torch.return_types.{name}(\n{body})"

    return type(name, (base,), {"__slots__": (), "__repr__": __repr__, "__str__": __repr__,
                                "__module__": "torch.return_types"})


max = _return_type("max", ("values", "indices"))
min = _return_type("min", ("values", "indices"))
svd = _return_type("svd", ("U", "S", "V"))
linalg_svd = _return_type("linalg_svd", ("U", "S", "Vh"))
