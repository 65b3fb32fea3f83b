slugify = None
