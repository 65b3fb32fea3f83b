def _x():
    pass
