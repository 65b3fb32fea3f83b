def _util():
    return 1
