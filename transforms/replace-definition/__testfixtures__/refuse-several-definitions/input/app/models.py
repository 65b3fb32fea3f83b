class A:
    def save(self):
        return 1


class B:
    def save(self):
        return 2
