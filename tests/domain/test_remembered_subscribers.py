"""The remembered subscribers' list (issue 15.2): stored as JSON, most recent first, never a password."""

from __future__ import annotations

from annet_desktop.domain.subscribers import MAX_REMEMBERED, Subscriber, dump, forget, parse, remember


def test_round_trip_most_recent_first() -> None:
    listed = remember(remember([], "100001", "Смирнова"), "100002", "Кузнецов")
    assert parse(dump(listed)) == [Subscriber("100002", "Кузнецов"), Subscriber("100001", "Смирнова")]
    again = remember(listed, "100001", "Смирнова Анна")  # logged in again: to the top, new name
    assert again == [Subscriber("100001", "Смирнова Анна"), Subscriber("100002", "Кузнецов")]


def test_forget_drops_only_that_one() -> None:
    listed = [Subscriber("100001"), Subscriber("100002")]
    assert forget(listed, "100001") == [Subscriber("100002")]
    assert forget(listed, "999") == listed


def test_damaged_values_read_as_nothing_or_are_skipped() -> None:
    assert parse("") == [] and parse("{not json") == [] and parse('{"a": 1}') == []
    assert parse('[{"account": "12a"}, {"account": 5}, "x", {"account": "100001", "password": "p"}]') == [
        Subscriber("100001")
    ]  # the password key is never read (nor ever written: see dump)
    assert "password" not in dump([Subscriber("100001", "x")])


def test_the_list_is_bounded() -> None:
    listed: list[Subscriber] = []
    for n in range(MAX_REMEMBERED + 5):
        listed = remember(listed, str(100000 + n), "")
    assert len(listed) == MAX_REMEMBERED and listed[0].account == str(100000 + MAX_REMEMBERED + 4)
