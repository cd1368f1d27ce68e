"""JSON Schemas of the data format (private part of propstd.serialization).

The schema of a type is generated from the same rules the converter follows: records from
their attrs fields, variants with their constant tags, collections, enums with every word they
read. Types written by a custom hook have their schema in the `SCHEMAS` table of the part that
writes them; a class written as a private document class (a calendar) takes that class's schema.

Schemas are deterministic: properties in field order, `$defs` sorted by name, so a generated
schema can be kept in the docs and compared.
"""

from __future__ import annotations

import copy
import enum
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from propstd.serialization._records import (
    TAG,
    implementation,
    tag_of,
    variants_of,
)
from propstd.serialization._scalars import is_enum, words

__all__: list[str] = []

DRAFT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]


class Builder:
    """Builds one schema: definitions of records are shared through `$defs`."""

    def __init__(
        self,
        schemas: Mapping[Any, Mapping[str, Any]],
        written_as: Mapping[Any, Any],
        candidates: Sequence[type],
    ) -> None:
        self.schemas = schemas
        self.written_as = written_as
        self.candidates = candidates
        self.defs: dict[str, Schema] = {}
        self.names: dict[Any, str] = {}

    def document(self, tp: Any) -> Schema:
        """The whole schema of *tp*: the root record inline, the others in `$defs`."""
        root = self.schema(tp)
        ref = root.get("$ref", "")
        if len(root) == 1 and ref.startswith("#/$defs/"):
            root = self.defs.pop(ref.removeprefix("#/$defs/"))
            _point_refs_at_root(root, ref)
            for body in self.defs.values():
                _point_refs_at_root(body, ref)
        out: Schema = {"$schema": DRAFT, **root}
        if self.defs:
            out["$defs"] = dict(sorted(self.defs.items()))
        return out

    def schema(self, tp: Any) -> Schema:
        """The schema of *tp* (a `$ref` for a record)."""
        if tp in self.schemas:
            return self._named(copy.deepcopy(dict(self.schemas[tp])))
        if tp in self.written_as:  # a union of document forms: exactly one of them
            forms = typing.get_args(self.written_as[tp]) or (self.written_as[tp],)
            return {"oneOf": [self.schema(form) for form in forms]}
        if tp is Any or tp is None:
            return {}
        if hasattr(tp, "__supertype__"):  # a NewType
            return self.schema(tp.__supertype__)
        if is_enum(tp):
            return _enum(tp)
        if typing.get_origin(tp) is typing.Literal:
            return {"enum": list(typing.get_args(tp))}
        tags = variants_of(tp)
        if tags is not None:
            return self._variants(tp, tags)
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            return {"anyOf": [self.schema(a) for a in typing.get_args(tp)]}
        return self._composite(tp)

    def _named(self, schema: Schema) -> Schema:
        """A schema with a title (an instant, a decimal) is defined once, in `$defs`."""
        name = schema.get("title")
        if name is None:
            return schema
        if self.defs.get(name, schema) != schema:  # a record of that name came first
            name = f"propstd.{name}"
        self.defs.setdefault(name, schema)
        return {"$ref": f"#/$defs/{name}"}

    def _composite(self, tp: Any) -> Schema:
        origin = typing.get_origin(tp) or tp
        args = typing.get_args(tp)
        if origin in (tuple, list, Sequence, set, frozenset):
            if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
                items = [self.schema(a) for a in args]
                return {
                    "type": "array",
                    "prefixItems": items,
                    "items": False,
                    "minItems": len(args),
                }
            return {"type": "array", "items": self.schema(args[0]) if args else {}}
        if origin in (dict, Mapping):
            return self._mapping(args)
        impl = implementation(tp, self.candidates)
        if impl is not None:
            return self.schema(impl)
        if isinstance(tp, type) and attrs.has(tp):
            return self._record(tp)
        msg = f"json_schema() knows no data format for {tp!r}"
        raise TypeError(msg)

    def _mapping(self, args: tuple[Any, ...]) -> Schema:
        out: Schema = {"type": "object"}
        if len(args) == 2:
            keys = self.schema(args[0])
            if set(keys) - {"type"}:  # an enum or a pattern says which keys are read
                out["propertyNames"] = keys
            out["additionalProperties"] = self.schema(args[1])
        else:
            out["additionalProperties"] = {}
        return out

    def _variants(self, tp: Any, tags: Mapping[str, type]) -> Schema:
        forms = [self.schema(cl) for cl in tags.values()]
        if type(None) in typing.get_args(tp):
            forms.append({"type": "null"})
        return {"oneOf": forms}

    def _record(self, cl: type) -> Schema:
        if cl.__name__.startswith("_"):  # a private document class: inline, untitled
            return self._body(cl)
        if cl not in self.names:
            name = cl.__qualname__
            if name in self.defs or name in self.names.values():
                name = f"{cl.__module__}.{cl.__qualname__}"
            self.names[cl] = name
            self.defs[name] = {}  # placeholder: a recursive type refers to it
            self.defs[name] = self._body(cl)
        return {"$ref": f"#/$defs/{self.names[cl]}"}

    def _body(self, cl: type) -> Schema:
        properties: Schema = {}
        required: list[str] = []
        tag = tag_of(cl)
        if tag is not None:
            properties[TAG] = {"const": tag}
            required.append(TAG)
        for a in attrs.fields(attrs.resolve_types(cl)):
            if not a.init:
                continue
            properties[a.alias] = self.schema(a.type)
            if a.default is attrs.NOTHING:
                required.append(a.alias)
        body: Schema = {"type": "object"}
        if not cl.__name__.startswith("_"):
            body["title"] = cl.__name__
            summary = (cl.__doc__ or "").strip().split("\n\n")[0]
            if summary:
                body["description"] = " ".join(summary.split())
        body.update(properties=properties, required=required, additionalProperties=False)
        return body


def _enum(cl: type[enum.Enum]) -> Schema:
    if issubclass(cl, str):
        return {"type": "string", "enum": words(cl)}
    return {"enum": [m.value for m in cl]}


def _point_refs_at_root(node: object, ref: str) -> None:
    """Replace `{"$ref": ref}` by `{"$ref": "#"}` inside *node* (the root moved out of $defs)."""
    if isinstance(node, dict):
        if node.get("$ref") == ref:
            node["$ref"] = "#"
        for value in node.values():
            _point_refs_at_root(value, ref)
    elif isinstance(node, list):
        for value in node:
            _point_refs_at_root(value, ref)
