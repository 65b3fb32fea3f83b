from fastapi.middleware.cors import CORSMiddleware


def create_app(app, settings):
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.origins,
        allow_credentials=True,
        allow_methods=["GET", "POST", "PUT", "DELETE", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type", "Accept"],
    )
    return app


class CORSSettings:
    # The settings' own permissive defaults are not the middleware call: they stay.
    allow_methods = ["*"]
    allow_headers: list[str] = ["*"]
