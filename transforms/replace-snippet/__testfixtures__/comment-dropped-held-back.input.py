def load(cfg):
    values = fetch(cfg['url'],  # the endpoint
                   timeout = 5,)
    return values
