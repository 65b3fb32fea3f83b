def greet(name):
    # « bonjour » — dit le serveur
    message = "héllo " + name
    return message
