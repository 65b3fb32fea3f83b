class RedisFactory:
    def close(self) -> None:
        pass


def get_redis_factory() -> RedisFactory:
    return RedisFactory()
