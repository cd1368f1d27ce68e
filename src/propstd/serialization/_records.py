"""The data format of records, collections and variants (private part of propstd.serialization).

- attrs classes ↔ objects keyed by their init names (aliases); with `forbid_extra_keys`,
  unknown keys are refused; missing required keys are reported; errors raised by the class
  itself are placed at the field their `field` names.
- **Variants.** A class with a string class attribute `kind` (an enum member, say) is a
  variant: it is written with `{"type": kind, ...}` first, even alone, and reads with or
  without that tag. A field typed with a union of variants, or with a base class whose
  subclasses are variants (`Event` → `Received | Paused | ...`), is a tagged union: the tag
  picks the class. Tags are data (`EventKind.PAUSED`), never class names.
- tuples, lists and sets ↔ JSON lists (only lists are read: a string is no list of
  characters; sets are written sorted); mappings ↔ JSON objects whose keys are written as
  strings (two keys naming one enum member are refused).
- a field typed with a protocol (`calendars.WorkingDays`) reads as the propstd class that
  implements it (`WorkingCalendar`) and writes whatever value it holds, if propstd can write it.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Mapping, MutableSequence, Sequence
from typing import Any

import attrs
import cattrs
import cattrs.gen
from cattrs.cols import homogenous_tuple_structure_factory, list_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.strategies import configure_tagged_union

from propstd._repr import shown
from propstd.errors import InvalidValueError
from propstd.serialization._paths import at_key
from propstd.serialization._scalars import refuse

__all__: list[str] = []

TAG = "type"
"""The key that holds a variant's tag."""

# -- variants ------------------------------------------------------------------------------


def tag_of(cl: Any) -> str | None:
    """The tag of a variant class (its `kind` class attribute), or `None`."""
    if not (isinstance(cl, type) and attrs.has(cl)) or "kind" in attrs.fields_dict(cl):
        return None
    kind = getattr(cl, "kind", None)
    return str(kind.value if hasattr(kind, "value") else kind) if isinstance(kind, str) else None


def _members(tp: Any) -> list[type]:
    """The variant classes of a tagged union type (`[]` for any other type)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = [m for m in typing.get_args(tp) if m is not type(None)]
        if len(members) < 2 or any(tag_of(m) is None for m in members):
            return []
        return members
    if isinstance(tp, type) and attrs.has(tp) and tag_of(tp) is None:
        return [c for c in _subclasses(tp) if tag_of(c) is not None]
    return []


def variants_of(tp: Any) -> dict[str, type] | None:
    """Tag → class of a tagged union: a union of variants, or a base class with variant
    subclasses; `None` for any other type.

    Raises:
        TypeError: two variants have one tag.
    """
    tags: dict[str, type] = {}
    for member in _members(tp):
        tag = tag_of(member)
        assert tag is not None
        if tags.setdefault(tag, member) is not member:
            msg = f"{member.__name__} and {tags[tag].__name__} have one tag {tag!r}"
            raise TypeError(msg)
    return tags or None


def _subclasses(cl: type) -> list[type]:
    """Every attrs subclass of *cl* (not the classes attrs replaced by slotted copies)."""
    out: list[type] = []
    sub: type
    for sub in cl.__subclasses__():
        if "__attrs_attrs__" in vars(sub):
            out += [sub, *_subclasses(sub)]
    return list(dict.fromkeys(out))


def _is_variants(tp: Any) -> bool:
    return bool(_members(tp))  # a predicate never raises: cattrs would skip it silently


def _structure_variants(
    tp: Any, converter: cattrs.Converter, handed_over: set[Any]
) -> Callable[..., Any]:
    """Read a tagged union: check the tag, then let cattrs' tagged-union strategy pick."""
    tags = variants_of(tp)
    assert tags is not None
    union: Any = typing.Union[tuple(tags.values())]  # noqa: UP007 - built at run time
    if len(tags) > 1 and union not in handed_over:
        handed_over.add(union)  # from now on cattrs' strategy reads this union
        by_class = {cl: tag for tag, cl in tags.items()}
        configure_tagged_union(union, converter, tag_generator=by_class.__getitem__, tag_name=TAG)
        # writing stays ours: it refuses a value of no member class with a TypeError
        converter.register_unstructure_hook(union, _unstructure_variants_factory(union, converter))
    tagged = converter.get_structure_hook(union)
    choices = ", ".join(repr(t) for t in tags)
    nullable = type(None) in typing.get_args(tp)

    def structure(value: object, _cl: object) -> Any:
        if value is None and nullable:
            return None
        obj = _mapping(value, f"an object with a {TAG!r} key, one of {choices}")
        if TAG not in obj:
            raise at_key(TAG, KeyError(TAG), tp)
        tag = obj[TAG]
        if not isinstance(tag, str) or tag not in tags:
            problem = InvalidValueError(f"expected one of {choices}, got {shown(tag)}", value=tag)
            raise at_key(TAG, problem, tp)
        return tagged(obj if isinstance(obj, dict) else dict(obj), union)  # it copies

    return structure


