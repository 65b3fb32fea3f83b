import pkg
import pkg.impl as impl_mod
from pkg import _load

print(_load("a"), pkg._load("b"), impl_mod._load("c"))
