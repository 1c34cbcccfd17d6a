from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import Response

if TYPE_CHECKING:
    import httpx

from typing import Self

T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """
    Attributes:
        error (Error):
    """

    error: Error
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _exchange: tuple[httpx.Response, float | None] | None = _attrs_field(
        default=None, init=False, repr=False, eq=False
    )
    """The HTTP answer this model was parsed from and the seconds the call took, when it came from an API call."""

    def to_dict(self) -> dict[str, Any]:
        error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = Error.from_dict(d.pop("error"))

        error_response = cls(
            error=error,
        )

        error_response.additional_properties = d
        return error_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    def model_dump(self) -> dict[str, Any]:
        """The model as a dict of JSON values (the official SDK's name for ``to_dict``)."""
        return self.to_dict()

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """The model as a JSON document (the official SDK's name)."""
        import json as _json

        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @property
    def request_id(self) -> str | None:
        """The ``x-request-id`` of the HTTP exchange this answer came from (None when it did not come from one)."""
        return (
            self._exchange[0].headers.get("x-request-id")
            if self._exchange is not None
            else None
        )

    @property
    def _request_id(self) -> str | None:
        """``request_id`` by the official SDK's name."""
        return self.request_id

    @property
    def _response(self) -> Response[Any] | None:
        """The HTTP exchange this model was parsed from (status, headers, raw bytes, request id, elapsed
        time), when it came from an API call. Made when asked for: a call does not pay for it, and the
        model and its exchange do not keep each other alive."""
        if self._exchange is None:
            return None
        from ..runtime import exchange

        http_response, elapsed = self._exchange
        return exchange(http_response, self, elapsed)


# The models this one nests: imported once its class exists, so that models that refer to each
# other load in either order, and once per process rather than in every to_dict/from_dict call.
from ..models.error import Error
