from app.settings import REGION


def _arn(name: str) -> str:
    return f"arn:aws:sqs:{REGION}:000000000000:{name}"


def lambda_handler(event: dict, context: object) -> str:
    return _arn(event["queue"])
