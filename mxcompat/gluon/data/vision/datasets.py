"""MNIST, Fashion-MNIST, CIFAR-10/100 and image folder / RecordIO datasets.

No downloads: the standard datasets read the files MXNet would have downloaded from
``root`` and raise ``FileNotFoundError`` naming the missing files otherwise. MNIST files
may be gzipped (MXNet's names) or plain (the same names without ``.gz``).
"""
from __future__ import annotations

import gzip
import os
import struct
import warnings

import numpy as np

from .... import image, recordio
from .... import ndarray as nd
from ..dataset import Dataset, RecordFileDataset, _DownloadedDataset

__all__ = ["MNIST", "FashionMNIST", "CIFAR10", "CIFAR100", "ImageRecordDataset",
           "ImageFolderDataset"]


def _data_dir() -> str:
    return os.getenv("MXNET_HOME", os.path.join("~", ".mxnet"))


def _missing(root: str, names: list, what: str) -> FileNotFoundError:
    return FileNotFoundError(
        "%s: missing %s in %s. mxcompat does not download datasets: put the files there "
        "(the ones MXNet downloads)." % (what, ", ".join(names), root))


class MNIST(_DownloadedDataset):
    """MNIST digits: samples are (uint8 NDArray (28, 28, 1), int32 label)."""

    _files = {True: ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
              False: ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")}

    def __init__(self, root=os.path.join(_data_dir(), "datasets", "mnist"), train=True,
                 transform=None):
        self._train = train
        super().__init__(root, transform)

    def _open(self, name: str):
        gz = os.path.join(self._root, name + ".gz")
        if os.path.exists(gz):
            return gzip.open(gz, "rb")
        plain = os.path.join(self._root, name)
        if os.path.exists(plain):
            return open(plain, "rb")
        return None

    def _get_data(self):
        data_name, label_name = self._files[bool(self._train)]
        fl, fd = self._open(label_name), self._open(data_name)
        if fl is None or fd is None:
            names = [n + ".gz" for n, f in ((data_name, fd), (label_name, fl)) if f is None]
            for f in (fl, fd):
                if f is not None:
                    f.close()
            raise _missing(self._root, names, type(self).__name__)
        with fl:
            struct.unpack(">II", fl.read(8))
            label = np.frombuffer(fl.read(), dtype=np.uint8).astype(np.int32)
        with fd:
            struct.unpack(">IIII", fd.read(16))
            data = np.frombuffer(fd.read(), dtype=np.uint8).reshape(len(label), 28, 28, 1)
        self._data = nd.array(data, dtype=data.dtype)
        self._label = label


class FashionMNIST(MNIST):
    """Fashion-MNIST: the MNIST file layout and names, in another ``root``."""

    def __init__(self, root=os.path.join(_data_dir(), "datasets", "fashion-mnist"),
                 train=True, transform=None):
        super().__init__(root, train, transform)


class CIFAR10(_DownloadedDataset):
    """CIFAR-10 (binary version): samples are (uint8 NDArray (32, 32, 3), int32 label)."""

    _train_files = ["data_batch_%d.bin" % i for i in range(1, 6)]
    _test_files = ["test_batch.bin"]
    _label_bytes = 1

    def __init__(self, root=os.path.join(_data_dir(), "datasets", "cifar10"), train=True,
                 transform=None):
        self._train = train
        super().__init__(root, transform)

    def _read_batch(self, filename: str):
        n = self._label_bytes
        with open(filename, "rb") as fin:
            raw = np.frombuffer(fin.read(), dtype=np.uint8).reshape(-1, 3072 + n)
        return (raw[:, n:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1),
                raw[:, self._label_column()].astype(np.int32))

    def _label_column(self) -> int:
        return 0

    def _get_data(self):
        names = self._train_files if self._train else self._test_files
        missing = [n for n in names if not os.path.exists(os.path.join(self._root, n))]
        if missing:
            raise _missing(self._root, missing, type(self).__name__)
        parts = [self._read_batch(os.path.join(self._root, n)) for n in names]
        data = np.concatenate([p[0] for p in parts])
        label = np.concatenate([p[1] for p in parts])
        self._data = nd.array(data, dtype=data.dtype)
        self._label = label


class CIFAR100(CIFAR10):
    """CIFAR-100 (binary version); ``fine_label`` picks the 100 classes over the 20."""

    _train_files = ["train.bin"]
    _test_files = ["test.bin"]
    _label_bytes = 2

    def __init__(self, root=os.path.join(_data_dir(), "datasets", "cifar100"),
                 fine_label=False, train=True, transform=None):
        self._fine_label = fine_label
        super().__init__(root, train, transform)

    def _label_column(self) -> int:
        return 0 + self._fine_label


class ImageRecordDataset(RecordFileDataset):
    """Images packed in a RecordIO file: samples are (decoded HWC uint8 image, label)."""

    def __init__(self, filename: str, flag: int = 1, transform=None):
        super().__init__(filename)
        self._flag = flag
        self._transform = transform

    def __getitem__(self, idx):
        header, img = recordio.unpack(super().__getitem__(idx))
        img = image.imdecode(img, self._flag)
        if self._transform is not None:
            return self._transform(img, header.label)
        return img, header.label


class ImageFolderDataset(Dataset):
    """Images in ``root/<class name>/<file>``: samples are (image, class index).

    ``synsets`` lists the class names (sorted); ``items`` the (path, label) pairs.
    """

    def __init__(self, root: str, flag: int = 1, transform=None):
        self._root = os.path.expanduser(root)
        self._flag = flag
        self._transform = transform
        self._exts = [".jpg", ".jpeg", ".png"]
        self._list_images(self._root)

    def _list_images(self, root: str) -> None:
        self.synsets = []
        self.items = []
        for folder in sorted(os.listdir(root)):
            path = os.path.join(root, folder)
            if not os.path.isdir(path):
                warnings.warn("Ignoring %s, which is not a directory." % path, stacklevel=3)
                continue
            label = len(self.synsets)
            self.synsets.append(folder)
            for filename in sorted(os.listdir(path)):
                filename = os.path.join(path, filename)
                ext = os.path.splitext(filename)[1]
                if ext.lower() not in self._exts:
                    warnings.warn("Ignoring %s of type %s. Only support %s"
                                  % (filename, ext, ", ".join(self._exts)))
                    continue
                self.items.append((filename, label))

    def __getitem__(self, idx):
        img = image.imread(self.items[idx][0], self._flag)
        label = self.items[idx][1]
        if self._transform is not None:
            return self._transform(img, label)
        return img, label

    def __len__(self):
        return len(self.items)
