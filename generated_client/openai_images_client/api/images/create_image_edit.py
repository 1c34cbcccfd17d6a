from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_image_edit_request import CreateImageEditRequest
from ...models.edit_image_body_json_param import EditImageBodyJsonParam
from ...models.error_response import ErrorResponse
from ...models.images_response import ImagesResponse
from ...runtime import Operation, http_status
from ...types import Response


def _get_kwargs(
    *,
    body: CreateImageEditRequest | EditImageBodyJsonParam,
    body_dict: dict[str, Any] | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/images/edits",
    }

    if isinstance(body, CreateImageEditRequest):
        _kwargs["files"] = body.to_multipart()

    if isinstance(body, EditImageBodyJsonParam):
        _kwargs["json"] = body.to_dict() if body_dict is None else body_dict
        headers["Content-Type"] = "application/json"

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
    body: CreateImageEditRequest | EditImageBodyJsonParam,
) -> Response[ErrorResponse | ImagesResponse]:
    """Creates an edited or extended image given one or more source images and a prompt. This endpoint
    supports GPT Image models (`gpt-image-1.5`, `gpt-image-1`, `gpt-image-1-mini`, and `chatgpt-image-
    latest`) and `dall-e-2`.

     You can call this endpoint with either:

    - `multipart/form-data`: use binary uploads via `image` (and optional `mask`).
    - `application/json`: use `images` (and optional `mask`) as references with either `image_url` or
    `file_id`.

    Note that JSON requests use `images` (array) instead of the multipart `image` field.

    Args:
        body (CreateImageEditRequest):
        body (EditImageBodyJsonParam): JSON request body for image edits.

            Use `images` (array of `ImageRefParam`) instead of multipart `image` uploads.
            You can reference images via external URLs, data URLs, or uploaded file IDs.
            JSON edits support GPT image models only; DALL-E edits require multipart (`dall-e-2`
            only).

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
    body: CreateImageEditRequest | EditImageBodyJsonParam,
) -> ErrorResponse | ImagesResponse | None:
    """Creates an edited or extended image given one or more source images and a prompt. This endpoint
    supports GPT Image models (`gpt-image-1.5`, `gpt-image-1`, `gpt-image-1-mini`, and `chatgpt-image-
    latest`) and `dall-e-2`.

     You can call this endpoint with either:

    - `multipart/form-data`: use binary uploads via `image` (and optional `mask`).
    - `application/json`: use `images` (and optional `mask`) as references with either `image_url` or
    `file_id`.

    Note that JSON requests use `images` (array) instead of the multipart `image` field.

    Args:
        body (CreateImageEditRequest):
        body (EditImageBodyJsonParam): JSON request body for image edits.

            Use `images` (array of `ImageRefParam`) instead of multipart `image` uploads.
            You can reference images via external URLs, data URLs, or uploaded file IDs.
            JSON edits support GPT image models only; DALL-E edits require multipart (`dall-e-2`
            only).

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
    body: CreateImageEditRequest | EditImageBodyJsonParam,
) -> Response[ErrorResponse | ImagesResponse]:
    """Creates an edited or extended image given one or more source images and a prompt. This endpoint
    supports GPT Image models (`gpt-image-1.5`, `gpt-image-1`, `gpt-image-1-mini`, and `chatgpt-image-
    latest`) and `dall-e-2`.

     You can call this endpoint with either:

    - `multipart/form-data`: use binary uploads via `image` (and optional `mask`).
    - `application/json`: use `images` (and optional `mask`) as references with either `image_url` or
    `file_id`.

    Note that JSON requests use `images` (array) instead of the multipart `image` field.

    Args:
        body (CreateImageEditRequest):
        body (EditImageBodyJsonParam): JSON request body for image edits.

            Use `images` (array of `ImageRefParam`) instead of multipart `image` uploads.
            You can reference images via external URLs, data URLs, or uploaded file IDs.
            JSON edits support GPT image models only; DALL-E edits require multipart (`dall-e-2`
            only).

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
    body: CreateImageEditRequest | EditImageBodyJsonParam,
) -> ErrorResponse | ImagesResponse | None:
    """Creates an edited or extended image given one or more source images and a prompt. This endpoint
    supports GPT Image models (`gpt-image-1.5`, `gpt-image-1`, `gpt-image-1-mini`, and `chatgpt-image-
    latest`) and `dall-e-2`.

     You can call this endpoint with either:

    - `multipart/form-data`: use binary uploads via `image` (and optional `mask`).
    - `application/json`: use `images` (and optional `mask`) as references with either `image_url` or
    `file_id`.

    Note that JSON requests use `images` (array) instead of the multipart `image` field.

    Args:
        body (CreateImageEditRequest):
        body (EditImageBodyJsonParam): JSON request body for image edits.

            Use `images` (array of `ImageRefParam`) instead of multipart `image` uploads.
            You can reference images via external URLs, data URLs, or uploaded file IDs.
            JSON edits support GPT image models only; DALL-E edits require multipart (`dall-e-2`
            only).

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
    from ...models.image_edit_completed_event import ImageEditCompletedEvent
    from ...models.image_edit_partial_image_event import ImageEditPartialImageEvent

    return {
        "image_edit.partial_image": ImageEditPartialImageEvent.from_dict,
        "image_edit.completed": ImageEditCompletedEvent.from_dict,
    }


OPERATION = Operation(
    operation_id="createImageEdit",
    method="post",
    path="/images/edits",
    get_kwargs=_get_kwargs,
    parse_response=_parse_response,
    stream_events=_stream_events,
    stream_discriminator="type",
)
"""This operation as the generated API classes use it."""
