class AppError(Exception):
    status_code = 500


class ValidationError(AppError):
    status_code = 400
