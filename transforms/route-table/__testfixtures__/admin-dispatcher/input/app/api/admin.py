"""Lambda entry point for the HTTP API.

One function serves every ``/v1`` route behind API Gateway (proxy integration).
``handle_request`` picks the handler for the request path and ``_safe_handler``
turns exceptions into JSON error responses.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from app.api.assets.admin_assets import handle_admin_assets_request
from app.api.assets.public_assets import handle_public_assets_request
from app.api.assets.share_assets import handle_share_assets_request
from app.api.assets.user_assets import handle_user_assets_request
from app.api.public_reservations import handle_public_reservation
from app.exceptions import AppError
from app.utils.logging import bind_request_id, configure_logging
from app.utils.responses import json_response

logger = logging.getLogger(__name__)

RouteHandler = Callable[[], dict[str, Any]]


def _safe_handler(event: dict[str, Any], handler: RouteHandler) -> dict[str, Any]:
    try:
        return handler()
    except AppError as exc:
        if exc.status_code >= 500:
            logger.error("Request failed: %s", exc.message)
        return json_response(exc.status_code, exc.to_dict(), event=event)
    except ValueError as exc:
        return json_response(400, {"error": str(exc)}, event=event)
    except Exception as exc:
        logger.exception("Unhandled error while processing %s", event.get("path"))
        return json_response(
            500, {"error": "Internal server error", "detail": str(exc)}, event=event
        )


def _match_handler(*, event: dict[str, Any], method: str, path: str) -> Optional[RouteHandler]:
    if _is_public_reservation_path(path):
        return lambda: _handle_public_reservation(event, method)
    if _is_admin_assets_path(path):
        return lambda: handle_admin_assets_request(event, method, path)
    if _is_user_assets_path(path):
        return lambda: handle_user_assets_request(event, method, path)
    if _is_share_assets_path(path):
        return lambda: handle_share_assets_request(event, method, path)
    if _is_public_assets_path(path):
        return lambda: handle_public_assets_request(event, method, path)
    return None


def _is_public_reservation_path(path: str) -> bool:
    normalized = path.rstrip("/")
    return normalized == "/v1/reservations"


def _is_admin_assets_path(path: str) -> bool:
    normalized = path.rstrip("/")
    return normalized == "/v1/admin/assets" or normalized.startswith("/v1/admin/assets/")


def _is_user_assets_path(path: str) -> bool:
    normalized = path.rstrip("/")
    return normalized == "/v1/user/assets" or normalized.startswith("/v1/user/assets/")


def _is_share_assets_path(path: str) -> bool:
    normalized = path.rstrip("/")
    return normalized == "/v1/assets/share" or normalized.startswith("/v1/assets/share/")


def _is_public_assets_path(path: str) -> bool:
    normalized = path.rstrip("/")
    if normalized == "/v1/assets/public" or normalized.startswith("/v1/assets/public/"):
        return True
    # Pre-2024 URL, still embedded in partner widgets.
    return normalized == "/v1/public/assets" or normalized.startswith("/v1/public/assets/")


def _handle_public_reservation(event: dict[str, Any], method: str) -> dict[str, Any]:
    # The reservation form is a single endpoint without sub-resources.
    if method != "POST":
        return json_response(
            405, {"error": "Method not allowed"}, event=event, headers={"Allow": "POST"}
        )
    return handle_public_reservation(event)


def handle_request(event: dict[str, Any]) -> dict[str, Any]:
    """Route one API Gateway proxy event and return the proxy response."""
    method = str(event.get("httpMethod") or "GET").upper()
    path = str(event.get("path") or "/")
    handler = _match_handler(event=event, method=method, path=path)
    if handler is None:
        return json_response(404, {"error": "Not found"}, event=event)
    return _safe_handler(event, handler)


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    configure_logging()
    bind_request_id(event, context)
    logger.info(
        "Handling request",
        extra={"fields": {"method": event.get("httpMethod"), "path": event.get("path")}},
    )
    return handle_request(event)
