from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImageRefParam")


@_attrs_define
class ImageRefParam:
    """Reference an input image by either URL or uploaded file ID.
    Provide exactly one of `image_url` or `file_id`.

        Attributes:
            image_url (str | Unset): A fully qualified URL or base64-encoded data URL. Example: https://example.com/source-
                image.png.
            file_id (str | Unset): The File API ID of an uploaded image to use as input. Example: file-abc123.
    """

    image_url: str | Unset = UNSET
    file_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}

        if not isinstance(self.image_url, Unset):
            field_dict["image_url"] = self.image_url
        if not isinstance(self.file_id, Unset):
            field_dict["file_id"] = self.file_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        image_url = d.pop("image_url", UNSET)

        file_id = d.pop("file_id", UNSET)

        image_ref_param = cls(
            image_url=image_url,
            file_id=file_id,
        )

        return image_ref_param

    def model_dump(self) -> dict[str, Any]:
        """The model as a dict of JSON values (the official SDK's name for ``to_dict``)."""
        return self.to_dict()

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """The model as a JSON document (the official SDK's name)."""
        import json as _json

        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)
