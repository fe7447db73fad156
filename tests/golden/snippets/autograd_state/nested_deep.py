from mxnet import autograd

def show(tag):
    print(tag, autograd.is_recording(), autograd.is_training())

with autograd.record():
    show('L1 record')
    with autograd.pause():
        show('L2 pause')
        with autograd.record(train_mode=False):
            show('L3 record(False)')
            with autograd.train_mode():
                show('L4 train_mode')
                with autograd.pause(train_mode=True):
                    show('L5 pause(True)')
                show('L4 again')
            show('L3 again')
        show('L2 again')
    show('L1 again')
show('top')
