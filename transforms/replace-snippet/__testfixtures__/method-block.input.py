class Cache:
    def get(self, key):
        entry = self._entries.get(key)
        if entry is None:
            return None
        return entry.value
