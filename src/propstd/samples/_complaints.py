"""The sample property's March 2025 complaint register (private).

25 complaints by phone, at the counter, by letter, on the web and otherwise: twelve
dissatisfactions (不满), nine grievances (抱怨) and four demands (责令); two from VIP owners,
one major, one reopened, four still open on the morning of 1 April.
"""

from __future__ import annotations

from datetime import datetime

from propstd.complaints import Complaint
from propstd.samples._facts import at
from propstd.timelines import Timeline

__all__: list[str] = []

_KINDS = {"resp": "responded", "call": "contacted", "visit": "revisited"}
_VERDICTS = {"yes": True, "no": False}


def _at(text: str) -> datetime:
    """'03-05 10:20' in 2025, Beijing time."""
    day, clock = text.split()
    month, dom = (int(x) for x in day.split("-"))
    return at(month, dom, clock)


def timeline(received: str, steps: str) -> Timeline:
    """The timeline of events written as 'kind MM-DD HH:MM[ extra]', separated by ';' (resp =
    responded, call = contacted, visit = revisited; extra: a pause's reason, a revisit's
    verdict yes or no)."""
    line = Timeline.start(_at(received))
    for step in filter(None, (s.strip() for s in steps.split(";"))):
        short, day, clock, *extra = step.split()
        kind = _KINDS.get(short, short)
        when = _at(f"{day} {clock}")
        if kind == "paused":
            line = line.paused(when, " ".join(extra))
        elif kind == "revisited":
            line = line.revisited(when, satisfied=_VERDICTS.get(extra[0]) if extra else None)
        else:
            line = getattr(line, kind)(when)
    return line


VIP = frozenset({"TS-0307", "TS-0322"})
MAJOR = frozenset({"TS-0311"})
DEPARTMENTS = {
    "TS-0304": ("工程部", "客服部"),
    "TS-0311": ("财务部", "客服部", "项目部"),
    "TS-0324": ("财务部", "客服部", "法务部"),
}

