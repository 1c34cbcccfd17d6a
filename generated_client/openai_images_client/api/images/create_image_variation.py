from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_image_variation_request import CreateImageVariationRequest
from ...models.error_response import ErrorResponse
from ...models.images_response import ImagesResponse
from ...runtime import Operation, http_status
from ...types import Response


def _get_kwargs(
    *,
    body: CreateImageVariationRequest,
    body_dict: dict[str, Any] | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/images/variations",
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ImagesResponse | None:
    if response.status_code == 200:
        response_200 = ImagesResponse.from_dict(response.json())

        return response_200

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorResponse.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorResponse.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ImagesResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
        http_response=response,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateImageVariationRequest,
) -> Response[ErrorResponse | ImagesResponse]:
    """Creates a variation of a given image. This endpoint only supports `dall-e-2`.

    Args:
        body (CreateImageVariationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ImagesResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateImageVariationRequest,
) -> ErrorResponse | ImagesResponse | None:
    """Creates a variation of a given image. This endpoint only supports `dall-e-2`.

    Args:
        body (CreateImageVariationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ImagesResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateImageVariationRequest,
) -> Response[ErrorResponse | ImagesResponse]:
    """Creates a variation of a given image. This endpoint only supports `dall-e-2`.

    Args:
        body (CreateImageVariationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ImagesResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateImageVariationRequest,
) -> ErrorResponse | ImagesResponse | None:
    """Creates a variation of a given image. This endpoint only supports `dall-e-2`.

    Args:
        body (CreateImageVariationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ImagesResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed


@functools.cache
def _stream_events() -> Mapping[str, Callable[[Mapping[str, Any]], Any]]:
    """Decoders of this operation's stream events, by discriminator value (imported on first use, once)."""

    return {}


OPERATION = Operation(
    operation_id="createImageVariation",
    method="post",
    path="/images/variations",
    get_kwargs=_get_kwargs,
    parse_response=_parse_response,
    stream_events=_stream_events,
    stream_discriminator="type",
)
"""This operation as the generated API classes use it."""
