import pkg
import pkg.impl as impl_mod
from pkg import load

print(load("a"), pkg.load("b"), impl_mod.load("c"))
