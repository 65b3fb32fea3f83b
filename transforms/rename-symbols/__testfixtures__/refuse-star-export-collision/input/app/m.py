def _shared():
    return 1


def helper():
    return _shared()
