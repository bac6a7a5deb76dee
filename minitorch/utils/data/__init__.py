"""``minitorch.utils.data``: datasets and the loader that batches them."""

from .dataloader import DataLoader, default_collate
from .dataset import Dataset, TensorDataset

__all__ = ["Dataset", "TensorDataset", "DataLoader", "default_collate"]