def _unstructure_variants_factory(tp: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    tags = variants_of(tp)
    assert tags is not None
    hooks: dict[Any, Callable[[Any], Any]] = {
        cl: converter.get_unstructure_hook(cl) for cl in tags.values()
    }
    if type(None) in typing.get_args(tp):
        hooks[type(None)] = lambda _none: None

    def unstructure(value: Any) -> Any:
        hook = hooks.get(type(value))
        if hook is None:
            names = ", ".join(c.__name__ for c in tags.values())
            msg = f"expected one of {names}, got {shown(value)}"
            raise TypeError(msg)
        return hook(value)

    return unstructure


# -- attrs classes -------------------------------------------------------------------------


def _is_record(tp: Any) -> bool:
    return isinstance(tp, type) and attrs.has(tp) and not _is_variants(tp)


def _structure_record_factory(cl: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    base = cattrs.gen.make_dict_structure_fn(cl, converter, _cattrs_use_alias=True)
    allowed = {a.alias for a in attrs.fields(cl) if a.init}
    tag = tag_of(cl)
    if tag is not None and TAG in attrs.fields_dict(cl):
        msg = f"variant {cl.__name__} has a field named {TAG!r}, the key of its tag"
        raise TypeError(msg)

    def structure(value: object, _cl: object) -> Any:
        obj = _mapping(value, f"an object (a {cl.__name__})")
        if tag is not None and TAG in obj:
            if obj[TAG] != tag:
                problem = InvalidValueError(
                    f"expected {tag!r}, got {shown(obj[TAG])}", value=obj[TAG]
                )
                raise at_key(TAG, problem, cl)
            obj = {k: v for k, v in obj.items() if k != TAG}
        extra = set(obj) - allowed
        if not extra or not converter.forbid_extra_keys:
            return base(obj, cl)
        # report the unknown keys *and* every problem of the known ones, all at once
        unknown = ForbiddenExtraKeysError("", cl, extra)
        try:
            base({k: v for k, v in obj.items() if k in allowed}, cl)
        except Exception as exc:  # the known keys' problems, reported with the unknown ones
            found = list(exc.exceptions) if isinstance(exc, ClassValidationError) else [exc]
            where = f"While structuring {cl.__name__}"
            raise ClassValidationError(where, [unknown, *found], cl) from None
        raise unknown

    return structure


def _unstructure_record_factory(cl: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    base = cattrs.gen.make_dict_unstructure_fn(
        cl,
        converter,
        _cattrs_use_alias=True,
        _cattrs_omit_if_default=converter.omit_if_default,
    )
    tag = tag_of(cl)
    if tag is None:
        return base

    def unstructure(value: Any) -> Any:
        return {TAG: tag, **base(value)}

    return unstructure


def _mapping(value: object, what: str) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        refuse(what, value)
    return value


# -- collections ---------------------------------------------------------------------------


def _origin(tp: Any) -> Any:
    return typing.get_origin(tp) or tp


def _fixed(tp: Any) -> tuple[Any, ...] | None:
    """The item types of a fixed-length tuple type (`tuple[int, str]`), else `None`."""
    args = typing.get_args(tp)
    if _origin(tp) is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
        return args
    return None


def _is_list(tp: Any) -> bool:
    return _origin(tp) in (tuple, list, Sequence, MutableSequence, set, frozenset)


def _is_mapping(tp: Any) -> bool:
    return _origin(tp) in (dict, Mapping)


def _structure_list_factory(tp: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    fixed = _fixed(tp)
    origin = _origin(tp)
    args = typing.get_args(tp)
    if fixed is not None:
        inner = cattrs.gen.make_hetero_tuple_structure_fn(tp, converter)
    elif origin in (set, frozenset):
        items = list_structure_factory(list[args[0]] if args else list, converter)  # type: ignore[valid-type]
        inner = lambda value, _t: origin(items(value, list))  # noqa: E731
    elif origin in (list, MutableSequence):
        inner = list_structure_factory(list[args[0]] if args else list, converter)  # type: ignore[valid-type]
    else:
        inner = homogenous_tuple_structure_factory(tp, converter)

    def structure(value: object, _cl: object) -> Any:
        if not isinstance(value, list | tuple):
            refuse("a list", value)
        if fixed is not None and len(value) != len(fixed):
            msg = f"expected a list of {len(fixed)} items, got {len(value)}"
            raise InvalidValueError(msg, value=value)
        return inner(value, tp)

    return structure


def _unstructure_list_factory(tp: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    fixed = _fixed(tp)
    args = typing.get_args(tp)
    if fixed is not None:
        hooks = [converter.get_unstructure_hook(a) for a in fixed]
        return lambda value: [h(v) for h, v in zip(hooks, value, strict=True)]
    hook = converter.get_unstructure_hook(args[0]) if args else converter.unstructure
    if _origin(tp) in (set, frozenset):
        return lambda value: sorted((hook(v) for v in value), key=_sort_key)
    return lambda value: [hook(v) for v in value]


def _sort_key(data: object) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _structure_mapping_factory(tp: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    args = typing.get_args(tp)
    key_type = args[0] if len(args) == 2 else Any
    inner = cattrs.gen.make_mapping_structure_fn(tp, converter)
    key_hook = converter.get_structure_hook(key_type)

    def structure(value: object, _cl: object) -> Any:
        obj = _mapping(value, "an object")
        result = inner(obj, tp)
        if len(result) != len(obj):  # two keys name one member (`"急修"`, `"emergency"`)
            _refuse_repeated_keys(obj, key_hook, key_type, tp)
        return result

    return structure


def _refuse_repeated_keys(obj: Mapping[Any, Any], hook: Any, key_type: Any, tp: Any) -> None:
    seen: dict[Any, Any] = {}
    errors: list[Exception] = []
    for raw in obj:
        key = hook(raw, key_type)
        if key in seen:
            msg = f"names the same key as {shown(seen[key])}"
            error = InvalidValueError(msg, value=raw)
            error.add_note(IterableValidationNote(f"key {shown(raw)}", raw, key_type))
            errors.append(error)
        seen.setdefault(key, raw)
    msg = "While reading an object with repeated keys"
    raise IterableValidationError(msg, errors, tp)


def _unstructure_mapping_factory(tp: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    args = typing.get_args(tp)
    key_hook, value_hook = (
        [converter.get_unstructure_hook(a) for a in args]
        if len(args) == 2
        else [converter.unstructure] * 2
    )

    def unstructure(value: Mapping[Any, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, item in value.items():
            written = key_hook(key)
            if not isinstance(written, str):
                msg = f"object keys are strings in JSON, got the key {shown(key)}"
                raise TypeError(msg)
            out[written] = value_hook(item)
        return out

    return unstructure


# -- protocols -----------------------------------------------------------------------------


def _protocol_members(protocol: type) -> set[str]:
    names = set(getattr(protocol, "__annotations__", {}))
    names |= {n for n in vars(protocol) if not n.startswith("_")}
    return names


def implementation(protocol: Any, candidates: Sequence[type]) -> type | None:
    """The first of *candidates* that has every member of *protocol*, or `None`."""
    if not getattr(protocol, "_is_protocol", False):
        return None
    members = _protocol_members(protocol)
    return next((c for c in candidates if all(hasattr(c, m) for m in members)), None)


def configure_protocols(converter: cattrs.Converter, candidates: Sequence[type]) -> None:
    """Read a field typed with a protocol as the first of *candidates* that implements it."""

    def structure_factory(tp: Any, converter: cattrs.Converter) -> Callable[..., Any]:
        cl = implementation(tp, candidates)
        assert cl is not None
        return converter.get_structure_hook(cl)

    converter.register_structure_hook_factory(
        lambda tp: implementation(tp, candidates) is not None, structure_factory
    )


# -- configure -----------------------------------------------------------------------------


# -- unions of different kinds (a figure: Rate | Money | int | Decimal) ----------------------


def _is_mixed_union(tp: Any) -> bool:
    if typing.get_origin(tp) not in (typing.Union, types.UnionType) or _is_variants(tp):
        return False
    return len([m for m in typing.get_args(tp) if m is not type(None)]) > 1


def _json_kind(member: Any) -> type:
    """The JSON type a member of a union is written as."""
    if member in (bool, int, type(None)):
        return typing.cast("type", member)
    if _is_record(member) or _is_mapping(member):
        return dict
    if _is_list(member):
        return list
    return str


def _structure_mixed_union_factory(tp: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    """Read a union whose members are written as different JSON types (or records with
    different keys): the JSON type, then the keys, pick the member; the first that reads wins."""
    members = typing.get_args(tp)

    def structure(value: object, _cl: object) -> Any:
        if value is None and type(None) in members:
            return None
        kind = dict if isinstance(value, Mapping) else type(value)
        if isinstance(value, MutableSequence):
            kind = list
        candidates = [m for m in members if _json_kind(m) is kind]
        if kind is dict:
            keys = set(typing.cast("Mapping[str, Any]", value))
            candidates = [m for m in candidates if not _is_record(m) or _fits(m, keys)]
        errors: list[Exception] = []
        for member in candidates:
            try:
                return converter.structure(value, member)
            except Exception as exc:
                errors.append(exc)
        if len(errors) == 1:
            raise errors[0]
        names = " or ".join(getattr(m, "__name__", str(m)) for m in members)
        return refuse(f"one of {names}", value)

    return structure


def _fits(cl: type, keys: set[str]) -> bool:
    fields = [f for f in attrs.fields(cl) if f.init]
    names = {f.alias or f.name for f in fields}
    required = {f.alias or f.name for f in fields if f.default is attrs.NOTHING}
    return required <= keys <= names


def configure(converter: cattrs.Converter) -> None:
    """Register the hooks of records, collections and variants."""
    converter.register_structure_hook_factory(_is_mixed_union, _structure_mixed_union_factory)
    converter.register_structure_hook_factory(_is_list, _structure_list_factory)
    converter.register_unstructure_hook_factory(_is_list, _unstructure_list_factory)
    converter.register_structure_hook_factory(_is_mapping, _structure_mapping_factory)
    converter.register_unstructure_hook_factory(_is_mapping, _unstructure_mapping_factory)
    converter.register_structure_hook_factory(_is_record, _structure_record_factory)
    converter.register_unstructure_hook_factory(_is_record, _unstructure_record_factory)
    handed_over: set[Any] = set()  # this converter's unions configured by cattrs' strategy
    converter.register_structure_hook_factory(
        lambda tp: tp not in handed_over and _is_variants(tp),
        lambda tp, converter: _structure_variants(tp, converter, handed_over),
    )
    converter.register_unstructure_hook_factory(_is_variants, _unstructure_variants_factory)
