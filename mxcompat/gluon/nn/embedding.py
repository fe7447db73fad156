"""Embedding: a lookup table from integer indices to dense vectors."""
from __future__ import annotations

from ..block import HybridBlock

__all__ = ["Embedding"]


class Embedding(HybridBlock):
    """Maps each index in the input to row ``index`` of a (input_dim, output_dim) weight."""

    def __init__(self, input_dim: int, output_dim: int, dtype="float32",
                 weight_initializer=None, sparse_grad: bool = False, **kwargs):
        if sparse_grad:
            raise NotImplementedError("gluon.nn.Embedding(sparse_grad=True): row_sparse "
                                      "gradients are not supported by mxcompat")
        super().__init__(**kwargs)
        self._kwargs = {"input_dim": input_dim, "output_dim": output_dim, "dtype": dtype,
                        "sparse_grad": sparse_grad}
        self.weight = self.params.get("weight", shape=(input_dim, output_dim),
                                      init=weight_initializer, dtype=dtype,
                                      allow_deferred_init=True)

    def hybrid_forward(self, F, x, weight):
        return F.Embedding(x, weight, name="fwd", **self._kwargs)

    def __repr__(self) -> str:
        return "{block_name}({input_dim} -> {output_dim}, {dtype})".format(
            block_name=self.__class__.__name__, **self._kwargs)
