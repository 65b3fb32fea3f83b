def _fetch():
    return 0


def _other():
    return 0
