"""IPython / Jupyter extension: ``%load_ext mxcompat`` makes ``import mxnet``
resolve to mxcompat in the running kernel (``%unload_ext mxcompat`` undoes it)."""
from __future__ import annotations

from typing import Any

from ._import_hook import install_as_mxnet, uninstall_as_mxnet


def load_ipython_extension(ipython: Any) -> None:
    """Called by ``%load_ext mxcompat``: install the ``mxnet`` import hook.

    Raises ImportError if the real MXNet was already imported in the kernel;
    restart the kernel and load the extension before ``import mxnet``.
    """
    install_as_mxnet()


def unload_ipython_extension(ipython: Any) -> None:
    """Called by ``%unload_ext mxcompat``: remove the hook and the ``mxnet``
    entries from ``sys.modules``. Names already bound in the notebook, such as
    ``mx``, keep referring to mxcompat."""
    uninstall_as_mxnet()
