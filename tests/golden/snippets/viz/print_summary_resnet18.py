import mxnet as mx

net = mx.gluon.model_zoo.vision.resnet18_v1(classes=10)
sym = net(mx.sym.var("data"))
mx.viz.print_summary(sym, shape={"data": (1, 3, 32, 32)})
