def _helper():
    return "another module's _helper is not touched"


print(_helper())
