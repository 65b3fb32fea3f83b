class Cache:
    def get(self, key):
        entry = self._entries.get(key)
        if entry is None or entry.expired():
            self._entries.pop(key, None)
            return None
        return entry.value
