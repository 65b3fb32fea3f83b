class Greeter:
    def greet(self, name):
        """Saluer « name »."""
        message = f"héllo, {name} 👋"
        return message.strip()

    def bye(self):
        return "👋"
