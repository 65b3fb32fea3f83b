def _a():
    pass


def _b():
    pass
