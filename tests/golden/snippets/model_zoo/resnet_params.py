import mxnet as mx
from mxnet.gluon.model_zoo import vision

for name in ("resnet18_v1", "resnet50_v1", "resnet18_v2", "resnet101_v2"):
    net = vision.get_model(name, classes=7)
    net.initialize(mx.init.One())
    out = net(mx.nd.ones((1, 3, 32, 32)))
    params = net.collect_params()
    print(name, out.shape, len(list(params.keys())), sum(p.data().size for p in params.values()))
    for k, p in list(params.items())[:6] + list(params.items())[-4:]:
        print(" ", k, p.shape)
