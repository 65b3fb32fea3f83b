def load(cfg):
    values = fetch(
        cfg["url"],
        timeout=5,
        retries=3,
    )
    return values
