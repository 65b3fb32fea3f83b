def greet(name):
    # « bonjour » — dit le serveur
    message = f"héllo, {name} 👋"
    return message.strip()