# id, received, channel, level, customer, topic, owner (首问责任人), then the events
# fmt: off
ROWS: tuple[tuple[str, str, str, str, str, str, str, str], ...] = (
    ("TS-0301", "03-03 09:10", "phone", "dissatisfaction", "3-1201", "noise", "王敏",
     "resp 03-03 09:40; closed 03-04 10:00; visit 03-05 10:00 yes"),
    ("TS-0302", "03-03 14:20", "visit", "grievance", "5-0802", "lift", "李强",
     "resp 03-03 15:00; call 03-04 10:00; closed 03-05 16:00; visit 03-06 09:30 yes"),
    ("TS-0303", "03-04 08:50", "web", "dissatisfaction", "1-0303", "cleaning", "王敏",
     "resp 03-04 11:00; closed 03-04 17:00; visit 03-06 10:00 yes"),
    ("TS-0304", "03-05 10:05", "phone", "demand", "7-1502", "water leak", "张伟",
     ("resp 03-05 10:30; paused 03-05 14:00 owner absent; resumed 03-06 09:00; "
      "call 03-06 15:00; closed 03-07 11:00; visit 03-10 09:00 yes")),
    ("TS-0305", "03-06 19:30", "phone", "grievance", "2-0601", "parking", "值班客服",
     "resp 03-07 09:00; closed 03-08 10:00; visit 03-11 10:00 no"),
    ("TS-0306", "03-07 11:15", "letter", "dissatisfaction", "9-2001", "greenery", "李强",
     "resp 03-10 09:30; closed 03-11 15:00; visit 03-12 10:00 yes"),
    ("TS-0307", "03-08 10:00", "visit", "grievance", "6-1102", "security", "王敏",
     "resp 03-08 10:20; call 03-10 16:00; closed 03-11 09:00; visit 03-12 11:00 yes"),
    ("TS-0308", "03-10 09:00", "phone", "dissatisfaction", "3-1201", "noise", "王敏",
     "resp 03-10 09:20; closed 03-10 17:00; visit 03-12 09:00 no"),
    ("TS-0309", "03-10 13:45", "web", "dissatisfaction", "4-0405", "delivery", "李强",
     "resp 03-10 14:00; closed 03-11 10:00; visit 03-13 10:00 yes"),
    ("TS-0310", "03-11 16:40", "phone", "grievance", "8-0708", "lift", "张伟",
     "resp 03-11 17:00; call 03-13 10:00; closed 03-14 16:00; visit 03-17 10:00 yes"),
    ("TS-0311", "03-12 10:30", "visit", "demand", "10-1801", "fees", "王敏",
     "resp 03-12 11:00; call 03-13 15:00; closed 03-14 10:00; visit 03-17 15:00 yes"),
    ("TS-0312", "03-13 09:20", "phone", "dissatisfaction", "11-0203", "cleaning", "李强",
     "resp 03-13 09:40; closed 03-13 16:00; visit 03-14 10:00 yes"),
    ("TS-0313", "03-14 15:00", "web", "grievance", "12-1606", "water pressure", "张伟",
     "resp 03-14 16:00; call 03-17 10:00; closed 03-18 11:00; visit 03-19 10:00 yes"),
    ("TS-0314", "03-15 11:00", "phone", "dissatisfaction", "2-0101", "pets", "值班客服",
     "resp 03-17 09:00; closed 03-17 17:00; visit 03-19 09:30 yes"),
    ("TS-0315", "03-17 09:30", "letter", "grievance", "5-1203", "renovation noise", "王敏",
     "resp 03-17 14:00; closed 03-18 16:00; visit 03-20 10:00 yes"),
    ("TS-0316", "03-18 10:10", "phone", "dissatisfaction", "7-0902", "lighting", "李强",
     "resp 03-18 10:30; closed 03-19 09:00; visit 03-21 10:00 yes"),
    ("TS-0317", "03-19 14:00", "visit", "grievance", "1-1502", "lift", "张伟",
     ("resp 03-19 14:30; closed 03-20 10:00; reopened 03-21 09:00; call 03-21 15:00; "
      "closed 03-24 16:00; visit 03-26 10:00 yes")),
    ("TS-0318", "03-20 08:40", "web", "dissatisfaction", "9-0506", "parking", "王敏",
     "resp 03-20 09:00; closed 03-20 15:00; visit 03-24 10:00"),
    ("TS-0319", "03-21 16:50", "phone", "demand", "4-2002", "water leak", "值班客服",
     "resp 03-21 17:10; call 03-24 10:00; closed 03-25 11:00; visit 03-26 15:00 yes"),
    ("TS-0320", "03-24 10:00", "phone", "dissatisfaction", "6-0301", "cleaning", "李强",
     "resp 03-24 10:15; closed 03-24 16:00; visit 03-25 10:00 yes"),
    ("TS-0321", "03-25 13:30", "web", "grievance", "3-1201", "noise", "王敏",
     "resp 03-25 14:00; call 03-27 10:00; closed 03-28 17:00"),
    ("TS-0322", "03-27 09:00", "visit", "grievance", "8-1101", "security", "张伟",
     "resp 03-27 09:30; call 03-28 16:00"),
    ("TS-0323", "03-28 16:30", "phone", "dissatisfaction", "11-0807", "greenery", "李强",
     "resp 03-31 09:00"),
    ("TS-0324", "03-31 10:20", "letter", "demand", "12-0202", "fees", "王敏",
     "resp 03-31 11:00"),
    ("TS-0325", "03-31 17:10", "other", "dissatisfaction", "2-1305", "delivery", "值班客服",
     ""),
)
# fmt: on


def complaints() -> tuple[Complaint, ...]:
    """The March 2025 register, each complaint with its timeline as known at `AS_OF`."""
    return tuple(
        Complaint(
            cid,
            _at(received),
            channel,
            level,
            vip=cid in VIP,
            major=cid in MAJOR,
            departments=DEPARTMENTS.get(cid, ()),
            customer=customer,
            topic=topic,
            owner=owner,
            timeline=timeline(received, steps),
        )
        for cid, received, channel, level, customer, topic, owner, steps in ROWS
    )
