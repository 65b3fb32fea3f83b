class FrozenClock:
    def __init__(self, now: str) -> None:
        self.now = now
