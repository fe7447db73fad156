import threading
from mxnet import autograd
seen = []

def worker():
    seen.append((autograd.is_recording(), autograd.is_training()))
    autograd.set_recording(True)
    seen.append((autograd.is_recording(), autograd.is_training()))

with autograd.record():
    t = threading.Thread(target=worker)
    t.start()
    t.join()
    print('main', autograd.is_recording(), autograd.is_training())
print('thread', seen)
print('main after', autograd.is_recording(), autograd.is_training())
