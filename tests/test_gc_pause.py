"""The collector held off for a block and given back as it was found."""
import gc

from services.core.gc_pause import collected_in_steps, collector_paused


def test_the_collector_is_off_inside_and_on_again_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # a computation inside another one
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not turn it on under the outer one
    assert gc.isenabled()


def test_a_collector_someone_turned_off_stays_off_and_an_error_gives_it_back():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    try:
        with collector_paused():
            raise ValueError("a bad evening")
    except ValueError:
        pass
    assert gc.isenabled()


class _Knot:
    """A cycle only the collector frees: the kind of garbage a step may leave."""

    def __init__(self) -> None:
        self.me = self


def test_steps_run_with_the_collector_off_their_cycles_freed_at_each_step_and_all_given_back():
    before = gc.get_freeze_count()
    with collected_in_steps() as step_done:
        assert not gc.isenabled()
        assert gc.get_freeze_count() > before  # what was there before is out of the walks
        _Knot()
        kept = [_Knot() for _ in range(3)]
        step_done()
        assert not any(isinstance(o, _Knot) and o not in kept for o in gc.get_objects())  # the loose knot freed
        assert gc.get_freeze_count() > 0  # the step's survivors frozen too
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # everything back to the collector
    try:
        with collected_in_steps():
            raise ValueError("a bad day")
    except ValueError:
        pass
    assert gc.isenabled() and gc.get_freeze_count() == 0
