class Greeter:
    def greet(self, name):
        """Saluer « name »."""
        return "héllo " + name

    def bye(self):
        return "👋"
