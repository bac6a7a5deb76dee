"""``minitorch.device``: always the CPU.  The course runs on NumPy, so asking for CUDA
fails with an explanation instead of PyTorch's "Torch not compiled with CUDA enabled"."""

CPU_ONLY = ("this course runs on the CPU only (minitorch is built on NumPy); "
            "use device='cpu' or leave the device out")


class device:
    """A device name, printed like PyTorch's: ``device(type='cpu')``."""

    def __init__(self, type="cpu", index=None):
        if isinstance(type, device):
            type, index = type.type, type.index
        name, _, number = str(type).partition(":")
        self.type = name
        self.index = int(number) if number else index

    def __repr__(self):
        index = "" if self.index is None else f", index={self.index}"
        return f"device(type='{self.type}'{index})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):
        if isinstance(other, str):
            other = device(other)
        return isinstance(other, device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self):
        return hash((self.type, self.index))


CPU = device("cpu")


def check_device(where):
    """Return the CPU device for ``None``/"cpu"; RuntimeError for anything else."""
    if where is None:
        return CPU
    found = device(where)
    if found.type != "cpu":
        raise RuntimeError(f"{CPU_ONLY} (got device '{found}').")
    return CPU
